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
    /// The configuration's `pagination`: per `operationId`, the `x-sdkgen-pagination` the operation gets.
    public var pagination: YAMLNode?
    /// Replaces the document's `x-speakeasy-max-method-params`, as Speakeasy's `maxMethodParams` setting does.
    public var maxMethodParams: YAMLNode?

    public init(server: YAMLNode? = nil, retries: YAMLNode? = nil, pagination: YAMLNode? = nil, maxMethodParams: YAMLNode? = nil) {
        self.server = server
        self.retries = retries
        self.pagination = pagination
        self.maxMethodParams = maxMethodParams
    }

    /// Applies the overrides; an `operationId` of `pagination` that names no operation is a warning.
    package func apply(to root: inout YAMLNode, diagnostics: inout Diagnostics) {
        if let pagination {
            setPagination(pagination, in: &root, diagnostics: &diagnostics)
        }
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

    /// Sets `x-sdkgen-pagination` on each operation `pagination` names by its `operationId`.
    private func setPagination(_ pagination: YAMLNode, in root: inout YAMLNode, diagnostics: inout Diagnostics) {
        var unmatched = (pagination.pairs ?? []).compactMap { pair in pair.key.scalarText.map { ($0, pair) } }
        if case .mapping(var paths)? = root["paths"]?.content, case .mapping(var pairs) = root.content,
           let pathsIndex = pairs.firstIndex(where: { $0.key.scalarText == "paths" }) {
            for pathIndex in paths.indices {
                guard case .mapping(var operations) = paths[pathIndex].value.content else { continue }
                for operationIndex in operations.indices {
                    guard case .mapping(var fields) = operations[operationIndex].value.content,
                          let operationID = operations[operationIndex].value["operationId"]?.scalarText,
                          let match = unmatched.firstIndex(where: { $0.0 == operationID }) else { continue }
                    Self.set("x-sdkgen-pagination", to: unmatched[match].1.value, in: &fields)
                    operations[operationIndex].value.content = .mapping(fields)
                    unmatched.remove(at: match)
                }
                paths[pathIndex].value.content = .mapping(operations)
            }
            pairs[pathsIndex].value.content = .mapping(paths)
            root.content = .mapping(pairs)
        }
        for (name, pair) in unmatched {
            diagnostics.warning("pagination: no operation has the operationId '\(name)'", at: pair.key.location)
        }
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
