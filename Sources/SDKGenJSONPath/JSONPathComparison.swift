import SDKGenBase
import SDKGenYAML

/// A value in a JSONPath filter comparison, with RFC 9535 §2.3.5.2.2's semantics: values of different
/// types are never equal nor ordered, only numbers and strings are ordered, and an absent value (Nothing)
/// equals only another absent value.
package enum JSONPathComparand {
    case nothing
    case null
    case bool(Bool)
    /// Kept apart from `double` so that large integers compare exactly.
    case int(Int)
    case double(Double)
    case string(String)
    case array([YAMLNode])
    case object([YAMLPair])

    package init(_ node: YAMLNode?) {
        guard let node else {
            self = .nothing
            return
        }
        switch node.content {
        case .sequence(let items): self = .array(items)
        case .mapping(let pairs): self = .object(pairs)
        case .scalar(let scalar):
            switch scalar.value {
            case .null: self = .null
            case .bool(let value): self = .bool(value)
            case .int(let value): self = .int(value)
            case .float(let value): self = .double(value)
            case .string(let value): self = .string(value)
            }
        }
    }

    package init(_ literal: JSONPathSyntax.Literal) {
        switch literal {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .number(let value): self = .double(value)
        case .string(let value): self = .string(value)
        }
    }

    package static func compare(_ left: Self, _ comparison: JSONPathSyntax.ComparisonOperator, _ right: Self) -> Bool {
        switch comparison {
        case .equal: left.equals(right)
        case .notEqual: !left.equals(right)
        case .less: left.precedes(right)
        case .lessOrEqual: left.precedes(right) || left.equals(right)
        case .greater: right.precedes(left)
        case .greaterOrEqual: right.precedes(left) || left.equals(right)
        }
    }

    package func equals(_ other: Self) -> Bool {
        switch (self, other) {
        case (.nothing, .nothing), (.null, .null):
            return true
        case let (.bool(left), .bool(right)):
            return left == right
        case let (.int(left), .int(right)):
            return left == right
        case let (.string(left), .string(right)):
            // Scalar for scalar: `==` alone would equate differently normalized spellings.
            return left == right && left.utf8.elementsEqual(right.utf8)
        case let (.array(left), .array(right)):
            return left.count == right.count
                && zip(left, right).allSatisfy { Self($0).equals(Self($1)) }
        case let (.object(left), .object(right)):
            return left.count == right.count && left.allSatisfy { pair in
                guard let name = pair.key.scalarText, let match = right.first(where: { $0.hasName(name) }) else { return false }
                return Self(pair.value).equals(Self(match.value))
            }
        default:
            if let left = number, let right = other.number { return left == right }
            return false
        }
    }

    /// `<`, defined for two numbers or two strings only.
    package func precedes(_ other: Self) -> Bool {
        switch (self, other) {
        case let (.int(left), .int(right)):
            return left < right
        case let (.string(left), .string(right)):
            return left.unicodeScalars.lexicographicallyPrecedes(right.unicodeScalars)
        default:
            if let left = number, let right = other.number { return left < right }
            return false
        }
    }

    private var number: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }
}
