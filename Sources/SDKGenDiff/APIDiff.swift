import SDKGenBase
import SDKGenModel
import SDKGenView

/// What changed in an SDK's public API between two versions of its spec, and the version bump that follows.
public struct APIDiff: Sendable {
    /// The semantic-versioning bump a release with these changes needs.
    public enum VersionBump: String, Sendable, Codable {
        /// A breaking change.
        case major
        /// Additions only.
        case minor
        /// Fixes that change no API; never suggested by a diff, which sees only the API.
        case patch
        /// No change to the API: no release is needed for it.
        case none
    }

    /// Breaking changes first, then by symbol, kind and message: the same order on every run.
    public private(set) var changes: [APIChange]
    /// The old and the new spec's `info.version`, when known.
    public var oldVersion: String?
    public var newVersion: String?

    public init(changes: [APIChange], oldVersion: String? = nil, newVersion: String? = nil) {
        self.changes = changes.sorted {
            ($0.classification, $0.symbol, $0.kind.rawValue, $0.message, $0.location)
                < ($1.classification, $1.symbol, $1.kind.rawValue, $1.message, $1.location)
        }
        self.oldVersion = oldVersion
        self.newVersion = newVersion
    }

    /// Compares two lowered SDKs.
    public static func compare(old: SwiftSDK, new: SwiftSDK) -> APIDiff {
        var comparison = APIComparison(old: old, new: new)
        comparison.compareOperations()
        comparison.compareCredentials()
        comparison.compareGlobalHeaders()
        comparison.compareModels()
        comparison.compareErrorCases()
        comparison.compareServers()
        comparison.compareDeprecations()
        comparison.compareRetryPolicies()
        return APIDiff(changes: comparison.changes, oldVersion: old.apiVersion, newVersion: new.apiVersion)
    }

    public var breaking: [APIChange] { changes.filter { $0.classification == .breaking } }
    public var compatible: [APIChange] { changes.filter { $0.classification == .compatible } }

    public var versionBump: VersionBump {
        if changes.contains(where: { $0.classification == .breaking }) { return .major }
        return changes.isEmpty ? .none : .minor
    }

    /// The exit status of `sdkgen diff`: 1 when `failOnBreaking` and a change is breaking, else 0.
    public func exitStatus(failOnBreaking: Bool) -> Int32 {
        failOnBreaking && versionBump == .major ? 1 : 0
    }
}

/// Compares two SDKs, collecting the changes; the comparisons of each kind of declaration are extensions.
package struct APIComparison {
    package let old: SwiftSDK
    package let new: SwiftSDK
    package var changes: [APIChange] = []

    package mutating func add(_ kind: APIChange.Kind, _ classification: APIChange.Classification, at location: SourceLocation,
                      symbol: String, _ message: String) {
        changes.append(APIChange(kind, classification, at: location, symbol: symbol, message: message))
    }
}
