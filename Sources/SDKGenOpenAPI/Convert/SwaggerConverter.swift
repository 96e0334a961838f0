import SDKGenBase
import SDKGenYAML

/// Makes an OpenAPI 3.0 document of a Swagger 2.0 one, before it is bundled and read, as swagger2openapi does.
///
/// Many APIs still publish Swagger 2.0 (Kubernetes, Docker's engine, most of Azure), and converting first was one more
/// tool for a user to find. The conversion works on the YAML tree, so every node keeps the location it is written
/// at and later diagnostics point into the Swagger document:
///
/// - `host`, `basePath` and `schemes` become `servers` (`https` when no scheme is given); without a `host`, the
///   `basePath` goes in front of every path, and the client's `serverURL` must be given.
/// - `definitions`, `parameters`, `responses` and `securityDefinitions` become `components` sections, and the
///   `$ref`s to them are rewritten (`#/definitions/Pet` → `#/components/schemas/Pet`).
/// - A `body` parameter becomes the `requestBody`, in each media type `consumes` lists (`application/json` when none
///   does); `formData` parameters become an object `requestBody`, `multipart/form-data` when `consumes` says so or a
///   parameter is a `file`, else `application/x-www-form-urlencoded`.
/// - Other parameters get their type keywords as a `schema`, and `collectionFormat` as `style` and `explode`.
/// - A response's `schema` becomes its `content`, in each media type `produces` lists, with its `examples`; its
///   headers get schemas.
/// - In schemas, `x-nullable` becomes `nullable`, `type: file` a binary string, and a string `discriminator` an
///   object naming the property.
///
/// What has no OpenAPI 3.0 form is a warning where it is written: `collectionFormat: tsv` (sent as `csv`), and an
/// operation's own `schemes` that leave out the server's.
public struct SwaggerConverter {
    private var diagnostics = Diagnostics()
    private let consumes: [String]
    private let produces: [String]
    /// The scheme of the first server, which the SDK calls; `nil` without a `host`, when the caller names the server.
    private let serverScheme: String?
    /// The document's `parameters`, by name: a `$ref` to a `body` or `formData` one is brought into the operation's
    /// request body, since OpenAPI 3.0 has no parameters of those kinds.
    private let sharedParameters: [String: YAMLNode]
    /// The document's path, when known.
    private let file: String?

    /// The document converted, when it is a Swagger 2.0 one (it has a `swagger` key whose value starts with `2`);
    /// any other document as it is.
    /// - Parameter file: The document's path, so that a `$ref` naming it by its file is read as one within it.
    public static func convert(_ root: YAMLNode, file: String? = nil, diagnostics: inout Diagnostics) -> YAMLNode {
        guard let version = root["swagger"], version.scalarText?.hasPrefix("2") == true else { return root }
        var converter = SwaggerConverter(root, file: file)
        let converted = converter.document(root, version: version)
        diagnostics.append(contentsOf: converter.diagnostics.all)
        return converted
    }

    private init(_ root: YAMLNode, file: String?) {
        self.file = file
        consumes = Self.mediaTypes(root["consumes"]) ?? []
        produces = Self.mediaTypes(root["produces"]) ?? []
        serverScheme = root["host"] == nil ? nil : root["schemes"]?.items?.first?.string ?? "https"
        var shared: [String: YAMLNode] = [:]
        for pair in root["parameters"]?.pairs ?? [] {
            if let name = pair.key.scalarText { shared[name] = pair.value }
        }
        sharedParameters = shared
    }

    // MARK: - The document

