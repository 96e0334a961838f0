import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// The generated SDK as values: every name and type decided.
///
/// This is the Lower stage's output. It holds what the SDK is (types as ``SwiftType``, strings as the spec gives
/// them, kinds as enums, documentation as ``Documentation``); the View stage turns it into the text templates
/// print.
public struct SwiftSDK: Sendable {
    public var moduleName: String
    public var client: ClientDeclaration
    public var error: ErrorDeclaration
    public var groups: [APIGroupDeclaration]
    public var models: [ModelDeclaration]
    /// Whether the models are `Hashable`, `Equatable` only, or neither (`LoweringOptions.modelEquality`).
    public var modelEquality: ModelEquality
    /// The spec's `info.version`, which `sdkgen diff` checks against the changes it finds.
    public var apiVersion: String
    /// The enum of the webhooks and callbacks the API sends, when it declares any.
    public var webhooks: WebhookDeclaration?
    /// The transport modules written beside the SDK, in `TransportKind`'s order.
    public var transports: [TransportModule]
}

/// The enum of the requests the API sends to its users (webhooks and callbacks), such as `FeaturesSDKWebhook`,
/// with `decode(event:headers:body:)`.
public struct WebhookDeclaration: Sendable {
    public var access: AccessModifier
    public var typeName: String
    public var documentation: Documentation
    /// One per event name, in the spec's order: the webhooks, then the callbacks of each operation.
    public var events: [WebhookEvent]
}

/// A case of the webhook enum.
public struct WebhookEvent: Sendable {
    public var caseName: String
    /// The name `decode(event:headers:body:)` is given for it: the webhook's or the callback's key.
    public var eventName: String
    /// What the request's body decodes as; `nil` when it has none.
    public var payload: WebhookPayload?
    public var documentation: Documentation
    /// The event (`event invoicePaid`), at its first operation.
    public var origin: SpecOrigin
}

/// The body of an incoming request, as an event's case carries it.
public struct WebhookPayload: Sendable, Hashable {
    /// The case's associated type, optional when the body is not required.
    public var type: SwiftType
    /// How the body is read: JSON as a type, text, or the bytes.
    public var reading: ResponseReading
    /// The documented media type, lowercased without parameters: a request whose `Content-Type` names another is
    /// refused.
    public var mediaType: String
}

/// The client type users create.
public struct ClientDeclaration: Sendable {
    public var access: AccessModifier
    public var typeName: String
    public var errorTypeName: String
    public var documentation: Documentation
    /// The initializer's documentation, parameters included.
    public var initDocumentation: Documentation
    public var defaultServerURL: String
    /// Where the default server is declared: the first server, or the document when it declares none.
    public var defaultServerLocation: SourceLocation
    public var defaultServerDocumentation: Documentation
    /// A static function building the server URL from the first server's variables, when it has any.
    public var serverURLFunction: ServerURLFunction?
    /// The credentials the initializer takes, one per security scheme the document uses (schemes sent the same way
    /// share one).
    public var credentials: [CredentialDeclaration]
    /// The document's security requirement in credential keys, such as `[["bearer"]]`: the credentials that
    /// operations without their own `security` send.
    public var securityRequirement: [[String]]
    /// The lowercased names of the headers that may carry a credential: `authorization`, `cookie`,
    /// `proxy-authorization` and the API key headers, sorted. A redirect to another origin drops them.
    public var credentialHeaderNames: [String]
    /// The names of the query parameters that carry API keys, sorted. A redirect to another origin drops them, and
    /// transport errors show the URL without their values.
    public var credentialQueryNames: [String]
    /// Headers set once on the client and sent with every request.
    public var globalHeaders: [GlobalHeaderDeclaration]
    public var retryDefaults: RetryPolicy
    /// `timeout` default, in seconds.
    public var timeout: Double
    /// The operation the client's documentation shows a call of: the first of the first group.
    public var exampleOperation: OperationReference?
}

/// An operation's function, by its group's property and its name: `analytics.getUserActivity`.
public struct OperationReference: Sendable, Hashable {
    public var groupPropertyName: String
    public var functionName: String
}

