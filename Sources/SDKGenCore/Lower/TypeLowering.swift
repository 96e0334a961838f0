/// Maps schemas to Swift types, declaring a model for every object schema it meets.
///
/// Component schemas are named first, so a `$ref` resolves to its component's name whatever the order
/// of declarations; inline object schemas are named from where they stand (`ActivityItemUsage`).
struct TypeLowering {
    private let index: ComponentIndex
    private var names: NameRegistry
    /// Component name → Swift type name, for component schemas that become declarations.
    private var componentTypes: [String: String] = [:]
    /// Component names being resolved, to stop on a reference cycle that declares no type.
    private var resolving: Set<String> = []
    private(set) var models: [ModelDeclaration] = []
    private(set) var diagnostics = Diagnostics()

    init(index: ComponentIndex, names: NameRegistry) {
        self.index = index
        self.names = names
    }

    /// Names every component schema that becomes a declaration, then declares them in document order.
    mutating func declareComponents() {
        let schemas = index.document.components.schemas
        for entry in schemas where Self.declaresType(entry.value) {
            componentTypes[entry.name] = names.claim(SwiftName.type(entry.name))
        }
        for entry in schemas {
            guard let typeName = componentTypes[entry.name] else { continue }
            declareStruct(typeName, for: entry.value)
        }
    }

    /// Whether a schema becomes a struct of its own rather than a standard type.
    private static func declaresType(_ schema: Schema) -> Bool {
        guard schema.reference == nil, schema.allOf.isEmpty, schema.oneOf.isEmpty, schema.anyOf.isEmpty else { return false }
        let isObject = schema.types == [.object] || (schema.types.isEmpty && !schema.properties.isEmpty)
        return isObject && !schema.properties.isEmpty
    }

    /// The Swift type for a schema, without the optional a nullable or absent value adds.
    mutating func swiftType(for schema: Schema, suggestedName: @autoclosure () -> String) -> String {
        if let reference = schema.reference {
            return referencedType(reference)
        }
        if schema.booleanValue != nil {
            return "JSONValue"
        }
        if !schema.allOf.isEmpty || !schema.oneOf.isEmpty || !schema.anyOf.isEmpty {
            diagnostics.warning("composition with allOf/oneOf/anyOf is not generated yet; the value is decoded as JSONValue", at: schema.location)
            return "JSONValue"
        }
        if Self.declaresType(schema) {
            let typeName = names.claim(SwiftName.type(suggestedName()))
            declareStruct(typeName, for: schema)
            return typeName
        }
        if schema.types.count > 1 {
            diagnostics.warning("a value of several types (\(schema.types.map(\.rawValue).joined(separator: ", "))) is decoded as JSONValue", at: schema.location)
            return "JSONValue"
        }
        switch schema.types.first {
        case .string?:
            switch schema.format {
            case "date-time": return "Date"
            case "byte", "binary": return "Data"
            default: return "String"
            }
        case .integer?: return "Int"
        case .number?: return "Double"
        case .boolean?: return "Bool"
        case .array?:
            guard let items = schema.items else { return "[JSONValue]" }
            return "[\(swiftType(for: items, suggestedName: suggestedName() + "Item"))]"
        case .object?:
            if case .schema(let values)? = schema.additionalProperties {
                return "[String: \(swiftType(for: values, suggestedName: suggestedName() + "Value"))]"
            }
            return "[String: JSONValue]"
        case .null?, nil:
            // No `type`: any JSON value.
            return "JSONValue"
        }
    }

    /// Whether a value of this schema may be `null`, following references.
    func allowsNull(_ schema: Schema) -> Bool {
        if schema.allowsNull { return true }
        if let reference = schema.reference, let target = index.schema(reference) {
            return target.allowsNull
        }
        return false
    }

    private mutating func referencedType(_ reference: Reference) -> String {
        guard let name = reference.componentName(in: "schemas"), let target = index.schema(reference) else {
            diagnostics.warning("cannot resolve '\(reference.target)'; the value is decoded as JSONValue", at: reference.location)
            return "JSONValue"
        }
        if let typeName = componentTypes[name] {
            return typeName
        }
        // A component that is an alias of another type: use that type directly.
        guard resolving.insert(name).inserted else {
            diagnostics.warning("'\(reference.target)' refers to itself without declaring a type; the value is decoded as JSONValue", at: reference.location)
            return "JSONValue"
        }
        defer { resolving.remove(name) }
        return swiftType(for: target, suggestedName: name)
    }

    private mutating func declareStruct(_ typeName: String, for schema: Schema) {
        var members = MemberNames()
        var properties: [PropertyDeclaration] = []
        var fields: [ReferenceRow] = []
        for property in schema.properties {
            let name = members.claim(SwiftName.member(property.name))
            let baseType = swiftType(for: property.value, suggestedName: typeName + SwiftName.type(property.name))
            let isRequired = schema.isRequired(property.name)
            let isOptional = !isRequired || allowsNull(property.value)
            let description = property.value.description ?? property.value.reference.flatMap { index.schema($0)?.description }
            let bareName = SwiftName.unescaped(name)
            properties.append(PropertyDeclaration(
                name: name,
                type: isOptional ? "\(baseType)?" : baseType,
                docLines: SwiftLiteral.docComment(description),
                defaultClause: isOptional ? " = nil" : "",
                codingKey: bareName == property.name ? "case \(name)" : "case \(name) = \(SwiftLiteral.string(property.name))"))
            fields.append(ReferenceRow(
                name: "`\(bareName)`", type: "`\(isOptional ? "\(baseType)?" : baseType)`",
                required: isRequired ? "✔️" : "➖", description: Markdown.cell(description),
                example: Markdown.cell(property.value.example.flatMap(ExampleText.plain))))
        }
        var initDocLines = ["/// Creates a value from its properties."]
        if !properties.isEmpty {
            initDocLines += ["///", "/// - Parameters:"]
            for (property, spec) in zip(properties, schema.properties) {
                initDocLines += SwiftLiteral.parameterDoc(SwiftName.unescaped(property.name), spec.value.description ?? spec.value.reference.flatMap { index.schema($0)?.description })
            }
        }
        models.append(ModelDeclaration(
            typeName: typeName,
            docLines: SwiftLiteral.docComment(schema.description ?? schema.title),
            properties: properties,
            initDocLines: initDocLines,
            reference: ModelReferencePage(path: "models/\(typeName).md", title: typeName,
                                          description: Markdown.block(schema.description ?? schema.title), fields: fields)))
    }
}
