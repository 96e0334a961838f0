import FlyingFox
import Foundation
import ModelGates
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("Network faults")
struct FaultTests {
    /// The start of a body of 1,000 bytes.
    static let partialBody = RawServer.head(contentLength: 1_000) + #"{"data":["#

    @Test("a body cut short by the server closing the connection gives .transport")
    func bodyCutShort() async throws {
        try await RawServer.with([.send(Self.partialBody)]) { server in
            let error = await modelGatesError { () async throws(ModelGatesError) in
                try await ModelGates(apiKey: "k", serverURL: server.serverURL, retries: .disabled, timeout: 10)
                    .analytics.getUserActivity()
            }
            guard case .transport? = error else {
                Issue.record("expected .transport, got \(String(describing: error))")
                return
            }
        }
    }

    @Test("a connection closed without a reply gives .transport")
    func noReply() async throws {
        try await RawServer.with([]) { server in
            let error = await modelGatesError { () async throws(ModelGatesError) in
                try await ModelGates(apiKey: "k", serverURL: server.serverURL, retries: .disabled, timeout: 10)
                    .analytics.getUserActivity()
            }
            guard case .transport? = error else {
                Issue.record("expected .transport, got \(String(describing: error))")
                return
            }
        }
    }

    @Test("a server that stalls before the head gives .timedOut(.awaitingResponse), on time")
    func stallBeforeHead() async throws {
        try await RawServer.with([.pause(seconds: 30)]) { server in
            let start = ContinuousClock.now
            let error = await modelGatesError { () async throws(ModelGatesError) in
                try await ModelGates(apiKey: "k", serverURL: server.serverURL, retries: .disabled, timeout: 0.3)
                    .analytics.getUserActivity()
            }
            let elapsed = start.duration(to: .now)
            guard case .timedOut(.awaitingResponse)? = error else {
                Issue.record("expected .timedOut(.awaitingResponse), got \(String(describing: error))")
                return
            }
            #expect(error?.description == "ModelGatesError.timedOut: no response within the timeout")
            #expect(elapsed >= .seconds(0.29), "timed out after \(elapsed)")
            // Well before the server's 30 s, with room for a loaded machine.
            #expect(elapsed < .seconds(20), "timed out after \(elapsed)")
        }
    }

    @Test("a server that stalls in the middle of the body gives .timedOut(.receivingBody), on time")
    func stallMidBody() async throws {
        try await RawServer.with([.send(Self.partialBody), .pause(seconds: 60)]) { server in
            let start = ContinuousClock.now
            // Long enough for the head to arrive first even when the whole test run starts at once on two loaded
            // cores.
            let error = await modelGatesError { () async throws(ModelGatesError) in
                try await ModelGates(apiKey: "k", serverURL: server.serverURL, retries: .disabled, timeout: 15)
                    .analytics.getUserActivity()
            }
            let elapsed = start.duration(to: .now)
            guard case .timedOut(.receivingBody)? = error else {
                Issue.record("expected .timedOut(.receivingBody), got \(String(describing: error))")
                return
            }
            #expect(error?.description == "ModelGatesError.timedOut: the response body did not finish within the timeout")
            #expect(elapsed >= .seconds(14.99), "timed out after \(elapsed)")
            #expect(elapsed < .seconds(45), "timed out after \(elapsed)")
        }
    }

    @Test("a body that is not valid JSON gives .decoding with the raw body and the status", arguments: [
        #"{"data":[{"date":"2025-08-24","#,
        #"{"data": nope}"#,
        "<html>502 Bad Gateway</html>",
    ])
    func malformedJSON(body: String) async throws {
        try await TestServer.with({ _, _ in .json(200, body) }) { server in
            let error = await modelGatesError { () async throws(ModelGatesError) in
                try await server.client().analytics.getUserActivity()
            }
            guard case .decoding(let underlying, let metadata, let received)? = error else {
                Issue.record("expected .decoding, got \(String(describing: error))")
                return
            }
            #expect(underlying is DecodingError)
            #expect(metadata.statusCode == 200)
            #expect(received == Data(body.utf8))
        }
    }

    @Test("a 50 MB JSON response decodes")
    func largeResponse() async throws {
        let item = #"{"date":"2025-08-24","model":"openai/gpt-4.1","model_permaslug":"openai/gpt-4.1-2025-04-14","#
            + #""endpoint_id":"550e8400-e29b-41d4-a716-446655440000","provider_name":"OpenAI","usage":0.015,"#
            + #""byok_usage_inference":0.012,"requests":5,"prompt_tokens":50,"completion_tokens":125,"#
            + #""reasoning_tokens":25}"#
        let count = 50_000_000 / (item.utf8.count + 1) + 1
        var json = Data(#"{"data":["#.utf8)
        json.reserveCapacity(count * (item.utf8.count + 1) + 16)
        let itemData = Data(item.utf8)
        for index in 0..<count {
            if index > 0 {
                json.append(UInt8(ascii: ","))
            }
            json.append(itemData)
        }
        json.append(contentsOf: Array("]}".utf8))
        let body = json
        #expect(body.count > 50_000_000)
        let response = HTTPResponse.json(200, "")
        try await TestServer.with({ _, _ in
            HTTPResponse(statusCode: response.statusCode, headers: response.headers, body: body)
        }) { server in
            // Generous: this is about finishing at all, not about speed.
            let activity = try await server.client(timeout: 300).analytics.getUserActivity()
            #expect(activity.data.count == count)
            #expect(activity.data.last?.requests == 5)
        }
    }
}
