import FeaturesSDK
import FlyingFox
import FlyingSocks
import Foundation

/// A request as the test server received it, body included.
struct ReceivedRequest: Sendable {
    var method: String
    /// The path exactly as it arrived, still percent-encoded.
    var path: String
    /// The query exactly as it arrived, still percent-encoded.
    var rawQuery: String
    var headers: HTTPHeaders
    var body: Data

    func header(_ name: String) -> String? {
        headers[HTTPHeader(name)]
    }

    var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }
}

/// A FlyingFox server on 127.0.0.1 and an ephemeral port, for one test.
final class TestServer: Sendable {
    typealias Handler = @Sendable (_ request: ReceivedRequest) async throws -> HTTPResponse

    private let server: HTTPServer
    private let task: Task<Void, any Error>
    private let log: RequestLog

    /// The server URL of this server: `http://127.0.0.1:<port>/v1`.
    let serverURL: URL

    /// Runs `body` with a server that answers every request with `handler`, then stops the server.
    static func with<Value>(
        _ handler: @escaping Handler,
        _ body: (TestServer) async throws -> Value
    ) async throws -> Value {
        let log = RequestLog()
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 30, logger: .disabled)
        await server.appendRoute("*") { request in
            await log.recordHead()
            let received = ReceivedRequest(
                method: request.method.rawValue,
                path: request.target.path(),
                rawQuery: request.target.query(),
                headers: request.headers,
                body: try await request.bodyData
            )
            await log.record(received)
            return try await handler(received)
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
        self.serverURL = URL(string: "http://127.0.0.1:\(port)/v1")!
    }

    private func stop() async {
        await server.stop(timeout: 0)
        task.cancel()
    }

    /// The requests received so far, in order.
    var requests: [ReceivedRequest] {
        get async { await log.requests }
    }

    /// Waits until the head of a request has arrived, its body perhaps still to come, for at most `limit`; returns
    /// whether one did.
    func waitForHead(within limit: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now + limit
        while await log.headCount == 0 {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(20))
        }
        return true
    }

    /// The only request received so far.
    var request: ReceivedRequest {
        get async throws {
            let requests = await log.requests
            guard requests.count == 1 else { throw UnexpectedRequests(count: requests.count) }
            return requests[0]
        }
    }

    /// A client of this server, with retries disabled.
    func client(
        bearerAuth: String? = "bearer-token",
        username: String? = nil,
        password: String? = nil,
        queryKey: String? = nil,
        cookieKey: String? = nil,
        timeout: TimeInterval = 30,
        transport: any HTTPTransport = testTransport()
    ) -> FeaturesSDK {
        FeaturesSDK(
            bearerAuth: bearerAuth,
            username: username,
            password: password,
            queryKey: queryKey,
            cookieKey: cookieKey,
            serverURL: serverURL,
            retries: .disabled,
            timeout: timeout,
            transport: transport
        )
    }
}

struct UnexpectedRequests: Error {
    var count: Int
}

private actor RequestLog {
    private(set) var requests: [ReceivedRequest] = []
    /// The requests whose head has arrived, bodies read or not.
    private(set) var headCount = 0

    func recordHead() {
        headCount += 1
    }

    func record(_ request: ReceivedRequest) {
        requests.append(request)
    }
}

extension HTTPResponse {
    /// A response with a body of the given media type.
    static func body(_ status: Int, _ body: Data, contentType: String) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = contentType
        return HTTPResponse(statusCode: HTTPStatusCode(status, phrase: "Status \(status)"), headers: headers, body: body)
    }

    /// A JSON response.
    static func json(_ status: Int, _ body: String) -> HTTPResponse {
        .body(status, Data(body.utf8), contentType: "application/json")
    }

    /// A response without a body.
    static func empty(_ status: Int) -> HTTPResponse {
        HTTPResponse(statusCode: HTTPStatusCode(status, phrase: "Status \(status)"))
    }

    /// A `text/event-stream` response whose body is sent in `chunks`, waiting `delay` before each one.
    static func eventStream(_ chunks: [String], delay: Duration = .zero, onSend: (@Sendable (Int) -> Void)? = nil) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = "text/event-stream"
        let body = HTTPBodySequence(from: DelayedChunks(chunks: chunks.map { Array($0.utf8) }, delay: delay, onSend: onSend))
        return HTTPResponse(statusCode: .ok, headers: headers, body: body)
    }
}

