import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// Lowers an operation's responses: what its function returns for each success status, which error it throws for
/// each documented error status, `4XX` or `5XX` range and `default`, and, when a success is a `text/event-stream`,
/// the events it streams. A `default` is an error unless the operation documents no 2XX status; then it is the
/// result.
///
/// The first 2XX response with content decides the result: JSON decodes as the schema's type, `text/*` is a
/// `String`, anything else is the raw `Data`; with no content anywhere the function returns nothing. Of several
/// media types, the plain function asks (`Accept`) for JSON, else text, else the first; each other media type gets
/// a function of its own asking for it and returning its type (`getReportCSV`), but a further JSON one with the same
/// schema. Another 2XX
/// without content makes the result optional (`nil` for it); one with other content is decoded the same way, as
/// its documentation notes. 1XX and 3XX statuses are left to the `default` branch (one note for the document).
extension SDKLowering {
    package struct LoweredResponses {
        /// The result of the function that reads the whole response; `nil` when the operation only streams.
        package var result: SuccessResult?
        /// The result of the function that streams events, when a success is an event stream.
        package var stream: SuccessResult?
        /// The results of the functions asking for the first success's other media types, each with what its
        /// function adds to the operation's name (`CSV`, `Text`).
        package var alternatives: [(nameSuffix: String, result: SuccessResult)] = []
        package var errorCases: [ResponseCase] = []
        package var errorResponses: [ErrorResponse] = []
        package var examples: [BodyExample] = []
    }

    /// A success status of an operation, with its response.
    package typealias Success = (status: ResponseStatus, pattern: StatusPattern, response: Response?, reference: Reference?)

    package struct SuccessResult {
        package var returnType: SwiftType
        package var acceptContentType: String?
        package var cases: [ResponseCase]
        /// The `- Returns:` text.
        package var returns: String?
        /// Doc comment notes about statuses the result does not describe exactly.
        package var notes: [String] = []
    }

    package mutating func lowerResponses(_ operation: Operation, typePrefix: String, operationName: String) -> LoweredResponses {
        var lowered = LoweredResponses()
        var successes: [Success] = []
        var rangeSuccesses: [Success] = []
        let documentsSuccess = operation.responses.contains { entry in
            switch entry.status {
            case .code(let code): (200..<300).contains(code)
            case .range(let digit): digit == 2
            case .default: false
            }
        }
        var defaultSuccess: Success?
        for entry in operation.responses {
            let response = index.response(entry.response)
            if response == nil {
                diagnostics.warning("cannot resolve this response; the status is handled as undocumented", at: entry.location)
            }
            switch entry.status {
            case .code(let code) where (200..<300).contains(code):
                successes.append((entry.status, .code(code), response, Self.reference(of: entry.response)))
            case .range(2):
                rangeSuccesses.append((entry.status, .range(200...299), response, Self.reference(of: entry.response)))
            case .default where !documentsSuccess:
                defaultSuccess = (entry.status, .default, response, Self.reference(of: entry.response))
            case .code(let code) where code >= 400:
                lowerErrorResponse(entry, .code(code), response: response, operationName: operationName, into: &lowered)
            case .range(let digit) where digit >= 4:
                lowerErrorResponse(entry, .range(digit * 100...digit * 100 + 99), response: response, operationName: operationName,
                                   into: &lowered)
            case .default:
                lowerErrorResponse(entry, .default, response: response, operationName: operationName, into: &lowered)
            case .code(let code):
                unhandledStatuses.append((code, operationName, entry.location))
            case .range:
                continue
            }
        }
        successes += rangeSuccesses
        if let defaultSuccess {
            successes.append(defaultSuccess)
        }

        guard let first = successes.first(where: { !($0.response?.content.isEmpty ?? true) }), let response = first.response else {
            let cases = successes.map { ResponseCase(statuses: $0.pattern, outcome: .returnsNothing) }
            lowered.result = SuccessResult(returnType: .void, acceptContentType: nil, cases: cases, returns: nil)
            return lowered
        }
        let eventStream = response.content.first { Self.bareMediaType($0.contentType) == "text/event-stream" }
        let others = response.content.filter { Self.bareMediaType($0.contentType) != "text/event-stream" }
        if let eventStream {
            lowered.stream = streamResult(eventStream, status: first.pattern, reference: first.reference, typePrefix: typePrefix)
        }
        let media = others.first { Self.isJSON($0.contentType) }
            ?? others.first { Self.bareMediaType($0.contentType).hasPrefix("text/") } ?? others.first
        guard let media else { return lowered }
        lowered.result = successResult(media, successes: successes, first: first, response: response, typePrefix: typePrefix,
                                       operationName: operationName, examples: &lowered.examples)
        if bodyKindOfResponse(media) == .binary, eventStream == nil {
            lowered.stream = SuccessResult(
                returnType: .byteStream, acceptContentType: media.contentType,
                cases: [ResponseCase(statuses: first.pattern, outcome: .returns(.byteStream))],
                returns: "The body, chunk by chunk as it arrives.")
        }
        var suffixes: Set<String> = []
        for alternative in others where Self.bareMediaType(alternative.contentType) != Self.bareMediaType(media.contentType) {
            // Another JSON media type of the same schema (ASP.NET's `text/json` beside `application/json`) would be the
            // same function again.
            if bodyKindOfResponse(alternative) == .json, bodyKindOfResponse(media) == .json, Self.haveSameSchema(alternative, media) {
                continue
            }
            var suffix = Self.mediaTypeSuffix(alternative.contentType)
            let base = suffix
            var counter = 2
            while suffixes.contains(suffix) {
                suffix = base + String(counter)
                counter += 1
            }
            suffixes.insert(suffix)
            var ignoredExamples: [BodyExample] = []
            let result = successResult(alternative, successes: successes, first: first, response: response, typePrefix: typePrefix + suffix,
                                       operationName: operationName, examples: &ignoredExamples)
            lowered.alternatives.append((suffix, result))
        }
        return lowered
    }

