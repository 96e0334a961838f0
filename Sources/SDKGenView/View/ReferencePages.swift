import SDKGenModel

/// The reference pages: a page per API group, with usage example, parameters, response and errors of each
/// operation, and a page per model with a table of its fields, values, members or elements.
extension SDKView {
    func referencePage(_ group: APIGroupDeclaration) -> ReferencePage {
        ReferencePage(
            path: "sdks/\(Markdown.anchor(group.tag))/README.md",
            title: group.tag,
            overview: Markdown.block(group.description),
            operations: group.operations.map { referenceOperation($0, groupProperty: group.propertyName) })
    }

    private func referenceOperation(_ declaration: OperationDeclaration, groupProperty: String) -> ReferenceOperation {
        let errorTypeName = sdk.error.typeName
        let name = SwiftName.unescaped(declaration.functionName)
        var rows = declaration.parameters.map { argument in
            ReferenceRow(
                name: "`\(SwiftName.unescaped(argument.name))`",
                type: "`\(argument.type)`",
                required: argument.type.isOptional ? "➖" : "✔️",
                description: Markdown.cell(argument.description),
                example: Markdown.cell(argument.example?.text))
        }
        rows.append(ReferenceRow(name: "`options`", type: "`RequestOptions`", required: "➖",
                                 description: "Per-call overrides of the client's retries, timeout and headers.", example: ""))

        var errors = declaration.errorResponses.map { response in
            ReferenceErrorRow(errorCase: "`\(errorTypeName).\(HTTPStatusName.caseName(for: response.statusCode))`",
                              statusCode: String(response.statusCode), contentType: Markdown.cell(response.contentType))
        }
        errors.append(ReferenceErrorRow(errorCase: "`\(errorTypeName).apiError`", statusCode: "4XX, 5XX", contentType: "\\*/\\*"))

        let returnsModel = if case .named(let name) = declaration.returnType { modelNames.contains(name) } else { false }
        let call = callExample(declaration, groupProperty: groupProperty)
        return ReferenceOperation(
            name: name,
            anchor: Markdown.anchor(name),
            summary: Markdown.cell(declaration.summary ?? name),
            description: Markdown.block(declaration.description ?? declaration.summary),
            usageExample: usageExample(call: call, returnsValue: declaration.returnType != .void, streams: declaration.isStreaming),
            callExample: call,
            parameters: rows,
            responseType: declaration.returnType.description,
            responseLink: returnsModel ? "../../models/\(declaration.returnType).md" : nil,
            errors: errors)
    }

    /// The call alone, from the group property on: `analytics.getUserActivity(date: "2025-08-24")`.
    func callExample(_ operation: OperationDeclaration, groupProperty: String) -> String {
        "\(groupProperty).\(SwiftName.unescaped(operation.functionName))(\(exampleArguments(operation).joined(separator: ", ")))"
    }

    /// A complete program that creates a client and makes the call.
    private func usageExample(call: String, returnsValue: Bool, streams: Bool) -> String {
        let clientTypeName = sdk.client.typeName
        var lines = ["import \(sdk.moduleName)", ""]
        let globalHeaders = sdk.client.globalHeaders.map { SwiftName.unescaped($0.parameterName) }
        if globalHeaders.isEmpty {
            lines.append("let client = \(clientTypeName)()")
        } else {
            lines.append("let client = \(clientTypeName)(")
            for (offset, name) in globalHeaders.enumerated() {
                lines.append("    \(name): \"<value>\"\(offset == globalHeaders.count - 1 ? "" : ",")")
            }
            lines.append(")")
        }
        lines.append("")
        if streams {
            lines += ["for try await event in try await client.\(call) {", "    print(event)", "}"]
        } else if returnsValue {
            lines += ["let response = try await client.\(call)", "print(response)"]
        } else {
            lines.append("try await client.\(call)")
        }
        return lines.joined(separator: "\n")
    }

    /// `name: value` for each parameter with an example, and a placeholder for required ones without.
    private func exampleArguments(_ operation: OperationDeclaration) -> [String] {
        operation.parameters.compactMap { argument -> String? in
            guard let value = argument.example.flatMap({ Self.swiftExample($0, type: argument.type) })
                ?? (argument.type.isOptional ? nil : Self.placeholder(for: argument.type)) else {
                return nil
            }
            return "\(SwiftName.unescaped(argument.name)): \(value)"
        }
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

    private static func placeholder(for type: SwiftType) -> String? {
        switch type {
        case .string: return "\"<value>\""
        case .int: return "0"
        case .double: return "0"
        case .bool: return "false"
        case .data: return "Data()"
        case .multipartFile: return "MultipartFile(filename: \"<name>\", data: Data())"
        default: return nil
        }
    }
}

extension SDKView {
    func modelReferencePage(_ model: ModelDeclaration) -> ModelReferencePage {
        var page = ModelReferencePage(path: "models/\(model.typeName).md", title: model.typeName,
                                      description: Markdown.block(model.description), tableTitle: "Fields", fields: [])
        switch model.kind {
        case .structure(let structModel):
            page.fields = structModel.properties.map(row)
        case .enumeration(let enumModel):
            page.tableTitle = "Values"
            let rawType = enumModel.hasStringValues ? "String" : "Int"
            page.fields = enumModel.cases.map { enumCase in
                ReferenceRow(name: "`\(SwiftName.unescaped(enumCase.name))`", type: "`\(rawType)`", required: "", description: "",
                             example: Markdown.cell(SwiftSource.literal(enumCase.value)))
            }
        case .union(let unionModel):
            page.tableTitle = "One of"
            page.fields = unionModel.cases.map {
                ReferenceRow(name: "`\($0.name)`", type: "`\($0.type)`", required: "", description: "", example: "")
            }
        case .tuple(let tupleModel):
            page.tableTitle = "Elements"
            page.fields = tupleModel.elements.map(row)
            if let restType = tupleModel.restType {
                page.fields.append(ReferenceRow(name: "`rest`", type: "`\(SwiftType.array(restType))`", required: "➖",
                                                description: "The elements after the fixed ones.", example: ""))
            }
        }
        return page
    }

    /// A struct's property or a tuple's element as a row of its model's table.
    private func row(_ property: PropertyDeclaration) -> ReferenceRow {
        ReferenceRow(name: "`\(SwiftName.unescaped(property.name))`", type: "`\(property.type)`", required: property.isRequired ? "✔️" : "➖",
                     description: Markdown.cell(property.description), example: Markdown.cell(property.example?.text))
    }
}
