import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// Lowers one operation into its functions: the signature, how each builds the request, and what each status becomes.
///
/// An operation gets one function, and a second one streaming server-sent events when a success response offers
/// `text/event-stream` besides another media type: `sendChatCompletionRequest(body:)` returns the decoded JSON,
/// `sendChatCompletionRequestStream(body:)` returns `ServerSentEvents`. An operation whose success is only an event
/// stream has just the streaming function, under the plain name.
extension SDKLowering {
    package struct LoweredOperation {
        package var declaration: OperationDeclaration
        package var arguments: [LoweredArgument]
        package var errorResponses: [(status: ResponseStatus, caseName: String, contentType: String)]
    }

    package mutating func lowerOperation(_ operation: Operation, pathItem: PathItem, functionNames: inout MemberNames) -> [LoweredOperation] {
        let baseName = operation.operationID ?? "\(operation.method.rawValue) \(operation.path)"
        let typePrefix = SwiftName.type(baseName)
        let operationName = operation.operationID ?? "\(operation.method.rawValue.uppercased()) \(operation.path)"

        var argumentNames = MemberNames(reserving: ["options", "request", "response", "client", "form"])
        let merged = mergedParameters(operation, pathItem: pathItem)
        let pathParameters = merged.filter { $0.parameter.location == .path }.compactMap {
            lowerParameter($0.parameter, reference: $0.reference, typePrefix: typePrefix, names: &argumentNames)
        }
        let body = lowerRequestBody(operation, typePrefix: typePrefix, names: &argumentNames)
        let otherParameters = merged.filter { $0.parameter.location != .path }.compactMap {
            lowerParameter($0.parameter, reference: $0.reference, typePrefix: typePrefix, names: &argumentNames)
        }
        let arguments = pathParameters.map(\.argument) + (body?.arguments ?? []) + otherParameters.map(\.argument)
        let locations: [ParameterLocation] = [.query, .header, .cookie]
        let requestItems = locations.flatMap { location in otherParameters.filter { $0.spec.location == location }.compactMap(\.item) }
        let responses = lowerResponses(operation, typePrefix: typePrefix, operationName: operationName)
        let operationSecurity = operation.security.map { requirement($0, keys: security.keys) }
        let differingSecurity = operationSecurity.flatMap { $0 == security.documentRequirement ? nil : $0 }
        let path = pathComponents(operation.path, parameters: pathParameters)

        let plainName = responses.result.map { _ in functionNames.claim(SwiftName.member(baseName)) }
        let streamName = responses.stream.map { _ in
            plainName.map { functionNames.claim(SwiftName.unescaped($0) + "Stream") } ?? functionNames.claim(SwiftName.member(baseName))
        }
        let labels = arguments.map { SwiftName.unescaped($0.swift.name) + ":" }.joined() + "options:"
        let setsStreamField = body?.hasStreamField == true && streamName != nil

        var functions: [LoweredOperation] = []
        for (name, result, isStream) in [(plainName, responses.result, false), (streamName, responses.stream, true)] {
            guard let name, let result else { continue }
            var bodyDeclaration = body?.declaration
            var streamNote: String?
            if setsStreamField, case .json(let argument, let contentType, _)? = bodyDeclaration {
                bodyDeclaration = .json(argument: argument, contentType: contentType, streamField: isStream)
            }
            if isStream {
                streamNote = "Streams the response as server-sent events" + (setsStreamField ? "; the body's `stream` field is sent as `true`." : ".")
            } else if let streamName {
                streamNote = "For the response as server-sent events, call ``\(SwiftName.unescaped(streamName))(\(labels))``"
                    + (setsStreamField ? "; this function sends the body's `stream` field as `false`." : ".")
            }
            var docLines = operationDocLines(operation, arguments: arguments, result: result, note: streamNote)
            docLines += throwsDocLines(responses.errorCases)
            let declaration = OperationDeclaration(
                functionName: name,
                docLines: docLines,
                deprecated: operation.deprecated,
                httpMethod: operation.method.rawValue.uppercased(),
                path: path,
                parameters: arguments.map(\.swift),
                security: differingSecurity,
                accept: result.acceptContentType,
                requestItems: requestItems,
                body: bodyDeclaration,
                returnType: result.returnType,
                isStreaming: isStream,
                responseCases: result.cases + responses.errorCases,
                responseExamples: isStream ? [] : responses.examples,
                origin: SpecOrigin(key: operation.method.rawValue.uppercased() + " " + operation.path, location: operation.location),
                securityRequirement: operationSecurity ?? security.documentRequirement)
            functions.append(LoweredOperation(declaration: declaration, arguments: arguments, errorResponses: responses.errorResponses))
        }
        return functions
    }