    private mutating func document(_ root: YAMLNode, version: YAMLNode) -> YAMLNode {
        diagnostics.note("a Swagger \(version.scalarText ?? "2.0") document: sdkgen reads the OpenAPI 3.0 it converts to", at: version.location)
        let basePath = root["basePath"]?.string.map(Self.trimmedBasePath) ?? ""
        var pairs: [YAMLPair] = [pair("openapi", Self.string("3.0.3", at: version.location), at: version.location)]
        var components: [YAMLPair] = []
        for entry in root.pairs ?? [] {
            let key = entry.key.scalarText ?? ""
            switch key {
            case "swagger", "host", "basePath", "schemes", "consumes", "produces":
                continue
            case "paths":
                pairs.append(YAMLPair(key: entry.key, value: paths(entry.value, basePath: root["host"] == nil ? basePath : "")))
            case "definitions":
                components.append(pair("schemas", mapValues(entry.value) { $0.schema($1) }, at: entry.key.location))
            case "parameters":
                var plain: [YAMLPair] = []
                for shared in entry.value.pairs ?? [] where !Self.isBodyOrForm(shared.value) {
                    plain.append(YAMLPair(key: shared.key, value: parameter(shared.value)))
                }
                if !plain.isEmpty {
                    components.append(pair("parameters", YAMLNode(.mapping(plain), at: entry.value.location), at: entry.key.location))
                }
            case "responses":
                components.append(pair("responses", mapValues(entry.value) { $0.response($1, produces: $0.produces) }, at: entry.key.location))
            case "securityDefinitions":
                components.append(pair("securitySchemes", mapValues(entry.value) { $0.securityScheme($1) }, at: entry.key.location))
            default:
                pairs.append(YAMLPair(key: entry.key, value: rewritingReferences(entry.value)))
            }
        }
        if let servers = servers(root) {
            pairs.insert(pair("servers", servers, at: root["host"]?.location ?? root.location), at: 1)
        }
        if !components.isEmpty {
            pairs.append(pair("components", YAMLNode(.mapping(components), at: root.location), at: root.location))
        }
        return YAMLNode(.mapping(pairs), at: root.location)
    }

    /// One server per scheme, `https` when none is named; none without a `host`.
    private func servers(_ root: YAMLNode) -> YAMLNode? {
        guard let host = root["host"], let hostName = host.string else { return nil }
        let basePath = root["basePath"]?.string.map(Self.trimmedBasePath) ?? ""
        let schemes = root["schemes"]?.items?.compactMap(\.string) ?? []
        let servers = (schemes.isEmpty ? ["https"] : schemes).map { scheme in
            YAMLNode(.mapping([pair("url", Self.string("\(scheme)://\(hostName)\(basePath)", at: host.location), at: host.location)]),
                     at: host.location)
        }
        return YAMLNode(.sequence(servers), at: host.location)
    }

    /// `/v1` of `/v1/` or `v1`; empty for `/`.
    private static func trimmedBasePath(_ path: String) -> String {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        return trimmed.isEmpty || trimmed.hasPrefix("/") ? trimmed : "/" + trimmed
    }

    // MARK: - Paths and operations

    private mutating func paths(_ node: YAMLNode, basePath: String) -> YAMLNode {
        let pairs = (node.pairs ?? []).map { entry -> YAMLPair in
            var key = entry.key
            if !basePath.isEmpty, let path = key.string, path.hasPrefix("/") {
                key = Self.string(basePath + path, at: key.location)
            }
            return YAMLPair(key: key, value: entry.key.scalarText?.hasPrefix("x-") == true ? entry.value : pathItem(entry.value))
        }
        return YAMLNode(.mapping(pairs), at: node.location)
    }

    private static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch"]

    private mutating func pathItem(_ node: YAMLNode) -> YAMLNode {
        let shared = node["parameters"]?.items ?? []
        let pairs = (node.pairs ?? []).compactMap { entry -> YAMLPair? in
            let key = entry.key.scalarText ?? ""
            if Self.methods.contains(key) { return YAMLPair(key: entry.key, value: operation(entry.value, pathParameters: shared)) }
            // The path's body and form parameters belong to each operation's request body.
            if key == "parameters" {
                let plain = shared.filter { !isBodyOrForm($0) }
                return plain.isEmpty ? nil : YAMLPair(key: entry.key, value: parameters(plain, at: entry.value.location))
            }
            return YAMLPair(key: entry.key, value: rewritingReferences(entry.value))
        }
        return YAMLNode(.mapping(pairs), at: node.location)
    }

