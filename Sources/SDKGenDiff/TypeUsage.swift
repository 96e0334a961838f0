import SDKGenBase
import SDKGenModel
import SDKGenView

/// Which models an SDK's users build (sent in requests) and which they read (received in responses).
///
/// A change to a model's property is felt differently by each: a new required property breaks code that builds
/// the value, a property becoming optional breaks code that reads it.
package struct TypeUsage {
    /// Models reachable from an argument of a function.
    private(set) var sent: Set<String> = []
    /// Models reachable from a function's result or a documented error body.
    private(set) var received: Set<String> = []
    private let models: [String: ModelDeclaration]

    package init(_ sdk: SwiftSDK) {
        models = Dictionary(sdk.models.map { ($0.typeName, $0) }, uniquingKeysWith: { first, _ in first })
        let functions = sdk.groups.flatMap(\.operations)
        sent = reachable(from: functions.flatMap { $0.parameters.map(\.type) })
        received = reachable(from: functions.map(\.returnType) + sdk.error.statusCases.map(\.bodyType))
    }

    /// Whether users build values of the model; a model no function uses counts as both built and read.
    package func isSent(_ typeName: String) -> Bool { sent.contains(typeName) || !received.contains(typeName) }

    /// Whether users read values of the model; a model no function uses counts as both built and read.
    package func isReceived(_ typeName: String) -> Bool { received.contains(typeName) || !sent.contains(typeName) }

    private func reachable(from types: [SwiftType]) -> Set<String> {
        var found: Set<String> = []
        var pending = types.flatMap(\.referencedNames)
        while let name = pending.popLast() {
            guard let model = models[name], found.insert(name).inserted else { continue }
            let stored: [SwiftType] = switch model.kind {
            case .structure(let structModel): structModel.properties.map(\.type)
            case .union(let unionModel): unionModel.cases.map(\.type)
            case .tuple(let tupleModel): tupleModel.elements.map(\.type) + (tupleModel.restType.map { [$0] } ?? [])
            case .enumeration: []
            }
            pending += stored.flatMap(\.referencedNames)
        }
        return found
    }
}
