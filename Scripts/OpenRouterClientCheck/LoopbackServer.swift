import FlyingFox
import FlyingSocks
import Foundation

/// A request as the loopback server received it, body included.
struct ReceivedRequest: Sendable {
    var method: String
    /// The path exactly as it arrived, still percent-encoded.
    var path: String
    /// The query exactly as it arrived, still percent-encoded.
    var query: String
    var headers: HTTPHeaders
    var body: Data

    func header(_ name: String) -> String? {
        headers[HTTPHeader(name)]
    }
}

/// A FlyingFox server on 127.0.0.1 and a port the system picks, standing in for `https://openrouter.ai/api/v1`.
///
/// It answers every request with one handler and keeps the requests, so that a check can look at what the client
/// sent after the call returned: a check that failed inside the server's handler would only show as the client's
/// error, far from its cause.
final class LoopbackServer: Sendable {
    typealias Handler = @Sendable (ReceivedRequest) async throws -> HTTPResponse

    /// The base path of OpenRouter's server URL, kept so that the check sees the client join paths to it.
    static let basePath = "/api/v1"

    /// `http://127.0.0.1:<port>/api/v1`.
    let serverURL: URL
    private let log: RequestLog

    /// Runs `body` with a server that answers with `handler`, then stops the server.
    static func with<Value>(
        _ handler: @escaping Handler,
        _ body: (LoopbackServer) async throws -> Value
    ) async throws -> Value {
        let log = RequestLog()
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 30, logger: .disabled)
        await server.appendRoute("*") { request in
            let received = ReceivedRequest(
                method: request.method.rawValue,
                path: request.target.path(),
                query: request.target.query(),
                headers: request.headers,
                body: try await request.bodyData
            )
            await log.record(received)
            return try await handler(received)
        }
        let task = Task { try await server.run() }
        defer { task.cancel() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress else {
            throw SocketError.unsupportedAddress
        }
        let loopback = LoopbackServer(serverURL: URL(string: "http://127.0.0.1:\(port)\(basePath)")!, log: log)
        do {
            let result = try await body(loopback)
            await server.stop(timeout: 0)
            return result
        } catch {
            await server.stop(timeout: 0)
            throw error
        }
    }

    private init(serverURL: URL, log: RequestLog) {
        self.serverURL = serverURL
        self.log = log
    }

    /// The only request received so far; throws when there were none or several (a retry would hide a failure).
    var request: ReceivedRequest {
        get async throws(CheckFailure) {
            let requests = await log.requests
            guard requests.count == 1 else {
                throw CheckFailure(description: "the server received \(requests.count) requests, expected 1")
            }
            return requests[0]
        }
    }
}

private actor RequestLog {
    private(set) var requests: [ReceivedRequest] = []

    func record(_ request: ReceivedRequest) {
        requests.append(request)
    }
}

extension HTTPResponse {
    /// A `200 OK` with a JSON body.
    static func json(_ body: String) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = "application/json"
        return HTTPResponse(statusCode: .ok, headers: headers, body: Data(body.utf8))
    }

    /// A `200 OK` `text/event-stream` whose body is written chunk by chunk, as `chunks` yields them.
    static func eventStream(_ chunks: ByteChunks) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = "text/event-stream"
        return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: chunks))
    }
}