    private mutating func operation(_ node: YAMLNode, pathParameters: [YAMLNode]) -> YAMLNode {
        let consumes = Self.mediaTypes(node["consumes"]) ?? self.consumes
        let produces = Self.mediaTypes(node["produces"]) ?? self.produces
        // The operation's parameters, and the path's it does not redefine (by name and place).
        let own = node["parameters"]?.items ?? []
        let ownKeys = Set(own.map(parameterKey))
        let all = pathParameters.filter { !ownKeys.contains(parameterKey($0)) } + own
        var pairs: [YAMLPair] = []
        var bodyAdded = false
        for entry in node.pairs ?? [] {
            let key = entry.key.scalarText ?? ""
            switch key {
            case "consumes", "produces":
                continue
            case "schemes":
                // Most list the document's scheme (Kubernetes: `https` on every operation); only another is lost.
                let schemes = entry.value.items?.compactMap(\.string) ?? []
                if let serverScheme, !schemes.isEmpty, !schemes.contains(serverScheme) {
                    diagnostics.warning("this operation's `schemes` leave out \(serverScheme), the scheme of the server the SDK calls, which it calls for this operation too", at: entry.key.location)
                }
            case "parameters":
                // The path's stay on the path.
                let plain = own.filter { !isBodyOrForm($0) }
                if !plain.isEmpty { pairs.append(YAMLPair(key: entry.key, value: parameters(plain, at: entry.value.location))) }
                if let body = requestBody(all, consumes: consumes, at: entry.key.location) {
                    pairs.append(body)
                    bodyAdded = true
                }
            case "responses":
                pairs.append(YAMLPair(key: entry.key, value: mapValues(entry.value) { converter, response in
                    converter.response(response, produces: produces)
                }))
            default:
                pairs.append(YAMLPair(key: entry.key, value: rewritingReferences(entry.value)))
            }
        }
        // A body or form fields declared on the path alone.
        if !bodyAdded, let body = requestBody(all, consumes: consumes, at: node.location) {
            pairs.append(body)
        }
        return YAMLNode(.mapping(pairs), at: node.location)
    }

    /// `in name`, which says whether an operation's parameter replaces one of its path's; a `$ref` by its target.
    private func parameterKey(_ node: YAMLNode) -> String {
        let parameter = resolved(node)
        return "\(parameter["in"]?.scalarText ?? "") \(parameter["name"]?.scalarText ?? "")"
    }

    /// The parameter a `$ref` to the document's `parameters` names, or the node itself.
    private func resolved(_ node: YAMLNode) -> YAMLNode {
        guard let target = node["$ref"]?.string, target.hasPrefix("#/parameters/") else { return node }
        return sharedParameters[JSONPointer.unescape(String(target.dropFirst("#/parameters/".count)))] ?? node
    }

    private func isBodyOrForm(_ node: YAMLNode) -> Bool {
        Self.isBodyOrForm(resolved(node))
    }

    private static func isBodyOrForm(_ parameter: YAMLNode) -> Bool {
        let place = parameter["in"]?.scalarText
        return place == "body" || place == "formData"
    }

    /// The request body the `body` parameter or the `formData` parameters make, as the `requestBody` pair.
    private mutating func requestBody(_ parameters: [YAMLNode], consumes: [String], at location: SourceLocation) -> YAMLPair? {
        let resolvedParameters = parameters.map(resolved)
        if let body = resolvedParameters.first(where: { $0["in"]?.scalarText == "body" }) {
            let schema = body["schema"].map { self.schema($0) } ?? YAMLNode(.mapping([]), at: body.location)
            let mediaTypes = consumes.filter { !Self.isFormMediaType($0) }
            var pairs = [pair("content", content(schema, mediaTypes: mediaTypes.isEmpty ? ["application/json"] : mediaTypes, examples: nil), at: body.location)]
            if let description = body["description"] { pairs.insert(pair("description", description, at: description.location), at: 0) }
            if let required = body["required"] { pairs.append(pair("required", required, at: required.location)) }
            return pair("requestBody", YAMLNode(.mapping(pairs), at: body.location), at: body.location)
        }
        let fields = resolvedParameters.filter { $0["in"]?.scalarText == "formData" }
        guard let first = fields.first else { return nil }
        var properties: [YAMLPair] = []
        var required: [YAMLNode] = []
        for field in fields {
            guard let name = field["name"] else { continue }
            properties.append(YAMLPair(key: name, value: parameterSchema(field)))
            if field["required"]?.bool == true { required.append(name) }
        }
        let isMultipart = consumes.contains { $0.hasPrefix("multipart/form-data") } || fields.contains { $0["type"]?.scalarText == "file" }
        var schemaPairs = [pair("type", Self.string("object", at: first.location), at: first.location),
                           pair("properties", YAMLNode(.mapping(properties), at: first.location), at: first.location)]
        if !required.isEmpty { schemaPairs.append(pair("required", YAMLNode(.sequence(required), at: first.location), at: first.location)) }
        let schema = YAMLNode(.mapping(schemaPairs), at: first.location)
        let mediaType = isMultipart ? "multipart/form-data" : "application/x-www-form-urlencoded"
        var pairs = [pair("content", content(schema, mediaTypes: [mediaType], examples: nil), at: first.location)]
        if !required.isEmpty { pairs.append(pair("required", Self.bool(true, at: first.location), at: first.location)) }
        return pair("requestBody", YAMLNode(.mapping(pairs), at: first.location), at: location)
    }

