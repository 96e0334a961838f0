import FeaturesSDK
import Foundation
import Testing

@Suite("Media types")
struct MediaTypeTests {
    static let invoice = #"{"id":"inv-1","customer":"Ada","total":42}"#

    /// Answers `GET /invoices/{id}` in the media type the `Accept` header asks for, and 406 for any other.
    static let negotiating: TestServer.Handler = { request in
        switch request.header("Accept") {
        case "application/json": .json(200, invoice)
        case "text/csv": .body(200, Data("id,customer,total\ninv-1,Ada,42\n".utf8), contentType: "text/csv")
        case "text/plain": .body(200, Data("Invoice inv-1 for Ada: 42".utf8), contentType: "text/plain; charset=utf-8")
        default: .empty(406)
        }
    }

    @Test("each response media type has its function, which asks for it with Accept and decodes it")
    func negotiatesEachResponseMediaType() async throws {
        try await TestServer.with(Self.negotiating) { server in
            let media = server.client().media
            let invoice = try await media.getInvoice(invoiceID: "inv-1")
            let csv = try await media.getInvoiceCSV(invoiceID: "inv-1")
            let text = try await media.getInvoiceText(invoiceID: "inv-1")
            #expect(invoice == Invoice(id: "inv-1", customer: "Ada", total: 42))
            #expect(csv == "id,customer,total\ninv-1,Ada,42\n")
            #expect(text == "Invoice inv-1 for Ada: 42")
            let requests = await server.requests
            #expect(requests.map { $0.header("Accept") } == ["application/json", "text/csv", "text/plain"])
            #expect(requests.allSatisfy { $0.path == "/v1/invoices/inv-1" })
        }
    }

    @Test("an error documented as JSON and text: a JSON body is the typed case, a text body is apiError with its text")
    func errorByContentType() async throws {
        let handler: TestServer.Handler = { request in
            request.header("Accept") == "application/json"
                ? .json(404, #"{"message":"no such invoice"}"#)
                : .body(404, Data("no such invoice".utf8), contentType: "text/plain")
        }
        try await TestServer.with(handler) { server in
            let media = server.client().media
            let typed = await featuresError { () async throws(FeaturesSDKError) in try await media.getInvoice(invoiceID: "x") }
            guard case .notFound(.problem(let problem), _)? = typed else {
                Issue.record("expected .notFound(.problem), got \(String(describing: typed))")
                return
            }
            #expect(problem.message == "no such invoice")
            let text = await featuresError { () async throws(FeaturesSDKError) in try await media.getInvoiceText(invoiceID: "x") }
            guard case .apiError(let metadata, let body)? = text else {
                Issue.record("expected .apiError, got \(String(describing: text))")
                return
            }
            #expect(metadata.statusCode == 404)
            #expect(String(decoding: body, as: UTF8.self) == "no such invoice")
        }
    }

    /// Answers `POST /invoices` with an invoice made of what it read, by the `Content-Type` it got.
    static let readingEachBody: TestServer.Handler = { request in
        let contentType = request.header("Content-Type") ?? ""
        let customer: String
        if contentType == "application/json" {
            customer = try JSONDecoder().decode(InvoiceDraft.self, from: request.body).customer
        } else if contentType == "application/x-www-form-urlencoded" {
            customer = request.bodyText.split(separator: "&").first { $0.hasPrefix("customer=") }.map { String($0.dropFirst(9)) } ?? "?"
        } else if contentType.hasPrefix("multipart/form-data") {
            let parts = try MultipartPart.parse(request.body, contentType: contentType)
            customer = parts.first { $0.name == "customer" }.map { String(decoding: $0.body, as: UTF8.self) } ?? "?"
        } else {
            return .empty(415)
        }
        return .json(201, #"{"id":"new","customer":"\#(customer)","total":0}"#)
    }

    @Test("each request media type has its function, which sends the body as that type")
    func sendsEachRequestMediaType() async throws {
        try await TestServer.with(Self.readingEachBody) { server in
            let media = server.client().media
            let json = try await media.createInvoice(body: InvoiceDraft(customer: "Json", callbackURL: "https://example.com/hook"))
            let form = try await media.createInvoiceForm(body: InvoiceDraft(customer: "Form"))
            let scan = MultipartFile(filename: "scan.png", contentType: "image/png", data: Data([0x89, 0x50]))
            let multipart = try await media.createInvoiceMultipart(body: CreateInvoiceMultipartRequest(customer: "Multipart", scan: scan))
            #expect([json.customer, form.customer, multipart.customer] == ["Json", "Form", "Multipart"])

            let requests = await server.requests
            #expect(requests[0].header("Content-Type") == "application/json")
            #expect(try JSONDecoder().decode(InvoiceDraft.self, from: requests[0].body)
                == InvoiceDraft(customer: "Json", callbackURL: "https://example.com/hook"))
            #expect(requests[1].header("Content-Type") == "application/x-www-form-urlencoded")
            #expect(requests[1].bodyText == "customer=Form")
            let parts = try MultipartPart.parse(requests[2].body, contentType: requests[2].header("Content-Type"))
            #expect(parts == [
                MultipartPart(name: "customer", body: Data("Multipart".utf8)),
                MultipartPart(name: "scan", filename: "scan.png", contentType: "image/png", body: Data([0x89, 0x50])),
            ])
            #expect(requests.allSatisfy { $0.method == "POST" && $0.header("Accept") == "application/json" })
        }
    }
}
