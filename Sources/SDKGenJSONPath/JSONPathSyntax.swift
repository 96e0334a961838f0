import SDKGenBase
import SDKGenYAML

/// The syntax tree of an RFC 9535 JSONPath query, as `JSONPathParser` builds it: already checked to be
/// well-typed (§2.4.3), so evaluation never meets an expression it cannot give a value.
package enum JSONPathSyntax {
    /// A query's segments, applied in turn to the root (`$`) or to the current node (`@`).
    package struct Query: Hashable, Sendable {
        package var segments: [Segment]

        /// Names and indexes only, one per segment: a query that selects at most one node (§2.3.5.1).
        package var isSingular: Bool {
            segments.allSatisfy { segment in
                guard !segment.isDescendant, segment.selectors.count == 1 else { return false }
                switch segment.selectors[0] {
                case .name, .index: return true
                case .wildcard, .slice, .filter: return false
                }
            }
        }
    }

    /// `[…]` (or its shorthands `.name`, `.*`), or with `isDescendant`, `..[…]`.
    package struct Segment: Hashable, Sendable {
        package var isDescendant: Bool
        package var selectors: [Selector]
    }

    package enum Selector: Hashable, Sendable {
        case name(String)
        case wildcard
        case index(Int)
        case slice(start: Int?, end: Int?, step: Int?)
        case filter(LogicalExpression)
    }

    /// A query inside a filter: from the current node (`@`) or from the root (`$`).
    package struct FilterQuery: Hashable, Sendable {
        package let isRelative: Bool
        package let query: Query
        /// Kept rather than computed, since a filter asks for every node it tests.
        package let isSingular: Bool

        package init(isRelative: Bool, query: Query) {
            self.isRelative = isRelative
            self.query = query
            self.isSingular = query.isSingular
        }
    }

    /// A filter's condition.
    package indirect enum LogicalExpression: Hashable, Sendable {
        case or([LogicalExpression])
        case and([LogicalExpression])
        case not(LogicalExpression)
        case comparison(Comparable, ComparisonOperator, Comparable)
        /// True when the query selects at least one node.
        case exists(FilterQuery)
        case test(LogicalFunction)
    }

    /// A ValueType: one side of a comparison, or a function's value argument.
    package enum Comparable: Hashable, Sendable {
        case literal(Literal)
        /// A singular query, whose node is the value (Nothing when it selects none).
        case query(FilterQuery)
        case function(ValueFunction)
    }

    package enum ComparisonOperator: String, Hashable, Sendable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    package enum Literal: Hashable, Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
    }

    /// The function extensions of RFC 9535 §2.4 that return a ValueType, with their arguments.
    package indirect enum ValueFunction: Hashable, Sendable {
        case length(Comparable)
        case count(FilterQuery)
        case value(FilterQuery)
    }

    /// The function extensions of RFC 9535 §2.4 that return a LogicalType: a string and an I-Regexp.
    package enum LogicalFunction: Hashable, Sendable {
        case match(Comparable, Comparable)
        case search(Comparable, Comparable)
    }
}