    private static func isFormMediaType(_ mediaType: String) -> Bool {
        mediaType.hasPrefix("multipart/form-data") || mediaType.hasPrefix("application/x-www-form-urlencoded")
    }

    /// `content` with `schema` under each media type, each with the example `examples` gives it.
    private func content(_ schema: YAMLNode, mediaTypes: [String], examples: YAMLNode?) -> YAMLNode {
        let pairs = mediaTypes.map { mediaType -> YAMLPair in
            var media = [pair("schema", schema, at: schema.location)]
            if let example = examples?[mediaType] { media.append(pair("example", example, at: example.location)) }
            return pair(mediaType, YAMLNode(.mapping(media), at: schema.location), at: schema.location)
        }
        return YAMLNode(.mapping(pairs), at: schema.location)
    }

    // MARK: - Parameters, responses, security

    private mutating func parameters(_ nodes: [YAMLNode], at location: SourceLocation) -> YAMLNode {
        var converted: [YAMLNode] = []
        for node in nodes { converted.append(parameter(node)) }
        return YAMLNode(.sequence(converted), at: location)
    }

    /// A parameter that is not `body` or `formData`: its type keywords as a `schema`, `collectionFormat` as its style.
    private mutating func parameter(_ node: YAMLNode) -> YAMLNode {
        if node["$ref"] != nil { return rewritingReferences(node) }
        var pairs: [YAMLPair] = []
        for entry in node.pairs ?? [] {
            let key = entry.key.scalarText ?? ""
            if Self.typeKeywords.contains(key) || key == "collectionFormat" { continue }
            pairs.append(YAMLPair(key: entry.key, value: rewritingReferences(entry.value)))
        }
        pairs.append(pair("schema", parameterSchema(node), at: node.location))
        // An array without a `collectionFormat` has Swagger's default, `csv`, which is not OpenAPI 3.0's for a query.
        let format = node["collectionFormat"] ?? (node["type"]?.scalarText == "array" ? Self.string("csv", at: node.location) : nil)
        if let format, let style = collectionStyle(format, in: node["in"]?.scalarText ?? "") {
            pairs += style
        }
        return YAMLNode(.mapping(pairs), at: node.location)
    }

    /// The keywords of a Swagger 2.0 parameter, header or `items` object that describe its value.
    private static let typeKeywords: Set<String> = [
        "type", "format", "items", "default", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength",
        "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "enum", "multipleOf",
    ]

    /// A parameter's, header's or `items` object's value as a schema; `type: file` is a binary string.
    private mutating func parameterSchema(_ node: YAMLNode) -> YAMLNode {
        var pairs: [YAMLPair] = []
        for entry in node.pairs ?? [] {
            let key = entry.key.scalarText ?? ""
            guard Self.typeKeywords.contains(key) || key.hasPrefix("x-") else { continue }
            switch key {
            case "type" where entry.value.scalarText == "file":
                pairs.append(YAMLPair(key: entry.key, value: Self.string("string", at: entry.value.location)))
                pairs.append(pair("format", Self.string("binary", at: entry.value.location), at: entry.key.location))
            case "items":
                pairs.append(YAMLPair(key: entry.key, value: parameterSchema(entry.value)))
            default:
                pairs.append(entry)
            }
        }
        return YAMLNode(.mapping(pairs), at: node.location)
    }

    /// `style` and `explode` for a `collectionFormat`; `nil` for `csv`, OpenAPI 3.0's default for every place but a
    /// query (`form`, exploded), where it is written out.
    private mutating func collectionStyle(_ format: YAMLNode, in place: String) -> [YAMLPair]? {
        let location = format.location
        func style(_ style: String, explode: Bool) -> [YAMLPair] {
            [pair("style", Self.string(style, at: location), at: location), pair("explode", Self.bool(explode, at: location), at: location)]
        }
        switch format.scalarText {
        case "csv"?: return place == "query" || place == "cookie" ? style("form", explode: false) : nil
        case "multi"?: return style("form", explode: true)
        case "ssv"?: return style("spaceDelimited", explode: false)
        case "pipes"?: return style("pipeDelimited", explode: false)
        case "tsv"?:
            diagnostics.warning("`collectionFormat: tsv` has no OpenAPI 3.0 form; the values are sent comma-separated", at: location)
            return place == "query" ? style("form", explode: false) : nil
        default:
            diagnostics.warning("unknown `collectionFormat` '\(format.scalarText ?? "")'; the values are sent comma-separated", at: location)
            return nil
        }
    }

