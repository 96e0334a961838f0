/// The parts of the runtime an SDK uses, found from its declarations: an SDK carries only the runtime code it
/// calls.
public struct RuntimeFeatures: Sendable, Equatable {
    /// A part of the runtime that only some SDKs need.
    public enum Feature: CaseIterable, Sendable {
        /// Server-sent event streams: an operation streams its response.
        case eventStreams
        /// Multipart bodies: an operation sends `multipart/form-data`.
        case multipart

        /// The field that tells templates whether the SDK uses the feature.
        var templateFieldName: String {
            switch self {
            case .eventStreams: "usesEventStreams"
            case .multipart: "usesMultipart"
            }
        }
    }

    private var used: Set<Feature>

    public init(of sdk: SwiftSDK) {
        let operations = sdk.groups.flatMap(\.operations)
        used = []
        if operations.contains(where: \.isStreaming) { used.insert(.eventStreams) }
        if operations.contains(where: { if case .multipart? = $0.body { true } else { false } }) { used.insert(.multipart) }
    }

    public func uses(_ feature: Feature) -> Bool {
        used.contains(feature)
    }
}
