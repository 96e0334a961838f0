/// Which of `Equatable` and `Hashable` the models conform to: both cost compile time in every struct and union (a
/// synthesized `==` and `hash(into:)`), which a large SDK feels (BENCHMARKS.md, "what the conformances cost").
public enum ModelEquality: String, CaseIterable, Sendable {
    /// Every model is `Hashable`, as swift-openapi-generator's are: `Set` members, dictionary keys, SwiftUI identities.
    case hashable
    /// Every model is `Equatable` only: `==` compares them.
    case equatable
    /// Structs, unions and tuples are neither; the enums of string or integer values stay `Hashable`, so that
    /// `role == .user` and `switch` over them read as always, at almost no cost.
    case none
}
