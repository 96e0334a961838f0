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

    @Test("an error status whose body operations document differently throws its case with the union's member for the operation's type")
    func errorBodyUnion() async throws {
        let handler: TestServer.Handler = { request in
            switch request.path.split(separator: "/").last {
            case "report": .json(404, #"{"error":"legacy shape"}"#)
            default: .json(404, #"{"message":"no such thing"}"#)
            }
        }
        try await TestServer.with(handler) { server in
            let client = server.client()
            let legacy = await featuresError { () async throws(FeaturesSDKError) in try await client.responses.getReport() }
            guard case .notFound(.legacyProblem(let problem), let metadata)? = legacy else {
                Issue.record("expected .notFound(.legacyProblem), got \(String(describing: legacy))")
                return
            }
            #expect(problem.error == "legacy shape")
            #expect(metadata.statusCode == 404)

            let common = await featuresError { () async throws(FeaturesSDKError) in
                try await client.responses.createCompletion(body: CompletionRequest(prompt: "Hi"))
            }
            guard case .notFound(.problem(let problem), _)? = common else {
                Issue.record("expected .notFound(.problem), got \(String(describing: common))")
                return
            }
            #expect(problem.message == "no such thing")
        }
        // An operation decodes the type it documents, not whichever member fits: another body is kept whole.
        try await TestServer.with({ _ in .json(404, #"{"error":"legacy shape"}"#) }) { server in
            let other = await featuresError { () async throws(FeaturesSDKError) in
                try await server.client().responses.createCompletion(body: CompletionRequest(prompt: "Hi"))
            }
            guard case .apiError(let metadata, let body)? = other else {
                Issue.record("expected .apiError, got \(String(describing: other))")
                return
            }
            #expect(metadata.statusCode == 404)
            #expect(String(decoding: body, as: UTF8.self) == #"{"error":"legacy shape"}"#)
            // One that documents no body for the status takes whichever member the body decodes as.
            let undocumented = await featuresError { () async throws(FeaturesSDKError) in try await server.client().responses.download() }
            guard case .notFound(.legacyProblem(let problem), _)? = undocumented else {
                Issue.record("expected .notFound(.legacyProblem), got \(String(describing: undocumented))")
                return
            }
            #expect(problem.error == "legacy shape")
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

    @Test("an explicit status, the 4XX and 5XX ranges and default each throw their typed case, the most specific first")
    func typedErrorCases() async throws {
        let handler: TestServer.Handler = { request in
            switch request.path.split(separator: "/").last {
            case "1": .json(409, #"{"message":"busy"}"#)
            case "2": .json(418, #"{"code":"teapot"}"#)
            case "3": .json(503, #"{"code":"down"}"#)
            case "4": .json(202, #"{"message":"accepted, not an order"}"#)
            // A 4XX body that is not a `Fault`.
            default: .json(422, #"{"unexpected":true}"#)
            }
        }
        try await TestServer.with(handler) { server in
            let responses = server.client().responses
            let conflict = await featuresError { () async throws(FeaturesSDKError) in try await responses.getOrder(orderID: 1) }
            guard case .conflict(let problem, let metadata)? = conflict else {
                Issue.record("expected .conflict, got \(String(describing: conflict))")
                return
            }
            #expect(problem.message == "busy")
            #expect(metadata.statusCode == 409)

            let client = await featuresError { () async throws(FeaturesSDKError) in try await responses.getOrder(orderID: 2) }
            guard case .clientError(let fault, let metadata)? = client else {
                Issue.record("expected .clientError, got \(String(describing: client))")
                return
            }
            #expect(fault.code == "teapot")
            #expect(metadata.statusCode == 418)

            let server = await featuresError { () async throws(FeaturesSDKError) in try await responses.getOrder(orderID: 3) }
            guard case .serverError(let fault, let metadata)? = server else {
                Issue.record("expected .serverError, got \(String(describing: server))")
                return
            }
            #expect(fault.code == "down")
            #expect(metadata.statusCode == 503)

            let other = await featuresError { () async throws(FeaturesSDKError) in try await responses.getOrder(orderID: 4) }
            guard case .defaultError(let problem, let metadata)? = other else {
                Issue.record("expected .defaultError, got \(String(describing: other))")
                return
            }
            #expect(problem.message == "accepted, not an order")
            #expect(metadata.statusCode == 202)

            let undecodable = await featuresError { () async throws(FeaturesSDKError) in try await responses.getOrder(orderID: 5) }
            guard case .apiError(let metadata, let body)? = undecodable else {
                Issue.record("expected .apiError, got \(String(describing: undecodable))")
                return
            }
            #expect(metadata.statusCode == 422)
            #expect(String(decoding: body, as: UTF8.self) == #"{"unexpected":true}"#)
        }
    }

    @Test("a default response that is an operation's only one is its result, whatever the status")
    func defaultOnlyResult() async throws {
        try await TestServer.with({ _ in .json(503, #"{"value":"degraded"}"#) }) { server in
            let status = try await server.client().responses.getStatus()
            #expect(status.value == "degraded")
        }
    }
}
