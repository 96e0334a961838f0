import SDKGenModel
import SDKGenMustache

/// The reference pages: a page per API group, with usage example, parameters, response and errors of each
/// operation, and a page per model with a table of its fields, values, members or elements.
extension SDKView {
    /// Where a group's page goes, relative to the docs folder: `sdks/analytics/README.md`.
    static func referencePagePath(_ group: APIGroupDeclaration) -> String {
        "sdks/\(Markdown.anchor(group.tag))/README.md"
    }

    /// The runtime types with a page of their own, which the operations' parameter tables link.
    static let runtimeReferencePageTypes = ["RequestOptions", "RetryConfig"]

    /// Where a runtime type's page goes, relative to the docs folder: `runtime/RetryConfig.md`.
    static func runtimeReferencePagePath(_ typeName: String) -> String {
        "runtime/\(typeName).md"
    }

    func referencePage(_ group: APIGroupDeclaration) -> TemplateObject {
        [
            "path": .text(Self.referencePagePath(group)),
            "title": .text(group.tag),
            "overview": .text(Markdown.block(group.description)),
            "operations": .list(group.operations.filter { !$0.sendsUploadBody }) { referenceOperation($0, groupProperty: group.propertyName) },
        ]
    }

    private func referenceOperation(_ declaration: OperationDeclaration, groupProperty: String) -> TemplateObject {
        let errorTypeName = sdk.error.typeName
        let name = SwiftName.unescaped(declaration.functionName)
        // The client's headers first, as the official SDKs' pages list them: they are sent with this call too.
        var rows = sdk.client.globalHeaders.map { header in
            Self.row(name: header.parameterName, typeCell: "`String?`", required: "➖",
                     description: Markdown.cell([header.documentation, "Set once on `\(sdk.client.typeName)`."]
                         .compactMap { $0 }.joined(separator: " ")), example: "")
        }
        rows += declaration.parameters.map { argument in
            Self.row(name: argument.name, typeCell: typeCell(argument.type, modelsFolder: "../../models/"),
                     required: argument.type.isOptional ? "➖" : "✔️",
                     description: Markdown.cell(argument.description), example: Markdown.cell(argument.example?.text))
        }
        rows.append(Self.row(name: "options", typeCell: "[`RequestOptions`](../../\(Self.runtimeReferencePagePath("RequestOptions")))",
                             required: "➖", description: "Per-call overrides of the client's retries, timeout, headers and middlewares.",
                             example: ""))
        rows.append(Self.row(name: "options.retries", typeCell: "[`RetryConfig?`](../../\(Self.runtimeReferencePagePath("RetryConfig")))",
                             required: "➖", description: "The retry policy for this call instead of the client's; `.disabled` for none.",
                             example: ""))
        var errors: [TemplateValue] = declaration.errorResponses.sorted { $0.status < $1.status }.map { response in
            let caseName = sdk.error.statusCase(for: response.status)?.caseName ?? ""
            return .object(Self.errorRow("\(errorTypeName).\(caseName)", statusCode: response.status.text,
                                         contentType: response.contentType))
        }
        if !declaration.responseCases.contains(where: { $0.statuses == .default }) {
            errors.append(.object(Self.errorRow("\(errorTypeName).apiError", statusCode: "4XX, 5XX", contentType: "*/*")))
        } else if !errors.isEmpty {
            errors.append(.object(Self.errorRow("\(errorTypeName).apiError", statusCode: "any, if the body does not decode", contentType: "*/*")))
        }
        let returnsModel = if case .named(let name) = declaration.returnType { modelNames.contains(name) } else { false }
        let call = callExample(declaration, groupProperty: groupProperty)
        return [
            "name": .text(name),
            "anchor": .text(Markdown.anchor(name)),
            "summary": .text(Markdown.cell(declaration.summary ?? name)),
            "description": .text(Markdown.block(declaration.description ?? declaration.summary)),
            // A complete Swift program calling the operation.
            "usageExample": .text(usageExample(declaration, call: call)),
            "callExample": .text(call),
            "pagination": .object(declaration.pagination.map { pagination in
                let function = pagination.itemsFunctionName ?? pagination.pagesFunctionName
                let arguments = exampleArguments(declaration).joined(separator: ", ")
                return [
                    "pagesFunctionName": .text(pagination.pagesFunctionName),
                    "itemsFunctionName": .text(pagination.itemsFunctionName),
                    // A loop over the items (or the pages, without items), as the usage example calls it.
                    "pagingExample": .text([
                        "for try await \(pagination.itemsFunctionName == nil ? "page" : "item") in client.\(groupProperty).\(function)(\(arguments)) {",
                        "    print(\(pagination.itemsFunctionName == nil ? "page" : "item"))",
                        "}",
                    ].joined(separator: "\n")),
                ]
            }),
            "parameters": .list(rows.map(TemplateValue.object)),
            "responseType": .text(declaration.returnType.description),
            // The response model's page, relative to this page; none for types without one.
            "responseLink": .text(returnsModel ? "../../models/\(declaration.returnType).md" : nil),
            "errors": .list(errors),
        ]
    }

