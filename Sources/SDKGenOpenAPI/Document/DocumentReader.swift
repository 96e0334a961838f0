import SDKGenBase
import SDKGenJSONPath
import SDKGenYAML

/// Reads a loaded YAML tree into an `OpenAPIDocument`.
///
/// Tolerant by design: real documents carry defects that do not stop generation (a 3.0 keyword in a 3.1
/// file, a bound written as a float), so a value of the wrong shape is a located warning and is skipped.
/// Only a document that cannot be generated at all (not OpenAPI, Swagger 1.x, no `openapi` key) is an error.
public struct DocumentReader {
    private let file: String
    private var diagnostics = Diagnostics()
    private var isVersion31 = false
    /// The document, for the `$ref`s to callbacks and path items that are followed as they are read.
    private var root = YAMLNode(.mapping([]), at: SourceLocation(file: "", line: 1, column: 1))

    public init(file: String) {
        self.file = file
    }

    /// Reads the document; `diagnostics` receives every warning, and errors end in a throw.
    public static func read(_ root: YAMLNode, file: String, diagnostics: inout Diagnostics) throws(GenerationError) -> OpenAPIDocument {
        var reader = DocumentReader(file: file)
        let document = reader.readDocument(root)
        diagnostics.append(contentsOf: reader.diagnostics.all)
        guard let document, !reader.diagnostics.hasErrors else {
            throw GenerationError(diagnostics.sorted)
        }
        return document
    }

    private mutating func readDocument(_ root: YAMLNode) -> OpenAPIDocument? {
        self.root = root
        guard root.pairs != nil else {
            diagnostics.error("expected an OpenAPI document (a mapping with an `openapi` key), found \(root.kindName)", at: root.location)
            return nil
        }
        if let swagger = root["swagger"] {
            // A Swagger 2.0 document is converted before it is read (`SwaggerConverter`); this is an older one.
            diagnostics.error("this is a Swagger \(swagger.scalarText ?? "") document; sdkgen reads Swagger 2.0 and OpenAPI 3.0 to 3.2", at: swagger.location)
            return nil
        }
        guard let versionNode = root["openapi"] else {
            diagnostics.error("not an OpenAPI document: the `openapi` version key is missing", at: root.location)
            return nil
        }
        let version = versionNode.scalarText ?? ""
        if !(version.hasPrefix("3.0") || version.hasPrefix("3.1") || version.hasPrefix("3.2")) {
            diagnostics.error("unsupported OpenAPI version '\(version)'; sdkgen reads 3.0.x, 3.1.x and 3.2.x", at: versionNode.location)
            return nil
        }
        // 3.2's schemas are 3.1's, JSON Schema 2020-12.
        isVersion31 = !version.hasPrefix("3.0")

        let info = readInfo(root["info"], parent: root)
        let servers = sequence(root["servers"]).map { readServer($0) }
        let components = root["components"].map { readComponents($0) } ?? Components()
        let paths = mapping(root["paths"]).map { readPathItem($0.value, path: $0.key.scalarText ?? "", keyLocation: $0.key.location) }
        let webhooks = mapping(root["webhooks"]).compactMap { pair -> Named<PathItem>? in
            let name = pair.key.scalarText ?? ""
            guard let item = readInlinePathItem(pair.value, path: name, keyLocation: pair.key.location, what: "webhook '\(name)'") else { return nil }
            return Named(name, item, at: pair.key.location)
        }
        let security = root["security"].map { readSecurity($0) }
        let tags = sequence(root["tags"]).compactMap { node -> Tag? in
            guard let name = requiredString(node, "name") else { return nil }
            return Tag(name: name, description: node["description"]?.string, location: node.location)
        }
        // sdkgen's own extension wins over Speakeasy's, which means the same.
        let globals = root["x-sdkgen-globals"] ?? root[SpeakeasyExtension.globals]
        let globalParameters = sequence(globals?["parameters"]).map { readReferenceable($0) { $0.readParameter($1) } }
        return OpenAPIDocument(
            file: file, version: version, info: info, servers: servers, paths: paths, webhooks: webhooks,
            components: components, security: security, tags: tags, globalParameters: globalParameters,
            extensions: readExtensions(root), location: root.location)
    }

    // MARK: - Objects

