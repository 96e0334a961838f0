import SDKGenBase
import SDKGenJSONPath
import SDKGenYAML

/// An OpenAPI 3.0 or 3.1 document, read into one model.
///
/// The model keeps the document's order everywhere (paths, properties, responses) because generated
/// output follows it, and keeps a location on everything a diagnostic may point at.
public struct OpenAPIDocument: Sendable {
    /// The file the document was read from, as the user named it.
    public var file: String
    /// The `openapi` version string, such as `3.1.0`.
    public var version: String
    public var info: Info
    public var servers: [Server]
    public var paths: [PathItem]
    /// The 3.1 `webhooks`: requests the API sends to its users, by event name, each path item's `path` being the
    /// name.
    public var webhooks: [Named<PathItem>]
    public var components: Components
    /// Document-wide security; `nil` when not declared.
    public var security: [SecurityRequirement]?
    public var tags: [Tag]
    /// Parameters every request may carry, declared once with the `x-sdkgen-globals` extension
    /// (`parameters:`, a list of parameter objects or references) instead of on every operation.
    public var globalParameters: [Referenceable<Parameter>]
    /// `x-` keys of the root object.
    public var extensions: Extensions
    public var location: SourceLocation

    /// Whether the document is OpenAPI 3.1 or later, whose schemas are JSON Schema 2020-12.
    public var isVersion31: Bool { !version.hasPrefix("3.0") }

    /// Every operation, in document order.
    public var operations: [Operation] { paths.flatMap(\.operations) }
}

/// A value with the name it is declared under, for the document's ordered maps.
public struct Named<Value: Sendable>: Sendable {
    public var name: String
    public var value: Value
    /// Where the name is written.
    public var location: SourceLocation

    public init(_ name: String, _ value: Value, at location: SourceLocation) {
        self.name = name
        self.value = value
        self.location = location
    }
}

extension Array {
    /// The value declared under `name` in one of the document's ordered maps.
    public subscript<Value>(named name: String) -> Value? where Element == Named<Value> {
        first { $0.name == name }?.value
    }
}

/// The `x-` extensions of an object, in document order.
public struct Extensions: Sendable {
    public var entries: [Named<YAMLNode>] = []

    public init(entries: [Named<YAMLNode>] = []) {
        self.entries = entries
    }

    public subscript(name: String) -> YAMLNode? { entries[named: name] }
}

public struct Info: Sendable {
    public var title: String
    public var version: String
    public var summary: String?
    public var description: String?
}

public struct Server: Sendable {
    public var url: String
    public var description: String?
    public var variables: [Named<ServerVariable>]
    public var location: SourceLocation
}

public struct ServerVariable: Sendable {
    public var defaultValue: String
    public var enumValues: [String]
    public var description: String?
}

public struct Tag: Sendable {
    public var name: String
    public var description: String?
    public var location: SourceLocation
}

/// A `$ref`, as written.
public struct Reference: Sendable, Hashable {
    /// The reference string, such as `#/components/schemas/Pet` or `common.yaml#/Pet`.
    public var target: String
    public var location: SourceLocation
    /// 3.1 lets a reference override the target's summary and description.
    public var summary: String?
    public var description: String?

    /// The component's name when the reference points at `#/components/<section>/<name>`.
    public func componentName(in section: String) -> String? {
        let prefix = "#/components/\(section)/"
        // On the UTF-8 bytes (the lowering asks this of every reference it follows), unless the name starts with a
        // non-ASCII byte: a combining mark there would join the prefix's last Character, which `hasPrefix` compares.
        let name = target.utf8.dropFirst(prefix.utf8.count)
        if target.utf8.starts(with: prefix.utf8), name.first.map({ $0 < 0x80 }) ?? true {
            return JSONPointer.unescape(String(Substring(name)))
        }
        guard target.hasPrefix(prefix) else { return nil }
        return JSONPointer.unescape(String(target.dropFirst(prefix.count)))
    }
}

/// Either a `$ref` or the object itself, as parameters, responses and request bodies may be.
public enum Referenceable<Value: Sendable>: Sendable {
    case reference(Reference)
    case value(Value)
}

/// An operation's HTTP method: a path item's fixed fields (`get`, …, and OpenAPI 3.2's `query`), or a method OpenAPI
/// 3.2's `additionalOperations` names (`COPY`), as written.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public static let get = HTTPMethod(rawValue: "get"), put = HTTPMethod(rawValue: "put"), post = HTTPMethod(rawValue: "post")
    public static let delete = HTTPMethod(rawValue: "delete"), options = HTTPMethod(rawValue: "options")
    public static let head = HTTPMethod(rawValue: "head"), patch = HTTPMethod(rawValue: "patch"), trace = HTTPMethod(rawValue: "trace")
    /// The QUERY method (a safe, idempotent request with a body), a fixed field since OpenAPI 3.2.
    public static let query = HTTPMethod(rawValue: "query")

    /// The methods a path item names by its fixed fields, in the order OpenAPI lists them.
    public static let pathItemFields: [HTTPMethod] = [.get, .put, .post, .delete, .options, .head, .patch, .trace, .query]

    /// The method a path item's key names as a fixed field; `nil` for any other key.
    public init?(pathItemKey key: String) {
        guard let method = Self.pathItemFields.first(where: { $0.rawValue == key }) else { return nil }
        self = method
    }
}

