import SDKGenBase
import SDKGenJSONPath
import SDKGenYAML

/// A JSON Schema as OpenAPI 3.0 and 3.1 use it, read into one shape.
///
/// 3.0's `nullable: true` and 3.1's `type: [T, "null"]` both land in `allowsNull`; a `$ref` keeps its
/// 3.1 siblings alongside it. Subschemas are boxed so the type stays a value.
public struct Schema: Sendable {
    /// The JSON types a schema names with `type`.
    public enum JSONType: String, Sendable, Hashable, CaseIterable {
        case string, number, integer, boolean, object, array, null
    }

    /// `additionalProperties`: `true`, `false` or a schema.
    public enum AdditionalProperties: Sendable {
        case allowed(Bool)
        case schema(Schema)
    }

    public struct Discriminator: Sendable {
        public var propertyName: String
        public var mapping: [Named<String>]
    }

    /// The reference, when the schema is (or starts with) a `$ref`.
    public var reference: Reference?
    /// The types named by `type`, without `null`; empty when `type` is absent.
    public var types: [JSONType] = []
    /// Whether `null` is allowed, by `nullable: true` or a `null` in `type`.
    public var allowsNull = false
    /// A schema written as the boolean `true` (anything) or `false` (nothing).
    public var booleanValue: Bool?
    public var format: String?
    /// Where `format`'s value is written, so a diagnostic about it points there rather than at the schema.
    public var formatLocation: SourceLocation?
    public var title: String?
    public var description: String?
    public var properties: [Named<Schema>] = []
    /// Required property names, each with where it is written.
    public var required: [Named<Void>] = []
    public var additionalProperties: AdditionalProperties? {
        get { _additionalProperties?.value }
        set { _additionalProperties = newValue.map(Box.init) }
    }
    public var items: Schema? {
        get { _items?.value }
        set { _items = newValue.map(Box.init) }
    }
    public var prefixItems: [Schema] = []
    public var allOf: [Schema] = []
    public var oneOf: [Schema] = []
    public var anyOf: [Schema] = []
    public var not: Schema? {
        get { _not?.value }
        set { _not = newValue.map(Box.init) }
    }
    public var discriminator: Discriminator?
    public var enumValues: [YAMLNode]?
    public var constValue: YAMLNode?
    public var defaultValue: YAMLNode?
    public var example: YAMLNode?
    public var readOnly = false
    public var writeOnly = false
    public var deprecated = false
    public var minimum: Double?
    public var maximum: Double?
    public var exclusiveMinimum: Double?
    public var exclusiveMaximum: Double?
    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: String?
    public var minItems: Int?
    public var maxItems: Int?
    public var uniqueItems = false
    public var extensions = Extensions()
    public var location: SourceLocation

    private var _additionalProperties: Box<AdditionalProperties>?
    private var _items: Box<Schema>?
    private var _not: Box<Schema>?

    public init(at location: SourceLocation) {
        self.location = location
    }

    /// Whether a property of this name must be present.
    public func isRequired(_ name: String) -> Bool {
        required.contains { $0.name == name }
    }
}

/// Heap storage that lets a value type hold itself.
package final class Box<Value: Sendable>: Sendable {
    package let value: Value

    package init(_ value: Value) {
        self.value = value
    }
}

extension Schema {
    /// Whether the schema allows `null` and nothing else (`type: "null"`, or `enum: [null]`), as unions
    /// write an optional member.
    public var isNullOnly: Bool {
        if reference == nil, types.isEmpty, allowsNull { return true }
        if let values = enumValues, !values.isEmpty, values.allSatisfy(\.isNull) { return true }
        return false
    }
}
