/// A model: a struct for an object schema, an enum for an `enum` of strings, an enum with associated
/// values for a `oneOf`/`anyOf`, or a struct coded as an array for a `prefixItems` tuple. Exactly one of
/// `structModel`, `enumModel`, `unionModel` and `tupleModel` is set.
public struct ModelDeclaration: Sendable {
    /// The access modifier of the declarations and a space (`public `), or nothing for internal.
    public var access: String
    public var typeName: String
    /// The name of the file under `Models/` that holds the declaration, without `.swift`: the type's own name, or
    /// for a type declared for an inline schema, the file of the type whose schema holds that one.
    ///
    /// Every file costs the compiler a fixed amount of work whatever it holds; the OpenRouter spec declares over
    /// a thousand types for inline schemas, and files per component schema build markedly faster than a file per
    /// type. A changed schema still recompiles only its own file.
    public var fileName: String
    public var docLines: [String]
    public var structModel: StructModel?
    public var enumModel: EnumModel?
    public var unionModel: UnionModel?
    public var tupleModel: TupleModel?
    public var reference: ModelReferencePage
    /// The schema the type is declared for, by the name it is declared under.
    public var origin: SpecOrigin
}

/// A struct with a stored property per schema property.
public struct StructModel: Sendable {
    /// Never empty: an object schema without properties is a dictionary or `JSONValue`, not a struct.
    public var properties: [PropertyDeclaration]
    /// The memberwise initializer's doc comment.
    public var initDocLines: [String]
}

public struct PropertyDeclaration: Sendable {
    public var name: String
    public var type: String
    public var docLines: [String]
    /// ` = nil` when the initializer may omit it.
    public var defaultClause: String
    /// The wire name as a Swift string literal, the key the property is decoded and encoded under.
    public var wireNameLiteral: String
    /// `type` without the `?` of an optional property: the type that is decoded and encoded.
    public var valueType: String
    /// `decodeIfPresent` for a property that may be absent, else `decode`: the container method that reads it.
    public var decodeMethod: String
    /// `encodeIfPresent` for a property that may be absent, which leaves it out when `nil`, else `encode`.
    public var encodeMethod: String
    /// Stored through the runtime's `@Indirect` wrapper, because the type contains itself through it.
    public var isIndirect: Bool
    /// The schema property, by its wire name.
    public var origin: SpecOrigin
}

/// A struct with a stored property per `prefixItems` element, coded as a JSON array in that order.
public struct TupleModel: Sendable {
    /// The fixed elements, in order, each decoded and encoded as its whole `type`; their `wireNameLiteral`,
    /// `valueType` and methods are unused.
    public var elements: [PropertyDeclaration]
    /// The memberwise initializer's parameters: the elements, then `rest` when there is one.
    public var parameters: [TupleParameter]
    /// The memberwise initializer's doc comment.
    public var initDocLines: [String]
    /// Whether elements after the fixed ones are kept, in `rest`.
    public var hasRest: Bool
    /// The type of each element after the fixed ones, when `hasRest`.
    public var restType: String
}

public struct TupleParameter: Sendable {
    public var name: String
    public var type: String
    /// ` = []` for `rest`, which the initializer may omit.
    public var defaultClause: String
}

/// An open enum: the spec's values as cases, and a case keeping any other value the server sends.
public struct EnumModel: Sendable {
    /// `String` or `Int`.
    public var rawType: String
    /// Whether `rawType` is `String`; otherwise the raw values are converted to and from text for
    /// `LosslessStringConvertible`.
    public var hasStringRawValue: Bool
    public var cases: [EnumCase]
    /// The case holding unknown values: `unknown`, or numbered when a value already took that name.
    public var unknownCaseName: String
}

public struct EnumCase: Sendable {
    public var name: String
    /// The raw value as a Swift literal.
    public var valueLiteral: String
    public var docLines: [String]
    /// The `enum` value, by its text.
    public var origin: SpecOrigin
}

/// One of several types: `oneOf` or `anyOf`.
public struct UnionModel: Sendable {
    public var cases: [UnionCase]
    /// Set when a discriminator property picks the case; otherwise each case is tried in order.
    public var discriminator: UnionDiscriminator?
    /// Without a discriminator: the properties read first to skip the cases whose values they cannot have
    /// (see `UnionSelection`).
    public var selectingProperties: [UnionSelectingProperty]
    public var hasSelectingProperties: Bool
    /// Whether the enum is `indirect`, because a case contains the enum itself.
    public var isIndirect: Bool
}

public struct UnionCase: Sendable {
    public var name: String
    public var type: String
    public var docLines: [String]
    /// The discriminator values that select this case, as Swift string literals.
    public var discriminatorValueLiterals: [String]
    /// Swift conditions on the selecting properties under which this case is tried; empty to try it always.
    public var selectionConditions: [String]
}

/// A property that tells the members of a union without a discriminator apart.
public struct UnionSelectingProperty: Sendable {
    /// The name of its coding key and of the variable it is read into.
    public var name: String
    /// Its wire name, as a Swift string literal.
    public var wireNameLiteral: String
}

public struct UnionDiscriminator: Sendable {
    /// The discriminator property's wire name, as a Swift string literal.
    public var propertyNameLiteral: String
}
