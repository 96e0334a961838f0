import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// Hands out type names that are unique in the generated module and clash with nothing it uses.
///
/// Names are compared case-insensitively, because each type gets a file of its own name and macOS file
/// systems do not tell `Foo.swift` from `foo.swift`. Collisions get a number (`Item2`), in document order,
/// so the same spec always gives the same names.
package struct NameRegistry {
    private var taken: Set<String>
    /// The names handed out, as spelled.
    private var claimed: Set<String> = []

    /// Types the generated code refers to unqualified: declaring a model with one of these names would
    /// shadow it inside the module.
    package static let reserved: [String] = [
        "Any", "AnyObject", "Array", "Bool", "Character", "Codable", "CodingKey", "Data", "Date", "Decodable",
        "Decoder", "Dictionary", "Double", "Encodable", "Encoder", "Error", "Float", "Hashable", "Int", "Int32",
        "Int64", "JSONDecoder", "JSONEncoder", "Never", "Optional", "Result", "Self", "Sendable", "Set", "String",
        "Task", "Type", "URL", "URLRequest", "URLSession", "URLComponents", "URLQueryItem", "UUID", "Void",
        "HTTPURLResponse", "ProcessInfo", "TimeInterval", "Duration", "Protocol", "Foundation",
        // The runtime's own types.
        "APIClient", "HTTPTransport", "URLSessionTransport", "JSONValue", "RequestOptions", "RetryConfig",
        "ResponseMetadata", "HTTPRequestBuilder", "HTTPResponseBody", "RetryAfter",
        "APIRequest", "APIResponse", "PercentEncoding", "Credential", "ParameterStyle", "JSONCoding", "JSONKey", "Indirect", "MultipartFile", "UnixTime", "FractionalUnixTime", "HidingKeysDecoder", "HidingKeysContainer",
        "MultipartForm", "ServerSentEvents", "ServerSentEvent", "ServerSentEventParser", "StreamingURLSession",
        "CrossOriginRedirect", "CrossOriginRedirectDelegate", "ClientMiddleware", "ClientResponse", "MiddlewareContext", "CredentialProvider",
        "OperationInfo", "UploadBody", "ChunkSequence", "ChunkIterator", "FileChunks", "SpooledBody",
        "ByteStream", "MultipartValue", "OAuth2ClientCredentials", "OAuth2TokenError", "OAuth2TokenSource", "Pages", "PageItems",
        "PageFetch", "PageRequest", "PageRule", "PageLinkMiddleware", "PageLinkRecord", "UnixTimeCoding", "AsyncHTTPClientTransport",
        // The runtime's files that hold no type of their name: a model's file of the same name would be a second
        // `TransportFailure.swift` in the module, which the compiler refuses.
        "TransportFailure", "HidingKeys", "PageLinks", "Pagination",
        // Foundation, Dispatch and concurrency types the runtime refers to.
        "URLError", "URLResponse", "URLSessionTask", "URLSessionDataTask", "URLSessionConfiguration", "NSObject",
        "URLSessionTaskDelegate", "NSLock", "DispatchQueue", "DispatchWorkItem", "AsyncThrowingStream", "CheckedContinuation", "InputStream", "FileHandle", "DispatchSemaphore",
        "CancellationError", "CocoaError", "DecodingError", "ContinuousClock", "Mirror", "CharacterSet",
        "DateFormatter", "Locale", "TimeZone", "UInt8", "Substring", "Actor",
    ]

    /// `reserved` and every public type name of the standard library, Foundation, FoundationNetworking and
    /// Dispatch (`ToolchainTypeNames`, written by Scripts/toolchain-type-names.sh), lowercased: a model named
    /// like one of them (`Thread`) would be ambiguous in user code that imports Foundation beside the SDK.
    package static let reservedLowercased: Set<String> = Set((reserved + ToolchainTypeNames.all).map { $0.lowercased() })

    package init(reserving names: [String]) {
        taken = Self.reservedLowercased.union(names.map { $0.lowercased() })
    }

    /// `base`, or `base` followed by the first number that makes it unique; then taken.
    package mutating func claim(_ base: String) -> String {
        var candidate = base
        var counter = 2
        while taken.contains(candidate.lowercased()) {
            candidate = "\(base)\(counter)"
            counter += 1
        }
        taken.insert(candidate.lowercased())
        claimed.insert(candidate)
        return candidate
    }

    /// Whether a type has been given exactly this name.
    package func hasClaimed(_ name: String) -> Bool {
        claimed.contains(name)
    }
}

/// Unique member names within one scope (the properties of a struct, the operations of a group).
package struct MemberNames {
    private var taken: Set<String>

    package init(reserving names: Set<String> = []) {
        taken = names
    }

    package mutating func claim(_ base: String) -> String {
        let bare = SwiftName.unescaped(base)
        var candidate = bare
        var counter = 2
        while taken.contains(candidate) {
            candidate = "\(bare)\(counter)"
            counter += 1
        }
        taken.insert(candidate)
        return SwiftName.escaped(candidate)
    }

    /// Takes the names `other` has taken too.
    package mutating func formUnion(_ other: MemberNames) {
        taken.formUnion(other.taken)
    }
}
