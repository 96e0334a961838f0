import FlyingFox
import FlyingSocks
import Foundation
import ModelGates
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A request as the test server received it.
struct ReceivedRequest: Sendable {
    var method: String
    var path: String
    /// The query exactly as it arrived, still percent-encoded.
    var rawQuery: String
    var query: [HTTPRequest.QueryItem]
    var headers: HTTPHeaders
    var receivedAt: ContinuousClock.Instant

    func header(_ name: String) -> String? {
        headers[HTTPHeader(name)]
    }
}

/// A FlyingFox server on 127.0.0.1 and an ephemeral port, for one test.
///
/// The handler gets each request with its attempt number, 1 for the first request the server receives.
final class TestServer: Sendable {
    typealias Handler = @Sendable (_ request: HTTPRequest, _ attempt: Int) async throws -> HTTPResponse

    private let server: HTTPServer
    private let task: Task<Void, any Error>
    private let log: RequestLog

    /// The ModelGates server URL of this server: `http://127.0.0.1:<port>/api/v1`.
    let serverURL: URL

    /// Runs `body` with a server that answers every request with `handler`, then stops the server.
    static func with<Value>(
        _ handler: @escaping Handler,
        _ body: (TestServer) async throws -> Value
    ) async throws -> Value {
        let log = RequestLog()
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 30, logger: .disabled)
        await server.appendRoute("*") { request in
            let attempt = await log.record(request)
            return try await handler(request, attempt)
        }
        let task = Task { try await server.run() }
        // FlyingFox waits 5 s by default; a full `swift test` on 2 cores can keep the server from listening longer.
        try await server.waitUntilListening(timeout: 60)
        guard case .ip4(_, let port)? = await server.listeningAddress else {
            task.cancel()
            throw SocketError.unsupportedAddress
        }
        let testServer = TestServer(server: server, task: task, port: port, log: log)
        do {
            let result = try await body(testServer)
            await testServer.stop()
            return result
        } catch {
            await testServer.stop()
            throw error
        }
    }

    private init(server: HTTPServer, task: Task<Void, any Error>, port: UInt16, log: RequestLog) {
        self.server = server
        self.task = task
        self.log = log
        self.serverURL = URL(string: "http://127.0.0.1:\(port)/api/v1")!
    }

    private func stop() async {
        await server.stop(timeout: 0)
        task.cancel()
    }

    /// The requests received so far, in order.
    var requests: [ReceivedRequest] {
        get async { await log.requests }
    }

    /// Waits until the server has received `count` requests.
    func waitForRequests(_ count: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while await log.requests.count < count {
            guard ContinuousClock.now < deadline else {
                throw WaitTimedOut()
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// A client of this server, with retries disabled unless the test asks for them.
    func client(
        apiKey: String? = "test-key",
        httpReferer: String? = nil,
        appTitle: String? = nil,
        appCategories: String? = nil,
        retries: RetryConfig = .disabled,
        timeout: TimeInterval = 30,
        serverURL: URL? = nil
    ) -> ModelGates {
        ModelGates(
            apiKey: apiKey,
            serverURL: serverURL ?? self.serverURL,
            httpReferer: httpReferer,
            appTitle: appTitle,
            appCategories: appCategories,
            retries: retries,
            timeout: timeout
        )
    }
}

struct WaitTimedOut: Error {}

/// Runs `body` with a server URL whose port refuses connections: a socket is bound to it but does not listen, so that
/// no other test can take the port meanwhile.
func withRefusingServerURL<Value>(_ body: (URL) async throws -> Value) async throws -> Value {
    let socket = try Socket(domain: AF_INET)
    defer { try? socket.close() }
    try socket.bind(to: .inet(ip4: "127.0.0.1", port: 0))
    guard case .ip4(_, let port) = try socket.sockname() else {
        throw SocketError.unsupportedAddress
    }
    return try await body(URL(string: "http://127.0.0.1:\(port)/api/v1")!)
}

private actor RequestLog {
    private(set) var requests: [ReceivedRequest] = []

    func record(_ request: HTTPRequest) -> Int {
        requests.append(ReceivedRequest(
            method: request.method.rawValue,
            path: request.path,
            rawQuery: request.target.query(),
            query: request.query,
            headers: request.headers,
            receivedAt: .now
        ))
        return requests.count
    }
}

extension HTTPResponse {
    /// A JSON response.
    static func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> HTTPResponse {
        var httpHeaders = HTTPHeaders()
        httpHeaders[.contentType] = "application/json"
        for (name, value) in headers {
            httpHeaders[HTTPHeader(name)] = value
        }
        return HTTPResponse(
            statusCode: HTTPStatusCode(status, phrase: "Status \(status)"),
            headers: httpHeaders,
            body: Data(body.utf8)
        )
    }
}

extension RetryConfig {
    /// A policy with tiny intervals and no jitter, for tests.
    static func fast(
        initialInterval: TimeInterval = 0.01,
        maxInterval: TimeInterval = 0.1,
        exponent: Double = 2,
        maxElapsedTime: TimeInterval = 60,
        statusCodes: Set<StatusCode> = [408, 429, 500, 502, 503, 504],
        retryConnectionErrors: Bool = false
    ) -> RetryConfig {
        RetryConfig(
            backoff: Backoff(
                initialInterval: initialInterval,
                maxInterval: maxInterval,
                exponent: exponent,
                maxElapsedTime: maxElapsedTime,
                jitter: 0
            ),
            statusCodes: statusCodes,
            retryConnectionErrors: retryConnectionErrors
        )
    }
}

/// Runs `body` and returns the `ModelGatesError` it throws, or `nil` if it succeeds.
func modelGatesError<T>(_ body: () async throws(ModelGatesError) -> T) async -> ModelGatesError? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error
    }
}

/// Counts calls, from any thread, and keeps when the first one ended.
final class AttemptCounter: Sendable {
    private let count = Mutex(0)
    private let firstEnd = Mutex<ContinuousClock.Instant?>(nil)

    var value: Int {
        count.withLock { $0 }
    }

    /// When the first call returned or threw, once it has.
    var firstAttemptEnd: ContinuousClock.Instant? {
        firstEnd.withLock { $0 }
    }

    func increment() {
        count.withLock { $0 += 1 }
    }

    func attemptEnded() {
        firstEnd.withLock { end in
            if end == nil { end = .now }
        }
    }
}

/// A ``URLSessionTransport`` that counts the requests it sends.
struct CountingTransport: HTTPTransport {
    let counter: AttemptCounter
    // A session of its own: the shared one queues behind other tests' stalled requests to 127.0.0.1, which
    // would make the attempts this transport counts start late.
    private let transport = URLSessionTransport(session: URLSession(configuration: .ephemeral))

    init(counter: AttemptCounter) {
        self.counter = counter
    }

    func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        counter.increment()
        defer { counter.attemptEnded() }
        return try await transport.send(request)
    }
}