    /// The result of the function asking for `media`: each success status read as `media` says, from the media
    /// type of the same name where the status offers it, else from its JSON or first one.
    private mutating func successResult(_ media: MediaType, successes: [Success], first: Success, response: Response, typePrefix: String,
                                        operationName: String, examples: inout [BodyExample]) -> SuccessResult {
        let (type, reading) = resultValue(media, reference: first.reference, typePrefix: typePrefix)
        var result = SuccessResult(returnType: type, acceptContentType: media.contentType, cases: [], returns: response.description)
        var optionalStatuses: [String] = []
        for success in successes {
            let content = success.response?.content.filter { Self.bareMediaType($0.contentType) != "text/event-stream" } ?? []
            guard let other = content.first(where: { Self.bareMediaType($0.contentType) == Self.bareMediaType(media.contentType) })
                ?? content.first(where: { Self.isJSON($0.contentType) }) ?? content.first else {
                if success.response?.content.isEmpty ?? true {
                    optionalStatuses.append(success.status.text)
                    result.cases.append(ResponseCase(statuses: success.pattern, outcome: .returnsNil))
                }
                continue
            }
            let sameSchema = other.schema?.reference?.target == media.schema?.reference?.target
            if success.pattern != first.pattern, !sameSchema || bodyKindOfResponse(other) != bodyKindOfResponse(media) {
                let documented = other.schema?.reference?.componentName(in: "schemas").map { "`\($0)`" } ?? "another schema"
                result.notes.append("A \(success.status.text) response, documented as \(documented), is read as `\(type)` too.")
            }
            result.cases.append(ResponseCase(statuses: success.pattern, outcome: .returns(reading)))
            if bodyKindOfResponse(other) == .json, bodyKindOfResponse(media) == .json, sameSchema {
                examples += self.examples(of: other, type: type, label: "\(operationName) \(success.status.text)")
            }
        }
        if !optionalStatuses.isEmpty {
            result.returnType = result.returnType.optional
            let returns = result.returns.flatMap { SpecText.lines($0).first } ?? "The response body"
            result.returns = (returns.hasSuffix(".") ? String(returns.dropLast()) : returns)
                + ", or `nil` for a \(Self.list(optionalStatuses).replacingOccurrences(of: " and ", with: " or ")) response."
        }
        return result
    }

    /// Lowers a documented error response: the operation throws the error enum's case for its status, range or
    /// `default`, carrying its JSON body decoded.
    private mutating func lowerErrorResponse(_ entry: ResponseEntry, _ status: StatusPattern, response: Response?, operationName: String,
                                             into lowered: inout LoweredResponses) {
        let media = response?.content.first { Self.isJSON($0.contentType) && $0.schema != nil }
        let body = media.flatMap { media in
            media.schema.map { schema in
                (type: swiftType(for: schema, in: Self.reference(of: entry.response), part: media.contentType,
                                 suggestedName: HTTPStatusName.caseName(for: status)),
                 schema: schema)
            }
        }
        recordErrorStatus(status, body: body, description: response?.description, operation: operationName, at: entry.location)
        if let media, let body {
            lowered.examples += examples(of: media, type: body.type, label: "\(operationName) \(status.text)")
        }
        lowered.errorCases.append(ResponseCase(statuses: status, outcome: .throwsStatusCase(status, documentedBody: body?.type)))
        // Of several media types, the JSON one the case decodes.
        lowered.errorResponses.append(ErrorResponse(status: status, contentType: media?.contentType ?? response?.content.first?.contentType ?? "*/*"))
    }