/// `serverURL(region:)`: the first server's URL with its variables as arguments.
public struct ServerURLFunction: Sendable {
    public var documentation: Documentation
    public var parameters: [ServerURLParameter]
    /// The URL, its variables replaced by the parameters.
    public var url: [InterpolatedText]
}

public struct ServerURLParameter: Sendable {
    public var name: String
    /// The variable's default value.
    public var defaultValue: String
    /// The server variable, by its name in the URL.
    public var origin: SpecOrigin
}

/// A piece of a string built from text and arguments: a path or a server URL.
public enum InterpolatedText: Sendable, Hashable {
    case text(String)
    /// The value of the function argument of this name, converted as the case says.
    case argument(String, PathValueEncoding)
}

/// How an argument is written into a path.
public enum PathValueEncoding: Sendable, Hashable {
    /// A `String`, as it is: a server URL's variable.
    case verbatim
    /// A `String`, percent-encoded.
    case string
    /// A `LosslessStringConvertible` value (number, Boolean, enum), percent-encoded.
    case text
    /// A value written through its JSON form in the simple style; this can throw.
    case structured(explode: Bool)
}

/// A credential the client's initializer takes, and how it is stored for the requests that need it.
public struct CredentialDeclaration: Sendable {
    /// The initializer's arguments: one for a token or key, two (user name and password) for HTTP basic.
    public var arguments: [CredentialArgument]
    /// How the credential is sent.
    public var placement: CredentialPlacement
    /// The security scheme's name: the key requests name the credential by.
    public var key: String
    /// The security scheme, by its name.
    public var origin: SpecOrigin

    /// Whether the client fetches this credential's tokens itself: OAuth 2.0 client credentials.
    public var fetchesTokens: Bool {
        if case .oauth2ClientCredentials = placement { true } else { false }
    }
}

/// How a credential travels with a request; its arguments are the credential's, in order.
public enum CredentialPlacement: Sendable, Hashable {
    case bearer
    /// A user name and a password.
    case basic
    case header(String)
    case query(String)
    case cookie(String)
    /// An OAuth 2.0 client's ID and secret, with which the client fetches a token from the token URL (as the spec
    /// writes it: absolute, or relative to the server URL) and sends it as a bearer token.
    case oauth2ClientCredentials(tokenURL: String)
}

public struct CredentialArgument: Sendable {
    public var name: String
    /// The environment variable the argument defaults to; without one it defaults to `nil`.
    public var environmentVariable: String?
    /// What the initializer's `- Parameters:` entry says of it.
    public var documentation: String?
    /// What the property of the same name in the secrets a credential provider supplies says of it, where `nil`
    /// means the client's own; `nil` for an argument no provider supplies (OAuth 2.0 client credentials).
    public var providerDocumentation: String?
}

public struct GlobalHeaderDeclaration: Sendable {
    public var parameterName: String
    public var headerName: String
    /// What the initializer's `- Parameters:` entry says of it.
    public var documentation: String?
    /// The header parameter, by its lowercased name.
    public var origin: SpecOrigin
}

/// A retry policy: the client's default, or an operation's own; intervals in seconds.
public struct RetryPolicy: Sendable, Equatable {
    /// Where the policy comes from, as the start of a sentence: "The policy the spec sets with `x-speakeasy-retries`".
    public var source: String
    /// Where the spec or the configuration sets the policy; `nil` for sdkgen's default.
    public var location: SourceLocation?
    public var initialInterval: Double
    public var maxInterval: Double
    public var exponent: Double
    public var maxElapsedTime: Double
    /// The fraction of each wait left to chance, from 0 to 1.
    public var jitter: Double
    /// The single statuses that are retried, in increasing order, none inside one of ``statusRanges``.
    public var statusCodes: [Int]
    /// The first digits of the status classes that are retried (5 for `5XX`), in increasing order.
    public var statusRanges: [Int]
    public var retryConnectionErrors: Bool
}

/// The SDK's error enum.
public struct ErrorDeclaration: Sendable {
    public var access: AccessModifier
    public var typeName: String
    public var clientTypeName: String
    public var documentation: Documentation
    /// One per documented error status, range and `default`: the statuses in increasing order, then the
    /// ranges, then `default`.
    public var statusCases: [ErrorStatusCase]

