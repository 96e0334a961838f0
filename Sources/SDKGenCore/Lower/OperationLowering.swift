/// Lowers one operation: its Swift signature, how it builds the request, and what each status becomes.
extension SDKLowering {
    struct LoweredOperation {
        var declaration: OperationDeclaration
        var parameters: [(spec: Parameter, swift: OperationParameter)]
        var successContentType: String?
        var errorResponses: [(status: ResponseStatus, caseName: String, contentType: String)]
    }

    mutating func lowerOperation(_ operation: Operation, pathItem: PathItem, functionNames: inout MemberNames) -> LoweredOperation {
        let baseName = operation.operationID ?? "\(operation.method.rawValue) \(operation.path)"
        let functionName = functionNames.claim(SwiftName.member(baseName))
        let typePrefix = SwiftName.type(baseName)

        var argumentNames = MemberNames(reserving: ["options", "request", "response", "client"])
        var parameters: [(spec: Parameter, swift: OperationParameter)] = []
        for parameter in mergedParameters(operation, pathItem: pathItem) {
            if parameter.location == .cookie {
                diagnostics.warning("cookie parameter '\(parameter.name)' is not sent yet", at: parameter.sourceLocation)
                continue
            }
            let name = argumentNames.claim(SwiftName.member(parameter.name))
            let baseType = parameter.schema.map { types.swiftType(for: $0, suggestedName: typePrefix + SwiftName.type(parameter.name)) } ?? "String"
            let isOptional = !parameter.required
            parameters.append((parameter, OperationParameter(
                name: name,
                type: isOptional ? "\(baseType)?" : baseType,
                defaultClause: isOptional ? " = nil" : "",
                wireNameLiteral: SwiftLiteral.string(parameter.name),
                documentationLines: SwiftLiteral.parameterDoc(SwiftName.unescaped(name), parameter.description))))
        }
        let swiftParameters = parameters.map(\.swift)

        var responseCases: [ResponseCase] = []
        var returnType: String?
        var successContentType: String?
        var successDescription: String?
        var errorResponses: [(status: ResponseStatus, caseName: String, contentType: String)] = []
        for entry in operation.responses {
            let response = index.response(entry.response)
            if response == nil {
                diagnostics.warning("cannot resolve this response; the status is handled as undocumented", at: entry.location)
            }
            let media = response?.content.first { Self.isJSON($0.contentType) }
            let contentType = response?.content.first?.contentType ?? "*/*"
            switch entry.status {
            case .code(let code) where (200..<300).contains(code):
                let type = media?.schema.map { types.swiftType(for: $0, suggestedName: typePrefix + "Response") } ?? "JSONValue"
                if returnType == nil {
                    returnType = media == nil ? "Void" : type
                    successContentType = media?.contentType
                    successDescription = response?.description
                }
                responseCases.append(ResponseCase(statusCode: code, returnedType: returnType == "Void" ? nil : returnType, thrownCase: nil))
            case .code(let code) where code >= 400:
                let bodyType = media?.schema.map { types.swiftType(for: $0, suggestedName: HTTPStatusName.caseName(for: code)) } ?? "JSONValue"
                let errorCase = errorCase(for: code, bodyType: bodyType, description: response?.description, at: entry.location)
                responseCases.append(ResponseCase(statusCode: code, returnedType: nil, thrownCase: errorCase))
                errorResponses.append((entry.status, errorCase.caseName, contentType))
            case .code(let code):
                diagnostics.warning("status \(code) is handled as undocumented; only 2XX, 4XX and 5XX statuses are generated", at: entry.location)
            case .range, .default:
                continue
            }
        }

        var docLines = SwiftLiteral.docComment(operation.summary ?? operation.operationID ?? "\(operation.method.rawValue.uppercased()) \(operation.path)")
        let description = SwiftLiteral.docComment(operation.description)
        if !description.isEmpty { docLines += ["///"] + description }
        docLines += ["///"] + SwiftLiteral.docComment("`\(operation.method.rawValue.uppercased()) \(operation.path)`")
        docLines += ["///", "/// - Parameters:"]
        docLines += swiftParameters.flatMap(\.documentationLines)
        docLines += SwiftLiteral.parameterDoc("options", "Settings for this call that override the client's.")
        if returnType != nil, returnType != "Void" {
            docLines += SwiftLiteral.docComment("- Returns: " + (SwiftLiteral.docLines(successDescription).first ?? "The decoded response body."))
        }
        let thrown = responseCases.compactMap(\.thrownCase).map { "``\(errorTypeName)/\($0.caseName)(_:_:)``" }
        var throwsText = "- Throws: "
        if !thrown.isEmpty {
            throwsText += (thrown.count > 1 ? thrown.dropLast().joined(separator: ", ") + " or " + thrown.last! : thrown[0])
                + " for a documented error response, "
        }
        throwsText += "``\(errorTypeName)/apiError(_:body:)`` for any other status, or another ``\(errorTypeName)`` if no valid response arrived."
        docLines += SwiftLiteral.wrappedDocComment(throwsText, continuation: "///   ")

        let declaration = OperationDeclaration(
            functionName: functionName,
            docLines: docLines,
            deprecated: operation.deprecated,
            httpMethodLiteral: SwiftLiteral.string(operation.method.rawValue.uppercased()),
            acceptLiteral: successContentType.map(SwiftLiteral.string),
            pathLiteral: pathLiteral(operation.path, parameters: parameters),
            parameters: swiftParameters,
            queryItems: parameters.filter { $0.spec.location == .query }.map(\.swift),
            headerItems: parameters.filter { $0.spec.location == .header }.map(\.swift),
            returnType: returnType ?? "Void",
            responseCases: responseCases)
        return LoweredOperation(declaration: declaration, parameters: parameters,
                                successContentType: successContentType, errorResponses: errorResponses)
    }

