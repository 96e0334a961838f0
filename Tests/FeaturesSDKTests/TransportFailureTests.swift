import FeaturesSDK
import FlyingFox
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// How a buffered exchange that the transport cannot finish ends: the same cases whichever transport `testTransport()`
/// gives (Scripts/transport-check.sh runs these with the AsyncHTTPClient transport too).
@Suite("Transport failures")
struct TransportFailureTests {
    @Test("a response head slower than the timeout gives .timedOut(.awaitingResponse), on time")
    func headTimeout() async throws {
        let slow: TestServer.Handler = { _ in
            try await Task.sleep(for: .seconds(60))
            return .json(200, SecurityTests.echo)
        }
        try await TestServer.with(slow) { server in
            let start = ContinuousClock.now
            let error = await featuresError { () async throws(FeaturesSDKError) in
                try await server.client(timeout: 0.5).security.searchPublic()
            }
            let elapsed = start.duration(to: .now)
            guard case .timedOut(.awaitingResponse)? = error else {
                Issue.record("expected .timedOut(.awaitingResponse), got \(String(describing: error))")
                return
            }
            #expect(elapsed >= .seconds(0.49), "timed out after \(elapsed)")
            // Far before the server's 60 s, with room for a loaded machine.
            #expect(elapsed < .seconds(20), "timed out after \(elapsed)")
        }
    }

    @Test("a body that stops arriving gives .timedOut(.receivingBody) once the timeout is over")
    func bodyTimeout() async throws {
        // The head and the first half of the body at once, the rest never (the gate does not open).
        let (gate, _) = AsyncStream.makeStream(of: Void.self)
        let handler: TestServer.Handler = { _ in
            let body = GatedChunks(first: Array(#"{"value":"#.utf8), rest: Array(#""ok"}"#.utf8), gate: gate)
            var headers = HTTPHeaders()
            headers[.contentType] = "application/json"
            return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: body))
        }
        try await TestServer.with(handler) { server in
            let error = await featuresError { () async throws(FeaturesSDKError) in
                // 15 s, so that the head arrives within the timeout when the whole test run starts at once on two loaded
                // cores (with 5 s it did not, under a load average of 20), as in StreamingTests.stalledStream.
                try await server.client(timeout: 15).security.searchPublic()
            }
            guard case .timedOut(.receivingBody)? = error else {
                Issue.record("expected .timedOut(.receivingBody), got \(String(describing: error))")
                return
            }
        }
    }

    @Test("cancelling the task while the request is in flight gives .cancelled at once")
    func cancelInFlight() async throws {
        let (arrived, signal) = AsyncStream.makeStream(of: Void.self)
        let slow: TestServer.Handler = { _ in
            signal.yield()
            try await Task.sleep(for: .seconds(60))
            return .json(200, SecurityTests.echo)
        }
        try await TestServer.with(slow) { server in
            let client = server.client(timeout: 60)
            let task = Task { () async throws(FeaturesSDKError) in
                try await client.security.searchPublic()
            }
            for await _ in arrived { break }
            let start = ContinuousClock.now
            task.cancel()
            let result = await task.result
            let elapsed = start.duration(to: .now)
            guard case .failure(FeaturesSDKError.cancelled) = result else {
                Issue.record("expected .cancelled, got \(result)")
                return
            }
            // Far before the 60 s the request would take, with room for a loaded machine.
            #expect(elapsed < .seconds(10), "took \(elapsed) to cancel")
        }
    }

    @Test("a chain of redirects, to a path and to a URL, is followed to its end")
    func redirectChain() async throws {
        let handler: TestServer.Handler = { request in
            guard request.path != "/v1/search" else { return .json(200, SecurityTests.echo) }
            var headers = HTTPHeaders()
            let host = request.header("Host") ?? ""
            headers[.location] = request.path == "/v1/first" ? "/v1/second" : "http://\(host)/v1/search?moved=1"
            return HTTPResponse(statusCode: .temporaryRedirect, headers: headers)
        }
        try await TestServer.with(handler) { server in
            let first = URL(string: server.serverURL.absoluteString + "/first")!
            _ = try await server.client(transport: RewritingTransport(url: first)).security.searchPublic()
            let requests = await server.requests
            #expect(requests.map(\.path) == ["/v1/first", "/v1/second", "/v1/search"])
            #expect(requests.last?.rawQuery == "moved=1")
        }
    }
}

/// Sends every request to `url` instead, through `testTransport()`: to start a redirect chain at a path no operation
/// has.
private struct RewritingTransport: HTTPTransport {
    let url: URL
    private let transport = testTransport()

    init(url: URL) {
        self.url = url
    }

    func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        var request = request
        request.url = url
        return try await transport.send(request)
    }
}
