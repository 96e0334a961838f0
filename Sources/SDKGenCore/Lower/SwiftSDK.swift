/// The generated SDK as values: every name, type and piece of text already decided and escaped.
///
/// This is the Lower stage's output and the only input of the templates, so each field is something a
/// template prints as it is. Fields ending in `Literal` are complete Swift string literals; `docLines`
/// are complete `///` comment lines without indentation.
public struct SwiftSDK: Sendable {
    public var moduleName: String
    public var client: ClientDeclaration
    public var error: ErrorDeclaration
    public var groups: [APIGroupDeclaration]
    public var models: [ModelDeclaration]
}

/// The client type users create.
public struct ClientDeclaration: Sendable {
    /// The access modifier of the declarations and a space (`public `), or nothing for internal.
    public var access: String
    public var typeName: String
    public var errorTypeName: String
    public var docLines: [String]
    /// The initializer's doc comment, parameters included.
    public var initDocLines: [String]
    public var defaultServerURLLiteral: String
    public var defaultServerDocLines: [String]
    /// A static function building the server URL from the first server's variables, when it has any.
    public var serverURLFunction: ServerURLFunction?
    /// The credentials the initializer takes, one per security scheme the document uses (schemes sent the same way
    /// share one).
    public var credentials: [CredentialDeclaration]
    /// Whether there is any credential, for the code that collects them.
    public var hasCredentials: Bool
    /// The document's security requirement as a Swift literal, such as `[["bearer"]]`: the credentials that
    /// operations without their own `security` send.
    public var securityLiteral: String
    /// The lowercased names of the headers that may carry a credential, as a Swift set literal: `authorization`,
    /// `cookie`, `proxy-authorization` and the API key headers. A redirect to another origin drops them.
    public var credentialHeaderNamesLiteral: String
    /// The names of the query parameters that carry API keys, as a Swift set literal (`[]` when none do). A redirect
    /// to another origin drops them, and transport errors show the URL without their values.
    public var credentialQueryNamesLiteral: String
    /// Headers set once on the client and sent with every request.
    public var globalHeaders: [GlobalHeaderDeclaration]
    /// Whether there is any global header, for the code that collects them.
    public var hasGlobalHeaders: Bool
    public var groups: [APIGroupReference]
    /// Whether there is any API group; without one (a document with no operations) the client has nothing to
    /// set up, and building a request pipeline nobody uses would be dead code.
    public var hasGroups: Bool
    public var retryDefaults: RetryDefaults
    /// `timeout` default, in seconds.
    public var timeoutLiteral: String
    /// Whether an operation returns server-sent events, which needs the runtime's streaming support.
    public var usesEventStreams: Bool
    /// Whether an operation sends a `multipart/form-data` body, which needs the runtime's multipart support.
    public var usesMultipart: Bool
}

/// `serverURL(region:)`: the first server's URL with its variables as arguments.
public struct ServerURLFunction: Sendable {
    public var docLines: [String]
    public var parameters: [ServerURLParameter]
    /// The URL as a Swift string literal interpolating the parameters.
    public var urlLiteral: String
}

public struct ServerURLParameter: Sendable {
    public var name: String
    /// The variable's default as a Swift string literal.
    public var defaultLiteral: String
}

/// A credential the client's initializer takes, and how it is stored for the requests that need it.
public struct CredentialDeclaration: Sendable {
    /// The initializer's arguments: one for a token or key, two (user name and password) for HTTP basic.
    public var arguments: [CredentialArgument]
    /// What the initializer checks before storing the credential: `let apiKey`, `let username, let password`.
    public var condition: String
    /// The security scheme's name as a Swift string literal: the key requests name the credential by.
    public var keyLiteral: String
    /// The runtime `Credential` built from the arguments, such as `.bearer(apiKey)`.
    public var valueExpression: String
    /// The security scheme, by its name.
    public var origin: SpecOrigin
}

public struct CredentialArgument: Sendable {
    public var name: String
    /// ` = ProcessInfo.processInfo.environment["MODELGATES_API_KEY"]` or ` = nil`.
    public var defaultClause: String
    /// The `- Parameter` text; continuation lines are indented for the parameter list.
    public var documentationLines: [String]
}

public struct GlobalHeaderDeclaration: Sendable {
    public var parameterName: String
    public var headerNameLiteral: String
    /// The `- Parameter` text; continuation lines are indented for the parameter list.
    public var documentationLines: [String]
    /// The header parameter, by its lowercased name.
    public var origin: SpecOrigin
}

public struct APIGroupReference: Sendable {
    public var propertyName: String
    public var typeName: String
    public var docLines: [String]
}

/// The client's default retry policy, as Swift literals.
public struct RetryDefaults: Sendable {
    public var docLines: [String]
    public var initialInterval: String
    public var maxInterval: String
    public var exponent: String
    public var maxElapsedTime: String
    /// `408, 429, 500`: the statuses that are retried.
    public var statusCodes: String
    public var retryConnectionErrors: String
}

/// The SDK's error enum.
public struct ErrorDeclaration: Sendable {
    /// The access modifier of the declarations and a space (`public `), or nothing for internal.
    public var access: String
    public var typeName: String
    public var clientTypeName: String
    public var docLines: [String]
    public var statusCases: [ErrorStatusCase]
    /// Whether there is any status case, for the `switch` statements that list them.
    public var hasStatusCases: Bool
}

