import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// Lowers one operation into its functions: the signature, how each builds the request, and what each status becomes.
///
/// An operation gets one function, and a second one streaming server-sent events when a success response offers
/// `text/event-stream` besides another media type: `sendChatCompletionRequest(body:)` returns the decoded JSON,
/// `sendChatCompletionRequestStream(body:)` returns `ServerSentEvents`. An operation whose success is only an event
/// stream has just the streaming function, under the plain name. Each other media type of the success response
/// adds a function asking for it (`getReportCSV`), and each other media type of the request body repeats them all
/// sending it (`createPetForm`, `createPetFormStream`): every media type the spec documents is reachable, and an
/// operation with one of each has one function, as before. An operation whose success is binary gets a streaming
/// function too, `downloadStream()`, returning the body as a `ByteStream` as it arrives, to read or write to a file.
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
        let securityArgument = ownSecurityArgument(operation, names: &argumentNames)
        let merged = mergedParameters(operation, pathItem: pathItem)
        let pathParameters = merged.filter { $0.parameter.location == .path }.compactMap {
            lowerParameter($0.parameter, reference: $0.reference, typePrefix: typePrefix, names: &argumentNames)
        }
        let bodies = lowerRequestBodies(operation, typePrefix: typePrefix, isOnlyInput: merged.isEmpty, names: &argumentNames)
        let otherParameters = merged.filter { $0.parameter.location != .path }.compactMap {
            lowerParameter($0.parameter, reference: $0.reference, typePrefix: typePrefix, names: &argumentNames)
        }
        let locations: [ParameterLocation] = [.query, .header, .cookie]
        let requestItems = locations.flatMap { location in otherParameters.filter { $0.spec.location == location }.compactMap(\.item) }
        let responses = lowerResponses(operation, typePrefix: typePrefix, operationName: operationName)
        let operationSecurity = operation.security.map { requirement($0, keys: security.keys) }
        let differingSecurity = operationSecurity.flatMap { $0 == security.documentRequirement ? nil : $0 }
        let path = pathComponents(operation.path, parameters: pathParameters)
        let retries = lowerOperationRetryPolicy(operation, documentPolicy: documentRetryPolicy)

        // The response's functions: the plain one, the streaming one, one per other media type.
        var readings: [ResponseFunction] = []
        if let result = responses.result {
            readings.append(ResponseFunction(nameSuffix: "", result: result, isStream: false))
        }
        if let stream = responses.stream {
            readings.append(ResponseFunction(nameSuffix: responses.result == nil ? "" : "Stream", result: stream, isStream: true))
        }
        readings += responses.alternatives.map { ResponseFunction(nameSuffix: $0.nameSuffix, result: $0.result, isStream: false) }
        // A function per body media type and response function, all names claimed before any note refers to one.
        let bodyVariants: [LoweredBody?] = bodies.isEmpty ? [nil] : bodies
        let names = bodyVariants.map { body in
            readings.map { reading in
                let suffix = (body?.nameSuffix ?? "") + reading.nameSuffix
                // The suffix is appended as it is, so that `CSV` keeps its capitals.
                return functionNames.claim(suffix.isEmpty ? SwiftName.member(baseName) : SwiftName.unescaped(SwiftName.member(baseName)) + suffix)
            }
        }
        let streamsBytes = responses.stream?.returnType == .byteStream
        let streamedAs = streamsBytes ? "the body as it arrives" : "the response as server-sent events"
        let deprecationMessage = operation.deprecated
            ? SpeakeasyExtension.string(SpeakeasyExtension.deprecationMessage, in: operation.extensions, diagnostics: &diagnostics) : nil

        let hasStreamFunction = readings.contains { $0.isStream && !$0.nameSuffix.isEmpty }
        var functions: [OperationDeclaration] = []
        // Each body variant's arguments: its own, or one request struct beyond `x-speakeasy-max-method-params`, named
        // after the variant's media type when it is not the first (`CreateFileMultipartRequest`).
        let variants = bodyVariants.map { body in
            let flatArguments = pathParameters.map(\.argument) + (body?.arguments ?? []) + otherParameters.map(\.argument)
            let requestStruct = requestStruct(operation, typePrefix: typePrefix + (body?.nameSuffix ?? ""), arguments: flatArguments,
                                              inputCount: pathParameters.count + otherParameters.count + (body == nil ? 0 : 1))
            let arguments = requestStruct.map { [$0.argument] } ?? flatArguments
            return (arguments: (securityArgument.map { [$0] } ?? []) + arguments, requestStruct: requestStruct)
        }
        func argumentLabels(_ arguments: [OperationParameter]) -> String {
            arguments.map { SwiftName.unescaped($0.name) + ":" }.joined() + "options:"
        }
        for (bodyIndex, body) in bodyVariants.enumerated() {
            let (arguments, requestStruct) = variants[bodyIndex]
            let labels = argumentLabels(arguments)
            let streamField = hasStreamFunction ? body?.streamFieldName : nil
            for (readingIndex, reading) in readings.enumerated() {
                let name = names[bodyIndex][readingIndex]
                func call(_ other: String, _ labels: String) -> String { "``\(SwiftName.unescaped(other))(\(labels))``" }
                // A function sending its body as `Data` has an `UploadBody` overload with the same labels: a link to it
                // names the body's type, which DocC would otherwise find ambiguous (`-(_,Data,_)`).
                func call(_ other: String, with arguments: [OperationParameter]) -> String {
                    guard arguments.contains(where: { $0.type.nonOptional == .data }) else {
                        return call(other, argumentLabels(arguments))
                    }
                    let types = arguments.map { $0.type.nonOptional == .data ? $0.type.description : "_" } + ["_"]
                    return "``\(SwiftName.unescaped(other))(\(argumentLabels(arguments)))-(\(types.joined(separator: ",")))``"
                }
                var bodyDeclaration = body?.declaration
                var notes: [String] = []
                if let streamField, case .json(let argument, let contentType, _)? = bodyDeclaration {
                    bodyDeclaration = .json(argument: argument, contentType: contentType,
                                            streamField: StreamField(name: streamField, value: reading.isStream))
                }
                if reading.isStream {
                    notes.append(streamsBytes
                        ? "Streams the body as it arrives, without holding it whole: iterate its chunks or write it to a file."
                        : "Streams the response as server-sent events" + (streamField.map { "; the body's `\($0)` field is sent as `true`." } ?? "."))
                } else if readingIndex == 0, let streamIndex = readings.firstIndex(where: \.isStream) {
                    notes.append("For \(streamedAs), call \(call(names[bodyIndex][streamIndex], labels))"
                        + (streamField.map { "; this function sends the body's `\($0)` field as `false`." } ?? "."))
                }
                if readingIndex == 0 {
                    for (index, other) in readings.enumerated() where !other.isStream && index > 0 {
                        notes.append("For the response as `\(other.result.acceptContentType ?? "")`, call \(call(names[bodyIndex][index], with: arguments)).")
                    }
                } else if !reading.isStream {
                    notes.append("Asks for the response as `\(reading.result.acceptContentType ?? "")`.")
                }
                if let body, bodies.count > 1 {
                    if bodyIndex == 0 {
                        let others = bodies.enumerated().dropFirst().map { index, other in
                            "as `\(other.mediaType)`, call \(call(names[index][readingIndex], with: variants[index].arguments))"
                        }
                        notes.append("Sends the body as `\(body.mediaType)`; to send it " + others.joined(separator: "; ") + ".")
                    } else {
                        notes.append("Sends the body as `\(body.mediaType)`.")
                    }
                }
                let result = reading.result
                let function = OperationDeclaration(
                    functionName: name,
                    operationID: operation.operationID,
                    summary: operation.summary,
                    description: operation.description,
                    documentation: documentation(of: operation, arguments: arguments, result: result,
                                                 note: notes.isEmpty ? nil : notes.joined(separator: " "),
                                                 retries: retries, responseCases: result.cases + responses.errorCases),
                    deprecated: operation.deprecated,
                    deprecationMessage: deprecationMessage,
                    httpMethod: operation.method.rawValue.uppercased(),
                    path: path,
                    pathTemplate: operation.path,
                    parameters: arguments,
                    requestStruct: requestStruct?.declaration,
                    security: differingSecurity,
                    callCredentials: securityArgument?.name,
                    accept: result.acceptContentType,
                    requestItems: requestItems,
                    body: bodyDeclaration,
                    returnType: result.returnType,
                    isStreaming: reading.isStream,
                    mediaVariant: Self.mediaVariant(body: bodyIndex > 0 ? body?.mediaType : nil,
                                                    accept: readingIndex > 0 && !reading.isStream ? result.acceptContentType : nil),
                    responseCases: Self.switchOrder(result.cases + responses.errorCases),
                    errorResponses: responses.errorResponses,
                    retries: retries,
                    // Each example once: the responses' on the plain function, a body's on its first function.
                    responseExamples: bodyIndex == 0 && readingIndex == 0 && !reading.isStream ? responses.examples : [],
                    requestExamples: readingIndex == 0 ? body?.examples ?? [] : [],
                    origin: SpecOrigin(key: operation.method.rawValue.uppercased() + " " + operation.path, location: operation.location),
                    securityRequirement: operationSecurity ?? security.documentRequirement)
                functions.append(function)
                if !reading.isStream, let upload = uploadFunction(function, of: operation, result: result, note: notes,
                                                                   retries: retries, responseCases: result.cases + responses.errorCases) {
                    functions.append(upload)
                }
            }
        }
        return functions
    }

    /// For a function sending a binary body as `Data`, its overload sending an `UploadBody` instead: the same
    /// function name and arguments, the body's type aside, so that a file or an asynchronous sequence of chunks is
    /// sent as it is read. None for a function taking a request struct, whose body is a stored property, or
    /// streaming its response, whose transport path takes no such body.
    private func uploadFunction(_ function: OperationDeclaration, of operation: Operation, result: SuccessResult, note: [String],
                                retries: RetryPolicy?, responseCases: [ResponseCase]) -> OperationDeclaration? {
        guard function.requestStruct == nil, case .raw(let argument, _)? = function.body,
              let index = function.parameters.firstIndex(where: { $0.name == argument }),
              function.parameters[index].type.nonOptional == .data else { return nil }
        var upload = function
        upload.parameters[index].type = .uploadBody
        upload.parameters[index].documentation = "The request body: bytes (`.data`), a file (`.file`) or an asynchronous sequence of chunks (`.stream`)."
        let notes = note + ["Sends a body from a file or a sequence as it is read, never holding it whole; a sequence is not sent again by a retry."]
        upload.documentation = documentation(of: operation, arguments: upload.parameters, result: result,
                                             note: notes.joined(separator: " "), retries: retries, responseCases: responseCases)
        upload.mediaVariant = (function.mediaVariant.map { $0 + " " } ?? "") + "upload"
        upload.responseExamples = []
        return upload
    }

    /// `body <media type> accept <media type>` for a function sending or asking for other than the plain
    /// function's media types, with only the parts that differ; `nil` for the plain (and streaming) function.
    private static func mediaVariant(body: String?, accept: String?) -> String? {
        let parts = [body.map { "body " + bareMediaType($0) }, accept.map { "accept " + bareMediaType($0) }].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// One of the functions reading an operation's response: the plain one, the streaming one, or one asking for
    /// another media type.
    private struct ResponseFunction {
        /// What it adds to the operation's name: nothing, `Stream`, `CSV`.
        var nameSuffix: String
        var result: SuccessResult
        var isStream: Bool
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
            guard case .throwsStatusCase(let status, _) = responseCase.outcome else { return nil }
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
        // The index as a local, read in a loop: a closure or nested function that writes `diagnostics` and reads
        // `self.index` copies the index each time.
        let index = index
        func resolved(_ items: [Referenceable<Parameter>]) -> [(parameter: Parameter, reference: Reference?)] {
            var parameters: [(parameter: Parameter, reference: Reference?)] = []
            for item in items {
                guard let parameter = index.parameter(item),
                      !SpeakeasyExtension.isIgnored(parameter.extensions, diagnostics: &diagnostics) else { continue }
                parameters.append((parameter, Self.reference(of: item)))
            }
            return parameters
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
        }.map { component in
            // The template's own text as a path holds it: a `#`, a `?` or a space is sent as written, not read as the
            // start of a fragment or query. A `%` is taken to be encoded already.
            guard case .text(let text) = component else { return component }
            return .text(InterpolatedText.percentEncodedPathText(text))
        }
    }

    /// Whether two media types have one schema, so that two functions for them would be the same: a schema written once
    /// for both (as Swagger's `produces` and `consumes` give it), one component, or none.
    package static func haveSameSchema(_ first: MediaType, _ second: MediaType) -> Bool {
        guard let reference = first.schema?.reference else { return first.schema?.location == second.schema?.location }
        return reference.target == second.schema?.reference?.target
    }

    /// Whether a media type is JSON: `application/json`, a `+json` suffix, or `text/json` (as ASP.NET's specs offer it
    /// beside `application/json`).
    package static func isJSON(_ contentType: String) -> Bool {
        let type = contentType.lowercased()
        return type.hasPrefix("application/json") || type.hasPrefix("text/json") || type.hasSuffix("+json") || type.contains("+json;")
            || type == "*/*"
    }
}