    private mutating func readInfo(_ node: YAMLNode?, parent: YAMLNode) -> Info {
        guard let node else {
            diagnostics.warning("the document has no `info` object", at: parent.location)
            return Info(title: "API", version: "", summary: nil, description: nil)
        }
        return Info(
            title: requiredString(node, "title") ?? "API",
            version: node["version"]?.scalarText ?? "",
            summary: node["summary"]?.string,
            description: node["description"]?.string)
    }

    private mutating func readServer(_ node: YAMLNode) -> Server {
        let variables = mapping(node["variables"]).map { pair in
            Named(pair.key.scalarText ?? "", ServerVariable(
                defaultValue: pair.value["default"]?.scalarText ?? "",
                enumValues: sequence(pair.value["enum"]).compactMap(\.scalarText),
                description: pair.value["description"]?.string), at: pair.key.location)
        }
        return Server(url: requiredString(node, "url") ?? "/", description: node["description"]?.string,
                      variables: variables, location: node.location)
    }

    private mutating func readPathItem(_ node: YAMLNode, path: String, keyLocation: SourceLocation) -> PathItem {
        warnAboutUnknownFields(of: node, as: .pathItem)
        let parameters = sequence(node["parameters"]).map { readReferenceable($0) { $0.readParameter($1) } }
        var operations: [Operation] = []
        for pair in node.pairs ?? [] {
            guard let key = pair.key.scalarText, let method = HTTPMethod(pathItemKey: key) else { continue }
            // Left out on purpose, so without a warning.
            if SpeakeasyExtension.isIgnored(readExtensions(pair.value), diagnostics: &diagnostics) { continue }
            operations.append(readOperation(pair.value, method: method, path: path))
        }
        // OpenAPI 3.2: operations of other methods, by the method's name as it is sent (`COPY`).
        for pair in mapping(node["additionalOperations"]) {
            guard let name = pair.key.scalarText else { continue }
            if let fixed = HTTPMethod(pathItemKey: name.lowercased()) {
                diagnostics.warning("'\(name)' in additionalOperations is a method with a field of its own, `\(fixed.rawValue)`, which OpenAPI requires instead; it is read from here too", at: pair.key.location)
            }
            if SpeakeasyExtension.isIgnored(readExtensions(pair.value), diagnostics: &diagnostics) { continue }
            operations.append(readOperation(pair.value, method: HTTPMethod(rawValue: name), path: path))
        }
        return PathItem(path: path, summary: node["summary"]?.string, description: node["description"]?.string,
                        parameters: parameters, operations: operations, location: keyLocation)
    }

    /// A webhook's or callback's path item, following a `$ref` into the document (`#/components/pathItems/…`); `nil`,
    /// after a warning, for one that cannot be followed.
    private mutating func readInlinePathItem(_ node: YAMLNode, path: String, keyLocation: SourceLocation, what: String) -> PathItem? {
        guard let item = followingReferences(node, unresolved: { "\(what) is a reference ('\($0)'), which sdkgen cannot follow; it gets no payload type" }) else { return nil }
        return readPathItem(item, path: path, keyLocation: keyLocation)
    }

