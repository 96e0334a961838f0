import SDKGenBase
import SDKGenYAML

/// Filter expressions (RFC 9535 §2.3.5) and the function extensions they call (§2.4).
extension JSONPathEvaluator {
    /// A ValueType: a node, a literal, or Nothing when a query or function has no value to give.
    private enum Value {
        case nothing
        case node(YAMLNode)
        case literal(JSONPathSyntax.Literal)

        package var comparand: JSONPathComparand {
            switch self {
            case .nothing: .nothing
            case .node(let node): JSONPathComparand(node)
            case .literal(let literal): JSONPathComparand(literal)
            }
        }

        package var string: String? {
            switch self {
            case .node(let node): node.string
            case .literal(.string(let string)): string
            default: nil
            }
        }
    }

    /// Whether `current` (`@`) passes `condition`.
    package func test(_ condition: JSONPathSyntax.LogicalExpression, current: YAMLNode) -> Bool {
        switch condition {
        case .or(let operands):
            return operands.contains { test($0, current: current) }
        case .and(let operands):
            return operands.allSatisfy { test($0, current: current) }
        case .not(let operand):
            return !test(operand, current: current)
        case let .comparison(left, comparison, right):
            return JSONPathComparand.compare(value(left, current: current).comparand, comparison, value(right, current: current).comparand)
        case .exists(let query):
            if query.isSingular { return singularNode(query, current: current) != nil }
            return !nodes(query, current: current).isEmpty
        case .test(let function):
            return logical(function, current: current)
        }
    }

    private func value(_ comparable: JSONPathSyntax.Comparable, current: YAMLNode) -> Value {
        switch comparable {
        case .literal(let literal):
            return .literal(literal)
        case .query(let query):
            return singularNode(query, current: current).map(Value.node) ?? .nothing
        case .function(let function):
            return value(function, current: current)
        }
    }

    private func singularNode(_ query: JSONPathSyntax.FilterQuery, current: YAMLNode) -> YAMLNode? {
        singularNode(query.query, from: query.isRelative ? current : root)
    }

    private func nodes(_ query: JSONPathSyntax.FilterQuery, current: YAMLNode) -> [YAMLNode] {
        if query.isSingular { return singularNode(query, current: current).map { [$0] } ?? [] }
        let start = Selection(node: query.isRelative ? current : root, path: [])
        return select(query.query, from: start, tracksPaths: false).map(\.node)
    }

    // MARK: Functions

    private func value(_ function: JSONPathSyntax.ValueFunction, current: YAMLNode) -> Value {
        switch function {
        case .length(let argument):
            let size: Int? = switch value(argument, current: current) {
            case .node(let node):
                switch node.content {
                case .mapping(let pairs): pairs.count
                case .sequence(let items): items.count
                case .scalar: node.string?.unicodeScalars.count
                }
            case .literal(.string(let string)): string.unicodeScalars.count
            case .literal, .nothing: nil
            }
            return size.map { .literal(.number(Double($0))) } ?? .nothing
        case .count(let query):
            return .literal(.number(Double(nodes(query, current: current).count)))
        case .value(let query):
            let nodes = nodes(query, current: current)
            return nodes.count == 1 ? .node(nodes[0]) : .nothing
        }
    }

    private func logical(_ function: JSONPathSyntax.LogicalFunction, current: YAMLNode) -> Bool {
        let (string, pattern, anchored) = switch function {
        case let .match(string, pattern): (string, pattern, true)
        case let .search(string, pattern): (string, pattern, false)
        }
        // Not a string, or not an I-Regexp: false, never an error (RFC 9535 §2.4.6, §2.4.7).
        guard let string = value(string, current: current).string,
              let pattern = value(pattern, current: current).string,
              let regularExpression = regularExpression(pattern, anchored: anchored) else {
            return false
        }
        return IRegexp.matches(regularExpression, in: string)
    }
}
