import SDKGenBase
import SDKGenJSONPath
import SDKGenYAML

/// The Lint stage: located warnings and errors about the document, before anything is generated.
///
/// Errors are reserved for what would make a wrong SDK (a reference to nothing, a path parameter that is
/// never declared); what generation can work around is a warning.
public struct SpecLinter {
    private let document: OpenAPIDocument
    private let index: ComponentIndex
    private var diagnostics = Diagnostics()

    public static func lint(_ document: OpenAPIDocument) -> [Diagnostic] {
        var linter = SpecLinter(document: document)
        linter.run()
        return linter.diagnostics.all
    }

    private init(document: OpenAPIDocument) {
        self.document = document
        index = ComponentIndex(document)
    }

    private mutating func run() {
        for entry in document.components.schemas {
            checkSchema(entry.value)
        }
        // Components no operation uses are checked too, so a cycle is reported where it is written.
        let components = document.components
        for entry in components.parameters { check(entry.value, index.parameterResolution(entry.value)) }
        for entry in components.responses { check(entry.value, index.responseResolution(entry.value)) }
        for entry in components.requestBodies { check(entry.value, index.requestBodyResolution(entry.value)) }
        for entry in components.headers { check(entry.value, index.headerResolution(entry.value)) }
        var operationIDs: [String: SourceLocation] = [:]
        for pathItem in document.paths {
            for operation in pathItem.operations {
                if let id = operation.operationID {
                    if let first = operationIDs[id] {
                        diagnostics.warning("operationId '\(id)' is already used at line \(first.line); this operation gets a numbered name", at: operation.location)
                    } else {
                        operationIDs[id] = operation.location
                    }
                }
                checkOperation(operation, in: pathItem)
            }
        }
        for parameter in document.globalParameters {
            check(parameter, index.parameterResolution(parameter))
        }
    }

    private mutating func checkOperation(_ operation: Operation, in pathItem: PathItem) {
        var parameters: [Parameter] = []
        for item in pathItem.parameters + operation.parameters {
            if let parameter = check(item, index.parameterResolution(item)) { parameters.append(parameter) }
        }
        for parameter in parameters {
            parameter.schema.map { checkSchema($0) }
        }
        for name in Self.templateNames(in: operation.path) where !parameters.contains(where: { $0.location == .path && $0.name == name }) {
            diagnostics.error("path parameter '{\(name)}' of '\(operation.path)' is not declared by \(operation.operationID.map { "'\($0)'" } ?? "the operation")", at: operation.location)
        }
        if let item = operation.requestBody, let body = check(item, index.requestBodyResolution(item)) {
            body.content.forEach { $0.schema.map { checkSchema($0) } }
        }
        for entry in operation.responses {
            if let response = check(entry.response, index.responseResolution(entry.response)) {
                response.content.forEach { $0.schema.map { checkSchema($0) } }
                for header in response.headers { check(header.value, index.headerResolution(header.value)) }
            }
        }
    }

    /// Reports a reference `item` that does not resolve, given how it resolves (a resolution, not a resolving function:
    /// an index method passed as one copied the index each time); returns what it resolves to.
    @discardableResult
    private mutating func check<Value>(_ item: Referenceable<Value>, _ resolution: ComponentIndex.Resolution<Value>) -> Value? {
        guard case .reference(let reference) = item else { return resolution.value }
        switch resolution {
        case .value:
            break
        case .missing(let missing) where missing == reference:
            diagnostics.error("'\(reference.target)' does not resolve to anything in this document", at: reference.location)
        case .missing:
            // A component further along the chain is broken; that is reported where it is written.
            break
        case .cycle(let names):
            diagnostics.error("'\(reference.target)' is a `$ref` cycle (\(names.joined(separator: " → "))) that never reaches a definition", at: reference.location)
        }
        return resolution.value
    }

    /// Checks a schema and its subschemas, iteratively so that deep documents cannot exhaust the stack.
    private mutating func checkSchema(_ root: Schema) {
        // With whether the schema is a member of an `allOf`, whose `required` may name its siblings' properties.
        var pending = [(schema: root, isAllOfMember: false)]
        while let (schema, isAllOfMember) = pending.popLast() {
            if let reference = schema.reference {
                switch index.schemaResolution(reference) {
                case .value:
                    break
                case .missing(let missing) where missing == reference:
                    diagnostics.error("'\(reference.target)' does not resolve to a schema in this document", at: reference.location)
                case .missing:
                    // Reported where the broken reference is written.
                    break
                case .cycle(let names):
                    diagnostics.error("'\(reference.target)' is a `$ref` cycle (\(names.joined(separator: " → "))) that never declares a type", at: reference.location)
                }
            }
            if !schema.properties.isEmpty, schema.allOf.isEmpty, !isAllOfMember, schema.additionalProperties == nil {
                for name in schema.required where !schema.properties.contains(where: { $0.name == name.name }) {
                    diagnostics.warning("required property '\(name.name)' is not among the schema's properties; it is ignored", at: name.location)
                }
            }
            if schema.types.count == 1, let type = schema.types.first, let values = schema.enumValues,
               let stray = values.first(where: { !$0.isNull && !Self.value($0, is: type) }) {
                // The enum of a string or an integer is a Swift enum only when every value is of that type.
                diagnostics.warning("enum value \(stray.scalarText.map { "'\($0)'" } ?? "") is not of the schema's type, \(type.rawValue); the values are not declared as cases, and the value is read as its type says", at: stray.location)
            }
            if let format = schema.format, !Self.knownFormats.contains(format) {
                // `format` is open-ended (`int-or-string`, `ulid`): an unknown one is legal, and said in case it is a typo.
                diagnostics.note("unknown format '\(format)' is ignored; the value is read as its type says", at: schema.formatLocation ?? schema.location)
            }
            // A `null`-only member of a union (`anyOf: [X, {type: 'null'}]`) is how OpenAPI 3.1 writes a
            // nullable value: legal, and read as making the value optional, so it is not reported.
            pending += (schema.properties.map(\.value) + schema.oneOf + schema.anyOf + schema.prefixItems).map { ($0, false) }
            pending += schema.allOf.map { ($0, true) }
            if let items = schema.items { pending.append((items, false)) }
            if case .schema(let values)? = schema.additionalProperties { pending.append((values, false)) }
        }
    }

    /// Whether an `enum` value is of a JSON type.
    private static func value(_ node: YAMLNode, is type: Schema.JSONType) -> Bool {
        switch type {
        case .string: node.string != nil
        case .integer: node.isInteger
        case .number: node.double != nil
        case .boolean: node.bool != nil
        case .array: node.items != nil
        case .object: node.pairs != nil
        case .null: node.isNull
        }
    }

    /// The formats of JSON Schema 2020-12 and of the OpenAPI Format Registry (https://spec.openapis.org/registry/format/),
    /// accepted silently; others are likely typos.
    package static let knownFormats: Set<String> = [
        "date-time", "date", "time", "duration", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6",
        "uri", "uri-reference", "iri", "iri-reference", "uuid", "uri-template", "json-pointer",
        "relative-json-pointer", "regex", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
        "float", "double", "decimal", "decimal128", "double-int", "byte", "binary", "base64url", "char", "password",
        "commonmark", "html", "http-date", "media-range", "sf-binary", "sf-boolean", "sf-decimal", "sf-integer",
        "sf-string", "sf-token", "sf-list", "sf-dictionary", "sf-item", "unixtime", "url",
    ]

    /// The `{name}` placeholders of a path template.
    package static func templateNames(in path: String) -> [String] {
        var names: [String] = []
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
