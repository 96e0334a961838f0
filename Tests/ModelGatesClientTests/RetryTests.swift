import FlyingFox
import Foundation
import ModelGates
import Testing

@Suite("Retries")
struct RetryTests {
    static let ok = HTTPResponse.json(200, #"{"data":[]}"#)
    static let unavailable = HTTPResponse.json(503, #"{"error":{"code":503,"message":"busy"}}"#)

    /// How much later than asked a wait may end before a test calls it wrong, in seconds.
    ///
    /// A wait never ends early, so lower bounds are exact; an upper bound has to allow for a full `swift test` on a
    /// 2-core machine, where compilers and other tests keep this one's tasks waiting for seconds (about 10 s in a
    /// fresh-clone CI run). Each test makes the wrong outcome take far longer than this, so the allowance costs it
    /// nothing.
    static let lateness = 15.0

    /// The gaps between the requests the server received, in seconds.
    static func gaps(_ requests: [ReceivedRequest]) -> [Double] {
        zip(requests, requests.dropFirst()).map { earlier, later in
            let gap = earlier.receivedAt.duration(to: later.receivedAt).components
            return Double(gap.seconds) + Double(gap.attoseconds) / 1e18
        }
    }

    @Test("503, 503, then 200 succeeds on the third attempt, waiting as the backoff says")
    func retriesUntilSuccess() async throws {
        try await TestServer.with({ _, attempt in attempt < 3 ? Self.unavailable : Self.ok }) { server in
            let retries = RetryConfig.fast(initialInterval: 0.05, maxInterval: 1, exponent: 2)
            let response = try await server.client(retries: retries).analytics.getUserActivity()
            #expect(response.data.isEmpty)
            let gaps = Self.gaps(await server.requests)
            #expect(gaps.count == 2)
            // 0.05 s, then 0.05 * 2 = 0.1 s, plus the time a request takes.
            for (gap, expected) in zip(gaps, [0.05, 0.1]) {
                #expect(gap >= expected * 0.9 && gap < expected + Self.lateness, "waited \(gap) s instead of \(expected) s")
            }
        }
    }

    @Test("the wait grows by the exponent and stops growing at maxInterval")
    func backoffIsCapped() async throws {
        try await TestServer.with({ _, attempt in attempt < 5 ? Self.unavailable : Self.ok }) { server in
            // Uncapped, the waits would be 0.05, 50 and 50,000 s: the second would not fit in maxElapsedTime and
            // would end the retries, and the lower bound catches a wait that does not grow.
            let retries = RetryConfig.fast(initialInterval: 0.05, maxInterval: 0.1, exponent: 1000, maxElapsedTime: 30)
            _ = try await server.client(retries: retries).analytics.getUserActivity()
            let gaps = Self.gaps(await server.requests)
            #expect(gaps.count == 4)
            for (gap, expected) in zip(gaps, [0.05, 0.1, 0.1, 0.1]) {
                #expect(gap >= expected * 0.9 && gap < expected + Self.lateness, "waited \(gap) s instead of \(expected) s")
            }
        }
    }

    /// A `Retry-After` in seconds, the backoff it replaces, and the wait it should give.
    struct RetryAfterCase: Sendable, CustomTestStringConvertible {
        var header: String
        var backoff: TimeInterval
        var maxInterval: TimeInterval
        var expected: TimeInterval
        var testDescription: String { "Retry-After: \(header) with a \(backoff) s backoff and maxInterval \(maxInterval) s" }
    }

    // The wrong waits are 20 s (the backoff, beyond the upper bound), 0.01 s (the backoff, under the lower bound) and
    // 30 s (uncapped, beyond maxElapsedTime, so no retry).
    @Test("Retry-After in seconds replaces the backoff, capped at maxInterval", arguments: [
        RetryAfterCase(header: "0", backoff: 20, maxInterval: 20, expected: 0),
        RetryAfterCase(header: "1", backoff: 0.01, maxInterval: 20, expected: 1),
        RetryAfterCase(header: "30", backoff: 0.01, maxInterval: 0.2, expected: 0.2),
    ])
    func retryAfterSeconds(_ retryAfter: RetryAfterCase) async throws {
        let tooMany = HTTPResponse.json(
            429,
            #"{"error":{"code":429,"message":"slow down"}}"#,
            headers: ["Retry-After": retryAfter.header]
        )
        try await TestServer.with({ _, attempt in attempt == 1 ? tooMany : Self.ok }) { server in
            let retries = RetryConfig.fast(
                initialInterval: retryAfter.backoff, maxInterval: retryAfter.maxInterval, maxElapsedTime: 30)
            _ = try await server.client(retries: retries).analytics.getUserActivity()
            let gaps = Self.gaps(await server.requests)
            #expect(gaps.count == 1)
            let gap = try #require(gaps.first)
            let expected = retryAfter.expected
            #expect(gap >= expected * 0.9 && gap < expected + Self.lateness, "waited \(gap) s instead of \(expected) s")
        }
    }

    @Test("Retry-After as an HTTP-date is honoured on 503")
    func retryAfterDate() async throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        let past = formatter.string(from: Date(timeIntervalSinceNow: -60))
        let unavailable = HTTPResponse.json(503, "{}", headers: ["Retry-After": past])
        try await TestServer.with({ _, attempt in attempt == 1 ? unavailable : Self.ok }) { server in
            // A date in the past means no wait, although the backoff would have waited 20 s, beyond the upper bound.
            let retries = RetryConfig.fast(initialInterval: 20, maxInterval: 20, maxElapsedTime: 30)
            _ = try await server.client(retries: retries).analytics.getUserActivity()
            let gap = try #require(Self.gaps(await server.requests).first)
            #expect(gap < Self.lateness)
        }
    }

    @Test("Retry-After as an HTTP-date in the future is capped at maxInterval")
    func retryAfterFutureDateCapped() async throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        let inAnHour = formatter.string(from: Date(timeIntervalSinceNow: 3600))
        let tooMany = HTTPResponse.json(429, "{}", headers: ["Retry-After": inAnHour])
        try await TestServer.with({ _, attempt in attempt == 1 ? tooMany : Self.ok }) { server in
            // The date asks for an hour; maxInterval cuts that to 0.1 s.
            let retries = RetryConfig.fast(initialInterval: 0.01, maxInterval: 0.1)
            _ = try await server.client(retries: retries).analytics.getUserActivity()
            let gap = try #require(Self.gaps(await server.requests).first)
            // 0.1 s, or later on a loaded machine, but nowhere near the hour asked for.
            #expect(gap >= 0.09 && gap < 60, "waited \(gap) s instead of 0.1 s")
        }
    }

