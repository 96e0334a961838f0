import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// Lowers the requests the API sends to its users, the 3.1 `webhooks` and the operations' `callbacks`, into one
/// enum with a case per event carrying its decoded payload, and a `decode(event:headers:body:)` that a server
/// receiving them calls with the request's parts.
///
/// An event is named by its key: the webhook's name, or the callback's (several operations often declare the same
/// callback; it is one event). A JSON body decodes as its schema's type (an inline schema is named after the event,
/// `InvoiceVoidedPayload`), a `text/*` one is a `String`, any other media type the raw `Data`. A form or multipart
/// body is kept as `Data` too, since the runtime only writes those, and a body offered in several media types is
/// decoded as the first of JSON, form, multipart, binary, text; each of those gets a warning where the spec
/// declares it. Only the first operation of a webhook's or callback's path item is an event (a second method is
/// warned about), and a later event of an existing name with another payload is left out with a warning.
extension SDKLowering {
    /// The enum of the document's webhooks and callbacks; `nil` when it declares none.
    package mutating func lowerWebhooks() -> WebhookDeclaration? {
        var events: [WebhookEvent] = []
        var caseNames = MemberNames(reserving: ["eventNames", "decode", "DecodingFailure"])
        func add(_ name: String, _ pathItems: [PathItem], what: String, note: String) {
            var first = true
            for pathItem in pathItems {
                for operation in pathItem.operations {
                    guard first else {
                        diagnostics.warning("\(what) also declares \(operation.method.rawValue.uppercased()) \(pathItem.path); only its first operation is decoded as the event '\(name)'", at: operation.location)
                        continue
                    }
                    first = false
                    let payload = webhookPayload(operation, eventName: name, what: what)
                    if let existing = events.first(where: { $0.eventName == name }) {
                        if existing.payload != payload {
                            diagnostics.warning("\(what) has another payload than the earlier event of the same name; `decode(event:headers:body:)` reads '\(name)' as the first one", at: operation.location)
                        }
                        continue
                    }
                    let methodAndName = "`\(operation.method.rawValue.uppercased())` \(note)"
                    events.append(WebhookEvent(
                        caseName: caseNames.claim(SwiftName.member(name)),
                        eventName: name,
                        payload: payload,
                        documentation: Documentation([.text(operation.summary ?? operation.operationID ?? name), .text(operation.description ?? ""),
                                                      .sentences(methodAndName)] + (operation.deprecated ? [.deprecated] : [])),
                        origin: SpecOrigin(key: "event \(name)", location: operation.location)))
                }
            }
        }
        for webhook in document.webhooks {
            add(webhook.name, [webhook.value], what: "webhook '\(webhook.name)'", note: "webhook `\(webhook.name)`.")
        }
        for operation in document.operations {
            let operationName = operation.operationID ?? "\(operation.method.rawValue.uppercased()) \(operation.path)"
            for callback in operation.callbacks {
                let urls = callback.value.map { "`\($0.path)`" }.joined(separator: " or ")
                add(callback.name, callback.value, what: "callback '\(callback.name)' of \(operationName)",
                    note: "callback `\(callback.name)` of `\(operationName)`, sent to \(urls).")
            }
        }
        guard !events.isEmpty else { return nil }
        return WebhookDeclaration(
            access: options.access,
            typeName: webhookTypeName,
            documentation: [.text("The requests the \(document.info.title) sends: its webhooks and callbacks, one case per event with its payload."),
                            .sentences("A server receiving one passes the event's name, the request's headers and its body to ``decode(event:headers:body:)``.")],
            events: events)
    }

    /// What an event's request body decodes as; `nil` for an event without a body.
    private mutating func webhookPayload(_ operation: Operation, eventName: String, what: String) -> WebhookPayload? {
        guard let item = operation.requestBody else { return nil }
        guard let body = index.requestBody(item) else {
            if case .reference(let reference) = item {
                diagnostics.warning("cannot resolve request body '\(reference.target)'; \(what) is decoded without a payload", at: reference.location)
            }
            return nil
        }
        guard let media = body.content.min(by: { bodyKind($0) < bodyKind($1) }) else { return nil }
        let kind = bodyKind(media)
        let others = body.content.filter { bodyKind($0) != kind }.map(\.contentType)
        if !others.isEmpty {
            diagnostics.warning("the body of \(what) can also be \(others.joined(separator: ", ")); it is decoded as \(media.contentType) only", at: media.location)
        }
        let type: SwiftType
        switch kind {
        case .json:
            type = media.schema.map {
                swiftType(for: $0, in: Self.reference(of: item), part: media.contentType, suggestedName: SwiftName.type(eventName) + "Payload")
            } ?? .jsonValue
        case .form, .multipart:
            diagnostics.warning("the \(media.contentType) body of \(what) is not decoded: its case carries the raw bytes", at: media.location)
            type = .data
        case .text:
            type = .string
        case .binary:
            type = .data
        }
        return WebhookPayload(type: body.required ? type : type.optional, reading: kind == .json ? .json(type) : kind == .text ? .text : .data,
                              mediaType: Self.bareMediaType(media.contentType))
    }
}