    /// A row of a parameters or fields table, every cell Markdown-safe; `✔️` or `➖` in `required`, as the seed
    /// pages mark it.
    private static func row(name: String, typeCell: String, required: String, description: String,
                            example: String) -> TemplateObject {
        [
            "name": .text("`\(SwiftName.unescaped(name))`"),
            "type": .text(typeCell),
            "required": .text(required),
            "description": .text(description),
            "example": .text(example),
        ]
    }

    /// A type for a table cell, linked to the page of the model it names, if any: `[ActivityItem]?` links
    /// `ActivityItem`'s page in `modelsFolder`.
    func typeCell(_ type: SwiftType, modelsFolder: String) -> String {
        let spelling = "`\(type.description)`"
        guard let model = type.referencedNames.first(where: modelNames.contains) else { return spelling }
        return "[\(spelling)](\(modelsFolder)\(model).md)"
    }

    /// A row of an errors table; the media type's `*`s are escaped, so that `*/*` is not read as emphasis.
    private static func errorRow(_ errorCase: String, statusCode: String, contentType: String) -> TemplateObject {
        ["errorCase": .text("`\(errorCase)`"), "statusCode": .text(statusCode),
         "contentType": .text(Markdown.cell(contentType).replacingOccurrences(of: "*", with: "\\*"))]
    }

    /// The call alone, from the group property on: `analytics.getUserActivity(date: "2025-08-24")`.
    func callExample(_ operation: OperationDeclaration, groupProperty: String) -> String {
        "\(groupProperty).\(SwiftName.unescaped(operation.functionName))(\(exampleArguments(operation).joined(separator: ", ")))"
    }

    /// A complete program that creates a client, makes the call and handles its errors: the first documented one
    /// by its case, the rest together.
    private func usageExample(_ operation: OperationDeclaration, call: String) -> String {
        let client = sdk.client
        var lines = ["import \(sdk.moduleName)", ""]
        lines += client.credentials.flatMap(\.arguments).compactMap { argument in
            argument.environmentVariable.map { "// `\(SwiftName.unescaped(argument.name))` is read from the \($0) environment variable." }
        }
        // Credentials without an environment variable to fall back on are given, as the client needs them.
        let arguments = client.credentials.flatMap { credential in
            credential.arguments.filter { $0.environmentVariable == nil }.map { argument in
                (name: argument.name, value: credential.fetchesTokens
                    ? "OAuth2ClientCredentials(clientID: \"<client id>\", clientSecret: \"<client secret>\")" : "\"<value>\"")
            }
        } + client.globalHeaders.map { (name: $0.parameterName, value: "\"<value>\"") }
        if arguments.isEmpty {
            lines.append("let client = \(client.typeName)()")
        } else {
            lines.append("let client = \(client.typeName)(")
            for (offset, argument) in arguments.enumerated() {
                lines.append("    \(SwiftName.unescaped(argument.name)): \(argument.value)\(offset == arguments.count - 1 ? "" : ",")")
            }
            lines.append(")")
        }
        lines += ["", "do {"]
        if operation.isStreaming, operation.returnType == .byteStream {
            lines = ["import Foundation"] + lines
            lines += ["    let file = URL(fileURLWithPath: \"download.bin\")",
                      "    let byteCount = try await client.\(call).write(to: file)", "    print(byteCount)"]
        } else if operation.isStreaming {
            lines += ["    for try await event in try await client.\(call) {", "        print(event)", "    }"]
        } else if operation.returnType != .void {
            lines += ["    let response = try await client.\(call)", "    print(response)"]
        } else {
            lines.append("    try await client.\(call)")
        }
        let documented = operation.errorResponses.map(\.status).sorted().first.flatMap(sdk.error.statusCase(for:))
        if let documented {
            lines += ["} catch \(sdk.error.typeName).\(documented.caseName)(let body, let metadata) {",
                      "    print(\"status \\(metadata.statusCode):\", body)"]
        }
        lines += ["} catch {", "    print(error)", "}"]
        return lines.joined(separator: "\n")
    }

    /// `name: value` for each parameter with an example, and a placeholder for required ones without; a request
    /// struct and a multipart body's struct built the same way from their fields.
    private func exampleArguments(_ operation: OperationDeclaration) -> [String] {
        if let requestStruct = operation.requestStruct, let fields = structFields(requestStruct.typeName) {
            let arguments = fields.compactMap { exampleArgument($0.name, type: $0.type, example: $0.example, of: operation) }
            return ["request: \(requestStruct.typeName)(\(arguments.joined(separator: ", ")))"]
        }
        return operation.parameters.compactMap { exampleArgument($0.name, type: $0.type, example: $0.example, of: operation) }
    }

    private func structFields(_ typeName: String) -> [PropertyDeclaration]? {
        guard case .structure(let fields)? = sdk.models.first(where: { $0.typeName == typeName })?.kind else { return nil }
        return fields.properties
    }