    /// The path item's parameters with the operation's, which replace any of the same name and location.
    private func mergedParameters(_ operation: Operation, pathItem: PathItem) -> [Parameter] {
        let own = operation.parameters.compactMap { index.parameter($0) }
        let shared = pathItem.parameters.compactMap { index.parameter($0) }.filter { parameter in
            !own.contains { $0.name == parameter.name && $0.location == parameter.location }
        }
        return shared + own
    }

    /// The error enum's case for a status, shared by every operation that documents it.
    private mutating func errorCase(for code: Int, bodyType: String, description: String?, at location: SourceLocation) -> ErrorStatusCase {
        if var existing = errorCases[code] {
            if existing.bodyType != bodyType {
                diagnostics.warning("status \(code) has a \(bodyType) body here and a \(existing.bodyType) body elsewhere; the error case carries JSONValue", at: location)
                existing.bodyType = "JSONValue"
                errorCases[code] = existing
            }
            return existing
        }
        var docLines = SwiftLiteral.docComment(description ?? HTTPStatusName.phrase(for: code) ?? "Status \(code)")
        if docLines.isEmpty { docLines = ["///"] }
        docLines[docLines.count - 1] += " (HTTP \(code))"
        let errorCase = ErrorStatusCase(caseName: HTTPStatusName.caseName(for: code), statusCode: code, bodyType: bodyType, docLines: docLines)
        errorCases[code] = errorCase
        return errorCase
    }

    /// `"/users/\(userID.percentEncoded)/items"`: the spec's path text escaped, its parameters interpolated.
    private func pathLiteral(_ path: String, parameters: [(spec: Parameter, swift: OperationParameter)]) -> String {
        var literal = ""
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            literal += String(SwiftLiteral.string(String(rest[..<open])).dropFirst().dropLast())
            let name = String(rest[rest.index(after: open)..<close])
            if let parameter = parameters.first(where: { $0.spec.location == .path && $0.spec.name == name }) {
                let value = parameter.swift.type == "String" ? parameter.swift.name : "String(\(parameter.swift.name))"
                literal += "\\(\(value).percentEncoded)"
            } else {
                literal += String(SwiftLiteral.string("{\(name)}").dropFirst().dropLast())
            }
            rest = rest[rest.index(after: close)...]
        }
        literal += String(SwiftLiteral.string(String(rest)).dropFirst().dropLast())
        return "\"\(literal)\""
    }

    static func isJSON(_ contentType: String) -> Bool {
        let type = contentType.lowercased()
        return type.hasPrefix("application/json") || type.hasSuffix("+json") || type.contains("+json;") || type == "*/*"
    }
}