    /// The case thrown for a documented error status, range or `default`.
    public func statusCase(for status: StatusPattern) -> ErrorStatusCase? {
        statusCases.first { $0.status == status }
    }
}

/// One case of the error enum for a documented error response, such as `badRequest` for 400, `clientError` for
/// `4XX` or `defaultError` for `default`.
public struct ErrorStatusCase: Sendable {
    public var caseName: String
    /// The documented status, range or `default` it is thrown for.
    public var status: StatusPattern
    /// The type of the decoded body.
    public var bodyType: SwiftType
    /// When operations document different bodies for the status: `bodyType` is a union of them, and these are its
    /// cases, each of which wraps the body of the operations that document its type.
    public var bodyMembers: [ErrorBodyMember]
    public var documentation: Documentation
    /// Where the first operation documenting it does so.
    public var location: SourceLocation

    /// The union's case that wraps a body of `type`, when the case carries a union of the bodies operations document.
    public func bodyMember(wrapping type: SwiftType?) -> ErrorBodyMember? {
        bodyMembers.first { $0.type == type }
    }
}

/// A case of the union an error case carries when operations document different bodies for its status.
public struct ErrorBodyMember: Sendable {
    /// The type the operations document.
    public var type: SwiftType
    /// The union's case that wraps it.
    public var caseName: String
}

/// The API group of one tag, such as `AnalyticsAPI`, reached as `client.analytics`.
public struct APIGroupDeclaration: Sendable {
    public var access: AccessModifier
    public var typeName: String
    /// The protocol the group's type conforms to, listing its functions, for fakes in tests: `AnalyticsAPIProtocol`.
    public var protocolName: String
    public var propertyName: String
    public var clientTypeName: String
    public var errorTypeName: String
    public var tag: String
    /// The tag's description.
    public var description: String?
    public var documentation: Documentation
    public var operations: [OperationDeclaration]
    /// The groups nested in this one by a dotted `x-speakeasy-group` (`beta.responses` in `beta`), each a property.
    public var subgroups: [SubgroupDeclaration] = []
    /// Whether the group is reached through another (`client.beta.responses`) rather than from the client;
    /// `propertyName` is then the whole path from the client.
    public var isNested = false
}

/// A group's property holding a group nested in it.
public struct SubgroupDeclaration: Sendable {
    public var propertyName: String
    public var typeName: String
    public var documentation: Documentation
}

public struct OperationDeclaration: Sendable {
    public var functionName: String
    /// The spec's `operationId`, if it gives one.
    public var operationID: String?
    /// The operation's summary and description, as the spec gives them.
    public var summary: String?
    public var description: String?
    public var documentation: Documentation
    public var deprecated: Bool
    /// Why the operation is deprecated and what to use instead (`x-speakeasy-deprecation-message`).
    public var deprecationMessage: String?
    /// `GET`, `POST` and so on.
    public var httpMethod: String
    /// The path, with path parameters interpolated.
    public var path: [InterpolatedText]
    /// The path as the spec writes it, its parameters not filled in: `/users/{id}`.
    public var pathTemplate: String
    /// The function's arguments, in order: path parameters, the body, then the other parameters; or the one
    /// `request` argument holding them all when `requestStruct` is set.
    public var parameters: [OperationParameter]
    /// The struct the function takes its arguments in, when the operation has more of them than
    /// `x-speakeasy-max-method-params` allows.
    public var requestStruct: RequestStructDeclaration?
    /// The security requirement in credential keys when it differs from the client's, such as `[]` for none.
    public var security: [[String]]?
    /// The argument holding the client's `Credentials` this call sends in place of the client's own, when the
    /// XX
    public var callCredentials: String?
    /// The `Accept` header's value, when the success response has a body.
    public var accept: String?
    /// The query, header and cookie parameters, each added by one call on the request.
    public var requestItems: [RequestItem]
    public var body: RequestBodyDeclaration?
    public var returnType: SwiftType
    /// Whether the response is streamed as events as it arrives, rather than read whole.
    public var isStreaming: Bool
    /// For a function of an operation with several request or response media types other than its plain one, the
    /// media types it sends and asks for (`body application/x-www-form-urlencoded accept text/csv`): with the
    /// operation, what tells its functions apart in every version of the spec.
    public var mediaVariant: String?
    public var responseCases: [ResponseCase]
    /// The documented error responses, in the spec's order, with the media type of each.
    public var errorResponses: [ErrorResponse]
    /// The operation's own retry policy, or `nil` when it has none and uses the client's.
    public var retries: RetryPolicy?
    /// The JSON examples the spec gives for the responses, for checking the SDK's types against them.
    public var responseExamples: [BodyExample]
    /// The JSON examples the spec gives for the request body this function sends, for checking the SDK's types
    /// against them.
    public var requestExamples: [BodyExample] = []
    /// The operation this function calls: `GET /users/{id}`, at the operation's method key.
    public var origin: SpecOrigin
    /// The security schemes the function sends, as alternatives each needing all of its schemes: the operation's
    /// own requirement or else the document's, in credential keys (see `CredentialDeclaration.keyLiteral`).
    public var securityRequirement: [[String]]
    /// The paging functions, when the operation is paginated.
    public var pagination: PaginationDeclaration? = nil

