/// The syntax tree of an RFC 9535 JSONPath query, as `JSONPathParser` builds it: already checked to be
/// well-typed (§2.4.3), so evaluation never meets an expression it cannot give a value.
enum JSONPathSyntax {
    /// A query's segments, applied in turn to the root (`$`) or to the current node (`@`).
    struct Query: Hashable, Sendable {
        var segments: [Segment]

        /// Names and indexes only, one per segment: a query that selects at most one node (§2.3.5.1).
        var isSingular: Bool {
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
    struct Segment: Hashable, Sendable {
        var isDescendant: Bool
        var selectors: [Selector]
    }

    enum Selector: Hashable, Sendable {
        case name(String)
        case wildcard
        case index(Int)
        case slice(start: Int?, end: Int?, step: Int?)
        case filter(LogicalExpression)
    }

    /// A query inside a filter: from the current node (`@`) or from the root (`$`).
    struct FilterQuery: Hashable, Sendable {
        let isRelative: Bool
        let query: Query
        /// Kept rather than computed, since a filter asks for every node it tests.
        let isSingular: Bool

        init(isRelative: Bool, query: Query) {
            self.isRelative = isRelative
            self.query = query
            self.isSingular = query.isSingular
        }
    }

    /// A filter's condition.
    indirect enum LogicalExpression: Hashable, Sendable {
        case or([LogicalExpression])
        case and([LogicalExpression])
        case not(LogicalExpression)
        case comparison(Comparable, ComparisonOperator, Comparable)
        /// True when the query selects at least one node.
        case exists(FilterQuery)
        case test(LogicalFunction)
    }

    /// A ValueType: one side of a comparison, or a function's value argument.
    enum Comparable: Hashable, Sendable {
        case literal(Literal)
        /// A singular query, whose node is the value (Nothing when it selects none).
        case query(FilterQuery)
        case function(ValueFunction)
    }

    enum ComparisonOperator: String, Hashable, Sendable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    enum Literal: Hashable, Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
    }

    /// The function extensions of RFC 9535 §2.4 that return a ValueType, with their arguments.
    indirect enum ValueFunction: Hashable, Sendable {
        case length(Comparable)
        case count(FilterQuery)
        case value(FilterQuery)
    }

    /// The function extensions of RFC 9535 §2.4 that return a LogicalType: a string and an I-Regexp.
    enum LogicalFunction: Hashable, Sendable {
        case match(Comparable, Comparable)
        case search(Comparable, Comparable)
    }
}
