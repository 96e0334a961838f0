import FlyingFox
import Foundation
import ModelGates
import Testing

@Suite("Requests")
struct RequestTests {
    static let activityJSON = #"{"data":[]}"#

    @Test("query parameters are sent under their wire names, in order")
    func queryWireNames() async throws {
        try await TestServer.with({ _, _ in .json(200, Self.activityJSON) }) { server in
            let client = server.client()
            _ = try await client.analytics.getUserActivity(date: "2025-08-24", apiKeyHash: "abc123", userID: "user_1")
            _ = try await client.analytics.getDailyActivity(
                days: 7, from: "2025-08-01", to: "2025-08-31", projectID: "proj_1", apiKeyID: "key_1"
            )
            let requests = await server.requests
            #expect(requests.map(\.rawQuery) == [
                "date=2025-08-24&api_key_hash=abc123&user_id=user_1",
                "days=7&from=2025-08-01&to=2025-08-31&projectId=proj_1&apiKeyId=key_1",
            ])
            #expect(requests.map(\.method) == ["GET", "GET"])
        }
    }

    @Test("absent optional parameters are not sent at all")
    func absentParametersOmitted() async throws {
        try await TestServer.with({ _, _ in .json(200, Self.activityJSON) }) { server in
            let client = server.client()
            _ = try await client.analytics.getUserActivity()
            _ = try await client.analytics.getDailyActivity(days: 3)
            _ = try await client.analytics.getUserActivity(userID: "u")
            let requests = await server.requests
            #expect(requests.map(\.rawQuery) == ["", "days=3", "user_id=u"])
        }
    }

    @Test("query values are percent-encoded, leaving only RFC 3986 unreserved characters")
    func queryEscaping() async throws {
        try await TestServer.with({ _, _ in .json(200, Self.activityJSON) }) { server in
            let value = "a+b&c=d e/f?g#h%i~j-k_l.m é"
            _ = try await server.client().analytics.getUserActivity(apiKeyHash: value)
            let request = try #require(await server.requests.first)
            #expect(request.rawQuery == "api_key_hash=a%2Bb%26c%3Dd%20e%2Ff%3Fg%23h%25i~j-k_l.m%20%C3%A9")
            #expect(request.query == [HTTPRequest.QueryItem(name: "api_key_hash", value: value)])
        }
    }

    @Test("the server URL's path prefix is kept, with or without a trailing slash")
    func pathPrefix() async throws {
        try await TestServer.with({ _, _ in .json(200, Self.activityJSON) }) { server in
            _ = try await server.client().analytics.getUserActivity()
            _ = try await server.client().analytics.getDailyActivity()
            let withSlash = server.serverURL.appendingPathComponent("", isDirectory: true)
            #expect(withSlash.absoluteString.hasSuffix("/api/v1/"))
            _ = try await server.client(serverURL: withSlash).analytics.getDailyActivity()
            let requests = await server.requests
            #expect(requests.map(\.path) == ["/api/v1/activity", "/api/v1/activity/daily", "/api/v1/activity/daily"])
        }
    }

    @Test("the API key is sent as a bearer token, with the attribution headers")
    func authenticationAndAttributionHeaders() async throws {
        try await TestServer.with({ _, _ in .json(200, Self.activityJSON) }) { server in
            let client = server.client(
                apiKey: "sk-mg-123",
                httpReferer: "https://myapp.example",
                appTitle: "My App",
                appCategories: "cli-agent,cloud-agent"
            )
            _ = try await client.analytics.getUserActivity()
            let request = try #require(await server.requests.first)
            #expect(request.header("Authorization") == "Bearer sk-mg-123")
            #expect(request.header("HTTP-Referer") == "https://myapp.example")
            #expect(request.header("X-ModelGates-Title") == "My App")
            #expect(request.header("X-ModelGates-Categories") == "cli-agent,cloud-agent")
            #expect(request.header("Accept") == "application/json")
        }
    }

    @Test("no authentication or attribution header is sent when they are nil")
    func noOptionalHeaders() async throws {
        try await TestServer.with({ _, _ in .json(200, Self.activityJSON) }) { server in
            _ = try await server.client(apiKey: nil).analytics.getDailyActivity()
            let request = try #require(await server.requests.first)
            #expect(request.header("Authorization") == nil)
            #expect(request.header("HTTP-Referer") == nil)
            #expect(request.header("X-ModelGates-Title") == nil)
            #expect(request.header("X-ModelGates-Categories") == nil)
        }
    }

    @Test("per-call headers are sent, and replace the client's headers of the same name")
    func perCallHeaders() async throws {
        try await TestServer.with({ _, _ in .json(200, Self.activityJSON) }) { server in
            let client = server.client(apiKey: "sk-mg-123", appTitle: "My App")
            let options = RequestOptions(headers: [("X-Request-ID", "req-42"), ("x-modelgates-title", "Other App")])
            _ = try await client.analytics.getUserActivity(options: options)
            let request = try #require(await server.requests.first)
            #expect(request.header("X-Request-ID") == "req-42")
            #expect(request.header("X-ModelGates-Title") == "Other App")
            #expect(request.headers.values(for: HTTPHeader("X-ModelGates-Title")).count == 1)
            #expect(request.header("Authorization") == "Bearer sk-mg-123")
        }
    }

    @Test("a header value with a line break is rejected before anything is sent")
    func headerInjectionRejected() async throws {
        try await TestServer.with({ _, _ in .json(200, Self.activityJSON) }) { server in
            let client = server.client(apiKey: "sk-mg-123\r\nX-Injected: 1")
            let error = await modelGatesError { () async throws(ModelGatesError) in
                try await client.analytics.getUserActivity()
            }
            guard case .invalidRequest(let reason)? = error else {
                Issue.record("expected .invalidRequest, got \(String(describing: error))")
                return
            }
            #expect(reason.contains("Authorization"))
            #expect(!reason.contains("sk-mg-123"))
            #expect(await server.requests.isEmpty)
        }
    }
}