    /// Whether the function is the overload of another sending its binary body as an `UploadBody` rather than
    /// `Data`: the same name and arguments otherwise, so documentation lists only the other.
    public var sendsUploadBody: Bool {
        parameters.contains { $0.type == .uploadBody }
    }
}

/// The struct holding an operation's arguments, passed as its one `request` argument: `GetSessionCostRequest`.
public struct RequestStructDeclaration: Sendable {
    public var typeName: String
    /// The function's name for the argument inside its body, which differs from every field's name.
    public var localName: String
    /// The fields, named as the arguments they stand for, in the arguments' order.
    public var fieldNames: [String]
}

/// A JSON example of a request or response body and the Swift type the body is: a response's status documents it,
/// a request's is the function's `body` argument.
public struct BodyExample: Sendable {
    /// Names the example in reports: `getUserActivity 200`, or `getUserActivity 400 invalidDate` for a named one;
    /// `createPet request` for a request body's.
    public var label: String
    /// The type the body decodes as.
    public var swiftType: SwiftType
    /// The example as the spec writes it.
    public var value: YAMLNode
    /// The example as compact JSON, made when asked for: the built-in templates do not print it, and GitHub's examples
    /// are megabytes of it.
    public var json: String { ExampleText.json(value) }
}

public struct OperationParameter: Sendable {
    /// The Swift argument name.
    public var name: String
    /// Optional for an argument that may be left out, which then defaults to `nil`.
    public var type: SwiftType
    /// What the function's `- Parameters:` entry says of it.
    public var documentation: String?
    /// What the spec says of the parameter, body or field.
    public var description: String?
    /// The spec's example of a value.
    public var example: ExampleValue?
    /// The parameter (`query limit`), body (`body`) or multipart field (`body field name`) the argument sends.
    public var origin: SpecOrigin
}

/// A documented error response of an operation.
public struct ErrorResponse: Sendable, Hashable {
    /// The documented status, range or `default`.
    public var status: StatusPattern
    /// The media type of its body, `*/*` when it documents none.
    public var contentType: String
}

/// An example value from the spec.
public struct ExampleValue: Sendable, Hashable {
    /// The value as the spec writes it: a scalar as written, a list or mapping as compact JSON.
    public var text: String
    public var kind: Kind

    /// What a scalar example is, for writing it as a Swift value.
    public enum Kind: Sendable, Hashable {
        case string, integer(Int), number(Double), bool(Bool), null
        /// A list or a mapping.
        case structured
    }

    public init(text: String, kind: Kind) {
        self.text = text
        self.kind = kind
    }
}

/// One value added to the request (a query, header or cookie parameter) or to a multipart form (a field).
public struct RequestItem: Sendable {
    public var placement: RequestItemPlacement
    /// The parameter's or field's name as sent.
    public var wireName: String
    /// The argument holding the value.
    public var argument: String
    public var encoding: RequestValueEncoding
}

/// Where a request item goes.
public enum RequestItemPlacement: Sendable, Hashable {
    case query
    case header
    case cookie
    /// A part of a multipart form.
    case formField
    /// A file part of a multipart form, from a `MultipartFile`.
    case formFile
}

