import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// Maps schemas to Swift types, declaring a model for every object, enum and union schema it meets.
///
/// Component schemas are named first, so a `$ref` resolves to its component's name whatever the order
/// of declarations; inline schemas are named from where they stand (`ActivityItemUsage`).
package struct TypeLowering {
    /// What a schema is declared as.
    private enum DeclarationKind {
        case structure, enumeration, union, tuple
    }

    package let index: ComponentIndex
    /// The required properties the spec's examples leave out, which are declared optional.
    package let exampleOmissions: ExampleOmissions
    private var names: NameRegistry
    /// The access level every model is declared with.
    private let access: AccessModifier
    /// Whether a struct keeps, as JSON, the members its schema does not declare (unless the schema forbids them).
    private let keepsUndeclaredProperties: Bool
    /// Component name → Swift type name, for component schemas that become declarations.
    private var componentTypes: [String: String] = [:]
    /// Component names being resolved, each with how many inline declarations were being built when it started: a
    /// reference back to one is a cycle, which a declaration built since can hold (see `referencedType`).
    private var resolving: [String: Int] = [:]
    /// The components met again inside a declaration built while they were resolved, whose placeholder type
    /// (`aliasPlaceholder`) is replaced by theirs once it is known.
    private var placeholderAliases: Set<String> = []
    /// The inline schemas whose declarations are being built, by where they are written.
    private var inlineDeclarations: [SourceLocation: String] = [:]
    /// The file of the outermost declaration being built, which the declarations for its inline schemas share.
    private var enclosingFile: String?
    /// Component name by where its schema is written, for the components that become declarations: a component the
    /// bundler copied from a subschema of another (`$ref: '#/components/schemas/Pet/properties/owner'`) is written
    /// where that subschema is, which then is the component's type rather than a second copy of it.
    private var componentsByLocation: [SourceLocation: String] = [:]
    /// The types declared for inline schemas reached through a component that declares no type (an array alias
    /// whose items are an object), by where the schema is written: every reference to the alias, and the component
    /// the alias was copied from, then use the one type.
    private var aliasInlineTypes: [SourceLocation: String] = [:]
    /// The types declared for every other inline schema, by where it is written, for an alias that reaches one, and
    /// for an `allOf` that copies a property of a component declared before.
    private var inlineTypes: [SourceLocation: String] = [:]
    /// The component whose schema writes each inline schema, by where it is written.
    private var owningComponents: [SourceLocation: String] = [:]
    /// The components whose declarations are complete, whose inline schemas' types an `allOf` elsewhere that copies
    /// their properties uses rather than declaring copies (`Cat: allOf: [$ref: Pet, …]` and `Pet`'s `owner`).
    private var declaredComponents: Set<String> = []
    /// The properties a union's schema declares beside its members, which every inline member copies (see
    /// `withSharedProperties`), by where they are written: the first member declares their inline types, the
    /// others use them.
    private var sharedUnionProperties: Set<SourceLocation> = []
    private(set) var models: [ModelDeclaration] = []
    private(set) var diagnostics = Diagnostics()

    package init(index: ComponentIndex, names: NameRegistry, access: AccessModifier, keepsUndeclaredProperties: Bool) {
        self.index = index
        exampleOmissions = ExampleOmissions(index: index, keepsUndeclaredMembers: keepsUndeclaredProperties)
        diagnostics.append(contentsOf: exampleOmissions.diagnostics)
        self.names = names
        self.access = access
        self.keepsUndeclaredProperties = keepsUndeclaredProperties
    }

    /// Names every component schema that becomes a declaration, then declares them in document order, except that a
    /// component an `allOf` extends comes before the components extending it: the types of its inline schemas are
    /// then named after it, and the properties the others copy from it use them.
    package mutating func declareComponents() {
        let schemas = index.document.components.schemas
        for entry in schemas where kind(of: entry.value) != nil {
            let name = SpeakeasyExtension.string(SpeakeasyExtension.nameOverride, in: entry.value.extensions, diagnostics: &diagnostics)
            componentTypes[entry.name] = names.claim(SwiftName.type(name ?? entry.name))
            componentsByLocation[entry.value.location] = entry.name
        }
        var extended: [String: [String]] = [:]
        for entry in schemas {
            Self.recordInlineSchemas(of: entry.value, owner: entry.name, owners: &owningComponents,
                                     extended: &extended[entry.name, default: []])
        }
        let schemasByName = Dictionary(schemas.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        for name in Self.extendedFirst(schemas.map(\.name), extended: extended) {
            guard let typeName = componentTypes[name], let schema = schemasByName[name] else { continue }
            declare(typeName, for: schema)
            declaredComponents.insert(name)
        }
    }

    /// Records `owner` as the component writing every inline schema inside `schema`, down to the references, and the
    /// components its `allOf`s extend in `extended`.
    private static func recordInlineSchemas(of schema: Schema, owner: String, owners: inout [SourceLocation: String],
                                            extended: inout [String]) {
        extended += schema.allOf.compactMap { $0.reference?.componentName(in: "schemas") }
        var children = schema.properties.map(\.value) + schema.allOf + schema.oneOf + schema.anyOf + schema.prefixItems
        children += [schema.items, schema.not].compactMap { $0 }
        if case .schema(let values)? = schema.additionalProperties {
            children.append(values)
        }
        for child in children where child.reference == nil && owners[child.location] == nil {
            owners[child.location] = owner
            recordInlineSchemas(of: child, owner: owner, owners: &owners, extended: &extended)
        }
    }

    /// `names` in their order, but each after the components it extends (depth first, without recursion: a chain
    /// of `allOf`s may be long), each once.
    private static func extendedFirst(_ names: [String], extended: [String: [String]]) -> [String] {
        var order: [String] = []
        var visited: Set<String> = []
        var path: [(name: String, nextBase: Int)] = []
        for root in names where visited.insert(root).inserted {
            path.append((root, 0))
            while let (name, nextBase) = path.last {
                let bases = extended[name] ?? []
                guard nextBase < bases.count else {
                    order.append(name)
                    path.removeLast()
                    continue
                }
                path[path.count - 1].nextBase += 1
                if extended[bases[nextBase]] != nil, visited.insert(bases[nextBase]).inserted {
                    path.append((bases[nextBase], 0))
                }
            }
        }
        return order
    }

    /// `name` for a property or a union's case, or `nameValue` when a type is spelled the same: a name that starts
    /// with a digit makes `_1824` of a type and a member alike, and inside the declaration the member would hide
    /// the type (`_1824.self` in its decoding). Types named so far are checked: the components, and the inline
    /// schemas met before.
    private func notSpellingAType(_ name: String) -> String {
        names.hasClaimed(SwiftName.unescaped(name)) ? SwiftName.unescaped(name) + "Value" : name
    }

    /// A type name no other declaration has, for a type declared outside the schemas.
    package mutating func claimTypeName(_ base: String) -> String {
        names.claim(base)
    }

    /// Adds a model declared outside the schemas, such as an operation's request struct.
    package mutating func addModel(_ model: ModelDeclaration) {
        models.append(model)
    }

    // MARK: - Kinds

    private func kind(of schema: Schema) -> DeclarationKind? {
        if schema.reference != nil, schema.allOf.isEmpty, schema.oneOf.isEmpty, schema.anyOf.isEmpty { return nil }
        if !schema.oneOf.isEmpty || !schema.anyOf.isEmpty {
            return unionMembers(schema).count >= 2 ? .union : nil
        }
        if !schema.prefixItems.isEmpty, schema.types.isEmpty || schema.types == [.array] {
            return .tuple
        }
        if !schema.allOf.isEmpty {
            if isAnnotatedReference(schema) { return nil }
            if let object = index.flattenedObject(schema) { return object.properties.isEmpty ? nil : .structure }
            return extendedUnion(schema) != nil ? .structure : nil
        }
        if isStringEnum(schema) || isIntegerEnum(schema) { return .enumeration }
        let isObject = schema.types == [.object] || (schema.types.isEmpty && !schema.properties.isEmpty)
        return isObject && !schema.properties.isEmpty ? .structure : nil
    }

    private func isStringEnum(_ schema: Schema) -> Bool {
        guard let values = schema.enumValues, !values.isEmpty, schema.types.isEmpty || schema.types == [.string] else { return false }
        return values.contains { $0.string != nil } && values.allSatisfy { $0.string != nil || $0.isNull }
    }

    private static func isIntegerEnum(_ schema: Schema) -> Bool {
        guard let values = schema.enumValues, !values.isEmpty, schema.types.isEmpty || schema.types == [.integer] else { return false }
        return values.contains { $0.isInteger } && values.allSatisfy { $0.isInteger || $0.isNull }
    }

    private func isIntegerEnum(_ schema: Schema) -> Bool { Self.isIntegerEnum(schema) }

    /// The members of a `oneOf`/`anyOf` that are not just `null`.
    private func unionMembers(_ schema: Schema) -> [Schema] {
        (schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf).filter { !isNullOnly($0) }
    }

    private func isNullOnly(_ schema: Schema) -> Bool { schema.isNullOnly }

    /// A schema that says nothing about the value's shape, like `{nullable: true}` or `{description: …}`.
    private func isUnconstrained(_ schema: Schema) -> Bool {
        schema.reference == nil && schema.types.isEmpty && schema.properties.isEmpty && schema.allOf.isEmpty
            && schema.oneOf.isEmpty && schema.anyOf.isEmpty && schema.enumValues == nil && schema.items == nil
            && schema.additionalProperties == nil && schema.constValue == nil && schema.booleanValue == nil
    }

    /// An `allOf` of one union and of objects (jupyterhub's `RequestIdentity`: a user or a service, with the scopes of
    /// the request), declared as a struct of the union's value and the objects' properties: the union, and the
    /// objects' properties merged. `nil` unless every member of the union is an object with properties (a value of
    /// another kind could not take the properties beside it) and the union's own schema is a plain `oneOf`/`anyOf`.
    private func extendedUnion(_ schema: Schema) -> (union: Schema, properties: [Named<Schema>], required: Set<String>)? {
        guard schema.oneOf.isEmpty, schema.anyOf.isEmpty else { return nil }
        let resolved = schema.allOf.map { member in member.reference.flatMap { index.schema($0) } ?? member }
        let unionOffsets = resolved.indices.filter { !resolved[$0].oneOf.isEmpty || !resolved[$0].anyOf.isEmpty }
        guard unionOffsets.count == 1, let offset = unionOffsets.first else { return nil }
        let union = resolved[offset]
        let members = unionMembers(union)
        guard members.count >= 2, !allowsNull(schema.allOf[offset]), union.properties.isEmpty, union.allOf.isEmpty,
              union.types.isEmpty || union.types == [.object],
              members.allSatisfy({ index.flattenedObject($0)?.properties.isEmpty == false }) else { return nil }
        var rest = schema
        rest.allOf.remove(at: offset)
        guard let object = index.flattenedObject(rest), !object.properties.isEmpty else { return nil }
        return (schema.allOf[offset], object.properties, object.required)
    }

    /// `allOf: [$ref]` beside annotations alone (`nullable`, a description), the way OpenAPI 3.0 documents a reference:
    /// the referenced type itself, not a copy of it under another name.
    private func isAnnotatedReference(_ schema: Schema) -> Bool {
        let members = schema.allOf.filter { !isUnconstrained($0) }
        guard members.count == 1, let member = members.first, let reference = member.reference,
              member.allOf.isEmpty, member.oneOf.isEmpty, member.anyOf.isEmpty else { return false }
        // A member of the union it extends (`Cat: {allOf: [$ref: Pet]}`, `Pet: {oneOf: [$ref: Cat, …]}`) is a struct
        // of its own, with the union's properties.
        if let target = index.schema(reference), index.isUnion(target, listing: schema) { return false }
        return schema.properties.isEmpty && schema.required.isEmpty && schema.additionalProperties == nil
            && schema.oneOf.isEmpty && schema.anyOf.isEmpty && (schema.types.isEmpty || schema.types == [.object])
    }

    // MARK: - Types

    /// The Swift type for a schema, without the optional a nullable or absent value adds.
    package mutating func swiftType(for schema: Schema, suggestedName: @autoclosure () -> String) -> SwiftType {
        if let reference = schema.reference, schema.allOf.isEmpty, schema.oneOf.isEmpty, schema.anyOf.isEmpty {
            return referencedType(reference)
        }
        if schema.booleanValue != nil {
            return .jsonValue
        }
        if kind(of: schema) != nil {
            // An inline schema met again while its own declaration is being built (an `allOf` of the
            // component it is a property of copies that property back in) is the type being declared:
            // a recursive type, rather than a new copy at every level without end.
            if let typeName = inlineDeclarations[schema.location] {
                return .named(typeName)
            }
            if let component = componentsByLocation[schema.location], let typeName = componentTypes[component] {
                return .named(typeName)
            }
            let isInAlias = !resolving.isEmpty
            // A copy of a declared component's property (an `allOf` of it) is that component's type for it; copied
            // before the component is declared, it is declared anew, so that the component's own is named after it.
            let ownerIsDeclared = owningComponents[schema.location].map(declaredComponents.contains) ?? false
            let isShared = sharedUnionProperties.contains(schema.location)
            if let typeName = aliasInlineTypes[schema.location] ?? (isInAlias || ownerIsDeclared || isShared ? inlineTypes[schema.location] : nil) {
                return .named(typeName)
            }
            let typeName = names.claim(SwiftName.type(suggestedName()))
            if isInAlias {
                aliasInlineTypes[schema.location] = typeName
            } else {
                inlineTypes[schema.location] = typeName
            }
            inlineDeclarations[schema.location] = typeName
            defer { inlineDeclarations[schema.location] = nil }
            declare(typeName, for: schema)
            return .named(typeName)
        }
        if !schema.oneOf.isEmpty || !schema.anyOf.isEmpty {
            let members = unionMembers(schema)
            return members.count == 1 ? swiftType(for: members[0], suggestedName: suggestedName()) : .jsonValue
        }
        // An `allOf` of constraints alone (`{type: string, allOf: [{pattern: …}, {pattern: …}]}`) is the schema's type.
        if !schema.allOf.isEmpty, !schema.allOf.allSatisfy(isUnconstrained) {
            let members = schema.allOf.filter { !isUnconstrained($0) }
            if members.count == 1 {
                return swiftType(for: members[0], suggestedName: suggestedName())
            }
            let resolved = members.map { member in member.reference.flatMap { index.schema($0) } ?? member }
            if resolved.contains(where: { !$0.oneOf.isEmpty || !$0.anyOf.isEmpty }) {
                // Not one union of objects extended by objects (`extendedUnion(_:)`): several unions, a member of
                // another kind, or nothing declared beside the union.
                diagnostics.warning("allOf combines a oneOf or anyOf with other schemas, which sdkgen declares only for one union of objects and objects with properties beside it; the value is decoded as JSONValue", at: schema.location)
            } else {
                diagnostics.warning("allOf mixes objects with other kinds of schema; the value is decoded as JSONValue", at: schema.location)
            }
            return .jsonValue
        }
        let types = schema.types.isEmpty ? inferredTypes(schema) : schema.types
        if types.count > 1 {
            if Set(types) == [.integer, .number] { return .double }
            diagnostics.warning("a value of several types (\(types.map(\.rawValue).joined(separator: ", "))) is decoded as JSONValue", at: schema.location)
            return .jsonValue
        }
        switch types.first {
        case .string?:
            switch schema.format {
            case "date-time": return .date
            case "byte", "binary": return .data
            default: return .string
            }
        case .integer?: return .int
        case .number?: return .double
        case .boolean?: return .bool
        case .array?:
            guard let items = schema.items else { return .array(.jsonValue) }
            // Items that may be `null` (a `$ref` to a component of `type: [object, "null"]`) are optional elements.
            let element = swiftType(for: items, suggestedName: suggestedName() + "Item")
            return .array(allowsNull(items) ? element.optional : element)
        case .object?:
            if case .schema(let values)? = schema.additionalProperties {
                return .dictionary(swiftType(for: values, suggestedName: suggestedName() + "Value"))
            }
            return .dictionary(.jsonValue)
        case .null?, nil:
            return .jsonValue
        }
    }

    /// The type a schema without `type` has by its other keywords: enum values, `const`, properties.
    private func inferredTypes(_ schema: Schema) -> [Schema.JSONType] {
        let values = (schema.enumValues ?? []) + (schema.constValue.map { [$0] } ?? [])
        var types: [Schema.JSONType] = []
        for value in values where !value.isNull {
            let type: Schema.JSONType? = switch value.scalar?.value {
            case .string?: .string
            case .int?: .integer
            case .float?: .number
            case .bool?: .boolean
            default: value.items != nil ? .array : (value.pairs != nil ? .object : nil)
            }
            if let type, !types.contains(type) { types.append(type) }
        }
        if types.isEmpty, !schema.properties.isEmpty || schema.additionalProperties != nil { return [.object] }
        if types.isEmpty, schema.items != nil { return [.array] }
        return types
    }

    /// Whether a value of this schema may be `null`, following references.
    package func allowsNull(_ schema: Schema) -> Bool {
        if schema.allowsNull || isNullOnly(schema) { return true }
        if schema.enumValues?.contains(where: \.isNull) == true { return true }
        if (schema.oneOf + schema.anyOf).contains(where: { isNullOnly($0) }) { return true }
        if schema.allOf.contains(where: { isUnconstrained($0) && $0.allowsNull }) { return true }
        // An `allOf` of a nullable schema and annotations (OpenRouter's `{allOf: [$ref: PercentileStats, {description}]}`,
        // whose component is `type: [object, "null"]`): `null` satisfies every member.
        if schema.types.isEmpty, schema.allOf.contains(where: { !isUnconstrained($0) }),
           schema.allOf.allSatisfy({ isUnconstrained($0) || allowsNull($0) }) { return true }
        if let reference = schema.reference, let target = index.schema(reference), schema.oneOf.isEmpty {
            return target.allowsNull || (target.oneOf + target.anyOf).contains(where: { isNullOnly($0) })
        }
        return false
    }

    /// How many components that name another type (`A: {$ref: B}`, `A: {type: array, items: {$ref: B}}`) a reference
    /// is followed through before its value is read as `JSONValue`: far more than any document writes, few enough
    /// for a debug build's frames on a test's thread.
    static let maximumAliasDepth = 64

    private mutating func referencedType(_ reference: Reference) -> SwiftType {
        guard let name = reference.componentName(in: "schemas"), let target = index.schema(reference) else {
            diagnostics.warning("cannot resolve '\(reference.target)'; the value is decoded as JSONValue", at: reference.location)
            return .jsonValue
        }
        if let typeName = componentTypes[name] {
            return .named(typeName)
        }
        // A component that is an alias of another type: use that type directly. The types declared for its inline
        // schemas belong to no other declaration's file.
        let outerFile = enclosingFile
        enclosingFile = nil
        defer { enclosingFile = outerFile }
        if let declarationsAtStart = resolving[name] {
            // Through a union or an object declared since (`Settings: {additionalProperties: {oneOf: [string, $ref:
            // Settings]}}`), the component is that declaration's own type again, `[String: SettingsValue]`: a
            // placeholder until it is known.
            if inlineDeclarations.count > declarationsAtStart {
                placeholderAliases.insert(name)
                return .named(Self.aliasPlaceholder(name))
            }
            diagnostics.warning("'\(reference.target)' contains itself only through arrays, dictionaries or references, with no struct or enum of its own to hold it; the value is decoded as JSONValue", at: reference.location)
            return .jsonValue
        }
        // Each alias is a level of recursion here; a chain longer than any written by hand would exhaust the stack.
        guard resolving.count < Self.maximumAliasDepth else {
            diagnostics.warning("'\(reference.target)' is reached through more than \(Self.maximumAliasDepth) components that only name another type; the value is decoded as JSONValue", at: reference.location)
            return .jsonValue
        }
        resolving[name] = inlineDeclarations.count
        defer { resolving[name] = nil }
        let type = swiftType(for: target, suggestedName: name)
        if placeholderAliases.remove(name) != nil {
            let placeholder = Self.aliasPlaceholder(name)
            models = models.map { $0.replacingNamedType(placeholder, with: type) }
        }
        return type
    }

    /// The type a component gets while it is resolved, replaced by its own afterwards: a name no declaration has.
    private static func aliasPlaceholder(_ componentName: String) -> String {
        "\u{0}" + componentName
    }

    private static func isAliasPlaceholder(_ type: SwiftType) -> Bool {
        type.nonOptional.declarationName?.hasPrefix("\u{0}") == true
    }

    /// What documents a property or a union member: its own description (for a `$ref`, the 3.1 sibling one), or
    /// that of an `allOf` member that only annotates (`allOf: [$ref, {description: …}]`, 3.0's way of describing a
    /// reference); failing that, for a `$ref` to a component that declares no type (an alias of `String`, say),
    /// that component's, which is documented nowhere else.
    ///
    /// A `$ref` to a declared type does not copy the type's description: that documents the type, in the
    /// type's own file, and copied here, one edit to it would rewrite (and make the build recompile) every
    /// file referring to the type.
    private func description(of schema: Schema) -> String? {
        if let own = schema.description ?? schema.allOf.first(where: { isUnconstrained($0) })?.description { return own }
        guard let reference = schema.reference, let name = reference.componentName(in: "schemas"),
              componentTypes[name] == nil else { return nil }
        return index.schema(reference)?.description
    }

    // MARK: - Declarations

    private mutating func declare(_ typeName: String, for schema: Schema) {
        var documentation: Documentation = [.text(schema.description ?? schema.title ?? "")]
        if schema.deprecated {
            documentation.blocks.append(.deprecated)
            documentation.blocks += deprecationMessage(schema)
        }
        let fileName = enclosingFile ?? typeName
        let outerFile = enclosingFile
        enclosingFile = fileName
        defer { enclosingFile = outerFile }
        let modelKind: ModelKind
        switch kind(of: schema) {
        case .structure?:
            let object = index.flattenedObject(schema)
            if object == nil, let extended = extendedUnion(schema) {
                // The union's members keep what they do not declare; the struct keeps nothing beside them.
                modelKind = .structure(declareStruct(typeName, properties: extended.properties, required: extended.required,
                                                     otherMembers: .none, extendedUnion: extended.union, location: schema.location))
            } else {
                let object = object ?? (schema.properties, Set(schema.required.map(\.name)))
                modelKind = .structure(declareStruct(typeName, properties: object.properties, required: object.required,
                                                     otherMembers: otherMembers(of: schema), location: schema.location))
            }
        case .enumeration?:
            let enumModel = declareEnum(schema)
            modelKind = .enumeration(enumModel)
            documentation.blocks.append(.sentences(Self.unknownValueNote))
        case .union?:
            modelKind = .union(declareUnion(typeName, schema))
        case .tuple?:
            modelKind = .tuple(declareTuple(typeName, schema))
            documentation.blocks.append(.sentences("Sent and received as a JSON array of its elements, in order."))
        case nil:
            return
        }
        models.append(ModelDeclaration(
            access: access, typeName: typeName, fileName: fileName, description: schema.description ?? schema.title, documentation: documentation, kind: modelKind,
            origin: SpecOrigin(key: typeName, location: schema.location)))
    }

    /// What an object keeps of the members its properties do not name.
    private enum OtherMembers {
        /// Those `additionalProperties` describes, decoded as its schema.
        case typed(Schema)
        /// Any member, kept as JSON: the schema does not restrict them.
        case undeclared
        /// None: `additionalProperties: false`, or the setting drops members no schema declares.
        case none
    }

    /// The schema `additionalProperties` gives the members an object's properties do not name: its own, else the
    /// first of its `allOf` members' (following references). Without one, the members are kept as JSON unless the
    /// schema or one of its `allOf` members forbids others (`additionalProperties: false`).
    private func otherMembers(of schema: Schema) -> OtherMembers {
        var visited: Set<String> = []
        var forbidden = false
        func find(_ schema: Schema) -> Schema? {
            if let reference = schema.reference {
                guard visited.insert(reference.target).inserted, let target = index.schema(reference) else { return nil }
                return find(target)
            }
            switch schema.additionalProperties {
            case .schema(let values)?: return values
            case .allowed(false)?: forbidden = true
            case .allowed(true)?, nil: break
            }
            // A loop, not a lazy `compactMap`, which would call `find` (and so mark references visited) twice.
            for member in schema.allOf {
                if let values = find(member) { return values }
            }
            return nil
        }
        if let values = find(schema) { return .typed(values) }
        return forbidden || !keepsUndeclaredProperties ? .none : .undeclared
    }

    /// - Parameter extendedUnion: The union an `allOf` extends with the properties (`extendedUnion(_:)`), held first
    ///   as `value`, coded as the whole object.
    private mutating func declareStruct(_ typeName: String, properties specProperties: [Named<Schema>], required: Set<String>,
                                        otherMembers: OtherMembers, extendedUnion: Schema? = nil, location: SourceLocation) -> StructModel {
        var members = MemberNames()
        var properties: [PropertyDeclaration] = []
        var initParameters: [Documentation.Parameter] = []
        for property in specProperties {
            let memberName = SwiftName.storedMember(
                SpeakeasyExtension.string(SpeakeasyExtension.nameOverride, in: property.value.extensions, diagnostics: &diagnostics) ?? property.name)
            let name = members.claim(notSpellingAType(memberName))
            let unixTime = unixTimeProperty(property.value)
            let baseType = unixTime?.type ?? swiftType(for: property.value, suggestedName: typeName + SwiftName.type(property.name))
            let isRequired = isRequired(property, in: required)
            let isOptional = !isRequired || allowsNull(property.value)
            let type = isOptional ? baseType.optional : baseType
            let description = description(of: property.value)
            // A reference to a declared type is documented there; the Swift docs point at it rather than say
            // nothing (the reference page's table shows the type already).
            let docDescription = description
                ?? (property.value.reference != nil && !Self.isAliasPlaceholder(baseType) ? baseType.declarationName.map { "See ``\($0)``." } : nil)
            var documentation: Documentation = [.text(docDescription ?? "")]
            if let notes = Self.valueNotes(property.value) {
                documentation.blocks.append(.sentences(notes, width: Self.propertyNoteWidth))
            }
            if unixTime != nil {
                documentation.blocks.append(.sentences(Self.unixTimeNote, width: Self.propertyNoteWidth))
            }
            if required.contains(property.name) && !isRequired {
                documentation.blocks.append(.sentences(Self.omittedRequiredNote, width: Self.propertyNoteWidth))
            }
            if property.value.deprecated {
                documentation.blocks.append(.deprecated)
                documentation.blocks += deprecationMessage(property.value)
            }
            properties.append(PropertyDeclaration(
                name: name, type: type, documentation: documentation, wireName: property.name, isRequired: isRequired,
                description: description, example: property.value.example.map(ExampleText.value), isIndirect: false,
                coding: unixTime?.coding ?? .standard, origin: SpecOrigin(key: property.name, location: property.location)))
            initParameters.append(Documentation.Parameter(name, docDescription))
        }
        if let union = extendedUnion {
            let name = members.claim("value")
            let type = swiftType(for: union, suggestedName: typeName + "Value")
            func valueDescription(naming union: String) -> String {
                "The \(union) the object is, besides the properties below: decoded from the whole object, and encoded into it before them."
            }
            let description = valueDescription(naming: type.declarationName.map { "`\($0)`" } ?? "union")
            let docDescription = valueDescription(naming: type.declarationName.map { "``\($0)``" } ?? "union")
            properties.insert(PropertyDeclaration(
                name: name, type: type, documentation: [.text(docDescription)], wireName: "", isRequired: true,
                description: description, example: nil, isIndirect: false, coding: .wholeObject,
                origin: SpecOrigin(key: "allOf", location: union.location)), at: 0)
            initParameters.insert(Documentation.Parameter(name, docDescription), at: 0)
        }
        let extra: AdditionalPropertiesDeclaration?
        switch otherMembers {
        case .typed(let values):
            extra = AdditionalPropertiesDeclaration(
                name: members.claim("additionalProperties"),
                valueType: swiftType(for: values, suggestedName: typeName + "AdditionalProperty"),
                documentation: [.sentences(Self.additionalPropertiesNote, width: Self.propertyNoteWidth)],
                description: Self.additionalPropertiesNote,
                origin: SpecOrigin(key: "additionalProperties", location: values.location))
        case .undeclared:
            extra = AdditionalPropertiesDeclaration(
                name: members.claim("additionalProperties"), valueType: .jsonValue,
                documentation: [.sentences(Self.undeclaredPropertiesNote, width: Self.propertyNoteWidth)],
                description: Self.undeclaredPropertiesNote,
                origin: SpecOrigin(key: typeName, location: location))
        case .none:
            extra = nil
        }
        if let extra {
            initParameters.append(Documentation.Parameter(extra.name, extra.description))
        }
        var initDocumentation: Documentation = [.sentences("Creates a value from its properties.")]
        if !initParameters.isEmpty { initDocumentation.blocks.append(.parameters(initParameters)) }
        return StructModel(properties: properties, additionalProperties: extra, initDocumentation: initDocumentation)
    }

    /// The type and coding of a property whose schema is `format: unixtime` on an `integer` or a `number`, or an array
    /// of such values: `Date` (`[Date]`) coded as seconds since the epoch; `nil` for any other schema. Seen through a
    /// `$ref` to a component that declares no type, and a union or `allOf` of one member that is not `null`-only.
    ///
    /// Only a struct's property is coded this way, by its written-out `init(from:)`; a `unixtime` value elsewhere (a
    /// parameter, a body, a dictionary's value) stays the number it is, as `swiftType` types it.
    private func unixTimeProperty(_ schema: Schema) -> (type: SwiftType, coding: PropertyCoding)? {
        var visited: Set<String> = []
        func value(_ schema: Schema) -> Schema? {
            if let reference = schema.reference, schema.allOf.isEmpty, schema.oneOf.isEmpty, schema.anyOf.isEmpty {
                if let name = reference.componentName(in: "schemas"), componentTypes[name] != nil { return nil }
                guard visited.insert(reference.target).inserted, let target = index.schema(reference) else { return nil }
                return value(target)
            }
            if !schema.oneOf.isEmpty || !schema.anyOf.isEmpty {
                let members = unionMembers(schema)
                return members.count == 1 ? value(members[0]) : nil
            }
            if !schema.allOf.isEmpty {
                let members = schema.allOf.filter { !isUnconstrained($0) }
                return members.count == 1 ? value(members[0]) : nil
            }
            return schema
        }
        func coding(_ schema: Schema) -> PropertyCoding? {
            guard schema.format == "unixtime", schema.enumValues == nil, schema.constValue == nil else { return nil }
            switch schema.types.filter({ $0 != .null }) {
            case [.integer]: return .unixTime(wholeSeconds: true)
            case [.number]: return .unixTime(wholeSeconds: false)
            default: return nil
            }
        }
        guard let property = value(schema) else { return nil }
        if let scalar = coding(property) { return (.date, scalar) }
        guard property.types.filter({ $0 != .null }) == [.array], let items = property.items, !allowsNull(items),
              let element = value(items).flatMap(coding) else { return nil }
        return (.array(.date), element)
    }

    /// What documents a `Date` property coded as seconds since the epoch.
    private static let unixTimeNote = "Sent and received as a number of seconds since 1970-01-01T00:00:00Z."

    /// What `x-speakeasy-deprecation-message` says to use instead, as a block after the deprecation warning.
    private mutating func deprecationMessage(_ schema: Schema) -> [Documentation.Block] {
        SpeakeasyExtension.string(SpeakeasyExtension.deprecationMessage, in: schema.extensions, diagnostics: &diagnostics).map { [.text($0)] } ?? []
    }

    /// A `prefixItems` tuple: a property per element, named by its `title` or else by its index, then `rest` for the
    /// elements after them unless `items: false` or `maxItems` rules those out.
    private mutating func declareTuple(_ typeName: String, _ schema: Schema) -> TupleModel {
        var members = MemberNames(reserving: ["rest"])
        var elements: [PropertyDeclaration] = []
        var initParameters: [Documentation.Parameter] = []
        for (offset, element) in schema.prefixItems.enumerated() {
            let memberName = element.title.map(SwiftName.storedMember) ?? "item\(offset)"
            let name = members.claim(notSpellingAType(memberName))
            let baseType = swiftType(for: element, suggestedName: typeName + SwiftName.type(element.title ?? "Item\(offset)"))
            let type = allowsNull(element) ? baseType.optional : baseType
            let description = description(of: element)
            var documentation: Documentation = [.text(description.map { "Element \(offset): \($0)" } ?? "Element \(offset).")]
            if let notes = Self.valueNotes(element) {
                documentation.blocks.append(.sentences(notes, width: Self.propertyNoteWidth))
            }
            elements.append(PropertyDeclaration(
                name: name, type: type, documentation: documentation, wireName: "", isRequired: true,
                description: description, example: element.example.map(ExampleText.value), isIndirect: false,
                origin: SpecOrigin(key: "\(offset)", location: element.location)))
            initParameters.append(Documentation.Parameter(name, description))
        }
        var restType: SwiftType?
        let fixedLength = schema.items?.booleanValue == false || schema.maxItems.map { $0 <= schema.prefixItems.count } == true
        if !fixedLength {
            let rest = schema.items.map { swiftType(for: $0, suggestedName: typeName + "Rest") } ?? .jsonValue
            restType = rest
            initParameters.append(Documentation.Parameter("rest", "The elements after the fixed ones."))
        }
        let initDocumentation: Documentation = [.sentences("Creates a value from its elements."), .parameters(initParameters)]
        return TupleModel(elements: elements, initDocumentation: initDocumentation, restType: restType)
    }

    private mutating func declareEnum(_ schema: Schema) -> EnumModel {
        var members = MemberNames(reserving: ["unknown", "rawValue", "init", "description"])
        if isIntegerEnum(schema) {
            // Names from the `x-enum-varnames` extension other generators read, else Speakeasy's `x-speakeasy-enums`,
            // else from the values: `_1`, `_minus1`.
            let varNames = schema.extensions["x-enum-varnames"]?.items?.map(\.string) ?? speakeasyCaseNames(schema)
            let values = (schema.enumValues ?? []).filter(\.isInteger)
            var seen: Set<Int> = []
            let cases = values.enumerated().compactMap { offset, node -> EnumCase? in
                guard let value = node.int, seen.insert(value).inserted else { return nil }
                let given = offset < varNames.count ? varNames[offset] : nil
                let name = given.map(SwiftName.member) ?? "_" + (value < 0 ? "minus\(-value)" : "\(value)")
                return EnumCase(name: members.claim(name), value: .int(value), documentation: .none,
                                origin: SpecOrigin(key: String(value), location: node.location))
            }
            return EnumModel(cases: cases, unknownCaseName: "unknown")
        }
        let values = (schema.enumValues ?? []).compactMap { node in node.string.map { (text: $0, location: node.location) } }
        let givenNames = Dictionary(zip(values.map(\.text), speakeasyCaseNames(schema)), uniquingKeysWith: { first, _ in first })
        var seen: Set<String> = []
        let cases = values.filter { seen.insert($0.text).inserted }.map { value in
            EnumCase(name: members.claim(SwiftName.member(givenNames[value.text].flatMap { $0 } ?? (value.text.isEmpty ? "empty" : value.text))),
                     value: .string(value.text), documentation: .none,
                     origin: SpecOrigin(key: value.text, location: value.location))
        }
        return EnumModel(cases: cases, unknownCaseName: "unknown")
    }

    /// The case names `x-speakeasy-enums` gives, in the order of the values (`nil` where it gives none); a value
    /// that is no list of strings is warned about and ignored.
    private mutating func speakeasyCaseNames(_ schema: Schema) -> [String?] {
        guard let node = schema.extensions[SpeakeasyExtension.enums] else { return [] }
        guard let items = node.items, items.allSatisfy({ $0.string?.isEmpty == false }) else {
            diagnostics.warning("\(SpeakeasyExtension.enums) should be a list of names, one per enum value, found \(node.scalarText.map { "'\($0)'" } ?? node.kindName); it is ignored", at: node.location)
            return []
        }
        return items.map(\.string)
    }

    private mutating func declareUnion(_ typeName: String, _ schema: Schema) -> UnionModel {
        var members = MemberNames()
        var cases: [UnionCase] = []
        let discriminator = schema.discriminator
        declareSharedProperties(of: schema, in: typeName)
        let memberSchemas = unionMembers(schema).map { withSharedProperties($0, of: schema, in: typeName) }
        let selection = discriminator == nil ? unionSelection(for: memberSchemas) : nil
        // A value selects the first case that claims it.
        var claimedValues: Set<String> = []
        for (offset, member) in memberSchemas.enumerated() {
            let componentName = member.reference?.componentName(in: "schemas")
            let suggested = typeName + SwiftName.type(member.title ?? "Option\(offset + 1)")
            let type = swiftType(for: member, suggestedName: suggested)
            guard type != .named(typeName) else {
                // A member that is the union itself adds no values, and trying it first would recurse forever.
                diagnostics.warning("this member of \(typeName) refers to \(typeName) itself and is left out", at: member.location)
                continue
            }
            let caseName = members.claim(unionCaseName(componentName: componentName, type: type))
            var values: [String] = []
            if let discriminator {
                values = discriminatorValues(of: member, componentName: componentName, discriminator: discriminator)
                    .filter { claimedValues.insert($0).inserted }
            }
            cases.append(UnionCase(name: caseName, type: type, documentation: [.text(description(of: member) ?? "")],
                                   discriminatorValues: values, selection: selection?.conditions[offset] ?? [],
                                   declaredKeys: discriminator == nil ? declaredKeys(of: member) : nil))
        }
        let usesDiscriminator = discriminator != nil && cases.allSatisfy { !$0.discriminatorValues.isEmpty }
        // A value no case claims (a kind a newer server sends) is kept, so the response still decodes.
        let unknownCaseName = members.claim("unknown")
        return UnionModel(
            cases: cases,
            discriminator: usesDiscriminator ? discriminator.map { UnionDiscriminator(propertyName: $0.propertyName, unknownCaseName: unknownCaseName) } : nil,
            selectingProperties: selection?.properties ?? [],
            isIndirect: false)
    }

    /// Declares a union of types already declared for `members`' schemas, for a value whose type depends on where it
    /// is read (an error status's body that operations document differently); its name is `suggestedName` unless a
    /// type has it. Its cases are tried in the order given, those whose objects declare every key of the payload first.
    /// - Parameter description: What sdkgen says of the union, in sentences.
    package mutating func declareUnion(suggestedName: String, of members: [(type: SwiftType, schema: Schema, documentation: Documentation)],
                                       description: String, at location: SourceLocation) -> (typeName: String, caseNames: [String]) {
        let typeName = names.claim(suggestedName)
        var caseNames = MemberNames()
        let selection = unionSelection(for: members.map(\.schema))
        let cases = members.enumerated().map { offset, member in
            UnionCase(name: caseNames.claim(unionCaseName(componentName: member.schema.reference?.componentName(in: "schemas"), type: member.type)),
                      type: member.type, documentation: member.documentation, discriminatorValues: [],
                      selection: selection?.conditions[offset] ?? [], declaredKeys: declaredKeys(of: member.schema))
        }
        models.append(ModelDeclaration(
            access: access, typeName: typeName, fileName: typeName, description: description, documentation: [.sentences(description)],
            kind: .union(UnionModel(cases: cases, discriminator: nil, selectingProperties: selection?.properties ?? [], isIndirect: false)),
            origin: SpecOrigin(key: typeName, location: location)))
        return (typeName, cases.map(\.name))
    }

    /// A union case's name, before it is made unique: its member's component's (`catOwner`), else its type's (`stringArray`).
    private func unionCaseName(componentName: String?, type: SwiftType) -> String {
        notSpellingAType(SwiftName.member(componentName ?? Self.caseName(forType: type)))
    }

    /// The wire names of the properties a union member's object declares, for trying first the members that declare every
    /// key of the payload; `nil` for a member that is no object with properties.
    private func declaredKeys(of member: Schema) -> [String]? {
        let keys = index.flattenedObject(member).map { $0.properties.map(\.name) }
        return keys?.isEmpty == false ? keys : nil
    }

    /// A union member with the properties its union's schema declares beside the `oneOf`/`anyOf` (GitHub's check run
    /// request: `name` and `head_sha` beside one member per `status`), which every member's value has. An inline
    /// member gets them, and the union's required ones, in the union's order and then its own (its own declaration of
    /// one wins); a `$ref` member is its component's type, and each shared property the component lacks is a warning,
    /// as that type keeps it only as an undeclared member.
    private mutating func withSharedProperties(_ member: Schema, of union: Schema, in typeName: String) -> Schema {
        guard !union.properties.isEmpty else { return member }
        guard member.reference == nil else {
            let declared = Set(index.flattenedObject(member)?.properties.map(\.name) ?? [])
            let missing = union.properties.map(\.name).filter { !declared.contains($0) }
            if !missing.isEmpty, let component = member.reference?.componentName(in: "schemas") {
                let list = missing.map { "'\($0)'" }.joined(separator: ", ")
                diagnostics.warning("\(typeName) declares \(list) beside its members, which the member \(component) does not; "
                                        + "its type keeps \(missing.count == 1 ? "it" : "them") only as an undeclared member",
                                    at: member.location)
            }
            return member
        }
        var merged = member
        let own = Dictionary(member.properties.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let shared = Set(union.properties.map(\.name))
        merged.properties = union.properties.map { own[$0.name] ?? $0 } + member.properties.filter { !shared.contains($0.name) }
        let required = Set(member.required.map(\.name))
        merged.required = member.required + union.required.filter { !required.contains($0.name) }
        if merged.additionalProperties == nil { merged.additionalProperties = union.additionalProperties }
        return merged
    }

    /// Declares the types of the inline schemas among the properties a union's schema declares beside its members,
    /// named after the union (`ChecksCreateRequestOutput`), for every inline member that copies them to use.
    private mutating func declareSharedProperties(of union: Schema, in typeName: String) {
        let inlineMembers = unionMembers(union).filter { $0.reference == nil }
        // A property every inline member declares itself is theirs to type.
        for property in union.properties where inlineMembers.contains(where: { member in !member.properties.contains { $0.name == property.name } }) {
            Self.collectLocations(of: property.value, into: &sharedUnionProperties)
            _ = swiftType(for: property.value, suggestedName: typeName + SwiftName.type(property.name))
        }
    }

    /// Where `schema` and every schema written inside it are.
    private static func collectLocations(of schema: Schema, into locations: inout Set<SourceLocation>) {
        guard schema.reference == nil, locations.insert(schema.location).inserted else { return }
        var children = schema.properties.map(\.value) + schema.allOf + schema.oneOf + schema.anyOf + schema.prefixItems
        children += [schema.items, schema.not].compactMap { $0 }
        if case .schema(let values)? = schema.additionalProperties { children.append(values) }
        for child in children { collectLocations(of: child, into: &locations) }
    }

    /// The discriminator values that select a union member: the `mapping` keys that name it; else the values
    /// the member itself allows the property (a single-value `enum` or a `const`, or several values), as specs
    /// without a full `mapping` say it; else the member's schema name.
    private func discriminatorValues(of member: Schema, componentName: String?, discriminator: Schema.Discriminator) -> [String] {
        if let componentName {
            let mapped = discriminator.mapping.filter { entry in
                entry.value == member.reference?.target || entry.value == componentName
            }.map(\.name)
            if !mapped.isEmpty { return mapped }
        }
        let object = index.flattenedObject(member)
        if var property = object?.properties.first(where: { $0.name == discriminator.propertyName })?.value {
            var steps = 0
            while let reference = property.reference, let target = index.schema(reference), steps < 16 {
                if property.constValue != nil || property.enumValues != nil { break }
                property = target
                steps += 1
            }
            if let constant = property.constValue?.string { return [constant] }
            if let values = property.enumValues, !values.isEmpty {
                let strings = values.compactMap(\.string)
                if strings.count == values.count { return strings }
            }
        }
        return componentName.map { [$0] } ?? []
    }

    /// What a property's schema says of its values that its Swift type does not: `const`, a non-string `enum`,
    /// the server's `default`, and `readOnly`/`writeOnly`. A `$ref`'s are documented on the referenced type.
    package static func valueNotes(_ schema: Schema) -> String? {
        var notes: [String] = []
        if let constant = schema.constValue {
            notes.append("Always `\(ExampleText.json(constant))`.")
        } else if schema.reference == nil, let values = schema.enumValues, !values.isEmpty,
                  !values.allSatisfy({ $0.string != nil || $0.isNull }), !isIntegerEnum(schema) {
            notes.append("One of " + values.map { "`\(ExampleText.json($0))`" }.joined(separator: ", ") + ".")
        }
        if let defaultValue = schema.defaultValue {
            notes.append("When absent, the server uses `\(ExampleText.json(defaultValue))`.")
        }
        if schema.readOnly { notes.append("Read-only: set by the server and ignored in requests.") }
        if schema.writeOnly { notes.append("Write-only: sent in requests and never returned.") }
        return notes.isEmpty ? nil : notes.joined(separator: " ")
    }

    /// Whether a property of an object with these required names must be present: required, not left out by one of
    /// the spec's examples (see `ExampleOmissions`), and not `writeOnly`, which a response never holds: OpenAPI makes
    /// such a `required` apply to requests alone, and a response leaving it out must still decode.
    package func isRequired(_ property: Named<Schema>, in required: Set<String>) -> Bool {
        required.contains(property.name) && !exampleOmissions.isOmitted(property.location) && !property.value.writeOnly
    }

    /// What documents a required property that an example leaves out.
    private static let omittedRequiredNote =
        "The spec marks this property required, but its own examples leave it out, so it is optional here."

    /// What documents the dictionary of the members an object's properties do not name.
    private static let additionalPropertiesNote =
        "The members the properties above do not name, by their keys, as the schema's `additionalProperties` allows them."
    private static let undeclaredPropertiesNote =
        "The members the schema does not declare, by their keys: kept as they came, so that they are written back unchanged."

    /// The note every enum's documentation ends with.
    private static let unknownValueNote =
        "A value this version of the SDK does not know decodes as `unknown`, so a new server value never breaks decoding."

    /// The width a property's notes are wrapped to: they stand indented in the type's body.
    private static let propertyNoteWidth = 116

    /// A case name for a union member without a component name: `string`, `int`, `stringArray`, `object`.
    private static func caseName(forType type: SwiftType) -> String {
        switch type {
        case .dictionary: "object"
        case .array(let element): caseName(forType: element) + "Array"
        case .jsonValue: "value"
        default: type.description
        }
    }
}

extension ModelDeclaration {
    /// The declaration with every use of the type named `name` in its stored types replaced by `type`.
    fileprivate func replacingNamedType(_ name: String, with type: SwiftType) -> ModelDeclaration {
        var model = self
        switch kind {
        case .structure(var structure):
            for index in structure.properties.indices {
                structure.properties[index].type = structure.properties[index].type.replacingNamed(name, with: type)
            }
            if let valueType = structure.additionalProperties?.valueType {
                structure.additionalProperties?.valueType = valueType.replacingNamed(name, with: type)
            }
            model.kind = .structure(structure)
        case .union(var union):
            for index in union.cases.indices {
                union.cases[index].type = union.cases[index].type.replacingNamed(name, with: type)
            }
            model.kind = .union(union)
        case .tuple(var tuple):
            for index in tuple.elements.indices {
                tuple.elements[index].type = tuple.elements[index].type.replacingNamed(name, with: type)
            }
            tuple.restType = tuple.restType?.replacingNamed(name, with: type)
            model.kind = .tuple(tuple)
        case .enumeration:
            break
        }
        return model
    }
}

extension SwiftType {
    /// The type with `type` in place of the declaration named `name`, wherever it is nested.
    fileprivate func replacingNamed(_ name: String, with type: SwiftType) -> SwiftType {
        switch self {
        case .named(let named): named == name ? type : self
        case .builtin, .void: self
        case .optional(let wrapped): .optional(wrapped.replacingNamed(name, with: type))
        case .array(let element): .array(element.replacingNamed(name, with: type))
        case .dictionary(let value): .dictionary(value.replacingNamed(name, with: type))
        case .eventStream(let element): .eventStream(element.replacingNamed(name, with: type))
        }
    }
}
