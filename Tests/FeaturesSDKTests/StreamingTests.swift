import FeaturesSDK
import FlyingFox
import Foundation
import Synchronization
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("Server-sent events")
struct StreamingTests {
    @Test("events are decoded as the schema's data type, and [DONE] ends the stream")
    func jsonEvents() async throws {
        let chunks = [
            ": a comment, then an event named like Anthropic's\n",
            "event: delta\ndata: {\"delta\":\"Hel\"}\n\n",
            "data: {\"delta\":\"lo\"}\r\n\r\n",
            "id: 3\ndata: {\"del",
            "ta\":\"!\"}\n\n",
            "data: [DONE]\n\n",
            "data: {\"delta\":\"after the end\"}\n\n",
        ]
        try await TestServer.with({ _ in .eventStream(chunks) }) { server in
            let events = try await server.client().responses.createCompletionStream(body: CompletionRequest(prompt: "Hi"))
            #expect(events.metadata.statusCode == 200)
            var deltas: [String] = []
            for try await chunk in events {
                deltas.append(chunk.delta)
            }
            #expect(deltas == ["Hel", "lo", "!"])

            let request = try await server.request
            #expect(request.header("Accept") == "text/event-stream")
            let body = try JSONSerialization.jsonObject(with: request.body) as? [String: Any]
            #expect(body?["stream"] as? Bool == true)
        }
    }

    @Test("text events keep multi-line data, and a stream without [DONE] ends with the response")
    func textEvents() async throws {
        let chunks = ["data: first line\ndata: second line\n\n", "event: ping\n\n", "data:no space\r", "\n\r\n", "data: unfinished"]
        try await TestServer.with({ _ in .eventStream(chunks) }) { server in
            let lines = try await Self.collectOnTheMainActor(try await server.client().responses.tailLogs())
            #expect(lines == ["first line\nsecond line", "no space"])
        }
    }

    /// Iterates in an actor-isolated context, as an app's view model would.
    @MainActor
    static func collectOnTheMainActor(_ events: ServerSentEvents<String>) async throws(FeaturesSDKError) -> [String] {
        var lines: [String] = []
        for try await line in events {
            lines.append(line)
        }
        return lines
    }

    @Test("events arrive as the server sends them, not when the response ends")
    func incremental() async throws {
        let sentSecond = Mutex<ContinuousClock.Instant?>(nil)
        let handler: TestServer.Handler = { _ in
            .eventStream(["data: {\"delta\":\"1\"}\n\n", "data: {\"delta\":\"2\"}\n\n"], delay: .seconds(2)) { index in
                if index == 1 {
                    sentSecond.withLock { $0 = .now }
                }
            }
        }
        try await TestServer.with(handler) { server in
            let events = try await server.client().responses.createCompletionStream(body: CompletionRequest(prompt: "Hi"))
            var received: [(String, ContinuousClock.Instant)] = []
            for try await chunk in events {
                received.append((chunk.delta, .now))
            }
            #expect(received.map(\.0) == ["1", "2"])
            let second = try #require(sentSecond.withLock { $0 })
            #expect(received[0].1 < second, "the first event arrived only after the second was sent")
        }
    }