    /// The node, or what its `$ref`s into this document lead to (a callback in `#/components/callbacks`, a path item
    /// in `#/components/pathItems`, a security scheme); `nil`, after the warning `unresolved` words for the reference's
    /// text, when one leads nowhere, out of the document or in a circle.
    private mutating func followingReferences(_ node: YAMLNode, unresolved: (String) -> String) -> YAMLNode? {
        var current = node
        var followed = 0
        while let reference = current["$ref"] {
            let target = reference.string ?? ""
            guard target.hasPrefix("#/"), followed < 16,
                  let next = target.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false)
                    .reduce(Optional(root), { node, token in node?[JSONPointer.unescape(String(token))] }) else {
                diagnostics.warning(unresolved(reference.scalarText ?? ""), at: reference.location)
                return nil
            }
            current = next
            followed += 1
        }
        return current
    }

    /// An operation's `callbacks`: each callback's path items, by their runtime expressions.
    private mutating func readCallbacks(_ node: YAMLNode?) -> [Named<[PathItem]>] {
        mapping(node).compactMap { pair -> Named<[PathItem]>? in
            let name = pair.key.scalarText ?? ""
            guard let callback = followingReferences(pair.value, unresolved: {
                "callback '\(name)' is a reference ('\($0)'), which sdkgen cannot follow; it gets no payload type"
            }) else { return nil }
            let items = mapping(callback).filter { $0.key.scalarText?.hasPrefix("x-") != true }.compactMap { expression in
                readInlinePathItem(expression.value, path: expression.key.scalarText ?? "", keyLocation: expression.key.location,
                                   what: "callback '\(name)'")
            }
            return Named(name, items, at: pair.key.location)
        }
    }

    private mutating func readOperation(_ node: YAMLNode, method: HTTPMethod, path: String) -> Operation {
        warnAboutUnknownFields(of: node, as: .operation)
        let responses = mapping(node["responses"]).compactMap { pair -> ResponseEntry? in
            guard let status = responseStatus(pair.key) else { return nil }
            return ResponseEntry(status: status, response: readReferenceable(pair.value) { $0.readResponse($1) }, location: pair.key.location)
        }
        return Operation(
            method: method, path: path,
            operationID: node["operationId"]?.scalarText,
            tags: sequence(node["tags"]).compactMap(\.scalarText),
            summary: node["summary"]?.string,
            description: node["description"]?.string,
            parameters: sequence(node["parameters"]).map { readReferenceable($0) { $0.readParameter($1) } },
            requestBody: node["requestBody"].map { readReferenceable($0) { $0.readRequestBody($1) } },
            responses: responses,
            callbacks: readCallbacks(node["callbacks"]),
            security: node["security"].map { readSecurity($0) },
            deprecated: node["deprecated"]?.bool ?? false,
            extensions: readExtensions(node),
            location: node.location)
    }

    private mutating func responseStatus(_ key: YAMLNode) -> ResponseStatus? {
        let text = key.scalarText ?? ""
        if text == "default" { return .default }
        if let code = Int(text), (100...599).contains(code) { return .code(code) }
        if text.count == 3, text.uppercased().hasSuffix("XX"), let digit = Int(text.prefix(1)), (1...5).contains(digit) {
            return .range(digit)
        }
        // The Responses Object allows specification extensions beside the statuses.
        if text.hasPrefix("x-") { return nil }
        diagnostics.warning("'\(text)' is not a response status (a code such as 200, a range such as 4XX, or default); the response is ignored", at: key.location)
        return nil
    }

    private mutating func readParameter(_ node: YAMLNode) -> Parameter {
        warnAboutUnknownFields(of: node, as: .parameter)
        let name = requiredString(node, "name") ?? ""
        var location = ParameterLocation.query
        let isQueryString = node["in"]?.scalarText == "querystring"
        if let inNode = node["in"] {
            if let parsed = inNode.scalarText.flatMap(ParameterLocation.init(rawValue:)) {
                location = parsed
            } else if !isQueryString {
                diagnostics.warning("parameter '\(name)' has an unknown location '\(inNode.scalarText ?? "")'; it is read as a query parameter", at: inNode.location)
            }
        } else {
            diagnostics.warning("parameter '\(name)' has no `in`; it is read as a query parameter", at: node.location)
        }
        var schema = node["schema"].map { readSchema($0) }
        var content = readContent(node["content"])
        var style = node["style"]?.scalarText, explode = node["explode"]?.bool
        if isQueryString {
            // OpenAPI 3.2: the whole query string, written as its media type says. A form of an object's properties is
            // what an exploded `form` query parameter of the object writes.
            if content.count == 1, content[0].contentType.lowercased().hasPrefix("application/x-www-form-urlencoded"), let form = content[0].schema {
                (schema, content, style, explode) = (form, [], "form", true)
            } else {
                let written = content.isEmpty ? "without the `content` OpenAPI requires of it" : "in a media type other than `application/x-www-form-urlencoded`"
                diagnostics.warning("parameter '\(name)' is the whole query string (`in: querystring`) \(written), which sdkgen does not write; "
                                        + "it is read as a query parameter named '\(name)'",
                                    at: node["in"]!.location)
            }
        }
        var required = node["required"]?.bool ?? (location == .path)
        if location == .path, !required, let requiredNode = node["required"] {
            // A URL has no way to leave a path segment out.
            diagnostics.warning("path parameter '\(name)' says `required: false`, but OpenAPI requires every path parameter; it is read as required", at: requiredNode.location)
            required = true
        }
        return Parameter(
            name: name, location: location,
            description: node["description"]?.string,
            required: required,
            deprecated: node["deprecated"]?.bool ?? false,
            schema: schema,
            content: content,
            style: style,
            explode: explode,
            example: node["example"],
            extensions: readExtensions(node),
            sourceLocation: node.location)
    }

    private mutating func readRequestBody(_ node: YAMLNode) -> RequestBody {
        warnAboutUnknownFields(of: node, as: .requestBody)
        return RequestBody(description: node["description"]?.string, content: readContent(node["content"]),
                    required: node["required"]?.bool ?? false, location: node.location)
    }

    private mutating func readResponse(_ node: YAMLNode) -> Response {
        warnAboutUnknownFields(of: node, as: .response)
        let headers = mapping(node["headers"]).filter { !Header.isIgnored($0.key.scalarText ?? "") }.map { pair in
            Named(pair.key.scalarText ?? "", readReferenceable(pair.value) { $0.readHeader($1) }, at: pair.key.location)
        }
        return Response(description: node["description"]?.string, headers: headers,
                        content: readContent(node["content"]), location: node.location)
    }

    private mutating func readHeader(_ node: YAMLNode) -> Header {
        warnAboutUnknownFields(of: node, as: .header)
        return Header(description: node["description"]?.string, required: node["required"]?.bool ?? false,
               schema: node["schema"].map { readSchema($0) }, location: node.location)
    }

    private mutating func readContent(_ node: YAMLNode?) -> [MediaType] {
        mapping(node).map { pair in
            let value = pair.value
            warnAboutUnknownFields(of: value, as: .mediaType)
            let examples = mapping(value["examples"]).map { example in
                Named(example.key.scalarText ?? "", readReferenceable(example.value) { $0.readExample($1) }, at: example.key.location)
            }
            if let itemSchema = value["itemSchema"] {
                diagnostics.warning("`itemSchema`, the schema of each item of a stream (OpenAPI 3.2), is not read; the body is read as `schema` says, or untyped without one", at: itemSchema.location)
            }
            return MediaType(contentType: pair.key.scalarText ?? "", schema: value["schema"].map { readSchema($0) },
                             example: value["example"], examples: examples, extensions: readExtensions(value), location: pair.key.location)
        }
    }

    private mutating func readExample(_ node: YAMLNode) -> Example {
        // OpenAPI 3.2 names the value as data `dataValue`, beside its serialized form.
        Example(summary: node["summary"]?.string, description: node["description"]?.string, value: node["value"] ?? node["dataValue"])
    }

    private mutating func readComponents(_ node: YAMLNode) -> Components {
        var components = Components()
        components.schemas = named(node["schemas"]) { $0.readSchema($1) }
        components.parameters = named(node["parameters"]) { $0.readReferenceable($1) { $0.readParameter($1) } }
        components.responses = named(node["responses"]) { $0.readReferenceable($1) { $0.readResponse($1) } }
        components.requestBodies = named(node["requestBodies"]) { $0.readReferenceable($1) { $0.readRequestBody($1) } }
        components.headers = named(node["headers"]) { $0.readReferenceable($1) { $0.readHeader($1) } }
        components.examples = named(node["examples"]) { $0.readReferenceable($1) { $0.readExample($1) } }
        // OpenAPI allows a scheme to be a reference: `Alias: {$ref: '#/components/securitySchemes/Bearer'}`.
        components.securitySchemes = named(node["securitySchemes"]).compactMap { entry in
            guard let scheme = followingReferences(entry.value, unresolved: { "cannot resolve the security scheme '\($0)'; the scheme is ignored" }) else { return nil }
            return readSecurityScheme(scheme).map { Named(entry.name, $0, at: entry.location) }
        }
        return components
    }

    private mutating func readSecurityScheme(_ node: YAMLNode) -> SecurityScheme? {
        guard let type = requiredString(node, "type") else { return nil }
        let kind: SecurityScheme.Kind
        switch type {
        case "http":
            kind = .http(scheme: (node["scheme"]?.scalarText ?? "bearer").lowercased(), bearerFormat: node["bearerFormat"]?.string)
        case "apiKey":
            let location = node["in"]?.scalarText.flatMap(ParameterLocation.init(rawValue:)) ?? .header
            kind = .apiKey(name: requiredString(node, "name") ?? "", location: location)
        case "oauth2":
            kind = .oauth2(clientCredentials: node["flows"]?["clientCredentials"].flatMap { flow in
                requiredString(flow, "tokenUrl").map { tokenURL in
                    OAuthFlow(tokenURL: tokenURL, location: flow["tokenUrl"]?.location ?? flow.location)
                }
            })
        case "openIdConnect":
            kind = .openIDConnect(url: node["openIdConnectUrl"]?.scalarText ?? "")
        case "mutualTLS":
            kind = .mutualTLS
        default:
            diagnostics.warning("unknown security scheme type '\(type)'; the scheme is ignored", at: node["type"]?.location)
            return nil
        }
        return SecurityScheme(kind: kind, description: node["description"]?.string, location: node.location)
    }

    private mutating func readSecurity(_ node: YAMLNode) -> [SecurityRequirement] {
        sequence(node).map { requirement in
            SecurityRequirement(schemes: mapping(requirement).map { pair in
                Named(pair.key.scalarText ?? "", sequence(pair.value).compactMap(\.scalarText), at: pair.key.location)
            })
        }
    }

    // MARK: - Schemas

    /// An enum's values with YAML 1.1's `yes`, `no`, `on` and `off` (any case) read as the strings they are in YAML
    /// 1.2, where the schema is a string or its other values are strings (`enum: [CONTEXTUAL, STRICT, OFF]`, Norway's
    /// `NO` among countries): `ScalarResolver` reads them as booleans everywhere else, as the YAML 1.1 loaders such
    /// documents were written for do.
    private static func stringEnumValues(_ values: [YAMLNode], types: [Schema.JSONType]) -> [YAMLNode] {
        guard types == [.string] || (types.isEmpty && values.contains { $0.string != nil }) else { return values }
        return values.map { value in
            guard let scalar = value.scalar, scalar.style == .plain, case .bool = scalar.value,
                  ["yes", "no", "on", "off"].contains(scalar.text.lowercased()) else { return value }
            return YAMLNode(.scalar(YAMLScalar(text: scalar.text, style: .plain, value: .string(scalar.text))), at: value.location)
        }
    }

    package mutating func readSchema(_ node: YAMLNode) -> Schema {
        var schema = Schema(at: node.location)
        if let boolean = node.bool {
            schema.booleanValue = boolean
            return schema
        }
        guard let pairs = node.pairs else {
            diagnostics.warning("expected a schema (a mapping), found \(node.kindName); it is read as `{}`", at: node.location)
            return schema
        }
        for pair in pairs {
            guard let key = pair.key.scalarText else { continue }
            readSchemaKeyword(key, pair.value, keyLocation: pair.key.location, into: &schema)
        }
        if let values = schema.enumValues {
            schema.enumValues = Self.stringEnumValues(values, types: schema.types)
        }
        if let reference = schema.reference {
            schema.reference?.summary = node["summary"]?.string
            schema.reference?.description = node["description"]?.string ?? reference.description
        }
        return schema
    }

    private mutating func readSchemaKeyword(_ key: String, _ value: YAMLNode, keyLocation: SourceLocation, into schema: inout Schema) {
        switch key {
        case "$ref":
            if let target = value.scalarText {
                schema.reference = Reference(target: target, location: value.location)
            }
        case "type":
            readTypes(value, into: &schema)
        case "nullable":
            if value.bool == true { schema.allowsNull = true }
        case "format":
            schema.format = value.scalarText
            schema.formatLocation = value.location
        case "title": schema.title = value.string
        case "description": schema.description = value.string
        case "properties":
            schema.properties = mapping(value)
                .filter { !SpeakeasyExtension.isIgnored(readExtensions($0.value), diagnostics: &diagnostics) }
                .map { Named($0.key.scalarText ?? "", readSchema($0.value), at: $0.key.location) }
        case "required":
            schema.required = sequence(value).compactMap { item in item.scalarText.map { Named($0, (), at: item.location) } }
        case "additionalProperties":
            if let allowed = value.bool {
                schema.additionalProperties = .allowed(allowed)
            } else {
                schema.additionalProperties = .schema(readSchema(value))
            }
        case "items":
            if value.items != nil {
                // 3.0 drafts allowed a list here; it means what `prefixItems` means now.
                schema.prefixItems = sequence(value).map { readSchema($0) }
            } else {
                schema.items = readSchema(value)
            }
        case "prefixItems": schema.prefixItems = sequence(value).map { readSchema($0) }
        case "allOf": schema.allOf = sequence(value).map { readSchema($0) }
        case "oneOf": schema.oneOf = sequence(value).map { readSchema($0) }
        case "anyOf": schema.anyOf = sequence(value).map { readSchema($0) }
        case "not": schema.not = readSchema(value)
        case "discriminator":
            if let propertyName = requiredString(value, "propertyName") {
                let mapping = self.mapping(value["mapping"]).map { Named($0.key.scalarText ?? "", $0.value.scalarText ?? "", at: $0.key.location) }
                schema.discriminator = Schema.Discriminator(propertyName: propertyName, mapping: mapping)
            }
        case "enum": schema.enumValues = sequence(value)
        case "const": schema.constValue = value
        case "default": schema.defaultValue = value
        case "example": schema.example = value
        case "examples":
            if schema.example == nil { schema.example = value.items?.first }
        case "readOnly": schema.readOnly = value.bool ?? false
        case "writeOnly": schema.writeOnly = value.bool ?? false
        case "deprecated": schema.deprecated = value.bool ?? false
        case "minimum": schema.minimum = number(value, key)
        case "maximum": schema.maximum = number(value, key)
        case "exclusiveMinimum": readExclusiveBound(value, key: key, bound: \.minimum, into: \.exclusiveMinimum, of: &schema)
        case "exclusiveMaximum": readExclusiveBound(value, key: key, bound: \.maximum, into: \.exclusiveMaximum, of: &schema)
        case "minLength": schema.minLength = integer(value, key)
        case "maxLength": schema.maxLength = integer(value, key)
        case "minItems": schema.minItems = integer(value, key)
        case "maxItems": schema.maxItems = integer(value, key)
        case "pattern": schema.pattern = value.scalarText
        case "uniqueItems": schema.uniqueItems = value.bool ?? false
        default:
            if key.hasPrefix("x-") {
                schema.extensions.entries.append(Named(key, value, at: keyLocation))
            } else if !Self.ignoredSchemaKeywords.contains(key) {
                diagnostics.warning("unknown schema keyword '\(key)' is ignored", at: keyLocation)
            }
        }
    }

    /// Keywords that are valid JSON Schema or OpenAPI but do not change the generated Swift.
    private static let ignoredSchemaKeywords: Set<String> = [
        "$schema", "$id", "$anchor", "$comment", "$defs", "definitions", "$dynamicAnchor", "$dynamicRef",
        "multipleOf", "minProperties", "maxProperties", "propertyNames", "patternProperties",
        "unevaluatedProperties", "unevaluatedItems", "contains", "minContains", "maxContains",
        "dependentRequired", "dependentSchemas", "if", "then", "else", "contentEncoding",
        "contentMediaType", "contentSchema", "xml", "externalDocs", "summary",
    ]

    private mutating func readTypes(_ value: YAMLNode, into schema: inout Schema) {
        let names: [YAMLNode] = value.items ?? [value]
        for name in names {
            guard let text = name.scalarText, let type = Schema.JSONType(rawValue: text) else {
                diagnostics.warning("unknown type '\(name.scalarText ?? name.kindName)' is ignored", at: name.location)
                continue
            }
            if type == .null {
                schema.allowsNull = true
            } else if !schema.types.contains(type) {
                schema.types.append(type)
            }
        }
    }

    /// 3.0 writes `exclusiveMinimum: true` beside `minimum`; 3.1 writes the bound itself. Both are read,
    /// and the 3.0 form in a 3.1 document is a warning because strict 3.1 tools reject it.
    private mutating func readExclusiveBound(_ value: YAMLNode, key: String, bound: KeyPath<Schema, Double?>,
                                             into exclusive: WritableKeyPath<Schema, Double?>, of schema: inout Schema) {
        if let flag = value.bool {
            if isVersion31 {
                diagnostics.warning("`\(key): \(flag)` is OpenAPI 3.0 syntax; in a 3.1 document `\(key)` is the bound itself. It is read as 3.0 meant it", at: value.location)
            }
            // The flag refers to the sibling bound, which may come later in the mapping; the bound is
            // not otherwise used by generation, so only the warning matters here.
            if flag { schema[keyPath: exclusive] = schema[keyPath: bound] }
        } else {
            schema[keyPath: exclusive] = number(value, key)
        }
    }

    // MARK: - Helpers

    /// A warning at each field OpenAPI does not define for the object, which is ignored; one spelled like a defined field
    /// but for its case is named.
    private mutating func warnAboutUnknownFields(of node: YAMLNode, as kind: OpenAPIObjectKind) {
        let fields = kind.fields
        for pair in node.pairs ?? [] {
            guard let key = pair.key.scalarText, !key.hasPrefix("x-"), !fields.contains(key) else { continue }
            let meant = fields.first { $0.lowercased() == key.lowercased() }.map { " (`\($0)` is)" } ?? ""
            diagnostics.warning("'\(key)' is not a field of \(kind.rawValue) object\(meant); it is ignored", at: pair.key.location)
        }
    }

    private mutating func readReferenceable<Value>(_ node: YAMLNode, _ read: (inout Self, YAMLNode) -> Value) -> Referenceable<Value> {
        if let ref = node["$ref"] {
            return .reference(Reference(target: ref.scalarText ?? "", location: ref.location,
                                        summary: node["summary"]?.string, description: node["description"]?.string))
        }
        return .value(read(&self, node))
    }


    private func readExtensions(_ node: YAMLNode) -> Extensions {
        Extensions(entries: (node.pairs ?? []).compactMap { pair in
            guard let key = pair.key.scalarText, key.hasPrefix("x-") else { return nil }
            return Named(key, pair.value, at: pair.key.location)
        })
    }

    private mutating func named<Value>(_ node: YAMLNode?, _ read: (inout Self, YAMLNode) -> Value) -> [Named<Value>] {
        mapping(node).map { pair in Named(pair.key.scalarText ?? "", read(&self, pair.value), at: pair.key.location) }
    }


    private mutating func named(_ node: YAMLNode?) -> [Named<YAMLNode>] {
        mapping(node).map { Named($0.key.scalarText ?? "", $0.value, at: $0.key.location) }
    }

    /// The pairs of a mapping; anything else is a warning and reads as empty.
    private mutating func mapping(_ node: YAMLNode?) -> [YAMLPair] {
        guard let node, !node.isNull else { return [] }
        guard let pairs = node.pairs else {
            diagnostics.warning("expected a mapping, found \(node.kindName); it is ignored", at: node.location)
            return []
        }
        return pairs
    }

    /// The items of a sequence; anything else is a warning and reads as empty.
    private mutating func sequence(_ node: YAMLNode?) -> [YAMLNode] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.items else {
            diagnostics.warning("expected a list, found \(node.kindName); it is ignored", at: node.location)
            return []
        }
        return items
    }

    private mutating func requiredString(_ node: YAMLNode, _ key: String) -> String? {
        guard let value = node[key] else {
            diagnostics.warning("missing `\(key)`", at: node.location)
            return nil
        }
        guard let text = value.scalarText, value.scalar?.value != .null else {
            diagnostics.warning("`\(key)` should be a string, found \(value.kindName)", at: value.location)
            return nil
        }
        return text
    }

    private mutating func number(_ node: YAMLNode, _ key: String) -> Double? {
        guard let value = node.double else {
            diagnostics.warning("`\(key)` should be a number, found \(node.kindName); it is ignored", at: node.location)
            return nil
        }
        guard value.isFinite else {
            diagnostics.warning("`\(key)` should be a finite number, found \(node.scalarText ?? ""); it is ignored", at: node.location)
            return nil
        }
        return value
    }

    private mutating func integer(_ node: YAMLNode, _ key: String) -> Int? {
        if case .float(let value)? = node.scalar?.value, !value.isFinite || value.rounded() == value && abs(value) >= 9.0e15 {
            // An integer beyond 64 bits resolves to a float; say which it is rather than "a number".
            let problem = value.isFinite ? "is beyond the 64-bit integer range" : "should be an integer"
            diagnostics.warning("`\(key)` \(problem), found \(node.scalarText ?? ""); it is ignored", at: node.location)
            return nil
        }
        if case .float(let value)? = node.scalar?.value, value.rounded() == value, abs(value) < 9.0e15 {
            diagnostics.warning("`\(key)` should be an integer, found \(node.scalarText ?? ""); it is read as \(Int(value))", at: node.location)
            return Int(value)
        }
        guard let value = node.int else {
            diagnostics.warning("`\(key)` should be an integer, found \(node.kindName); it is ignored", at: node.location)
            return nil
        }
        return value
    }
}

extension YAMLNode {
    /// What a node is, in a diagnostic's words.
    package var kindName: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return "null"
            case .bool: return "a boolean"
            case .int, .float: return "a number"
            case .string: return "a string"
            }
        }
    }
}