    private mutating func response(_ node: YAMLNode, produces: [String]) -> YAMLNode {
        if node["$ref"] != nil { return rewritingReferences(node) }
        var pairs: [YAMLPair] = []
        for entry in node.pairs ?? [] {
            switch entry.key.scalarText ?? "" {
            case "schema":
                let mediaTypes = produces.isEmpty ? ["application/json"] : produces
                pairs.append(pair("content", content(schema(entry.value), mediaTypes: mediaTypes, examples: node["examples"]), at: entry.key.location))
            case "examples":
                continue
            case "headers":
                pairs.append(YAMLPair(key: entry.key, value: mapValues(entry.value) { $0.header($1) }))
            default:
                pairs.append(YAMLPair(key: entry.key, value: rewritingReferences(entry.value)))
            }
        }
        return YAMLNode(.mapping(pairs), at: node.location)
    }

    /// A response header: its type keywords as a `schema`.
    private mutating func header(_ node: YAMLNode) -> YAMLNode {
        if node["$ref"] != nil { return rewritingReferences(node) }
        var pairs: [YAMLPair] = []
        if let description = node["description"] { pairs.append(pair("description", description, at: description.location)) }
        pairs.append(pair("schema", parameterSchema(node), at: node.location))
        return YAMLNode(.mapping(pairs), at: node.location)
    }

    private mutating func securityScheme(_ node: YAMLNode) -> YAMLNode {
        let location = node.location
        switch node["type"]?.scalarText {
        case "basic"?:
            var pairs = [pair("type", Self.string("http", at: location), at: location), pair("scheme", Self.string("basic", at: location), at: location)]
            if let description = node["description"] { pairs.append(pair("description", description, at: description.location)) }
            return YAMLNode(.mapping(pairs), at: location)
        case "oauth2"?:
            let flowNames = ["implicit": "implicit", "password": "password", "application": "clientCredentials", "accessCode": "authorizationCode"]
            var flow: [YAMLPair] = []
            for key in ["authorizationUrl", "tokenUrl", "scopes"] {
                if let value = node[key] { flow.append(pair(key, value, at: value.location)) }
            }
            let name = node["flow"]?.scalarText.flatMap { flowNames[$0] } ?? "implicit"
            var pairs = [pair("type", Self.string("oauth2", at: location), at: location),
                         pair("flows", YAMLNode(.mapping([pair(name, YAMLNode(.mapping(flow), at: location), at: location)]), at: location), at: location)]
            if let description = node["description"] { pairs.append(pair("description", description, at: description.location)) }
            return YAMLNode(.mapping(pairs), at: location)
        default:
            return node
        }
    }

    // MARK: - Schemas

    /// A Swagger 2.0 schema as OpenAPI 3.0 writes it, with every schema inside it.
    private mutating func schema(_ node: YAMLNode) -> YAMLNode {
        guard let entries = node.pairs else { return node }
        var pairs: [YAMLPair] = []
        for entry in entries {
            let key = entry.key.scalarText ?? ""
            switch key {
            case "$ref":
                pairs.append(YAMLPair(key: entry.key, value: rewritten(entry.value)))
            case "x-nullable":
                pairs.append(pair("nullable", entry.value, at: entry.key.location))
            case "type" where entry.value.scalarText == "file":
                pairs.append(YAMLPair(key: entry.key, value: Self.string("string", at: entry.value.location)))
                pairs.append(pair("format", Self.string("binary", at: entry.value.location), at: entry.key.location))
            case "discriminator" where entry.value.string != nil:
                pairs.append(YAMLPair(key: entry.key, value: YAMLNode(.mapping([pair("propertyName", entry.value, at: entry.value.location)]),
                                                                     at: entry.value.location)))
            case "properties":
                pairs.append(YAMLPair(key: entry.key, value: mapValues(entry.value) { $0.schema($1) }))
            case "items", "additionalProperties", "not":
                pairs.append(YAMLPair(key: entry.key, value: entry.value.items.map { items in
                    YAMLNode(.sequence(items.map { schema($0) }), at: entry.value.location)
                } ?? schema(entry.value)))
            case "allOf", "anyOf", "oneOf":
                pairs.append(YAMLPair(key: entry.key, value: YAMLNode(.sequence((entry.value.items ?? []).map { schema($0) }), at: entry.value.location)))
            default:
                pairs.append(entry)
            }
        }
        return YAMLNode(.mapping(pairs), at: node.location)
    }

