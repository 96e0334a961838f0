import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// A model: a struct for an object schema, an enum for an `enum` of strings, an enum with associated
/// values for a `oneOf`/`anyOf`, or a struct coded as an array for a `prefixItems` tuple.
public struct ModelDeclaration: Sendable {
    public var access: AccessModifier
    public var typeName: String
    /// The name of the file under `Models/` that holds the declaration, without `.swift`: the type's own name, or
    /// for a type declared for an inline schema, the file of the type whose schema holds that one.
    ///
    /// Every file costs the compiler a fixed amount of work whatever it holds; the OpenRouter spec declares over
    /// a thousand types for inline schemas, and files per component schema build markedly faster than a file per
    /// type. A changed schema still recompiles only its own file.
    public var fileName: String
    /// What the schema says of itself: its description, else its title.
    public var description: String?
    public var documentation: Documentation
    public var kind: ModelKind
    /// The schema the type is declared for, by the name it is declared under.
    public var origin: SpecOrigin
}

/// What a model is declared as.
public enum ModelKind: Sendable {
    case structure(StructModel)
    case enumeration(EnumModel)
    case union(UnionModel)
    case tuple(TupleModel)
}

/// A struct with a stored property per schema property.
public struct StructModel: Sendable {
    /// Never empty: an object schema without properties is a dictionary or `JSONValue`, not a struct.
    public var properties: [PropertyDeclaration]
    /// The members the schema's `additionalProperties` schema allows beside its properties, kept in a dictionary.
    public var additionalProperties: AdditionalPropertiesDeclaration?
    /// The memberwise initializer's documentation.
    public var initDocumentation: Documentation
}

/// The dictionary a struct keeps the members its properties do not name in, when the schema types them with an
/// `additionalProperties` schema: decoded from every other key, encoded back beside the properties.
public struct AdditionalPropertiesDeclaration: Sendable {
    /// The stored property's name, `additionalProperties` unless a property of the schema has it.
    public var name: String
    /// The type of each member's value.
    public var valueType: SwiftType
    public var documentation: Documentation
    /// What the reference page's table says of it.
    public var description: String
    /// The `additionalProperties` keyword.
    public var origin: SpecOrigin
}

public struct PropertyDeclaration: Sendable {
    public var name: String
    /// Optional for a property that may be absent or `null`: the initializer may omit it, and it is decoded and
    /// encoded only when present.
    public var type: SwiftType
    public var documentation: Documentation
    /// The key the property is decoded and encoded under.
    public var wireName: String
    /// Whether the schema requires the property (it may still be `null`, and so optional in Swift).
    public var isRequired: Bool
    /// What the spec says of the property, and its example.
    public var description: String?
    public var example: ExampleValue?
    /// Stored through the runtime's `@Indirect` wrapper, because the type contains itself through it.
    public var isIndirect: Bool
    /// How the value is written on the wire.
    public var coding: PropertyCoding = .standard
    /// The schema property, by its wire name.
    public var origin: SpecOrigin
}

/// How a property's value is decoded and encoded.
public enum PropertyCoding: Sendable, Hashable {
    /// By its type's own `Codable` conformance (a `Date` by the decoder's and encoder's date strategies).
    case standard
    /// A `Date`, or an array of them, as a JSON number of seconds since 1970-01-01T00:00:00Z (`format: unixtime`)
    /// through the runtime's `UnixTime`: whole seconds for an `integer` schema, else to the microsecond.
    case unixTime(wholeSeconds: Bool)
    /// As the whole object rather than one of its members: the union an `allOf` extends with properties of its own,
    /// decoded from the same object and encoded into it before them. Its `wireName` is empty.
    case wholeObject
}

/// A struct with a stored property per `prefixItems` element, coded as a JSON array in that order.
public struct TupleModel: Sendable {
    /// The fixed elements, in order, each decoded and encoded as its whole `type` (an optional one as a
    /// `null` element); their `wireName` is unused.
    public var elements: [PropertyDeclaration]
    /// The memberwise initializer's documentation.
    public var initDocumentation: Documentation
    /// The type of each element after the fixed ones, kept in `rest`; `nil` when the tuple has a fixed length.
    public var restType: SwiftType?
}

/// An open enum: the spec's values as cases, and a case keeping any other value the server sends.
public struct EnumModel: Sendable {
    public var cases: [EnumCase]
    /// The case holding unknown values: `unknown`, or numbered when a value already took that name.
    public var unknownCaseName: String
}

public struct EnumCase: Sendable {
    public var name: String
    public var value: EnumValue
    public var documentation: Documentation
    /// The `enum` value, by its text.
    public var origin: SpecOrigin
}

/// The raw value of an enum case; every case of an enum has the same kind.
public enum EnumValue: Sendable, Hashable {
    case string(String)
    case int(Int)
}

/// One of several types: `oneOf` or `anyOf`.
public struct UnionModel: Sendable {
    public var cases: [UnionCase]
    /// Set when a discriminator property picks the case; otherwise each case is tried in order.
    public var discriminator: UnionDiscriminator?
    /// Without a discriminator: the properties read first to skip the cases whose values they cannot have
    /// (see `UnionSelection`).
    public var selectingProperties: [UnionSelectingProperty]
    /// Whether the enum is `indirect`, because a case contains the enum itself.
    public var isIndirect: Bool

    /// Whether, without a discriminator, the cases whose objects declare every key of the payload are tried before
    /// the others: a member whose properties are all optional decodes any object, and would otherwise take a payload
    /// meant for a later member and drop its keys.
    public var triesBestFitFirst: Bool {
        discriminator == nil && cases.filter { $0.declaredKeys != nil }.count >= 2
    }
}

public struct UnionCase: Sendable {
    public var name: String
    public var type: SwiftType
    public var documentation: Documentation
    /// The discriminator values that select this case.
    public var discriminatorValues: [String]
    /// Per selecting property (by its variable's name), the values under which this case is tried; the case is
    /// tried whatever the value of a property this does not name.
    public var selection: [UnionSelectionCondition]
    /// The wire names of the properties the member's object declares, when the union tries first the members that
    /// declare every key of the payload (see `UnionModel.triesBestFitFirst`); `nil` for a member that is no object
    /// with properties.
    public var declaredKeys: [String]?
}

/// A condition under which a union's case is tried: the selecting property has one of the values.
public struct UnionSelectionCondition: Sendable {
    /// The selecting property's variable.
    public var property: String
    public var values: [String]
}

/// A property that tells the members of a union without a discriminator apart.
public struct UnionSelectingProperty: Sendable {
    /// The name of the variable it is read into.
    public var name: String
    public var wireName: String
}

public struct UnionDiscriminator: Sendable {
    /// The discriminator property's wire name.
    public var propertyName: String
    /// The case that holds, as `JSONValue`, a value whose discriminator no other case claims; it encodes
    /// back unchanged.
    public var unknownCaseName: String
}

extension EnumModel {
    /// Whether the raw values are strings; otherwise they are integers.
    public var hasStringValues: Bool {
        cases.allSatisfy { if case .string = $0.value { true } else { false } }
    }
}
