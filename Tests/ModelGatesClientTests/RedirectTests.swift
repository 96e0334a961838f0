import FlyingFox
import Foundation
@testable import ModelGates
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("Redirects")
struct RedirectTests {
    static let ok = HTTPResponse.json(200, #"{"data":[]}"#)

    /// A handler that redirects the first request with 307 to `location(port)` and answers the rest with 200.
    static func redirecting(to location: @escaping @Sendable (_ port: String) -> String) -> TestServer.Handler {
        { request, attempt in
            guard attempt == 1 else { return Self.ok }
            // The Host header is 127.0.0.1:<port>, the server's own address.
            let port = request.headers[.host]?.split(separator: ":").last.map(String.init) ?? ""
            var headers = HTTPHeaders()
            headers[.location] = location(port)
            return HTTPResponse(statusCode: .temporaryRedirect, headers: headers)
        }
    }

    @Test("a redirect to another origin is followed without the Authorization header")
    func crossOriginDropsAuthorization() async throws {
        // localhost is the same server but another origin than 127.0.0.1.
        let handler = Self.redirecting { port in "http://localhost:\(port)/api/v1/activity?moved=1" }
        try await TestServer.with(handler) { server in
            _ = try await server.client(apiKey: "sk-secret", appTitle: "My App").analytics.getUserActivity()
            let requests = await server.requests
            try #require(requests.count == 2)
            #expect(requests[0].header("Authorization") == "Bearer sk-secret")
            #expect(requests[1].rawQuery == "moved=1")
            #expect(requests[1].header("Host")?.hasPrefix("localhost:") == true)
            #expect(requests[1].header("Authorization") == nil)
            // Headers that are not credentials still go along.
            #expect(requests[1].header("X-ModelGates-Title") == "My App")
        }
    }

    @Test("a redirect within the origin keeps the Authorization header")
    func sameOriginKeepsAuthorization() async throws {
        let handler = Self.redirecting { port in "http://127.0.0.1:\(port)/api/v1/activity?moved=1" }
        try await TestServer.with(handler) { server in
            _ = try await server.client(apiKey: "sk-secret").analytics.getUserActivity()
            let requests = await server.requests
            try #require(requests.count == 2)
            #expect(requests[1].rawQuery == "moved=1")
            #expect(requests[1].header("Authorization") == "Bearer sk-secret")
        }
    }

    @Test("origins compare scheme, host and port, with the default port for a URL that names none", arguments: [
        ("http://api.example.com/a", "http://API.example.com:80/b?c", true),
        ("https://api.example.com/a", "https://api.example.com:443/b", true),
        ("https://api.example.com/a", "http://api.example.com/a", false),
        ("http://api.example.com/a", "http://api.example.com:8080/a", false),
        ("http://api.example.com/a", "http://example.com/a", false),
        ("http://127.0.0.1:5000/a", "http://localhost:5000/a", false),
    ])
    func sameOrigin(first: String, second: String, expected: Bool) throws {
        #expect(CrossOriginRedirect.isSameOrigin(URL(string: first)!, URL(string: second)!) == expected)
    }

    @Test("a cross-origin redirect drops every credential header, whatever its case")
    func dropsCredentialHeaders() throws {
        var redirect = URLRequest(url: URL(string: "https://elsewhere.example/v1?page=2")!)
        redirect.setValue("Bearer k", forHTTPHeaderField: "authorization")
        redirect.setValue("session=k", forHTTPHeaderField: "Cookie")
        redirect.setValue("Basic k", forHTTPHeaderField: "Proxy-Authorization")
        redirect.setValue("My App", forHTTPHeaderField: "X-Title")
        let followed = CrossOriginRedirect.request(redirect, from: URL(string: "https://api.example/v1")!)
        #expect(followed.allHTTPHeaderFields ?? [:] == ["X-Title": "My App"])
        #expect(followed.url == redirect.url)

        let sameOrigin = CrossOriginRedirect.request(redirect, from: URL(string: "https://elsewhere.example/v0")!)
        #expect(sameOrigin.value(forHTTPHeaderField: "Authorization") == "Bearer k")
    }
}
