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
    package mutating func lowerOperation(_ operation: Operation, pathItem: PathItem, functionNames: inout MemberNames) -> [OperationDeclaration] {
        let operationIDName = operation.operationID ?? "\(operation.method.rawValue) \(operation.path)"
        let typePrefix = SwiftName.type(operationIDName)
        // Speakeasy's method name replaces the operationId's; types keep names from the operationId.
        let baseName = SpeakeasyExtension.string(SpeakeasyExtension.nameOverride, in: operation.extensions, diagnostics: &diagnostics)
            ?? operation.operationID.flatMap(methodNameOverrides.name(for:))
            ?? operationIDName
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
        let flatArguments = pathParameters.map(\.argument) + (body?.arguments ?? []) + otherParameters.map(\.argument)
        let requestStruct = requestStruct(operation, typePrefix: typePrefix, arguments: flatArguments,
                                          inputCount: pathParameters.count + otherParameters.count + (body == nil ? 0 : 1),
                                          isMultipart: body?.declaration.isMultipart == true)
        let arguments = requestStruct.map { [$0.argument] } ?? flatArguments
        let locations: [ParameterLocation] = [.query, .header, .cookie]
        let requestItems = locations.flatMap { location in otherParameters.filter { $0.spec.location == location }.compactMap(\.item) }
        let responses = lowerResponses(operation, typePrefix: typePrefix, operationName: operationName)
        let operationSecurity = operation.security.map { requirement($0, keys: security.keys) }
        let differingSecurity = operationSecurity.flatMap { $0 == security.documentRequirement ? nil : $0 }
        let path = pathComponents(operation.path, parameters: pathParameters)
        let retries = lowerOperationRetryPolicy(operation, documentPolicy: documentRetryPolicy)

        let plainName = responses.result.map { _ in functionNames.claim(SwiftName.member(baseName)) }
        let streamName = responses.stream.map { _ in
            plainName.map { functionNames.claim(SwiftName.unescaped($0) + "Stream") } ?? functionNames.claim(SwiftName.member(baseName))
        }
        let labels = arguments.map { SwiftName.unescaped($0.name) + ":" }.joined() + "options:"
        let streamField = streamName == nil ? nil : body?.streamFieldName

        var functions: [OperationDeclaration] = []
        for (name, result, isStream) in [(plainName, responses.result, false), (streamName, responses.stream, true)] {
            guard let name, let result else { continue }
            var bodyDeclaration = body?.declaration
            var streamNote: String?
            if let streamField, case .json(let argument, let contentType, _)? = bodyDeclaration {
                bodyDeclaration = .json(argument: argument, contentType: contentType, streamField: StreamField(name: streamField, value: isStream))
            }
            if isStream {
                streamNote = "Streams the response as server-sent events" + (streamField.map { "; the body's `\($0)` field is sent as `true`." } ?? ".")
            } else if let streamName {
                streamNote = "For the response as server-sent events, call ``\(SwiftName.unescaped(streamName))(\(labels))``"
                    + (streamField.map { "; this function sends the body's `\($0)` field as `false`." } ?? ".")
            }
            functions.append(OperationDeclaration(
                functionName: name,
                operationID: operation.operationID,
                summary: operation.summary,
                description: operation.description,
                documentation: documentation(of: operation, arguments: arguments, result: result, note: streamNote,
                                             retries: retries, responseCases: result.cases + responses.errorCases),
                deprecated: operation.deprecated,
                deprecationMessage: operation.deprecated ? SpeakeasyExtension.string(SpeakeasyExtension.deprecationMessage, in: operation.extensions, diagnostics: &diagnostics) : nil,
                httpMethod: operation.method.rawValue.uppercased(),
                path: path,
                pathTemplate: operation.path,
                parameters: arguments,
                requestStruct: requestStruct?.declaration,
                security: differingSecurity,
                accept: result.acceptContentType,
                requestItems: requestItems,
                body: bodyDeclaration,
                returnType: result.returnType,
                isStreaming: isStream,
                responseCases: Self.switchOrder(result.cases + responses.errorCases),
                errorResponses: responses.errorResponses,
                retries: retries,
                responseExamples: isStream ? [] : responses.examples,
                origin: SpecOrigin(key: operation.method.rawValue.uppercased() + " " + operation.path, location: operation.location),
                securityRequirement: operationSecurity ?? security.documentRequirement))
        }
        return functions
    }

    /// The summary, description, method and path, notes, own retry policy, parameters, result and errors of a function.
    private func documentation(of operation: Operation, arguments: [OperationParameter], result: SuccessResult, note: String?,
                               retries: RetryPolicy?, responseCases: [ResponseCase]) -> Documentation {
        let methodAndPath = "\(operation.method.rawValue.uppercased()) \(operation.path)"
        var documentation: Documentation = [
            .text(operation.summary ?? operation.operationID ?? methodAndPath), .text(operation.description ?? ""), .text("`\(methodAndPath)`"),
        ]
        if let note {
            documentation.blocks.append(.sentences(note))
        }
        if let retries {
            documentation.blocks.append(.sentences(retries.summary + " A policy given to the client or the call replaces it."))
        }
        documentation.blocks += result.notes.map { .listItem("- Note: " + $0) }
        let parameters = arguments.map { Documentation.Parameter($0.name, $0.documentation) }
            + [Documentation.Parameter("options", "Settings for this call that override the client's.")]
        let returns = result.returnType == .void ? nil : SpecText.lines(result.returns).first ?? "The decoded response body."
        documentation.blocks.append(.parameters(parameters, returns: returns, throws: throwsText(responseCases)))
        return documentation
    }

    /// What a function throws: its documented error cases (statuses, then ranges, then `default`), then the others.
    private func throwsText(_ responseCases: [ResponseCase]) -> String {
        let thrown = Self.switchOrder(responseCases).compactMap { responseCase -> String? in
            guard case .throwsStatusCase(let status) = responseCase.outcome else { return nil }
            return "``\(errorTypeName)/\(HTTPStatusName.caseName(for: status))(_:_:)``"
        }
        var parts: [String] = []
        if !thrown.isEmpty {
            parts.append((thrown.count > 1 ? thrown.dropLast().joined(separator: ", ") + " or " + thrown.last! : thrown[0])
                + " for a documented error response")
        }
        let apiError = "``\(errorTypeName)/apiError(_:body:)``"
        if !responseCases.contains(where: { $0.statuses == .default }) {
            parts.append(apiError + " for any other status")
        } else if !thrown.isEmpty {
            parts.append(apiError + " for an error body that does not decode as documented")
        }
        let other = "``\(errorTypeName)`` if no valid response arrived."
        return parts.isEmpty ? "A " + other : parts.joined(separator: ", ") + ", or another " + other
    }

    /// The path item's parameters with the operation's, which replace any of the same name and location; each with
    /// the reference it is given by, if any. Those marked `x-speakeasy-ignore: true` are left out.
    private mutating func mergedParameters(_ operation: Operation, pathItem: PathItem) -> [(parameter: Parameter, reference: Reference?)] {
        func resolved(_ items: [Referenceable<Parameter>]) -> [(parameter: Parameter, reference: Reference?)] {
            items.compactMap { item in
                guard let parameter = index.parameter(item),
                      !SpeakeasyExtension.isIgnored(parameter.extensions, diagnostics: &diagnostics) else { return nil }
                return (parameter, Self.reference(of: item))
            }
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
                parameter.pathEncoding.map { (parameter.argument.name, $0) }
            }
        }
    }

    package static func isJSON(_ contentType: String) -> Bool {
        let type = contentType.lowercased()
        return type.hasPrefix("application/json") || type.hasSuffix("+json") || type.contains("+json;") || type == "*/*"
    }
}
