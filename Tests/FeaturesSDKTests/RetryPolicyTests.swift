import FeaturesSDK
import FlyingFox
import Foundation
import Testing

/// Retry policies set on operations by the spec (`x-speakeasy-retries`, `x-sdkgen-retries`) and status ranges such
/// as `5XX`, against a loopback server that fails a given number of times.
@Suite("Retry policies")
struct RetryPolicyTests {
    /// Answers the first `failures.count` requests with those statuses, then 200 with the number of requests seen.
    static func failing(_ failures: [Int]) -> TestServer.Handler {
        let counter = AttemptCounter()
        return { _ in
            let attempt = await counter.next()
            if attempt <= failures.count {
                return .body(failures[attempt - 1], Data(), contentType: "text/plain")
            }
            return .body(200, Data(#"{"attempts":\#(attempt)}"#.utf8), contentType: "application/json")
        }
    }

    /// A client that uses each operation's own policy: no `retries:` argument.
    static func client(_ server: TestServer) -> FeaturesSDK {
        FeaturesSDK(bearerAuth: "token", serverURL: server.serverURL, timeout: 30, transport: testTransport())
    }

    @Test("the operation's x-speakeasy-retries policy retries every status of its 5XX range, and 429")
    func operationPolicyRetriesRange() async throws {
        // 500, 507 and 599 are in 5XX without being in sdkgen's default list of 500, 502, 503 and 504.
        try await TestServer.with(Self.failing([507, 599, 429, 500])) { server in
            let result = try await Self.client(server).retries.getWithSpeakeasyRetries()
            #expect(result.attempts == 5)
            #expect(await server.requests.count == 5)
        }
    }

    @Test("a status outside the operation's policy is not retried")
    func operationPolicyStopsOutsideRange() async throws {
        try await TestServer.with(Self.failing([503, 418])) { server in
            let error = await #expect(throws: FeaturesSDKError.self) {
                try await Self.client(server).retries.getWithSpeakeasyRetries()
            }
            guard case .apiError(let metadata, _)? = error else {
                Issue.record("expected apiError, got \(String(describing: error))")
                return
            }
            #expect(metadata.statusCode == 418)
            #expect(await server.requests.count == 2)
        }
    }

    @Test("x-sdkgen-retries wins over x-speakeasy-retries on the same operation")
    func sdkgenExtensionWins() async throws {
        // The sdkgen policy retries 418 only; the Speakeasy one, 5XX only.
        try await TestServer.with(Self.failing([418, 418])) { server in
            let result = try await Self.client(server).retries.getWithBothRetries()
            #expect(result.attempts == 3)
        }
        try await TestServer.with(Self.failing([503])) { server in
            await #expect(throws: FeaturesSDKError.self) {
                try await Self.client(server).retries.getWithBothRetries()
            }
            #expect(await server.requests.count == 1)
        }
    }

    @Test("a policy given to the client or to the call replaces the operation's")
    func clientAndCallPoliciesWin() async throws {
        try await TestServer.with(Self.failing([503])) { server in
            let client = FeaturesSDK(bearerAuth: "token", serverURL: server.serverURL, retries: .disabled, timeout: 30,
                                     transport: testTransport())
            await #expect(throws: FeaturesSDKError.self) {
                try await client.retries.getWithSpeakeasyRetries()
            }
            #expect(await server.requests.count == 1)
        }
        try await TestServer.with(Self.failing([503])) { server in
            await #expect(throws: FeaturesSDKError.self) {
                try await Self.client(server).retries.getWithSpeakeasyRetries(options: RequestOptions(retries: .disabled))
            }
            #expect(await server.requests.count == 1)
        }
    }

    @Test("a client policy with a 5XX range retries a status no single code lists")
    func clientPolicyRange() async throws {
        let policy = RetryConfig(
            backoff: .init(initialInterval: 0.01, maxInterval: 0.05, exponent: 2, maxElapsedTime: 60),
            statusCodes: [.range(5)],
            retryConnectionErrors: false)
        try await TestServer.with(Self.failing([507, 520])) { server in
            let client = FeaturesSDK(bearerAuth: "token", serverURL: server.serverURL, retries: policy, timeout: 30,
                                     transport: testTransport())
            let result = try await client.retries.getWithBothRetries()
            #expect(result.attempts == 3)
        }
    }
}

/// Counts the requests a handler has seen.
private actor AttemptCounter {
    private var count = 0

    /// The number of this attempt, from 1.
    func next() -> Int {
        count += 1
        return count
    }
}
