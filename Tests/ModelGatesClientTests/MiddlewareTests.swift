import FlyingFox
import Foundation
import ModelGates
import Synchronization
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Records what each middleware saw, in order, for the tests to read.
final class MiddlewareLog: Sendable {
    private let entries = Mutex<[String]>([])

    func append(_ entry: String) {
        entries.withLock { $0.append(entry) }
    }

    var all: [String] {
        entries.withLock { $0 }
    }
}

/// Adds a header naming itself, and logs the operation, the attempt and the response's status.
struct TaggingMiddleware: ClientMiddleware {
    let name: String
    let log: MiddlewareLog

    func intercept(
        _ request: URLRequest,
        context: MiddlewareContext,
        next: (URLRequest) async throws -> ClientResponse
    ) async throws -> ClientResponse {
        var request = request
        request.setValue(name, forHTTPHeaderField: "X-Middleware-\(name)")
        let operation = context.operation
        log.append("\(name) > \(operation.operationID ?? "-") \(operation.group).\(operation.function) \(operation.method) \(operation.pathTemplate) #\(context.attempt)")
        let response = try await next(request)
        log.append("\(name) < \(response.head.statusCode)")
        return response
    }
}

/// Sends a bearer token, and after a 401 gets a new one and replays the request once.
final class TokenRefreshMiddleware: ClientMiddleware {
    let tokens: Mutex<[String]>

    init(tokens: [String]) {
        self.tokens = Mutex(tokens)
    }

    private func currentToken() -> String {
        tokens.withLock { $0[0] }
    }

    private func refresh() {
        tokens.withLock { _ = $0.removeFirst() }
    }

    func intercept(
        _ request: URLRequest,
        context: MiddlewareContext,
        next: (URLRequest) async throws -> ClientResponse
    ) async throws -> ClientResponse {
        var request = request
        request.setValue("Bearer \(currentToken())", forHTTPHeaderField: "Authorization")
        let response = try await next(request)
        guard response.head.statusCode == 401 else {
            return response
        }
        refresh()
        request.setValue("Bearer \(currentToken())", forHTTPHeaderField: "Authorization")
        return try await next(request)
    }
}

/// Answers every request itself, without calling `next`.
struct StubMiddleware: ClientMiddleware {
    let body: String

    func intercept(
        _ request: URLRequest,
        context: MiddlewareContext,
        next: (URLRequest) async throws -> ClientResponse
    ) async throws -> ClientResponse {
        let head = HTTPURLResponse(url: request.url!, statusCode: 200, httpVersion: "HTTP/1.1",
                                   headerFields: ["Content-Type": "application/json"])!
        return ClientResponse(head: head, body: Data(body.utf8))
    }
}

struct ThrowingMiddleware: ClientMiddleware {
    struct Refused: Error {}

    func intercept(
        _ request: URLRequest,
        context: MiddlewareContext,
        next: (URLRequest) async throws -> ClientResponse
    ) async throws -> ClientResponse {
        throw Refused()
    }
}

@Suite("Middleware")
struct MiddlewareTests {
    static let activityJSON = #"{"data":[]}"#

