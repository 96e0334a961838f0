import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// Builds the reference page entry of an operation: usage example, parameters, response and errors.
extension SDKLowering {
    package func referenceOperation(for operation: Operation, lowered: LoweredOperation, groupProperty: String) -> ReferenceOperation {
        let declaration = lowered.declaration
        let name = SwiftName.unescaped(declaration.functionName)
        var rows = lowered.arguments.map { argument in
            ReferenceRow(
                name: "`\(SwiftName.unescaped(argument.swift.name))`",
                type: "`\(argument.swift.type)`",
                required: argument.required ? "✔️" : "➖",
                description: Markdown.cell(argument.description),
                example: Markdown.cell(argument.example.map(ExampleText.plain)))
        }
        rows.append(ReferenceRow(name: "`options`", type: "`RequestOptions`", required: "➖",
                                 description: "Per-call overrides of the client's retries, timeout and headers.", example: ""))

        var errors = lowered.errorResponses.map { response in
            ReferenceErrorRow(errorCase: "`\(errorTypeName).\(response.caseName)`", statusCode: response.status.text,
                              contentType: Markdown.cell(response.contentType))
        }
        errors.append(ReferenceErrorRow(errorCase: "`\(errorTypeName).apiError`", statusCode: "4XX, 5XX", contentType: "\\*/\\*"))

        let returnsModel = if case .named(let name) = declaration.returnType { types.models.contains { $0.typeName == name } } else { false }
        let call = "\(groupProperty).\(name)(\(exampleArguments(lowered).joined(separator: ", ")))"
        return ReferenceOperation(
            name: name,
            anchor: Markdown.anchor(name),
            summary: Markdown.cell(operation.summary ?? name),
            description: Markdown.block(operation.description ?? operation.summary),
            usageExample: usageExample(call: call, returnsValue: declaration.returnType != .void, streams: declaration.isStreaming),
            callExample: call,
            parameters: rows,
            responseType: declaration.returnType.description,
            responseLink: returnsModel ? "../../models/\(declaration.returnType).md" : nil,
            errors: errors)
    }

    /// A complete program that creates a client and makes the call.
    private func usageExample(call: String, returnsValue: Bool, streams: Bool) -> String {
        var lines = ["import \(options.moduleName)", ""]
        let globalHeaders = globalHeaders.map { SwiftName.unescaped($0.parameterName) }
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
    private func exampleArguments(_ lowered: LoweredOperation) -> [String] {
        lowered.arguments.compactMap { argument -> String? in
            guard let value = argument.example.flatMap({ Self.swiftExample($0, type: argument.swift.type) })
                ?? (argument.required ? Self.placeholder(for: argument.swift.type) : nil) else {
                return nil
            }
            return "\(SwiftName.unescaped(argument.swift.name)): \(value)"
        }
    }

    /// An example value as a Swift expression of the parameter's type, when it is one.
    private static func swiftExample(_ node: YAMLNode, type: SwiftType) -> String? {
        guard let scalar = node.scalar else { return nil }
        switch (type.nonOptional, scalar.value) {
        case (.string, _): return SwiftLiteral.string(scalar.text)
        case (.int, .int(let value)): return String(value)
        case (.double, .int(let value)): return String(value)
        case (.double, .float(let value)) where value.isFinite: return String(value)
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
