import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// Finds the types that contain themselves by value and marks where to store indirectly.
///
/// A struct cannot hold itself, directly or through other structs, without a level of indirection; an
/// array or dictionary already is one. The types of each strongly connected component of the
/// "stores a value of" graph are mutually recursive: a struct property pointing into its own component
/// becomes `@Indirect`, and a union with such a case becomes an `indirect enum`.
package enum RecursionBreaker {
    package static func breakCycles(in models: [ModelDeclaration]) -> [ModelDeclaration] {
        let indexByName = Dictionary(models.enumerated().map { ($0.element.typeName, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let edges: [[Int]] = models.map { model in
            storedTypes(of: model).compactMap { $0.declarationName.flatMap { indexByName[$0] } }
        }
        let component = stronglyConnectedComponents(edges)
        return models.enumerated().map { offset, model in
            func isRecursive(_ type: SwiftType) -> Bool {
                guard let target = type.declarationName.flatMap({ indexByName[$0] }) else { return false }
                return component[target] == component[offset]
            }
            func markingRecursive(_ properties: [PropertyDeclaration]) -> [PropertyDeclaration] {
                properties.map { property in
                    var property = property
                    property.isIndirect = isRecursive(property.type)
                    return property
                }
            }
            var model = model
            switch model.kind {
            case .structure(var structModel):
                structModel.properties = markingRecursive(structModel.properties)
                model.kind = .structure(structModel)
            case .tuple(var tupleModel):
                tupleModel.elements = markingRecursive(tupleModel.elements)
                model.kind = .tuple(tupleModel)
            case .union(var unionModel):
                unionModel.isIndirect = unionModel.cases.contains { isRecursive($0.type) }
                model.kind = .union(unionModel)
            case .enumeration:
                break
            }
            return model
        }
    }

    /// The types a model stores by value; collections store their elements indirectly, so only a named type, or an
    /// optional one, is stored by value.
    private static func storedTypes(of model: ModelDeclaration) -> [SwiftType] {
        switch model.kind {
        case .structure(let structModel): structModel.properties.map(\.type)
        case .tuple(let tupleModel): tupleModel.elements.map(\.type)
        case .union(let unionModel): unionModel.cases.map(\.type)
        case .enumeration: []
        }
    }

    /// Tarjan's algorithm, iterative so that long chains of types cannot exhaust the stack.
    /// Returns each node's component number.
    private static func stronglyConnectedComponents(_ edges: [[Int]]) -> [Int] {
        let count = edges.count
        var indexOf = [Int](repeating: -1, count: count)
        var lowLink = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var component = [Int](repeating: -1, count: count)
        var stack: [Int] = []
        var nextIndex = 0
        var nextComponent = 0
        for root in 0..<count where indexOf[root] < 0 {
            // Each frame is a node and the position of the next edge to follow.
            var frames: [(node: Int, edge: Int)] = [(root, 0)]
            indexOf[root] = nextIndex; lowLink[root] = nextIndex; nextIndex += 1
            stack.append(root); onStack[root] = true
            while let frame = frames.last {
                let node = frame.node
                if frame.edge < edges[node].count {
                    frames[frames.count - 1].edge += 1
                    let next = edges[node][frame.edge]
                    if indexOf[next] < 0 {
                        indexOf[next] = nextIndex; lowLink[next] = nextIndex; nextIndex += 1
                        stack.append(next); onStack[next] = true
                        frames.append((next, 0))
                    } else if onStack[next] {
                        lowLink[node] = min(lowLink[node], indexOf[next])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last?.node {
                    lowLink[parent] = min(lowLink[parent], lowLink[node])
                }
                if lowLink[node] == indexOf[node] {
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component[member] = nextComponent
                        if member == node { break }
                    }
                    nextComponent += 1
                }
            }
        }
        return component
    }
}
