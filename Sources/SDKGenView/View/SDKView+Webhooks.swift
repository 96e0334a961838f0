import SDKGenBase
import SDKGenModel
import SDKGenMustache

/// The enum of webhooks and callbacks as `webhook.mustache` sees it.
extension SDKView {
    package func webhooks(_ webhooks: WebhookDeclaration) -> TemplateObject {
        [
            "access": .text(SwiftSource.accessPrefix(webhooks.access)),
            "typeName": .text(webhooks.typeName),
            "docLines": .documentation(webhooks.documentation),
            "events": .list(webhooks.events, webhookEvent),
            "eventNamesLiteral": .text(SwiftSource.stringsLiteral(webhooks.events.map(\.eventName))),
        ]
    }

    private func webhookEvent(_ event: WebhookEvent) -> TemplateObject {
        let value: String? = event.payload.map { payload in
            let read = switch payload.reading {
            case .json(let type): "try json(\(type).self, event: event, body: body)"
            case .text: "try text(event: event, body: body)"
            default: "body"
            }
            return payload.type.isOptional && read != "body" ? "body.isEmpty ? nil : \(read)" : read
        }
        return [
            "origin": .object(origin(event.origin)),
            "caseName": .text(event.caseName),
            "docLines": .documentation(event.documentation),
            "eventNameLiteral": .text(SwiftLiteral.string(event.eventName)),
            // `(Invoice)` after the case's name, or nothing for an event without a body.
            "payloadClause": .text(event.payload.map { "(\($0.type))" } ?? ""),
            "mediaTypeLiteral": .text(event.payload.map { SwiftLiteral.string($0.mediaType) }),
            // The case with its payload read from `body`: `.invoicePaid(try json(Invoice.self, event: event, body: body))`.
            "valueExpression": .text("." + event.caseName + (value.map { "(\($0))" } ?? "")),
        ]
    }
}