    @Test("an error status throws the documented error before any event")
    func errorStatus() async throws {
        try await TestServer.with({ _ in .json(404, #"{"message":"no such model"}"#) }) { server in
            let error = await featuresError { () async throws(FeaturesSDKError) in
                try await server.client().responses.createCompletionStream(body: CompletionRequest(prompt: "Hi"))
            }
            guard case .notFound(.problem(let problem), let metadata)? = error else {
                Issue.record("expected .notFound(.problem), got \(String(describing: error))")
                return
            }
            #expect(problem.message == "no such model")
            #expect(metadata.statusCode == 404)
        }
    }

    @Test("an event whose data does not decode throws .decoding with that data")
    func decodingError() async throws {
        try await TestServer.with({ _ in .eventStream(["data: {\"delta\":\"ok\"}\n\n", "data: {\"oops\":1}\n\n"]) }) { server in
            let events = try await server.client().responses.createCompletionStream(body: CompletionRequest(prompt: "Hi"))
            var deltas: [String] = []
            do throws(FeaturesSDKError) {
                for try await chunk in events {
                    deltas.append(chunk.delta)
                }
                Issue.record("expected a decoding error")
            } catch {
                guard case .decoding(_, let metadata, let body) = error else {
                    Issue.record("expected .decoding, got \(error)")
                    return
                }
                #expect(metadata.statusCode == 200)
                #expect(String(decoding: body, as: UTF8.self) == #"{"oops":1}"#)
            }
            #expect(deltas == ["ok"])
        }
    }

    @Test("cancelling the iterating task ends the stream with .cancelled, promptly")
    func cancellation() async throws {
        let endless = (0..<1000).map { "data: {\"delta\":\"\($0)\"}\n\n" }
        // Read to the end, the stream would take 50 s.
        try await TestServer.with({ _ in .eventStream(endless, delay: .milliseconds(50)) }) { server in
            let events = try await server.client().responses.createCompletionStream(body: CompletionRequest(prompt: "Hi"))
            let received = Mutex(0)
            let task = Task { () async -> FeaturesSDKError? in
                await featuresError { () async throws(FeaturesSDKError) in
                    for try await _ in events {
                        received.withLock { $0 += 1 }
                    }
                }
            }
            while received.withLock({ $0 }) < 2 {
                try await Task.sleep(for: .milliseconds(10))
            }
            let start = ContinuousClock.now
            task.cancel()
            let error = await task.value
            #expect(start.duration(to: .now) < .seconds(10))
            guard case .cancelled? = error else {
                Issue.record("expected .cancelled, got \(String(describing: error))")
                return
            }
        }
    }

    @Test("breaking out of the loop stops reading promptly")
    func breakingOut() async throws {
        let endless = (0..<1000).map { "data: {\"delta\":\"\($0)\"}\n\n" }
        // Read to the end, the stream would take 50 s.
        try await TestServer.with({ _ in .eventStream(endless, delay: .milliseconds(50)) }) { server in
            let start = ContinuousClock.now
            for try await chunk in try await server.client().responses.createCompletionStream(body: CompletionRequest(prompt: "Hi")) {
                if chunk.delta == "2" {
                    break
                }
            }
            #expect(start.duration(to: .now) < .seconds(10))
        }
    }

    @Test("the timeout limits the wait for the response head, not the stream")
    func timeout() async throws {
        let slowHead: TestServer.Handler = { _ in
            try await Task.sleep(for: .seconds(60))
            return .eventStream([])
        }
        try await TestServer.with(slowHead) { server in
            let error = await featuresError { () async throws(FeaturesSDKError) in
                try await server.client(timeout: 0.3).responses.tailLogs()
            }
            guard case .timedOut? = error else {
                Issue.record("expected .timedOut, got \(String(describing: error))")
                return
            }
        }
        let slowStream: TestServer.Handler = { _ in .eventStream(["data: a\n\n", "data: b\n\n"], delay: .milliseconds(700)) }
        try await TestServer.with(slowStream) { server in
            var lines: [String] = []
            // Each event comes 0.7 s after the one before; the 30 s timeout leaves room for a loaded machine (10 s once
            // ran out before the head arrived).
            for try await line in try await server.client(timeout: 30).responses.tailLogs() {
                lines.append(line)
            }
            #expect(lines == ["a", "b"])
        }
    }

    @Test("a stream whose server stops sending for the timeout ends with .timedOut(.receivingBody)")
    func stalledStream() async throws {
        let stalling: TestServer.Handler = { _ in .eventStream(["data: a\n\n", "data: b\n\n"], delay: .seconds(60)) }
        try await TestServer.with(stalling) { server in
            let start = ContinuousClock.now
            let error = await featuresError { () async throws(FeaturesSDKError) in
                // 15 s, so that the head arrives within the timeout even when the whole test run starts at once on
                // two loaded cores (with 0.5 s, and once with 5 s, it did not, in CI).
                for try await line in try await server.client(timeout: 15).responses.tailLogs() {
                    Issue.record("received \(line) though the server sends nothing for 60 s")
                }
            }
            guard case .timedOut(.receivingBody)? = error else {
                Issue.record("expected .timedOut(.receivingBody), got \(String(describing: error))")
                return
            }
            // Before the server's 60 s, with room for a loaded machine.
            #expect(start.duration(to: .now) < .seconds(45))
        }
    }

    @Test("a transport that cannot stream gets the events from the whole body")
    func nonStreamingTransport() async throws {
        try await TestServer.with({ _ in .eventStream(["data: x\n\n", "data: y\n\n"]) }) { server in
            var lines: [String] = []
            for try await line in try await server.client(transport: WholeBodyTransport()).responses.tailLogs() {
                lines.append(line)
            }
            #expect(lines == ["x", "y"])
        }
    }
}

/// A transport that implements only `send`, as one written before streaming existed would.
struct WholeBodyTransport: HTTPTransport {
    private let transport = testTransport()

    func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        try await transport.send(request)
    }
}
