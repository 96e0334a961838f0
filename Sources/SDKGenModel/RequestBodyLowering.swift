import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// Lowers an operation's request body: its arguments and how the request carries it.
///
/// A JSON, form or raw body is one argument named `body`, placed after the path parameters: the name stays the
/// same whatever the schema is called, and the type says what it holds (`body: ChatRequest`). A multipart body is
/// one such argument too, of a struct declared for its fields, files as `MultipartFile` since a file's name and
/// media type travel with it.
/// An optional body (`required: false`) makes every one of its arguments optional. A body offered in several media
/// types is lowered once per media type, the kinds in the order JSON, form, multipart, binary, text: the operation
/// gets a function for each (see ``lowerOperation(_:pathItem:functionNames:)``). A further JSON media type with the
/// same schema as an earlier one would give the same function again, so it is left out.
extension SDKLowering {
    package struct LoweredBody {
        /// The media type as the spec writes it.
        package var mediaType: String
        /// What the function sending this media type adds to the operation's name, when it is not the first:
        /// `Form`, `Multipart`, `PNG`.
        package var nameSuffix: String
        package var arguments: [OperationParameter]
        package var declaration: RequestBodyDeclaration
        /// The Boolean property of a JSON body that the streaming variant of an operation sets: `stream`, or the
        /// operation's `x-speakeasy-stream-request-field`, when the schema has it.
        package var streamFieldName: String?
        /// The JSON examples of a JSON body, labelled `createPet request` (with the media type for a later one).
        package var examples: [BodyExample] = []
    }