/// One case of the error enum for a documented status, such as `badRequest` for 400.
public struct ErrorStatusCase: Sendable {
    public var caseName: String
    public var statusCode: Int
    /// The type of the decoded body.
    public var bodyType: String
    public var docLines: [String]
}

/// The API group of one tag, such as `AnalyticsAPI`, reached as `client.analytics`.
public struct APIGroupDeclaration: Sendable {
    /// The access modifier of the declarations and a space (`public `), or nothing for internal.
    public var access: String
    public var typeName: String
    public var propertyName: String
    public var clientTypeName: String
    public var errorTypeName: String
    public var tag: String
    public var docLines: [String]
    public var operations: [OperationDeclaration]
    /// The group's reference page.
    public var reference: ReferencePage
}

public struct OperationDeclaration: Sendable {
    public var functionName: String
    public var docLines: [String]
    public var deprecated: Bool
    public var httpMethodLiteral: String
    /// `var` when the function adds anything to the request after creating it, else `let`.
    public var requestBinding: String
    /// `try ` when building the path can fail (a path parameter that is encoded as JSON first), else empty.
    public var pathTry: String
    /// The path as a Swift string literal, with path parameters interpolated and escaped.
    public var pathLiteral: String
    /// The function's arguments, in order: path parameters, the body, then the other parameters.
    public var parameters: [OperationParameter]
    /// The security requirement as a Swift literal when it differs from the client's, such as `[]` for none.
    public var securityLiteral: String?
    /// The `Accept` header's value, when the success response has a body.
    public var acceptLiteral: String?
    /// The query, header and cookie parameters, each added by one call on the request.
    public var requestItems: [RequestItem]
    public var body: RequestBodyDeclaration?
    public var returnType: String
    /// The `send` method of the client: `send` for a response read whole, `stream` for events.
    public var sendMethod: String
    public var responseCases: [ResponseCase]
    /// The JSON examples the spec gives for the responses, for checking the SDK's types against them.
    public var responseExamples: [ResponseExample]
    /// The operation this function calls: `GET /users/{id}`, at the operation's method key.
    public var origin: SpecOrigin
    /// The security schemes the function sends, as alternatives each needing all of its schemes: the operation's
    /// own requirement or else the document's, in credential keys (see `CredentialDeclaration.keyLiteral`).
    public var securityRequirement: [[String]]
}

/// A JSON example of a response and the Swift type its status documents.
public struct ResponseExample: Sendable {
    /// Names the example in reports: `getUserActivity 200`, or `getUserActivity 400 invalidDate` for a named one.
    public var label: String
    /// The type the response body decodes as.
    public var swiftType: String
    /// The example as compact JSON.
    public var json: String
}

public struct OperationParameter: Sendable {
    /// The Swift argument name.
    public var name: String
    public var type: String
    /// ` = nil` for an optional argument, empty for a required one.
    public var defaultClause: String
    /// The `- Parameter` text; continuation lines are indented for the parameter list.
    public var documentationLines: [String]
    /// The parameter (`query limit`), body (`body`) or multipart field (`body field name`) the argument sends.
    public var origin: SpecOrigin
}

/// One call that adds a value to the request or to a multipart form:
/// `{{tryPrefix}}request.{{method}}({{wireNameLiteral}}, {{value}}{{extraArguments}})`.
public struct RequestItem: Sendable {
    /// `try ` when the call can fail (values encoded as JSON first), else empty.
    public var tryPrefix: String
    /// `addQueryItem`, `addHeader`, `addCookie`, `addField`, `addFile` or `addJSONField`.
    public var method: String
    public var wireNameLiteral: String
    /// The argument holding the value.
    public var value: String
    /// Further arguments, each starting with `, `: `, style: .pipeDelimited, explode: false`.
    public var extraArguments: String
}

/// How an operation sends its request body. Exactly one of the kinds is set.
public struct RequestBodyDeclaration: Sendable {
    /// A JSON body: `try request.setJSONBody(body)`.
    public var json: JSONBodyDeclaration?
    /// An `application/x-www-form-urlencoded` body: `try request.setFormBody(body)`.
    public var form: ValueBodyDeclaration?
    /// A `multipart/form-data` body built from the arguments, one part each.
    public var multipart: MultipartBodyDeclaration?
    /// A body sent as it is, `Data` or `String`.
    public var raw: RawBodyDeclaration?
}

public struct JSONBodyDeclaration: Sendable {
    public var value: String
    /// The media type as a Swift string literal, such as `"application/json"`.
    public var contentTypeLiteral: String
    /// `, overriding: "stream", with: true` when a field is forced for this function, else empty.
    public var extraArguments: String
}

public struct ValueBodyDeclaration: Sendable {
    public var value: String
}

public struct MultipartBodyDeclaration: Sendable {
    /// One call on the form per field or file.
    public var parts: [RequestItem]
}

public struct RawBodyDeclaration: Sendable {
    public var value: String
    public var contentTypeLiteral: String
}

/// One `case` of the status `switch` an operation ends with.
public struct ResponseCase: Sendable {
    /// The statuses the case matches: `200`, or `200...299` for a `2XX` range.
    public var pattern: String
    /// Set for a success with a value: the expression returned, such as `try response.decode(Pet.self)`.
    public var returnExpression: String?
    /// Set for a documented error: the error case thrown.
    public var thrownCase: ErrorStatusCase?
}
