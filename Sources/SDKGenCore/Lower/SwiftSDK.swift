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
    public var typeName: String
    public var errorTypeName: String
    public var docLines: [String]
    /// The initializer's doc comment, parameters included.
    public var initDocLines: [String]
    public var defaultServerURLLiteral: String
    public var defaultServerDocLines: [String]
    /// The API key argument, when the API authenticates with one.
    public var apiKey: APIKeyDeclaration?
    /// Headers set once on the client and sent with every request.
    public var globalHeaders: [GlobalHeaderDeclaration]
    public var groups: [APIGroupReference]
    public var retryDefaults: RetryDefaults
    /// `timeout` default, in seconds.
    public var timeoutLiteral: String
}

/// How the client sends its API key.
public struct APIKeyDeclaration: Sendable {
    public var environmentVariableLiteral: String
    public var headerNameLiteral: String
    /// The header's value as a Swift string literal interpolating `apiKey`, such as `"Bearer \(apiKey)"`.
    public var headerValueLiteral: String
}

public struct GlobalHeaderDeclaration: Sendable {
    public var parameterName: String
    public var headerNameLiteral: String
    /// The `- Parameter` text; continuation lines are indented for the parameter list.
    public var documentationLines: [String]
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
    /// The `Accept` header's value, when the success response has a body.
    public var acceptLiteral: String?
    /// The path as a Swift string literal, with path parameters interpolated and escaped.
    public var pathLiteral: String
    public var parameters: [OperationParameter]
    public var queryItems: [OperationParameter]
    public var headerItems: [OperationParameter]
    public var returnType: String
    public var responseCases: [ResponseCase]
}

public struct OperationParameter: Sendable {
    /// The Swift argument name.
    public var name: String
    public var type: String
    /// ` = nil` for an optional argument, empty for a required one.
    public var defaultClause: String
    public var wireNameLiteral: String
    /// The `- Parameter` text; continuation lines are indented for the parameter list.
    public var documentationLines: [String]
}

/// One `case` of the status `switch` an operation ends with.
public struct ResponseCase: Sendable {
    public var statusCode: Int
    /// Set for a success: the type decoded and returned.
    public var returnedType: String?
    /// Set for a documented error: the error case thrown.
    public var thrownCase: ErrorStatusCase?
}