    /// The kinds of body sdkgen sends, in the order it prefers them.
    package enum BodyKind: Int, Comparable {
        case json, form, multipart, binary, text

        package static func < (lhs: BodyKind, rhs: BodyKind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    package func bodyKind(_ media: MediaType) -> BodyKind {
        let type = Self.bareMediaType(media.contentType)
        switch type {
        case "application/x-www-form-urlencoded": return .form
        case "multipart/form-data": return .multipart
        case "*/*": return media.schema.map { isJSONValue($0) } == true ? .json : .binary
        default:
            if Self.isJSON(type) { return .json }
            return type.hasPrefix("text/") ? .text : .binary
        }
    }

    /// The body's media types, each lowered to the arguments and request body of a function: the first is the
    /// operation's plain function's. Each is lowered with its own copy of `names`, and `names` ends up holding
    /// the names any of them claimed, so that the later parameters' names are the same in every function.
    /// `isOnlyInput` tells that the operation has no parameters besides the body, which names a multipart body's struct.
    package mutating func lowerRequestBodies(_ operation: Operation, typePrefix: String, isOnlyInput: Bool, names: inout MemberNames) -> [LoweredBody] {
        guard let item = operation.requestBody else { return [] }
        guard let body = index.requestBody(item) else {
            if case .reference(let reference) = item {
                diagnostics.warning("cannot resolve request body '\(reference.target)'; the operation is sent without a body", at: reference.location)
            }
            return []
        }
        var kept: [MediaType] = []
        for media in body.content.sorted(by: { bodyKind($0) < bodyKind($1) }) {
            let sameJSON = kept.contains { other in
                bodyKind(other) == .json && bodyKind(media) == .json && Self.haveSameSchema(other, media)
            }
            if !sameJSON { kept.append(media) }
        }
        let streamFieldName = SpeakeasyExtension.string(SpeakeasyExtension.streamRequestField, in: operation.extensions, diagnostics: &diagnostics)
            ?? "stream"
        var lowered: [LoweredBody] = []
        var suffixes: Set<String> = []
        let namesBefore = names
        for media in kept {
            var variantNames = namesBefore
            guard var variant = lowerRequestBody(media, body: body, reference: Self.reference(of: item), typePrefix: typePrefix,
                                                 isOnlyInput: isOnlyInput, streamFieldName: streamFieldName, names: &variantNames) else { continue }
            if !lowered.isEmpty {
                var suffix = Self.mediaTypeSuffix(media.contentType)
                var counter = 2
                while suffixes.contains(suffix) {
                    suffix = Self.mediaTypeSuffix(media.contentType) + String(counter)
                    counter += 1
                }
                variant.nameSuffix = suffix
            }
            if case .json = variant.declaration, let type = variant.arguments.first?.type.nonOptional {
                let operationName = operation.operationID ?? "\(operation.method.rawValue.uppercased()) \(operation.path)"
                let label = operationName + " request" + (lowered.isEmpty ? "" : " " + media.contentType)
                variant.examples = examples(of: media, type: type, label: label)
            }
            suffixes.insert(variant.nameSuffix)
            names.formUnion(variantNames)
            lowered.append(variant)
        }
        return lowered
    }

    /// What a function for a media type adds to the operation's name: `Form`, `Multipart`, `Text` for
    /// `text/plain`, `Data` for `application/octet-stream` and wildcards, else the subtype's words (`CSV`, `PNG`,
    /// `ProblemJSON`; `x-` and `vnd.` dropped).
    package static func mediaTypeSuffix(_ contentType: String) -> String {
        let type = bareMediaType(contentType)
        switch type {
        case "application/x-www-form-urlencoded": return "Form"
        case "multipart/form-data": return "Multipart"
        case "text/plain": return "Text"
        case "application/octet-stream": return "Data"
        default:
            let subtype = type.split(separator: "/", maxSplits: 1).last.map(String.init) ?? type
            let words = SwiftName.words(subtype).filter { !["x", "vnd"].contains($0.lowercased()) }
            let suffix = words.map { word -> String in
                let lowercased = word.lowercased()
                if let acronym = SwiftName.acronyms[lowercased] { return acronym }
                return formatAcronyms.contains(lowercased) ? lowercased.uppercased() : lowercased.prefix(1).uppercased() + lowercased.dropFirst()
            }.joined()
            return suffix.isEmpty || type.contains("*") ? "Data" : suffix
        }
    }

    /// File formats a media type's subtype names, written in capitals in function names; `SwiftName.acronyms` has
    /// the others (`json`, `xml`, `html`).
    private static let formatAcronyms: Set<String> = [
        "csv", "tsv", "pdf", "png", "jpeg", "jpg", "gif", "svg", "bmp", "tiff", "webp", "yaml", "zip", "gzip", "tar",
        "rtf", "mp3", "mp4", "wav", "ogg", "ndjson", "jsonl", "sarif", "rss", "ics",
    ]

    /// One media type of a request body: its arguments and how the request carries it.
    private mutating func lowerRequestBody(_ media: MediaType, body: RequestBody, reference: Reference?, typePrefix: String,
                                           isOnlyInput: Bool, streamFieldName: String, names: inout MemberNames) -> LoweredBody? {
        let kind = bodyKind(media)
        let contentType = media.contentType.contains("*") ? (kind == .json ? "application/json" : "application/octet-stream") : media.contentType

        let name: String
        let baseType: SwiftType
        let declaration: RequestBodyDeclaration
        switch kind {
        case .multipart:
            return lowerMultipartBody(media, body: body, reference: reference, typePrefix: typePrefix, isOnlyInput: isOnlyInput, names: &names)
        case .json:
            name = names.claim("body")
            baseType = media.schema.map {
                swiftType(for: $0, in: reference, part: media.contentType, suggestedName: typePrefix + "Request")
            } ?? .jsonValue
            declaration = .json(argument: name, contentType: contentType, streamField: nil)
        case .form:
            name = names.claim("body")
            baseType = media.schema.map {
                swiftType(for: $0, in: reference, part: media.contentType, suggestedName: typePrefix + "Request")
            } ?? .jsonValue
            declaration = .form(argument: name)
        case .binary, .text:
            name = names.claim("body")
            baseType = kind == .binary ? .data : .string
            declaration = .raw(argument: name, contentType: contentType)
        }
        let description = body.description ?? media.schema.flatMap { schemaDescription($0) }
        let argument = OperationParameter(
            name: name,
            type: body.required ? baseType : baseType.optional,
            documentation: description ?? "The request body.",
            description: description,
            example: media.example.map(ExampleText.value),
            origin: SpecOrigin(key: "body", location: body.location))
        return LoweredBody(mediaType: media.contentType, nameSuffix: "", arguments: [argument], declaration: declaration,
                           streamFieldName: kind == .json && media.schema.map { hasBooleanProperty($0, named: streamFieldName) } == true ? streamFieldName : nil)
    }

    /// A multipart body is one argument, `body`, of a struct declared for it with a property per property of the
    /// object schema (files as `MultipartFile`), each sent as a part: the official Speakeasy SDKs take a multipart
    /// body as one value too (`requestBody operations.UploadFileRequestBody` in Go), and with the struct the body
    /// counts as one input towards `x-speakeasy-max-method-params`. The struct is named `<OperationID>Request`
    /// when the body is the operation's only input and `<OperationID>RequestBody` beside parameters, with
    /// `Multipart` after the operation's name when the body has other media types too, as Speakeasy names them. A
    /// schema given by `$ref` gets such a struct too, since the component's model holds a file as bare `Data`.
    /// A schema that names no parts (`type: object` alone), or none at all, takes the caller's, `[String: MultipartValue]`.
    /// `nil` (no body is sent) when the schema is no object.
    private mutating func lowerMultipartBody(_ media: MediaType, body: RequestBody, reference: Reference?, typePrefix: String,
                                             isOnlyInput: Bool, names: inout MemberNames) -> LoweredBody? {
        let schema = media.schema.flatMap { resolvedObject($0) }
        guard schema != nil || media.schema == nil else {
            let outcome = body.content.count > 1 ? "no function sends it" : "the operation is sent without a body"
            diagnostics.warning("the multipart body's schema is not an object, whose properties would be the parts; \(outcome)", at: media.location)
            return nil
        }
        let argumentName = names.claim("body")
        guard let schema, !schema.object.properties.isEmpty else {
            // `type: object` alone (Cisco vManage's certificate upload), or no schema: the caller names the parts.
            let description = body.description ?? media.schema.flatMap { schemaDescription($0) }
            let type = SwiftType.dictionary(.multipartValue)
            let argument = OperationParameter(
                name: argumentName, type: body.required ? type : type.optional,
                documentation: description ?? "The form's parts, by name: text fields and files.",
                description: description, example: nil, origin: SpecOrigin(key: "body", location: body.location))
            return LoweredBody(mediaType: media.contentType, nameSuffix: "", arguments: [argument],
                               declaration: .multipartParts(argument: SwiftName.unescaped(argumentName)), streamFieldName: nil)
        }
        // A part reads its property through the argument, which an optional body may leave out whole.
        let access = SwiftName.unescaped(argumentName) + (body.required ? "." : "?.")
        var fieldNames = MemberNames()
        var properties: [PropertyDeclaration] = []
        var parts: [RequestItem] = []
        for property in schema.object.properties {
            let name = fieldNames.claim(SwiftName.member(property.name))
            let type: SwiftType
            let item: RequestItem
            if isBinary(property.value) {
                type = .multipartFile
                item = RequestItem(placement: .formFile, wireName: property.name, argument: access + name, encoding: .text)
            } else if let items = resolved(property.value).items, isBinary(items) {
                type = .array(.multipartFile)
                item = RequestItem(placement: .formFile, wireName: property.name, argument: access + name, encoding: .text)
            } else {
                type = declaredPropertyType(schema.typeName, wireName: property.name)
                    ?? swiftType(for: property.value, in: reference, part: media.contentType + " " + property.name,
                                 nameSuffix: SwiftName.type(property.name), suggestedName: typePrefix + SwiftName.type(property.name))
                let element = if case .array(let element) = type { element } else { type }
                item = RequestItem(placement: .formField, wireName: property.name, argument: access + name,
                                   encoding: valueShape(of: element) == .structured ? .json : .text)
            }
            let required = types.isRequired(property, in: Set(schema.object.required.map(\.name))) && !types.allowsNull(property.value)
            let description = schemaDescription(property.value)
            properties.append(PropertyDeclaration(
                name: name, type: required ? type : type.optional, documentation: [.text(description ?? "")],
                wireName: property.name, isRequired: required, description: description,
                example: property.value.example.map(ExampleText.value), isIndirect: false,
                origin: SpecOrigin(key: property.name, location: property.location)))
            parts.append(item)
        }
        let typeName = types.claimTypeName(typePrefix + (body.content.count > 1 ? "Multipart" : "") + (isOnlyInput ? "Request" : "RequestBody"))
        types.addModel(ModelDeclaration(
            access: options.access, typeName: typeName, fileName: typeName,
            description: body.description,
            documentation: [.sentences("A `multipart/form-data` request body, each property sent as the part it is named for.")],
            kind: .structure(StructModel(
                properties: properties,
                initDocumentation: [.sentences("Creates a value from its properties."),
                                    .parameters(properties.map { Documentation.Parameter($0.name, $0.description ?? "") })])),
            origin: SpecOrigin(key: typeName, location: media.location)))
        let description = body.description ?? media.schema.flatMap { schemaDescription($0) }
        let argument = OperationParameter(
            name: argumentName,
            type: body.required ? .named(typeName) : .named(typeName).optional,
            documentation: description ?? "The form's fields, each sent as a part.",
            description: description,
            example: nil,
            origin: SpecOrigin(key: "body", location: body.location))
        return LoweredBody(mediaType: media.contentType, nameSuffix: "", arguments: [argument], declaration: .multipart(parts: parts),
                           streamFieldName: nil)
    }

    // MARK: - Schemas

    /// Whether a schema for any media type (`*/*`) describes JSON rather than bytes: it is anything but a string.
    package func isJSONValue(_ schema: Schema) -> Bool {
        resolved(schema).types != [.string]
    }

    /// `string` with `format: binary`: a file's contents.
    package func isBinary(_ schema: Schema) -> Bool {
        let schema = resolved(schema)
        return schema.types == [.string] && schema.format == "binary"
    }

    /// The schema a `$ref` points at, or the schema itself.
    package func resolved(_ schema: Schema) -> Schema {
        schema.reference.flatMap { index.schema($0) } ?? schema
    }

    /// An object schema, following a reference, with the model type the reference names.
    private mutating func resolvedObject(_ schema: Schema) -> (object: Schema, typeName: String?)? {
        let object = resolved(schema)
        guard object.types.isEmpty || object.types == [.object] else { return nil }
        let typeName = schema.reference == nil ? nil : types.swiftType(for: schema, suggestedName: "").declarationName
        return (object, typeName)
    }

    /// The type of a property of an already declared model, so that its inline types are not declared twice.
    package func declaredPropertyType(_ typeName: String?, wireName: String) -> SwiftType? {
        guard let typeName, case .structure(let model)? = types.models.first(where: { $0.typeName == typeName })?.kind else { return nil }
        return model.properties.first { $0.origin.key == wireName }?.type.nonOptional
    }

    private func hasBooleanProperty(_ schema: Schema, named name: String) -> Bool {
        resolved(schema).properties.first { $0.name == name }.map { resolved($0.value).types == [.boolean] } ?? false
    }

    package func schemaDescription(_ schema: Schema) -> String? {
        schema.description ?? schema.reference.flatMap { index.schema($0)?.description }
    }

    /// `application/json` for `application/json; charset=utf-8`, lowercased.
    package static func bareMediaType(_ contentType: String) -> String {
        // Most are bare already: printable ASCII without parameters, blanks or capitals.
        if contentType.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ";") && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) {
            return contentType
        }
        return String(contentType.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    }
}