    /// The summary, description, method and path, notes, parameters and result of a function's doc comment.
    private func operationDocLines(_ operation: Operation, arguments: [LoweredArgument], result: SuccessResult, note: String?) -> [String] {
        var docLines = SwiftLiteral.docComment(operation.summary ?? operation.operationID ?? "\(operation.method.rawValue.uppercased()) \(operation.path)")
        let description = SwiftLiteral.docComment(operation.description)
        if !description.isEmpty { docLines += ["///"] + description }
        docLines += ["///"] + SwiftLiteral.docComment("`\(operation.method.rawValue.uppercased()) \(operation.path)`")
        if let note {
            docLines += ["///"] + SwiftLiteral.wrappedDocComment(note)
        }
        for text in result.notes {
            docLines += ["///"] + SwiftLiteral.wrappedDocComment("- Note: " + text, continuation: "///   ")
        }
        docLines += ["///", "/// - Parameters:"]
        docLines += arguments.flatMap(\.swift.documentationLines)
        docLines += SwiftLiteral.parameterDoc("options", "Settings for this call that override the client's.")
        if result.returnType != .void {
            docLines += SwiftLiteral.docComment("- Returns: " + (SwiftLiteral.docLines(result.returns).first ?? "The decoded response body."))
        }
        return docLines
    }

    private func throwsDocLines(_ errorCases: [ResponseCase]) -> [String] {
        let thrown = errorCases.compactMap { errorCase -> String? in
            guard case .throwsStatusCase(let code) = errorCase.outcome else { return nil }
            return "``\(errorTypeName)/\(HTTPStatusName.caseName(for: code))(_:_:)``"
        }
        var throwsText = "- Throws: "
        if !thrown.isEmpty {
            throwsText += (thrown.count > 1 ? thrown.dropLast().joined(separator: ", ") + " or " + thrown.last! : thrown[0])
                + " for a documented error response, "
        }
        throwsText += "``\(errorTypeName)/apiError(_:body:)`` for any other status, or another ``\(errorTypeName)`` if no valid response arrived."
        return SwiftLiteral.wrappedDocComment(throwsText, continuation: "///   ")
    }

    /// The path item's parameters with the operation's, which replace any of the same name and location; each with
    /// the reference it is given by, if any.
    private func mergedParameters(_ operation: Operation, pathItem: PathItem) -> [(parameter: Parameter, reference: Reference?)] {
        func resolved(_ items: [Referenceable<Parameter>]) -> [(parameter: Parameter, reference: Reference?)] {
            items.compactMap { item in index.parameter(item).map { ($0, Self.reference(of: item)) } }
        }
        let own = resolved(operation.parameters)
        let shared = resolved(pathItem.parameters).filter { shared in
            !own.contains { $0.parameter.name == shared.parameter.name && $0.parameter.location == shared.parameter.location }
        }
        return shared + own
    }

    /// The path's text with its parameters' arguments in place of their `{name}`s; a name that is no parameter
    /// stays as it is written.
    private func pathComponents(_ path: String, parameters: [LoweredParameter]) -> [InterpolatedText] {
        InterpolatedText.components(of: path) { name in
            parameters.first { $0.spec.name == name }.flatMap { parameter in
                parameter.pathEncoding.map { (parameter.argument.swift.name, $0) }
            }
        }
    }

    package static func isJSON(_ contentType: String) -> Bool {
        let type = contentType.lowercased()
        return type.hasPrefix("application/json") || type.hasSuffix("+json") || type.contains("+json;") || type == "*/*"
    }
}
