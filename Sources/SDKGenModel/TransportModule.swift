/// An HTTP stack that sdkgen can write a transport for, as a module of its own beside the SDK, so that the SDK itself
/// depends on Foundation alone.
public enum TransportKind: String, Sendable, Hashable, CaseIterable {
    /// `AsyncHTTPClientTransport`, over swift-server/async-http-client.
    case asyncHTTPClient = "async-http-client"
}

/// A transport module of the SDK: an `HTTPTransport` over another HTTP stack, in a module that imports the SDK's.
public struct TransportModule: Sendable, Hashable {
    public var kind: TransportKind
    /// The module: the SDK's name followed by the HTTP stack's, such as `FeaturesSDKAsyncHTTPClient`.
    public var moduleName: String
    /// The transport type, which is also its file's and its template's name.
    public var typeName: String
    /// The access level of the transport, the SDK's.
    public var access: AccessModifier

    /// The transport module of `kind` for the SDK module `sdkModuleName`.
    public init(kind: TransportKind, sdkModuleName: String, access: AccessModifier) {
        self.kind = kind
        self.access = access
        switch kind {
        case .asyncHTTPClient:
            moduleName = sdkModuleName + "AsyncHTTPClient"
            typeName = "AsyncHTTPClientTransport"
        }
    }
}