public struct PathItem: Sendable {
    public var path: String
    public var summary: String?
    public var description: String?
    /// Parameters shared by every operation of the path.
    public var parameters: [Referenceable<Parameter>]
    public var operations: [Operation]
    public var location: SourceLocation
}

public struct Operation: Sendable {
    public var method: HTTPMethod
    public var path: String
    public var operationID: String?
    public var tags: [String]
    public var summary: String?
    public var description: String?
    /// The operation's own parameters; the path item's are in `PathItem.parameters`.
    public var parameters: [Referenceable<Parameter>]
    public var requestBody: Referenceable<RequestBody>?
    public var responses: [ResponseEntry]
    /// The requests the API may send back while or after it handles this one, by the callback's name: each path
    /// item's `path` is its runtime expression (`{$request.body#/callbackURL}`).
    public var callbacks: [Named<[PathItem]>]
    /// Operation-level security, overriding the document's; `nil` when not declared.
    public var security: [SecurityRequirement]?
    public var deprecated: Bool
    public var extensions: Extensions
    public var location: SourceLocation
}

public enum ParameterLocation: String, Sendable {
    case query, path, header, cookie
}

public struct Parameter: Sendable {
    public var name: String
    public var location: ParameterLocation
    public var description: String?
    public var required: Bool
    public var deprecated: Bool
    public var schema: Schema?
    /// The `content` form of a parameter, used instead of `schema`.
    public var content: [MediaType]
    public var style: String?
    public var explode: Bool?
    public var example: YAMLNode?
    public var extensions: Extensions
    public var sourceLocation: SourceLocation
}

public struct RequestBody: Sendable {
    public var description: String?
    public var content: [MediaType]
    public var required: Bool
    public var location: SourceLocation
}

public struct MediaType: Sendable {
    /// The media type or range, such as `application/json` or `*/*`.
    public var contentType: String
    public var schema: Schema?
    public var example: YAMLNode?
    public var examples: [Named<Referenceable<Example>>]
    public var extensions = Extensions()
    public var location: SourceLocation
}

public struct Example: Sendable {
    public var summary: String?
    public var description: String?
    public var value: YAMLNode?
}

/// Which statuses a response covers.
public enum ResponseStatus: Sendable, Hashable, Comparable {
    case code(Int)
    /// `4XX` is `.range(4)`.
    case range(Int)
    case `default`

    /// As the document writes it: `200`, `4XX`, `default`.
    public var text: String {
        switch self {
        case .code(let code): String(code)
        case .range(let digit): "\(digit)XX"
        case .default: "default"
        }
    }
}

public struct ResponseEntry: Sendable {
    public var status: ResponseStatus
    public var response: Referenceable<Response>
    public var location: SourceLocation
}

public struct Response: Sendable {
    public var description: String?
    public var headers: [Named<Referenceable<Header>>]
    public var content: [MediaType]
    public var location: SourceLocation
}

public struct Header: Sendable {
    public var description: String?
    public var required: Bool
    public var schema: Schema?
    public var location: SourceLocation

    /// Whether OpenAPI says a response's or an encoding's header of this name is ignored: `Content-Type`, which the
    /// media type says.
    public static func isIgnored(_ name: String) -> Bool {
        name.lowercased() == "content-type"
    }
}

public struct Components: Sendable {
    public var schemas: [Named<Schema>] = []
    public var parameters: [Named<Referenceable<Parameter>>] = []
    public var responses: [Named<Referenceable<Response>>] = []
    public var requestBodies: [Named<Referenceable<RequestBody>>] = []
    public var headers: [Named<Referenceable<Header>>] = []
    public var examples: [Named<Referenceable<Example>>] = []
    public var securitySchemes: [Named<SecurityScheme>] = []

    public init() {}
}

public struct SecurityScheme: Sendable {
    public enum Kind: Sendable {
        /// `http` with a scheme such as `bearer` or `basic`.
        case http(scheme: String, bearerFormat: String?)
        case apiKey(name: String, location: ParameterLocation)
        /// OAuth 2.0, with the client-credentials flow when the scheme declares one (the other flows involve a user
        /// and give the SDK nothing it could use: the app obtains the token).
        case oauth2(clientCredentials: OAuthFlow?)
        case openIDConnect(url: String)
        case mutualTLS
    }

    public var kind: Kind
    public var description: String?
    public var location: SourceLocation
}

/// An OAuth 2.0 flow that needs no user: where its tokens come from. (Its scopes are the app's to ask for.)
public struct OAuthFlow: Sendable {
    /// The flow's `tokenUrl`, as the spec writes it: absolute, or relative to the server URL.
    public var tokenURL: String
    /// Where the spec gives the token URL.
    public var location: SourceLocation
}

/// One alternative of a `security` list: all of its schemes together.
public struct SecurityRequirement: Sendable {
    public var schemes: [Named<[String]>]
}