/// Bytes that arrive in chunks, with a pause before each one.
struct DelayedChunks: AsyncBufferedSequence {
    typealias Element = UInt8

    var chunks: [[UInt8]]
    var delay: Duration
    /// Called with a chunk's index just before it is sent.
    var onSend: (@Sendable (Int) -> Void)?

    func makeAsyncIterator() -> Iterator {
        Iterator(chunks: chunks, delay: delay, onSend: onSend)
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var chunks: [[UInt8]]
        var delay: Duration
        var onSend: (@Sendable (Int) -> Void)?
        var index = 0
        var pending: [UInt8] = []

        mutating func next() async throws -> UInt8? {
            guard let buffer = try await nextBuffer(suggested: 1) else { return nil }
            return buffer.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            if pending.isEmpty {
                guard index < chunks.count else { return nil }
                if delay > .zero {
                    try await Task.sleep(for: delay)
                }
                onSend?(index)
                pending = chunks[index]
                index += 1
            }
            let buffer = Array(pending.prefix(Swift.max(1, count)))
            pending.removeFirst(buffer.count)
            return buffer
        }
    }
}

/// Runs `body` and returns the `FeaturesSDKError` it throws, or `nil` if it succeeds.
func featuresError<T>(_ body: () async throws(FeaturesSDKError) -> T) async -> FeaturesSDKError? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error
    }
}

/// The parts of a `multipart/form-data` body.
struct MultipartPart: Equatable {
    var name: String
    var filename: String?
    var contentType: String?
    var body: Data

    var text: String {
        String(decoding: body, as: UTF8.self)
    }

    /// Splits a body at the boundary its `Content-Type` names.
    static func parse(_ body: Data, contentType: String?) throws -> [MultipartPart] {
        guard let contentType, contentType.hasPrefix("multipart/form-data; boundary=") else {
            throw MultipartError(reason: "content type \(contentType ?? "nil")")
        }
        let boundary = Data(("--" + contentType.dropFirst("multipart/form-data; boundary=".count)).utf8)
        var parts: [MultipartPart] = []
        var rest = body[...]
        guard let first = rest.range(of: boundary) else { throw MultipartError(reason: "no boundary") }
        rest = rest[first.upperBound...]
        while !rest.starts(with: Data("--".utf8)) {
            guard rest.starts(with: Data("\r\n".utf8)) else { throw MultipartError(reason: "no CRLF after boundary") }
            rest = rest.dropFirst(2)
            guard let headEnd = rest.range(of: Data("\r\n\r\n".utf8)),
                  let next = rest.range(of: Data("\r\n".utf8) + boundary, in: headEnd.upperBound..<rest.endIndex) else {
                throw MultipartError(reason: "unterminated part")
            }
            let head = String(decoding: rest[..<headEnd.lowerBound], as: UTF8.self)
            var part = MultipartPart(name: "", body: Data(rest[headEnd.upperBound..<next.lowerBound]))
            for line in head.components(separatedBy: "\r\n") {
                if line.hasPrefix("Content-Disposition: form-data; ") {
                    for parameter in line.dropFirst("Content-Disposition: form-data; ".count).components(separatedBy: "; ") {
                        let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
                        let value = String(pair[1].dropFirst().dropLast())
                        if pair[0] == "name" { part.name = value }
                        if pair[0] == "filename" { part.filename = value }
                    }
                } else if line.hasPrefix("Content-Type: ") {
                    part.contentType = String(line.dropFirst("Content-Type: ".count))
                }
            }
            parts.append(part)
            rest = rest[next.upperBound...]
        }
        return parts
    }

    init(name: String, filename: String? = nil, contentType: String? = nil, body: Data) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
        self.body = body
    }
}

struct MultipartError: Error {
    var reason: String
}