    // MARK: - References

    /// The node with every `$ref` into the Swagger sections pointed at their components.
    private func rewritingReferences(_ node: YAMLNode) -> YAMLNode {
        switch node.content {
        case .scalar:
            return node
        case .sequence(let items):
            return YAMLNode(.sequence(items.map(rewritingReferences)), at: node.location)
        case .mapping(let pairs):
            return YAMLNode(.mapping(pairs.map { entry in
                YAMLPair(key: entry.key, value: entry.key.scalarText == "$ref" ? rewritten(entry.value) : rewritingReferences(entry.value))
            }), at: node.location)
        }
    }

    /// The `components` section each Swagger 2.0 section that `$ref`s point into becomes.
    package static let componentSections = ["definitions": "schemas", "parameters": "parameters", "responses": "responses"]

    private static let sections = componentSections.sorted { $0.key < $1.key }.map { ("#/\($0.key)/", "#/components/\($0.value)/") }

    /// `#/components/schemas/Pet` for `#/definitions/Pet`, and so on, also when the reference names the document by its
    /// file (`./network.json#/definitions/Pet`, as Azure's specs write them); any other reference as it is.
    private func rewritten(_ reference: YAMLNode) -> YAMLNode {
        guard var target = reference.string else { return reference }
        if let hash = target.firstIndex(of: "#"), hash != target.startIndex, let file, namesThisDocument(target[..<hash], file: file) {
            target = String(target[hash...])
        }
        let tokens = target.split(separator: "/", omittingEmptySubsequences: false)
        if tokens.count >= 4, tokens[0] == "#", tokens[1] == "responses", tokens[3] == "schema" {
            // A shared response's schema (`#/responses/Error/schema`) is in its content in 3.0, under each media type the
            // document produces; the first one's.
            let mediaType = JSONPointer.escape(produces.first ?? "application/json")
            let pointer = ["#", "components", "responses", String(tokens[2]), "content", mediaType] + tokens[3...].map(String.init)
            return Self.string(pointer.joined(separator: "/"), at: reference.location)
        }
        guard let (old, new) = Self.sections.first(where: { target.hasPrefix($0.0) }) else { return reference }
        return Self.string(new + target.dropFirst(old.count), at: reference.location)
    }

    /// Whether a `$ref`'s path, relative to the document's folder, is the document's own.
    private func namesThisDocument(_ path: Substring, file: String) -> Bool {
        let decoded = path.removingPercentEncoding ?? String(path)
        let joined = decoded.hasPrefix("/") ? decoded : ReferencedFiles.folder(of: file) + "/" + decoded
        return ReferencedFiles.normalized(joined) == ReferencedFiles.normalized(file)
    }

    // MARK: - Nodes

    private static func mediaTypes(_ node: YAMLNode?) -> [String]? {
        node?.items?.compactMap(\.string)
    }

    /// The mapping with each value transformed.
    private mutating func mapValues(_ node: YAMLNode, _ transform: (inout Self, YAMLNode) -> YAMLNode) -> YAMLNode {
        var pairs: [YAMLPair] = []
        for entry in node.pairs ?? [] {
            pairs.append(YAMLPair(key: entry.key, value: transform(&self, entry.value)))
        }
        return YAMLNode(.mapping(pairs), at: node.location)
    }

    private static func string(_ text: String, at location: SourceLocation) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(text: text, style: .plain, value: .string(text))), at: location)
    }

    private static func bool(_ value: Bool, at location: SourceLocation) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(text: value ? "true" : "false", style: .plain, value: .bool(value))), at: location)
    }
}

/// A pair whose key is written at `location`.
private func pair(_ key: String, _ value: YAMLNode, at location: SourceLocation) -> YAMLPair {
    YAMLPair(key: YAMLNode(.scalar(YAMLScalar(text: key, style: .plain, value: .string(key))), at: location), value: value)
}