    @Test("400 is never retried")
    func clientErrorNotRetried() async throws {
        let badRequest = HTTPResponse.json(400, #"{"error":{"code":400,"message":"bad"}}"#)
        try await TestServer.with({ _, _ in badRequest }) { server in
            let retries = RetryConfig.fast(statusCodes: [408, 429, 500, 502, 503, 504])
            let error = await modelGatesError { () async throws(ModelGatesError) in
                try await server.client(retries: retries).analytics.getUserActivity()
            }
            guard case .badRequest? = error else {
                Issue.record("expected .badRequest, got \(String(describing: error))")
                return
            }
            #expect(await server.requests.count == 1)
        }
    }

    @Test("maxElapsedTime stops a storm of 503s, returning the last one")
    func maxElapsedTimeBoundsRetries() async throws {
        try await TestServer.with({ _, _ in Self.unavailable }) { server in
            // 6 s leaves room for a first attempt that starts seconds late on a loaded 2-core machine (2 s did not,
            // with other builds running); should one start later still, the run only ends sooner.
            let retries = RetryConfig.fast(initialInterval: 0.5, maxInterval: 1, exponent: 2, maxElapsedTime: 6)
            let start = ContinuousClock.now
            let error = await modelGatesError { () async throws(ModelGatesError) in
                try await server.client(retries: retries).analytics.getUserActivity()
            }
            let elapsed = start.duration(to: .now)
            // The spec documents `default` responses, so the 503 is thrown as that case.
            guard case .defaultError(_, let metadata)? = error else {
                Issue.record("expected .defaultError, got \(String(describing: error))")
                return
            }
            #expect(metadata.statusCode == 503)
            // A retry starts only while the elapsed time plus the next wait (0.5 s, then 1 s) stays within 6 s: at
            // most 7 attempts. A single attempt is right only when its answer came too late for a retry (a full
            // `swift test` can hold it back for seconds): the call, which returns right after it, ended after 5.5 s.
            let requests = await server.requests
            #expect(requests.count <= 7, "made \(requests.count) attempts")
            if requests.count == 1 {
                #expect(elapsed >= .seconds(5.5), "made 1 attempt though its answer came after \(elapsed)")
            }
            // A guard against a retry loop that does not stop, far above the 6 s budget.
            #expect(elapsed < .seconds(30), "took \(elapsed)")
        }
    }

    @Test("RequestOptions(retries: .disabled) overrides the client's policy")
    func perCallRetriesOverride() async throws {
        try await TestServer.with({ _, _ in Self.unavailable }) { server in
            let client = server.client(retries: .fast())
            let error = await modelGatesError { () async throws(ModelGatesError) in
                try await client.analytics.getUserActivity(options: RequestOptions(retries: .disabled))
            }
            #expect(error?.metadata?.statusCode == 503)
            #expect(await server.requests.count == 1)
        }
    }

    @Test("a per-call policy also enables retries on a client without them")
    func perCallRetriesEnable() async throws {
        try await TestServer.with({ _, attempt in attempt == 1 ? Self.unavailable : Self.ok }) { server in
            let client = server.client(retries: .disabled)
            _ = try await client.analytics.getUserActivity(options: RequestOptions(retries: .fast()))
            #expect(await server.requests.count == 2)
        }
    }

    @Test("connection refused is retried when retryConnectionErrors is set, then thrown as .transport")
    func connectionRefusedRetried() async throws {
        try await withRefusingServerURL { serverURL in
            let attempts = AttemptCounter()
            let transport = CountingTransport(counter: attempts)
            let retrying = ModelGates(
                apiKey: "k",
                serverURL: serverURL,
                // Waits of 0.05, 0.15, 0.45, 1.35 and 4.05 s fit in the 10 s budget and the next, capped at 5 s,
                // does not: six attempts in about 6 s. The budget is generous because in a full `swift test`
                // other tests can keep this one's tasks waiting for seconds, and a retry due after the budget is
                // never made.
                retries: .fast(
                    initialInterval: 0.05,
                    maxInterval: 5,
                    exponent: 3,
                    maxElapsedTime: 10,
                    retryConnectionErrors: true
                ),
                transport: transport
            )
            let start = ContinuousClock.now
            let error = await modelGatesError { () async throws(ModelGatesError) in
                try await retrying.analytics.getUserActivity()
            }
            guard case .transport(let underlying)? = error else {
                Issue.record("expected .transport, got \(String(describing: error))")
                return
            }
            #expect((underlying as? URLError)?.code == .cannotConnectToHost)
            let retried = attempts.value
            #expect(retried <= 6, "made \(retried) attempts")
            #expect(start.duration(to: .now) < .seconds(20))
            // A loaded machine can make even a refused connection take seconds to fail; a retry is due whenever the
            // first failure leaves room in the 10 s budget for the 0.05 s wait.
            if let firstEnd = attempts.firstAttemptEnd, start.duration(to: firstEnd) < .seconds(8) {
                #expect(retried >= 2, "made \(retried) attempts though the first failed after \(start.duration(to: firstEnd))")
            }

            let notRetrying = ModelGates(
                apiKey: "k",
                serverURL: serverURL,
                retries: .fast(retryConnectionErrors: false),
                transport: transport
            )
            _ = await modelGatesError { () async throws(ModelGatesError) in
                try await notRetrying.analytics.getUserActivity()
            }
            #expect(attempts.value == retried + 1)
        }
    }
}