    /// `name: value` from the example, else a placeholder for a required argument; `nil` to leave it out.
    private func exampleArgument(_ name: String, type: SwiftType, example: ExampleValue?, of operation: OperationDeclaration) -> String? {
        let value: String?
        if !type.isOptional, type == multipartBodyType(operation), case .named(let typeName) = type, let fields = structFields(typeName) {
            let arguments = fields.compactMap { exampleArgument($0.name, type: $0.type, example: $0.example, of: operation) }
            value = "\(typeName)(\(arguments.joined(separator: ", ")))"
        } else {
            value = example.flatMap({ Self.swiftExample($0, type: type) }) ?? (type.isOptional ? nil : Self.placeholder(for: type))
        }
        return value.map { "\(SwiftName.unescaped(name)): \($0)" }
    }

    /// The struct of a multipart body's fields, an argument of the function or a field of its request struct.
    private func multipartBodyType(_ operation: OperationDeclaration) -> SwiftType? {
        guard case .multipart? = operation.body else { return nil }
        let arguments = operation.requestStruct.flatMap { structFields($0.typeName) }.map { $0.map { ($0.origin.key, $0.type) } }
            ?? operation.parameters.map { ($0.origin.key, $0.type) }
        return arguments.first { $0.0 == "body" }?.1.nonOptional
    }

    /// An example value as a Swift expression of the parameter's type, when it is one.
    private static func swiftExample(_ example: ExampleValue, type: SwiftType) -> String? {
        switch (type.nonOptional, example.kind) {
        case (_, .structured): return nil
        case (.string, _): return SwiftLiteral.string(example.text)
        case (.int, .integer(let value)): return String(value)
        case (.double, .integer(let value)): return String(value)
        case (.double, .number(let value)) where value.isFinite: return String(value)
        case (.bool, .bool(let value)): return value ? "true" : "false"
        default: return nil
        }
    }

    /// A value for a required argument without an example: a literal, or an editor placeholder (`<#Pet#>`) for a
    /// value the reader has to build, which Xcode offers to fill in.
    private static func placeholder(for type: SwiftType) -> String {
        switch type {
        case .string: return "\"<value>\""
        case .int: return "0"
        case .double: return "0"
        case .bool: return "false"
        case .data: return "Data()"
        case .multipartFile: return "MultipartFile(filename: \"<name>\", data: Data())"
        case .dictionary(.multipartValue): return "[\"<part>\": .file(MultipartFile(filename: \"<name>\", data: Data()))]"
        default: return "<#\(type)#>"
        }
    }
}

extension SDKView {
    /// Where a model's page goes, relative to the docs folder: `models/ActivityItem.md`.
    static func modelReferencePagePath(_ model: ModelDeclaration) -> String {
        "models/\(model.typeName).md"
    }

    /// A model's page: its description and a table of its fields (`Fields`), values (`Values`), members
    /// (`One of`) or elements (`Elements`).
    func modelReferencePage(_ model: ModelDeclaration) -> TemplateObject {
        let (tableTitle, rows): (String, [TemplateObject]) = switch model.kind {
        case .structure(let structModel):
            ("Fields", structModel.properties.map { row($0) } + (structModel.additionalProperties.map { extra in
                [Self.row(name: extra.name, typeCell: typeCell(.dictionary(extra.valueType), modelsFolder: ""), required: "➖",
                          description: Markdown.cell(extra.description), example: "")]
            } ?? []))
        case .enumeration(let enumModel):
            ("Values", enumModel.cases.map { enumCase in
                Self.row(name: enumCase.name, typeCell: enumModel.hasStringValues ? "`String`" : "`Int`", required: "",
                         description: "", example: Markdown.cell(SwiftSource.literal(enumCase.value)))
            })
        case .union(let unionModel):
            // Union case names are printed as declared, keeping any backticks.
            ("One of", unionModel.cases.map {
                ["name": .text("`\($0.name)`"), "type": .text(typeCell($0.type, modelsFolder: "")), "required": .text(""),
                 "description": .text(""), "example": .text("")]
            })
        case .tuple(let tupleModel):
            ("Elements", tupleModel.elements.map { row($0) } + (tupleModel.restType.map {
                [Self.row(name: "rest", typeCell: typeCell(.array($0), modelsFolder: ""), required: "➖",
                          description: "The elements after the fixed ones.", example: "")]
            } ?? []))
        }
        return [
            "path": .text(Self.modelReferencePagePath(model)),
            "title": .text(model.typeName),
            "description": .text(Markdown.block(model.description)),
            "tableTitle": .text(tableTitle),
            "fields": .list(rows.map(TemplateValue.object)),
        ]
    }

    /// A struct's property or a tuple's element as a row of its model's table.
    private func row(_ property: PropertyDeclaration) -> TemplateObject {
        Self.row(name: property.name, typeCell: typeCell(property.type, modelsFolder: ""), required: property.isRequired ? "✔️" : "➖",
                 description: Markdown.cell(property.description), example: Markdown.cell(property.example?.text))
    }
}