    /// The cases in the order a status `switch` tests them: codes, then ranges, then `default`, each kind in the
    /// order given.
    package static func switchOrder(_ cases: [ResponseCase]) -> [ResponseCase] {
        func kind(_ pattern: StatusPattern) -> Int {
            switch pattern {
            case .code: 0
            case .range: 1
            case .default: 2
            }
        }
        return (0...2).flatMap { wanted in cases.filter { kind($0.statuses) == wanted } }
    }

    /// The JSON examples of a media type: its `example`, its `examples`, or else its schema's `example`.
    func examples(of media: MediaType, type: SwiftType, label: String) -> [BodyExample] {
        var found: [(name: String?, value: YAMLNode)] = media.example.map { [(nil, $0)] } ?? []
        for entry in media.examples {
            if let value = index.example(entry.value)?.value { found.append((entry.name, value)) }
        }
        if found.isEmpty, let schema = media.schema, let value = schema.example ?? resolved(schema).example {
            found.append((nil, value))
        }
        return found.map { example in
            BodyExample(label: example.name.map { "\(label) \($0)" } ?? label, swiftType: type, value: example.value)
        }
    }

    /// The returned type of a success response's content, and how it is read from the response.
    private mutating func resultValue(_ media: MediaType, reference: Reference?, typePrefix: String) -> (type: SwiftType, reading: ResponseReading) {
        switch bodyKindOfResponse(media) {
        case .json:
            let type = media.schema.map {
                swiftType(for: $0, in: reference, part: media.contentType, suggestedName: typePrefix + "Response")
            } ?? .jsonValue
            return (type, .json(type))
        case .text:
            return (.string, .text)
        default:
            return (.data, .data)
        }
    }

    private func bodyKindOfResponse(_ media: MediaType) -> BodyKind {
        let type = Self.bareMediaType(media.contentType)
        if type == "*/*" { return media.schema.map { isJSONValue($0) } == true ? .json : .binary }
        if Self.isJSON(type) { return .json }
        return type.hasPrefix("text/") ? .text : .binary
    }

    /// The streaming function's result: `ServerSentEvents` of each event's data.
    ///
    /// A schema that describes the whole event, an object with a `data` property and no others but `event`, `id`
    /// and `retry` (as Speakeasy-style documents write it), streams its `data` property's type.
    private mutating func streamResult(_ media: MediaType, status: StatusPattern, reference: Reference?, typePrefix: String) -> SuccessResult {
        var elementType = SwiftType.string
        if let schema = media.schema {
            let object = resolved(schema)
            let names = Set(object.properties.map(\.name))
            if names.contains("data"), names.isSubset(of: ["data", "event", "id", "retry"]),
               let data = object.properties.first(where: { $0.name == "data" })?.value {
                let envelopeType = schema.reference == nil ? nil : types.swiftType(for: schema, suggestedName: "").declarationName
                elementType = envelopeType.flatMap { declaredPropertyType($0, wireName: "data") }
                    ?? swiftType(for: data, in: reference, part: media.contentType, suggestedName: typePrefix + "Event")
            } else {
                elementType = swiftType(for: schema, in: reference, part: media.contentType, suggestedName: typePrefix + "Event")
            }
        }
        let sentinel = SpeakeasyExtension.string(SpeakeasyExtension.sseSentinel, in: media.extensions, diagnostics: &diagnostics) ?? "[DONE]"
        let reading = elementType == .string ? ResponseReading.textEvents(sentinel: sentinel) : .events(elementType, sentinel: sentinel)
        let returns = elementType == .string
            ? "The events' data as it arrives."
            : "The events as they arrive, each one's data decoded as `\(elementType)`."
        return SuccessResult(
            returnType: .eventStream(elementType), acceptContentType: "text/event-stream",
            cases: [ResponseCase(statuses: status, outcome: .returns(reading))],
            returns: returns)
    }
}
