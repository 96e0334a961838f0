import SDKGenBase
import SDKGenModel
import SDKGenMustache

/// A file of the generated output, at a path relative to the output folder.
public struct GeneratedFile: Hashable, Sendable {
    /// Such as `ModelGates/Models/ActivityItem.swift` or `docs/sdks/analytics/README.md`.
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}
