import SDKGenBase

/// A node of a loaded YAML (or JSON) document, with the position it starts at.
///
/// Aliases are already resolved (an alias node is a copy of its anchor's node, sharing storage) and merge
/// keys (`<<`) already applied, so later stages see plain mappings, sequences and scalars.
public struct YAMLNode: Hashable, Sendable {
    public enum Content: Hashable, Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        /// Keys in document order; duplicates are reported by the loader and the first one kept.
        case mapping([YAMLPair])
    }

    public var content: Content
    public var location: SourceLocation

    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }
}

/// One entry of a mapping.
public struct YAMLPair: Hashable, Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A scalar: its text as written and the value YAML's core schema resolves it to.
public struct YAMLScalar: Hashable, Sendable {
    public enum Style: Hashable, Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The resolved value. Quoted and block scalars, and scalars tagged `!!str`, are always strings.
    public enum Value: Hashable, Sendable {
        case null
        case bool(Bool)
        case int(Int)
        case float(Double)
        case string(String)
    }

    /// The scalar's text after YAML's quoting and folding rules, before resolution.
    public var text: String
    public var style: Style
    public var value: Value

    public init(text: String, style: Style, value: Value) {
        self.text = text
        self.style = style
        self.value = value
    }
}

extension YAMLNode {
    /// The value for `key` when this node is a mapping with a string key of that text.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        return pairs.first { $0.key.scalarText == key }?.value
    }

    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The text of a scalar node of any kind (`true`, `12` and `"x"` all give their text).
    public var scalarText: String? { scalar?.text }

    /// The string value of a scalar that resolved to a string.
    public var string: String? {
        if case .string(let text)? = scalar?.value { return text }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let value)? = scalar?.value { return value }
        return nil
    }

    public var int: Int? {
        switch scalar?.value {
        case .int(let value)?: return value
        case .float(let value)? where value.rounded() == value && abs(value) < 9.0e15: return Int(value)
        default: return nil
        }
    }

    public var double: Double? {
        switch scalar?.value {
        case .int(let value)?: return Double(value)
        case .float(let value)?: return value
        default: return nil
        }
    }

    public var isNull: Bool { scalar?.value == .null }

    /// Whether the node is an integer as written (`3`, not `3.0`).
    public var isInteger: Bool {
        if case .int? = scalar?.value { return true }
        return false
    }
}
