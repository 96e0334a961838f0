import FeaturesSDK
import Foundation
import Testing

@Suite("Parameters")
struct ParameterTests {
    static let echo = #"{"value":"ok"}"#

    @Test("query parameters are written in their style: form, spaceDelimited, pipeDelimited, deepObject, JSON")
    func queryStyles() async throws {
        try await TestServer.with({ _ in .json(200, Self.echo) }) { server in
            _ = try await server.client().parameters.listItemTags(
                itemID: 42,
                kind: .secondary,
                ids: [1, 2],
                names: ["a b", "c,d"],
                words: ["x", "y"],
                levels: [.primary, .secondary],
                filter: Filter(color: "red", size: 2),
                point: Point(x: 1, y: -2),
                since: Date(timeIntervalSince1970: 1_756_029_600),
                priority: .high,
                search: Filter(color: "blue"),
                xRequestID: "r-1"
            )
            let request = try await server.request
            #expect(request.path == "/v1/items/42/tags/secondary")
            #expect(request.rawQuery.components(separatedBy: "&") == [
                "ids=1", "ids=2",
                "names=a%20b,c%2Cd",
                "words=x%20y",
                "levels=primary%7Csecondary",
                "filter%5Bcolor%5D=red", "filter%5Bsize%5D=2",
                "x=1", "y=-2",
                "since=2025-08-24T10%3A00%3A00Z",
                "priority=3",
                "search=%7B%22color%22%3A%22blue%22%7D",
            ])
        }
    }

    @Test("absent optional parameters send nothing; an empty array in the form style without explode sends an empty value")
    func absentParameters() async throws {
        try await TestServer.with({ _ in .json(200, Self.echo) }) { server in
            let client = server.client()
            _ = try await client.parameters.listItemTags(itemID: 1, kind: .primary, xRequestID: "r")
            _ = try await client.parameters.listItemTags(itemID: 1, kind: .primary, ids: [], names: [], xRequestID: "r")
            let requests = await server.requests
            #expect(requests.map(\.rawQuery) == ["", "names="])
            #expect(requests[0].header("Cookie") == nil)
            #expect(requests[0].header("X-Trace-IDs") == nil)
        }
    }

    @Test("header parameters are written in the simple style; cookies go in one Cookie header, percent-encoded")
    func headersAndCookies() async throws {
        try await TestServer.with({ _ in .json(200, Self.echo) }) { server in
            _ = try await server.client().parameters.listItemTags(
                itemID: 7,
                kind: .primary,
                xTraceIDs: ["t1", "t2"],
                xRequestID: "req-7",
                session: "abc123",
                theme: "dark mode; yes"
            )
            let request = try await server.request
            #expect(request.header("X-Trace-IDs") == "t1,t2")
            #expect(request.header("X-Request-ID") == "req-7")
            #expect(request.header("Cookie") == "session=abc123; theme=dark%20mode%3B%20yes")
            #expect(request.header("Accept") == "application/json")
        }
    }

    @Test("path parameters are percent-encoded")
    func pathEncoding() async throws {
        try await TestServer.with({ _ in .json(200, Self.echo) }) { server in
            _ = try await server.client().parameters.listItemTags(itemID: -3, kind: TagKind(rawValue: "a/b c"), xRequestID: "r")
            let request = try await server.request
            #expect(request.path == "/v1/items/-3/tags/a%2Fb%20c")
        }
    }

    @Test("the server URL is built from the server's variables")
    func serverVariables() {
        #expect(FeaturesSDK.defaultServerURL.absoluteString == "https://eu.features.example/v1")
        #expect(FeaturesSDK.serverURL(region: "us")?.absoluteString == "https://us.features.example/v1")
        #expect(FeaturesSDK.serverURL(version: "v2")?.absoluteString == "https://eu.features.example/v2")
    }
}