    @Test("the client's middlewares run in order, then the call's, each seeing the operation and the attempt")
    func order() async throws {
        try await TestServer.with({ _, _ in .json(200, Self.activityJSON) }) { server in
            let log = MiddlewareLog()
            let client = ModelGates(
                apiKey: "k",
                serverURL: server.serverURL,
                middlewares: [TaggingMiddleware(name: "a", log: log), TaggingMiddleware(name: "b", log: log)]
            )
            _ = try await client.analytics.getDailyActivity(
                days: 1,
                options: RequestOptions(middlewares: [TaggingMiddleware(name: "c", log: log)])
            )
            #expect(log.all == [
                "a > getDailyActivity AnalyticsAPI.getDailyActivity GET /activity/daily #1",
                "b > getDailyActivity AnalyticsAPI.getDailyActivity GET /activity/daily #1",
                "c > getDailyActivity AnalyticsAPI.getDailyActivity GET /activity/daily #1",
                "c < 200", "b < 200", "a < 200",
            ])
            let request = try #require(await server.requests.first)
            #expect(["a", "b", "c"].map { request.header("X-Middleware-\($0)") } == ["a", "b", "c"])
            #expect(request.header("Authorization") == "Bearer k")
        }
    }

    @Test("each retried attempt passes through the chain again, with its number")
    func retries() async throws {
        try await TestServer.with({ _, attempt in
            attempt < 3 ? .json(503, #"{"error":{"code":503,"message":"busy"}}"#) : .json(200, Self.activityJSON)
        }) { server in
            let log = MiddlewareLog()
            let client = ModelGates(
                apiKey: "k",
                serverURL: server.serverURL,
                retries: .fast(),
                middlewares: [TaggingMiddleware(name: "a", log: log)]
            )
            _ = try await client.analytics.getUserActivity()
            #expect(log.all == [
                "a > getUserActivity AnalyticsAPI.getUserActivity GET /activity #1", "a < 503",
                "a > getUserActivity AnalyticsAPI.getUserActivity GET /activity #2", "a < 503",
                "a > getUserActivity AnalyticsAPI.getUserActivity GET /activity #3", "a < 200",
            ])
        }
    }

    @Test("a middleware can refresh a token after a 401 and replay the request once")
    func tokenRefresh() async throws {
        try await TestServer.with({ request, _ in
            request.headers[HTTPHeader("Authorization")] == "Bearer fresh"
                ? .json(200, Self.activityJSON)
                : .json(401, #"{"error":{"code":401,"message":"expired"}}"#)
        }) { server in
            let client = ModelGates(
                apiKey: nil,
                serverURL: server.serverURL,
                middlewares: [TokenRefreshMiddleware(tokens: ["stale", "fresh"])]
            )
            let activity = try await client.analytics.getUserActivity()
            #expect(activity.data.isEmpty)
            let requests = await server.requests
            #expect(requests.map { $0.header("Authorization") } == ["Bearer stale", "Bearer fresh"])
        }
    }

    @Test("a middleware can answer a request without the network")
    func answers() async throws {
        let client = ModelGates(
            apiKey: "k",
            serverURL: URL(string: "http://127.0.0.1:9")!,
            middlewares: [StubMiddleware(body: Self.activityJSON)]
        )
        let activity = try await client.analytics.getUserActivity(date: "2025-08-24")
        #expect(activity.data.isEmpty)
    }

    @Test("a middleware is tested on its own with a context it makes")
    func onItsOwn() async throws {
        let log = MiddlewareLog()
        let operation = OperationInfo(
            operationID: "op", group: "AnalyticsAPI", function: "op", method: "GET", pathTemplate: "/items/{id}"
        )
        let request = URLRequest(url: URL(string: "http://127.0.0.1:9/items/1")!)
        let response = try await TaggingMiddleware(name: "a", log: log).intercept(
            request, context: MiddlewareContext(operation: operation, attempt: 2)
        ) { request in
            #expect(request.value(forHTTPHeaderField: "X-Middleware-a") == "a")
            return ClientResponse(head: HTTPURLResponse(url: request.url!, statusCode: 204, httpVersion: nil, headerFields: nil)!, body: Data())
        }
        #expect(response.head.statusCode == 204)
        #expect(log.all == ["a > op AnalyticsAPI.op GET /items/{id} #2", "a < 204"])
    }

    @Test("an error a middleware throws reaches the caller as a transport error")
    func throwsTransport() async throws {
        let client = ModelGates(apiKey: "k", middlewares: [ThrowingMiddleware()])
        await #expect {
            _ = try await client.analytics.getUserActivity()
        } throws: { error in
            guard case .transport(let underlying) = error as? ModelGatesError else {
                return false
            }
            return underlying is ThrowingMiddleware.Refused
        }
    }
}
