import Foundation
import SDKGenBase
import SDKGenYAML

/// Runs parsed JSONPath queries over one document (RFC 9535 §2.3 and §2.5).
///
/// One evaluator serves a whole query, filters included, so that the regular expressions of `match()` and
/// `search()` are compiled once rather than for every node a filter tests.
package final class JSONPathEvaluator {
    /// A node of a nodelist with its path, which is left empty when the caller has no use for it (inside
    /// filters, where only values count).
    package struct Selection {
        package var node: YAMLNode
        package var path: [NodePath.Step]
    }

    package let root: YAMLNode
    private var regularExpressions: [String: NSRegularExpression?] = [:]

    package init(root: YAMLNode) {
        self.root = root
    }

    /// The nodelist `query` selects from `start`, in the RFC's order, duplicates kept.
    package func select(_ query: JSONPathSyntax.Query, from start: Selection, tracksPaths: Bool) -> [Selection] {
        var nodes = [start]
        for segment in query.segments {
            var next: [Selection] = []
            for input in nodes {
                if segment.isDescendant {
                    var path = input.path
                    selectDescendants(of: input.node, path: &path, segment.selectors, tracksPaths: tracksPaths, into: &next)
                } else {
                    select(segment.selectors, from: input.node, path: input.path, tracksPaths: tracksPaths, into: &next)
                }
            }
            guard !next.isEmpty else { return [] }
            nodes = next
        }
        return nodes
    }

    /// The node a singular query (names and indexes only) selects from `start`, without building a nodelist.
    package func singularNode(_ query: JSONPathSyntax.Query, from start: YAMLNode) -> YAMLNode? {
        var node = start
        for segment in query.segments {
            switch segment.selectors[0] {
            case .name(let name):
                guard let child = node.child(.name(name)) else { return nil }
                node = child
            case .index(let index):
                guard case .sequence(let items) = node.content, let position = Self.position(index, count: items.count) else { return nil }
                node = items[position]
            case .wildcard, .slice, .filter:
                return nil
            }
        }
        return node
    }

    /// The compiled I-Regexp, or `nil` when `pattern` is not one.
    package func regularExpression(_ pattern: String, anchored: Bool) -> NSRegularExpression? {
        let key = (anchored ? "match:" : "search:") + pattern
        if let cached = regularExpressions[key] { return cached }
        let compiled = IRegexp.compile(pattern, anchored: anchored)
        regularExpressions[key] = compiled
        return compiled
    }

    /// Applies `selectors` to `node` and to each of its descendants, parents before children and children
    /// in document order; `path` is a stack the walk pushes and pops, so no path is built for a node that
    /// no selector picks.
    private func selectDescendants(of node: YAMLNode, path: inout [NodePath.Step], _ selectors: [JSONPathSyntax.Selector], tracksPaths: Bool, into output: inout [Selection]) {
        select(selectors, from: node, path: path, tracksPaths: tracksPaths, into: &output)
        // Scalars are skipped, since no selector selects anything from one: most nodes are scalars.
        switch node.content {
        case .mapping(let pairs):
            for pair in pairs where Self.isCollection(pair.value) {
                // Keys that are not scalars (possible in YAML, not in JSON) have no name to reach them by.
                guard let name = pair.key.scalarText else { continue }
                if tracksPaths { path.append(.name(name)) }
                selectDescendants(of: pair.value, path: &path, selectors, tracksPaths: tracksPaths, into: &output)
                if tracksPaths { path.removeLast() }
            }
        case .sequence(let items):
            for (index, item) in items.enumerated() where Self.isCollection(item) {
                if tracksPaths { path.append(.index(index)) }
                selectDescendants(of: item, path: &path, selectors, tracksPaths: tracksPaths, into: &output)
                if tracksPaths { path.removeLast() }
            }
        case .scalar:
            break
        }
    }

    private static func isCollection(_ node: YAMLNode) -> Bool {
        if case .scalar = node.content { return false }
        return true
    }

    /// Applies each selector to `node`, whose path is `path`, appending what they select.
    private func select(_ selectors: [JSONPathSyntax.Selector], from node: YAMLNode, path: [NodePath.Step], tracksPaths: Bool, into output: inout [Selection]) {
        func emit(_ child: YAMLNode, _ step: NodePath.Step) {
            output.append(Selection(node: child, path: tracksPaths ? path + [step] : []))
        }
        for selector in selectors {
            switch (selector, node.content) {
            case (.name(let name), .mapping(let pairs)):
                if let pair = pairs.first(where: { $0.hasName(name) }) { emit(pair.value, .name(name)) }
            case (.wildcard, .mapping(let pairs)):
                for pair in pairs {
                    if let name = pair.key.scalarText { emit(pair.value, .name(name)) }
                }
            case (.wildcard, .sequence(let items)):
                for (index, item) in items.enumerated() { emit(item, .index(index)) }
            case (.index(let index), .sequence(let items)):
                if let position = Self.position(index, count: items.count) { emit(items[position], .index(position)) }
            case let (.slice(start, end, step), .sequence(items)):
                for position in Self.slice(start: start, end: end, step: step, count: items.count) {
                    emit(items[position], .index(position))
                }
            case (.filter(let condition), .mapping(let pairs)):
                for pair in pairs {
                    if let name = pair.key.scalarText, test(condition, current: pair.value) { emit(pair.value, .name(name)) }
                }
            case (.filter(let condition), .sequence(let items)):
                for (index, item) in items.enumerated() where test(condition, current: item) {
                    emit(item, .index(index))
                }
            default:
                // Names select from mappings only, indexes and slices from sequences only, and nothing
                // selects from a scalar.
                break
            }
        }
    }

    /// The position an index names (counting from the end when negative), if within `count`.
    private static func position(_ index: Int, count: Int) -> Int? {
        let position = index < 0 ? count + index : index
        return (0..<count).contains(position) ? position : nil
    }

    /// The positions a slice selects, in order (RFC 9535 §2.3.4.2.2).
    private static func slice(start: Int?, end: Int?, step: Int?, count: Int) -> StrideTo<Int> {
        let step = step ?? 1
        func normalized(_ index: Int) -> Int { index >= 0 ? index : count + index }
        if step > 0 {
            let lower = min(max(normalized(start ?? 0), 0), count)
            let upper = min(max(normalized(end ?? count), 0), count)
            return stride(from: lower, to: upper, by: step)
        }
        if step < 0 {
            let upper = min(max(normalized(start ?? count - 1), -1), count - 1)
            let lower = min(max(normalized(end ?? -count - 1), -1), count - 1)
            return stride(from: upper, to: lower, by: step)
        }
        // A step of 0 selects nothing.
        return stride(from: 0, to: 0, by: 1)
    }
}
