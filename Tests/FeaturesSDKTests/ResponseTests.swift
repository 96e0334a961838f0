import FeaturesSDK
import Foundation
import Testing

@Suite("Responses")
struct ResponseTests {
    @Test("a text/plain response is returned as a String")
    func textResponse() async throws {
        try await TestServer.with({ _ in .body(200, Data("Total: 3 €\n".utf8), contentType: "text/plain; charset=utf-8") }) { server in
            let report = try await server.client().responses.getReport()
            #expect(report == "Total: 3 €\n")
            let request = try await server.request
            #expect(request.header("Accept") == "text/plain")
        }
    }

    @Test("a binary response is returned as Data, byte for byte")
    func binaryResponse() async throws {
        let bytes = Data([0x00, 0xFF, 0xFE, 0x80, 0x0A])
        try await TestServer.with({ _ in .body(200, bytes, contentType: "application/octet-stream") }) { server in
            let downloaded = try await server.client().responses.download()
            #expect(downloaded == bytes)
        }
    }

    @Test("one 2XX status with a body and one without: the result is optional")
    func optionalResult() async throws {
        let handler: TestServer.Handler = { request in
            request.path.hasSuffix("/1") ? .json(201, #"{"x":1,"y":2}"#) : .empty(204)
        }
        try await TestServer.with(handler) { server in
            let client = server.client()
            let created = try await client.responses.upsertItem(itemID: 1, body: Point(x: 1, y: 2))
            let updated = try await client.responses.upsertItem(itemID: 2, body: Point(x: 1, y: 2))
            #expect(created == Point(x: 1, y: 2))
            #expect(updated == nil)
        }
    }

    @Test("an error status documented with another body type throws the shared case when the body decodes as its type")
    func sharedErrorCase() async throws {
        let handler: TestServer.Handler = { request in
            request.path.hasSuffix("/report")
                ? .json(404, #"{"error":"legacy shape"}"#)
                : .json(404, #"{"message":"no such thing"}"#)
        }
        try await TestServer.with(handler) { server in
            let client = server.client()
            let legacy = await featuresError { () async throws(FeaturesSDKError) in try await client.responses.getReport() }
            guard case .apiError(let metadata, let body)? = legacy else {
                Issue.record("expected .apiError, got \(String(describing: legacy))")
                return
            }
            #expect(metadata.statusCode == 404)
            #expect(String(decoding: body, as: UTF8.self) == #"{"error":"legacy shape"}"#)

            let shared = await featuresError { () async throws(FeaturesSDKError) in try await client.responses.download() }
            guard case .notFound(let problem, _)? = shared else {
                Issue.record("expected .notFound, got \(String(describing: shared))")
                return
            }
            #expect(problem.message == "no such thing")
        }
    }

    @Test("a documented 3XX status is handled as undocumented")
    func redirectStatus() async throws {
        try await TestServer.with({ _ in .empty(304) }) { server in
            let error = await featuresError { () async throws(FeaturesSDKError) in
                try await server.client().responses.upsertItem(itemID: 1, body: Point(x: 0, y: 0))
            }
            guard case .apiError(let metadata, _)? = error else {
                Issue.record("expected .apiError, got \(String(describing: error))")
                return
            }
            #expect(metadata.statusCode == 304)
        }
    }
}
