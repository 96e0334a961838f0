import FeaturesSDK
import Foundation
import Testing

@Suite("Security")
struct SecurityTests {
    static let echo = #"{"value":"ok"}"#

    @Test("operations without their own security send the document's: a bearer token")
    func documentSecurity() async throws {
        try await TestServer.with({ _ in .json(200, Self.echo) }) { server in
            _ = try await server.client(bearerAuth: "tok").parameters.listItemTags(itemID: 1, kind: .primary, xRequestID: "r")
            #expect(try await server.request.header("Authorization") == "Bearer tok")
        }
    }

    @Test("HTTP basic authentication sends the user name and password in Base64")
    func basic() async throws {
        try await TestServer.with({ _ in .json(200, Self.echo) }) { server in
            _ = try await server.client(username: "ada", password: "pa:ss wörd").security.getAdmin()
            let expected = "Basic " + Data("ada:pa:ss wörd".utf8).base64EncodedString()
            #expect(try await server.request.header("Authorization") == expected)
        }
    }

    @Test("without all of a requirement's credentials, none are sent")
    func missingCredential() async throws {
        try await TestServer.with({ _ in .json(200, Self.echo) }) { server in
            _ = try await server.client(username: "ada").security.getAdmin()
            #expect(try await server.request.header("Authorization") == nil)
        }
    }

    @Test("an API key in the query is added to the query; with an optional requirement and no key, nothing is sent")
    func queryKey() async throws {
        try await TestServer.with({ _ in .json(200, Self.echo) }) { server in
            _ = try await server.client(queryKey: "k&1").security.searchPublic()
            _ = try await server.client().security.searchPublic()
            let requests = await server.requests
            #expect(requests.map(\.rawQuery) == ["api_key=k%261", ""])
            #expect(requests.map { $0.header("Authorization") } == [nil, nil])
        }
    }

    @Test("an operation's own security is its security argument: the call's secrets replace the client's, one left nil falls back")
    func callSecurity() async throws {
        try await TestServer.with({ _ in .json(200, Self.echo) }) { server in
            let client = server.client(username: "client-user", password: "client-pass", queryKey: "client-key")
            _ = try await client.security.searchPublic(security: FeaturesSDK.Credentials(queryKey: "call-key"))
            _ = try await client.security.searchPublic()
            _ = try await client.security.getAdmin(security: FeaturesSDK.Credentials(username: "call-user", password: "call-pass"))
            // A user name without its password is no basic credential: the client's pair is sent.
            _ = try await client.security.getAdmin(security: FeaturesSDK.Credentials(username: "call-user"))
            _ = try await server.client().security.searchPublic(security: FeaturesSDK.Credentials(queryKey: "only-call"))
            let requests = await server.requests
            #expect(requests.map(\.rawQuery) == ["api_key=call-key", "api_key=client-key", "", "", "api_key=only-call"])
            let basic = { (pair: String) in "Basic " + Data(pair.utf8).base64EncodedString() }
            #expect(requests[2].header("Authorization") == basic("call-user:call-pass"))
            #expect(requests[3].header("Authorization") == basic("client-user:client-pass"))
        }
    }

    @Test("an API key in a cookie is sent in the Cookie header")
    func cookieKey() async throws {
        try await TestServer.with({ _ in .json(200, Self.echo) }) { server in
            _ = try await server.client(cookieKey: "c=1").security.getPreferences()
            let request = try await server.request
            #expect(request.header("Cookie") == "key=c%3D1")
            #expect(request.header("Authorization") == nil)
        }
    }

    @Test("an operation with `security: []` sends no credentials at all")
    func noSecurity() async throws {
        try await TestServer.with({ _ in .empty(204) }) { server in
            let client = server.client(bearerAuth: "tok", username: "u", password: "p", queryKey: "q", cookieKey: "c")
            try await client.security.getHealth()
            let request = try await server.request
            #expect(request.header("Authorization") == nil)
            #expect(request.header("Cookie") == nil)
            #expect(request.rawQuery == "")
        }
    }
}