/// How a request item's value is written.
public enum RequestValueEncoding: Sendable, Hashable {
    /// As text: a `String` or a `LosslessStringConvertible` value (numbers, Booleans, enums, dates).
    case text
    /// As the text of its JSON encoding, for a parameter with `content` or a structured multipart field.
    case json
    /// From its JSON form, in a parameter style: a query style (`nil` for headers and cookies) and whether it
    /// explodes.
    case styled(QueryStyle?, explode: Bool)
}

/// The `style` of a query parameter whose value is an array or an object.
public enum QueryStyle: String, Sendable, Hashable {
    case form, spaceDelimited, pipeDelimited, deepObject
}

/// How an operation sends its request body.
public enum RequestBodyDeclaration: Sendable {
    /// The argument's JSON encoding, with its media type; `streamField` is the Boolean property (`stream`, or the
    /// operation's `x-speakeasy-stream-request-field`) set for the operation's streaming or non-streaming function,
    /// when it has one.
    case json(argument: String, contentType: String, streamField: StreamField?)
    /// An `application/x-www-form-urlencoded` body from the argument.
    case form(argument: String)
    /// A `multipart/form-data` body built from the arguments, one part each.
    case multipart(parts: [RequestItem])
    /// A `multipart/form-data` body of the parts the argument, a `[String: MultipartValue]`, names: for a schema that
    /// names none (`type: object` alone).
    case multipartParts(argument: String)
    /// A body sent as it is, `Data` or `String`.
    case raw(argument: String, contentType: String)
}

/// The Boolean body property that tells the server whether to stream, and the value a function sends.
public struct StreamField: Sendable, Hashable {
    /// The property's wire name: `stream`.
    public var name: String
    public var value: Bool
}

/// One `case` of the status `switch` an operation ends with.
public struct ResponseCase: Sendable {
    public var statuses: StatusPattern
    public var outcome: ResponseOutcome
}

/// The statuses a response case matches.
public enum StatusPattern: Sendable, Hashable, Comparable {
    case code(Int)
    /// `200...299` for `2XX`.
    case range(ClosedRange<Int>)
    /// Any status no other case matches, as `default` documents it.
    case `default`

    /// Codes before ranges before `default`, the order a `switch` must test them in; codes and ranges in
    /// increasing order.
    public static func < (lhs: StatusPattern, rhs: StatusPattern) -> Bool {
        lhs.sortKey < rhs.sortKey
    }

    private var sortKey: (Int, Int) {
        switch self {
        case .code(let code): (0, code)
        case .range(let range): (1, range.lowerBound)
        case .default: (2, 0)
        }
    }

    /// As a spec writes it: `404`, `4XX` or `default`.
    public var text: String {
        switch self {
        case .code(let code): String(code)
        case .range(let range): "\(range.lowerBound / 100)XX"
        case .default: "default"
        }
    }
}

/// What an operation does with a response of a documented status.
public enum ResponseOutcome: Sendable, Hashable {
    /// Returns nothing: the function returns `Void`.
    case returnsNothing
    /// Returns `nil`: a success without content when others have some.
    case returnsNil
    /// Returns the body, read as this says.
    case returns(ResponseReading)
    /// Throws the error enum's case for this status, range or `default` (see ``ErrorDeclaration/statusCase(for:)``),
    /// with the body decoded as the type the operation documents for it (`nil`: none, so as the case's type).
    case throwsStatusCase(StatusPattern, documentedBody: SwiftType?)
}

/// How a response's body becomes a function's result.
public enum ResponseReading: Sendable, Hashable {
    /// Decoded from JSON as the type.
    case json(SwiftType)
    /// As text.
    case text
    /// As the raw bytes.
    case data
    /// As server-sent events whose data is decoded from JSON as the type, ending at an event whose data is
    /// `sentinel` (`[DONE]` unless `x-speakeasy-sse-sentinel` says otherwise).
    case events(SwiftType, sentinel: String)
    /// As server-sent events whose data is text.
    case textEvents(sentinel: String)
    /// As the raw bytes, chunk by chunk as they arrive: the runtime's `ByteStream`.
    case byteStream
}
