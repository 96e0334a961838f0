import FeaturesSDK
import Foundation
import Testing

@Suite("Webhooks and callbacks")
struct WebhookTests {
    static let json = ["Content-Type": "application/json; charset=utf-8"]

    @Test("each declared webhook and callback decodes from the request's event name, headers and body")
    func decodesEachEvent() throws {
        let paid = try FeaturesSDKWebhook.decode(event: "invoicePaid", headers: Self.json,
                                                 body: Data(#"{"id":"inv-1","customer":"Ada","total":42}"#.utf8))
        guard case .invoicePaid(let invoice) = paid else {
            Issue.record("expected .invoicePaid, got \(paid)")
            return
        }
        #expect(invoice == Invoice(id: "inv-1", customer: "Ada", total: 42))

        let voided = try FeaturesSDKWebhook.decode(event: "invoiceVoided", headers: ["content-type": "application/json"],
                                                   body: Data(#"{"id":"inv-2","reason":"duplicate"}"#.utf8))
        guard case .invoiceVoided(let payload) = voided else {
            Issue.record("expected .invoiceVoided, got \(voided)")
            return
        }
        #expect(payload == InvoiceVoidedPayload(id: "inv-2", reason: "duplicate"))

        let line = try FeaturesSDKWebhook.decode(event: "auditLine", headers: ["Content-Type": "text/plain"], body: Data("Grüße".utf8))
        guard case .auditLine(let text) = line else {
            Issue.record("expected .auditLine, got \(line)")
            return
        }
        #expect(text == "Grüße")

        let ping = try FeaturesSDKWebhook.decode(event: "ping", headers: [:], body: Data())
        guard case .ping = ping else {
            Issue.record("expected .ping, got \(ping)")
            return
        }

        // The callback createInvoice declares, by its name; without a Content-Type the body is read as documented.
        let status = try FeaturesSDKWebhook.decode(event: "invoiceStatus", headers: [:], body: Data(#"{"id":"inv-1","status":"sent"}"#.utf8))
        guard case .invoiceStatus(let invoiceStatus) = status else {
            Issue.record("expected .invoiceStatus, got \(status)")
            return
        }
        #expect(invoiceStatus == InvoiceStatus(id: "inv-1", status: "sent"))
        #expect(FeaturesSDKWebhook.eventNames == ["invoicePaid", "invoiceVoided", "auditLine", "ping", "invoiceStatus"])
    }

    @Test("an unknown event, another media type and a body that does not decode are each their own failure")
    func refusesWhatIsNotDeclared() {
        #expect {
            try FeaturesSDKWebhook.decode(event: "invoiceDeleted", headers: Self.json, body: Data("{}".utf8))
        } throws: { error in
            guard case FeaturesSDKWebhook.DecodingFailure.unknownEvent("invoiceDeleted") = error else { return false }
            return true
        }
        #expect {
            try FeaturesSDKWebhook.decode(event: "invoicePaid", headers: ["Content-Type": "application/xml"], body: Data("<invoice/>".utf8))
        } throws: { error in
            guard case FeaturesSDKWebhook.DecodingFailure.unexpectedContentType("application/xml", event: "invoicePaid") = error else { return false }
            return true
        }
        let body = Data(#"{"id":"inv-1"}"#.utf8)
        #expect {
            try FeaturesSDKWebhook.decode(event: "invoicePaid", headers: Self.json, body: body)
        } throws: { error in
            guard case FeaturesSDKWebhook.DecodingFailure.invalidBody(let underlying, event: "invoicePaid", body: let kept) = error else {
                return false
            }
            return underlying is DecodingError && kept == body
        }
    }
}
