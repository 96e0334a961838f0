import SDKGenBase
import SDKGenJSONPath
import SDKGenYAML

/// Keeps a subset of a document's operations, chosen by tag or operationId, and the schemas they use.
///
/// An SDK for part of a large API (GitHub's has 814 operations) compiles in a fraction of the time; the
/// schemas only dropped operations reach are dropped with them, so the SDK holds no unused models.
public struct OperationFilter: Sendable {
    /// Operations tagged with one of these are kept.
    public var tags: [String] = []
    /// Operations with one of these operationIds are kept.
    public var operationIDs: [String] = []
    /// Where the filter is written, for the warning about a name that matches nothing.
    public var location: SourceLocation?

    public init(tags: [String] = [], operationIDs: [String] = [], location: SourceLocation? = nil) {
        self.tags = tags
        self.operationIDs = operationIDs
        self.location = location
    }

    /// A filter with no names keeps everything.
    public var isEmpty: Bool { tags.isEmpty && operationIDs.isEmpty }

    package func keeps(_ operation: Operation) -> Bool {
        operation.tags.contains(where: tags.contains) || operation.operationID.map(operationIDs.contains) == true
    }

    /// Removes the operations and webhooks the filter does not keep, path items left empty, and the component schemas
    /// no kept operation reaches; a name that matches no operation is a warning, as it is most likely a typo.
    public func apply(to document: inout OpenAPIDocument, diagnostics: inout Diagnostics) {
        guard !isEmpty else { return }
        let operations = document.operations + document.webhooks.flatMap(\.value.operations)
        for tag in tags where !operations.contains(where: { $0.tags.contains(tag) }) {
            diagnostics.warning("the filter's tag '\(tag)' matches no operation", at: location)
        }
        for operationID in operationIDs where !operations.contains(where: { $0.operationID == operationID }) {
            diagnostics.warning("the filter's operation '\(operationID)' matches no operationId", at: location)
        }
        for index in document.paths.indices {
            document.paths[index].operations.removeAll { !keeps($0) }
        }
        document.paths.removeAll { $0.operations.isEmpty }
        for index in document.webhooks.indices {
            document.webhooks[index].value.operations.removeAll { !keeps($0) }
        }
        document.webhooks.removeAll { $0.value.operations.isEmpty }
        let reached = ReachableSchemas(document).names
        document.components.schemas.removeAll { !reached.contains($0.name) }
    }
}
