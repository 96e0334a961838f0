import FlyingFox
import Foundation
@testable import ModelGates
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Which requests are retried by method. ModelGates has only `GET` operations, so these tests send requests of other
/// methods through the client's internal `APIClient`, as an operation of that method would.
@Suite("Retries of requests that are not idempotent")
struct IdempotencyRetryTests {
    static let ok = HTTPResponse.json(200, #"{"data":[]}"#)
    static let unavailable = HTTPResponse.json(503, #"{"error":{"code":503,"message":"busy"}}"#)

    /// A client of `serverURL` with the given policy.
    static func client(_ serverURL: URL, retries: RetryConfig, transport: any HTTPTransport = URLSessionTransport()) -> APIClient {
        APIClient(
            serverURL: serverURL,
            credentials: ["bearer": .bearer("k")],
            credentialProvider: nil,
            security: [["bearer"]],
            headers: [],
            retries: retries,
            // Not what these tests time: room for a whole `swift test` on two loaded cores (10 s once ran out).
            timeout: 30,
            middlewares: [],
            transport: transport
        )
    }

    /// Retries connection errors after 0.05 s, with a budget no loaded machine exhausts: the tests end the run by
    /// answering, so that what they check does not depend on timing.
    static let connectionRetries = RetryConfig.fast(
        initialInterval: 0.05,
        maxInterval: 0.05,
        maxElapsedTime: 60,
        retryConnectionErrors: true
    )

    /// Sends a request with the given method to `/activity` and returns its status code.
    static func send(
        _ method: String,
        with client: APIClient,
        options: RequestOptions = RequestOptions()
    ) async throws(ModelGatesError) -> Int {
        let operation = OperationInfo(operationID: nil, group: "AnalyticsAPI", function: "test", method: method, pathTemplate: "/activity")
        return try await client.send(APIRequest(operation: operation, path: "/activity"), options: options).statusCode
    }

    @Test("POST and PATCH are not retried after a retryable status", arguments: ["POST", "PATCH"])
    func notRetriedOnStatus(method: String) async throws {
        try await TestServer.with({ _, attempt in attempt == 1 ? Self.unavailable : Self.ok }) { server in
            let client = Self.client(server.serverURL, retries: .fast(retryConnectionErrors: true))
            let status = try await Self.send(method, with: client)
            #expect(status == 503)
            #expect(await server.requests.count == 1)
        }
    }

    @Test("idempotent methods are retried after a retryable status", arguments: ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"])
    func idempotentRetried(method: String) async throws {
        // A response to HEAD has no body: one sent anyway stays on the reused connection and is read as the next
        // response ("Received HTTP/0.9").
        let (unavailable, ok) = method == "HEAD"
            ? (HTTPResponse(statusCode: .serviceUnavailable), HTTPResponse(statusCode: .ok))
            : (Self.unavailable, Self.ok)
        try await TestServer.with({ _, attempt in attempt == 1 ? unavailable : ok }) { server in
            let client = Self.client(server.serverURL, retries: .fast())
            let status = try await Self.send(method, with: client)
            #expect(status == 200)
            #expect(await server.requests.count == 2)
        }
    }

    @Test("retryNonIdempotent, set on the client or for one call, retries a POST")
    func optIn() async throws {
        var optedIn = RetryConfig.fast()
        optedIn.retryNonIdempotent = true
        try await TestServer.with({ _, attempt in attempt % 2 == 1 ? Self.unavailable : Self.ok }) { server in
            let status = try await Self.send("POST", with: Self.client(server.serverURL, retries: optedIn))
            #expect(status == 200)
            #expect(await server.requests.count == 2)

            let client = Self.client(server.serverURL, retries: .fast())
            let perCallStatus = try await Self.send("POST", with: client, options: RequestOptions(retries: optedIn))
            #expect(perCallStatus == 200)
            #expect(await server.requests.count == 4)
        }
    }

    @Test("a POST is retried when the connection is refused: it never reached the server")
    func refusedPostRetried() async throws {
        try await TestServer.with({ _, _ in Self.ok }) { server in
            try await withRefusingServerURL { refusingURL in
                // The first attempt goes to a port that refuses connections, the next to the server.
                let transport = RedirectingTransport(first: refusingURL, then: server.serverURL)
                let client = Self.client(refusingURL, retries: Self.connectionRetries, transport: transport)
                let status = try await Self.send("POST", with: client)
                #expect(status == 200)
                #expect(transport.attempts.value == 2)
                #expect(await server.requests.map(\.method) == ["POST"])
            }
        }
    }

    @Test("a connection reset after the request was sent is retried for GET but not for POST")
    func resetAfterSending() async throws {
        let answer = RawServer.head(contentLength: 11) + #"{"data":[]}"#
        try await RawServer.with(scripts: [[.reset], [.send(answer)]]) { server in
            let status = try await Self.send("GET", with: Self.client(server.serverURL, retries: Self.connectionRetries))
            #expect(status == 200)
            #expect(server.connectionCount == 2)
        }
        try await RawServer.with(scripts: [[.reset], [.send(answer)]]) { server in
            let error = await modelGatesError { () async throws(ModelGatesError) in
                try await Self.send("POST", with: Self.client(server.serverURL, retries: Self.connectionRetries))
            }
            guard case .transport(let underlying as URLError)? = error else {
                Issue.record("expected .transport, got \(String(describing: error))")
                return
            }
            #expect(underlying.code == .networkConnectionLost)
            #expect(server.connectionCount == 1)
        }
    }

    @Test("a storm of 429s with Retry-After stops at maxElapsedTime, attempts and time bounded")
    func tooManyRequestsStorm() async throws {
        let tooMany = HTTPResponse.json(429, #"{"error":{"code":429,"message":"slow down"}}"#, headers: ["Retry-After": "30"])
        try await TestServer.with({ _, _ in tooMany }) { server in
            // Retry-After asks for 30 s; maxInterval caps each wait at 0.5 s, and maxElapsedTime the run at 8 s, which
            // leaves room for a first attempt that starts seconds late (under ThreadSanitizer 3 s did not).
            let retries = RetryConfig.fast(initialInterval: 0.5, maxInterval: 0.5, maxElapsedTime: 8)
            let start = ContinuousClock.now
            let status = try await Self.send("GET", with: Self.client(server.serverURL, retries: retries))
            let elapsed = start.duration(to: .now)
            #expect(status == 429)
            // A retry starts only while the elapsed time plus the 0.5 s wait stays within 8 s: at most 17 attempts.
            // An uncapped 30 s Retry-After would have allowed none: a single attempt is right only when its answer
            // came too late for a retry (under ThreadSanitizer, with the other client tests running, it once came
            // after 7 s), so the call, which returns right after it, ended after 7.5 s.
            let requests = await server.requests
            #expect(requests.count <= 17, "made \(requests.count) attempts")
            if requests.count == 1 {
                #expect(elapsed >= .seconds(7.5), "made 1 attempt though its answer came after \(elapsed)")
            }
            #expect(elapsed < .seconds(30), "took \(elapsed)")
        }
    }
}

/// A transport that sends its first request to one server and the rest to another, counting them.
private struct RedirectingTransport: HTTPTransport {
    let first: URL
    let then: URL
    let attempts = AttemptCounter()
    private let transport = URLSessionTransport(session: URLSession(configuration: .ephemeral))

    init(first: URL, then: URL) {
        self.first = first
        self.then = then
    }

    func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        attempts.increment()
        var request = request
        if attempts.value > 1, let url = request.url?.absoluteString {
            request.url = URL(string: url.replacingOccurrences(of: first.absoluteString, with: then.absoluteString))
        }
        return try await transport.send(request)
    }
}
