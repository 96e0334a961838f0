import SDKGenBase
import SDKGenJSONPath
import SDKGenYAML

/// Parts of the document that the configuration replaces, applied to the loaded YAML like an overlay so the
/// rest of the pipeline reads them as if the spec had said so, and diagnostics point into the configuration.
public struct DocumentOverrides: Sendable {
    /// A server URL that replaces the document's `servers`.
    public var server: YAMLNode?
    /// Replaces the document's `x-sdkgen-retries`.
    public var retries: YAMLNode?
    /// Replaces the document's `x-speakeasy-max-method-params`, as Speakeasy's `maxMethodParams` setting does.
    public var maxMethodParams: YAMLNode?

    public init(server: YAMLNode? = nil, retries: YAMLNode? = nil, maxMethodParams: YAMLNode? = nil) {
        self.server = server
        self.retries = retries
        self.maxMethodParams = maxMethodParams
    }

    package func apply(to root: inout YAMLNode) {
        guard case .mapping(var pairs) = root.content else { return }
        if let server {
            let entry = YAMLNode(.mapping([YAMLPair(key: Self.key("url", at: server), value: server)]), at: server.location)
            Self.set("servers", to: YAMLNode(.sequence([entry]), at: server.location), in: &pairs)
        }
        if let retries {
            Self.set("x-sdkgen-retries", to: retries, in: &pairs)
        }
        if let maxMethodParams {
            Self.set("x-speakeasy-max-method-params", to: maxMethodParams, in: &pairs)
        }
        root.content = .mapping(pairs)
    }

    private static func set(_ key: String, to value: YAMLNode, in pairs: inout [YAMLPair]) {
        if let index = pairs.firstIndex(where: { $0.key.scalarText == key }) {
            pairs[index].value = value
        } else {
            pairs.append(YAMLPair(key: Self.key(key, at: value), value: value))
        }
    }

    private static func key(_ text: String, at node: YAMLNode) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(text: text, style: .plain, value: .string(text))), at: node.location)
    }
}
