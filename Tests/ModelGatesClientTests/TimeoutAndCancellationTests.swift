import FlyingFox
import Foundation
import ModelGates
import Testing

@Suite("Timeouts and cancellation")
struct TimeoutAndCancellationTests {
    static let ok = HTTPResponse.json(200, #"{"data":[]}"#)

    /// A handler that answers only after `seconds`, or when the server stops.
    static func slow(_ seconds: Double) -> TestServer.Handler {
        { _, _ in
            try await Task.sleep(for: .seconds(seconds))
            return Self.ok
        }
    }

    @Test("a response slower than the timeout gives .timedOut, on time")
    func timesOut() async throws {
        try await TestServer.with(Self.slow(60)) { server in
            let start = ContinuousClock.now
            let error = await modelGatesError { () async throws(ModelGatesError) in
                try await server.client(timeout: 0.2).analytics.getUserActivity()
            }
            let elapsed = start.duration(to: .now)
            guard case .timedOut? = error else {
                Issue.record("expected .timedOut, got \(String(describing: error))")
                return
            }
            #expect(elapsed >= .seconds(0.19), "timed out after \(elapsed)")
            // Far before the server's 60 s, with room for a loaded machine.
            #expect(elapsed < .seconds(10), "timed out after \(elapsed)")
        }
    }

    @Test("a per-call timeout overrides the client's")
    func perCallTimeout() async throws {
        try await TestServer.with(Self.slow(0.3)) { server in
            let client = server.client(timeout: 0.1)
            // 10 s leaves room for a loaded machine to answer after the server's 0.3 s.
            _ = try await client.analytics.getUserActivity(options: RequestOptions(timeout: 10))
            let error = await modelGatesError { () async throws(ModelGatesError) in
                try await server.client(timeout: 10).analytics.getUserActivity(options: RequestOptions(timeout: 0.1))
            }
            guard case .timedOut? = error else {
                Issue.record("expected .timedOut, got \(String(describing: error))")
                return
            }
        }
    }

    @Test("an infinite timeout means none")
    func infiniteTimeout() async throws {
        try await TestServer.with(Self.slow(0.05)) { server in
            let response = try await server.client(timeout: .infinity).analytics.getUserActivity()
            #expect(response.data.isEmpty)
        }
    }

    @Test("a timeout that is not positive is rejected before anything is sent", arguments: [0, -1, Double.nan])
    func invalidTimeout(timeout: TimeInterval) async throws {
        try await TestServer.with({ _, _ in Self.ok }) { server in
            let error = await modelGatesError { () async throws(ModelGatesError) in
                try await server.client(timeout: timeout).analytics.getUserActivity()
            }
            guard case .invalidRequest? = error else {
                Issue.record("expected .invalidRequest, got \(String(describing: error))")
                return
            }
            #expect(await server.requests.isEmpty)
        }
    }

    @Test("a timed-out attempt is retried as a connection error")
    func timeoutRetried() async throws {
        let handler: TestServer.Handler = { _, attempt in
            if attempt == 1 {
                try await Task.sleep(for: .seconds(60))
            }
            return Self.ok
        }
        try await TestServer.with(handler) { server in
            let retries = RetryConfig.fast(maxElapsedTime: 60, retryConnectionErrors: true)
            // 2 s is long enough for an answered attempt even on a loaded machine, and a later attempt that still
            // times out is retried too, so only "more than one attempt, and success" is certain.
            _ = try await server.client(retries: retries, timeout: 2).analytics.getUserActivity()
            #expect(await server.requests.count >= 2)
        }
    }

    @Test("cancelling the task while the request is in flight gives .cancelled at once")
    func cancelInFlight() async throws {
        try await TestServer.with(Self.slow(60)) { server in
            let client = server.client(timeout: 60)
            let task = Task { () async throws(ModelGatesError) in
                try await client.analytics.getUserActivity()
            }
            try await server.waitForRequests(1)
            let start = ContinuousClock.now
            task.cancel()
            let result = await task.result
            let elapsed = start.duration(to: .now)
            guard case .failure(ModelGatesError.cancelled) = result else {
                Issue.record("expected .cancelled, got \(result)")
                return
            }
            // Far before the 60 s the request or the wait would take, with room for a loaded machine.
            #expect(elapsed < .seconds(10), "took \(elapsed) to cancel")
        }
    }

    @Test("cancelling the task during a backoff wait gives .cancelled at once")
    func cancelDuringBackoff() async throws {
        try await TestServer.with({ _, _ in .json(503, "{}") }) { server in
            let client = server.client(retries: .fast(initialInterval: 60, maxInterval: 60, maxElapsedTime: 120))
            let task = Task { () async throws(ModelGatesError) in
                try await client.analytics.getUserActivity()
            }
            try await server.waitForRequests(1)
            // Let the 503 arrive and the wait begin.
            try await Task.sleep(for: .milliseconds(50))
            let start = ContinuousClock.now
            task.cancel()
            let result = await task.result
            let elapsed = start.duration(to: .now)
            guard case .failure(ModelGatesError.cancelled) = result else {
                Issue.record("expected .cancelled, got \(result)")
                return
            }
            // Far before the 60 s the request or the wait would take, with room for a loaded machine.
            #expect(elapsed < .seconds(10), "took \(elapsed) to cancel")
            #expect(await server.requests.count == 1)
        }
    }

    @Test("a task cancelled before it starts sends nothing")
    func cancelledBeforeStart() async throws {
        try await TestServer.with({ _, _ in Self.ok }) { server in
            let client = server.client()
            let task = Task { () async throws(ModelGatesError) in
                withUnsafeCurrentTask { $0?.cancel() }
                return try await client.analytics.getUserActivity()
            }
            guard case .failure(ModelGatesError.cancelled) = await task.result else {
                Issue.record("expected .cancelled")
                return
            }
            #expect(await server.requests.isEmpty)
        }
    }
}
