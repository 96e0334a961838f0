import FeaturesSDK
import FlyingFox
import FlyingSocks
import Foundation
import Testing

/// API keys in the query and in cookies stay with the server they were meant for.
@Suite("Credentials outside headers")
struct CredentialLeakTests {
    static let echo = #"{"value":"ok"}"#

    /// A handler that redirects the first request with 307 to the same path on `host` and answers the rest.
    static func redirecting(to host: String) -> TestServer.Handler {
        { request in
            guard !request.rawQuery.contains("moved") else { return .json(200, Self.echo) }
            let port = request.header("Host")?.split(separator: ":").last.map(String.init) ?? ""
            var headers = HTTPHeaders()
            headers[.location] = "http://\(host):\(port)\(request.path)?\(request.rawQuery)&moved=1"
            return HTTPResponse(statusCode: .temporaryRedirect, headers: headers)
        }
    }

    @Test("a redirect to another origin drops the query API key and the Cookie header; one within the origin keeps them")
    func redirects() async throws {
        try await TestServer.with(Self.redirecting(to: "localhost")) { server in
            _ = try await server.client(queryKey: "qk-secret").security.searchPublic()
            _ = try await server.client(cookieKey: "ck-secret").security.getPreferences()
            let requests = await server.requests
            try #require(requests.count == 4)
            #expect(requests[0].rawQuery == "api_key=qk-secret")
            #expect(requests[1].rawQuery == "moved=1")
            #expect(requests[2].header("Cookie") == "key=ck-secret")
            #expect(requests[3].header("Cookie") == nil)
        }
        try await TestServer.with(Self.redirecting(to: "127.0.0.1")) { server in
            _ = try await server.client(queryKey: "qk-secret").security.searchPublic()
            _ = try await server.client(cookieKey: "ck-secret").security.getPreferences()
            let requests = await server.requests
            try #require(requests.count == 4)
            #expect(requests[1].rawQuery == "api_key=qk-secret&moved=1")
            #expect(requests[3].header("Cookie") == "key=ck-secret")
        }
    }

    @Test("a provider's query API key and cookie, too, stay with their origin on a redirect")
    func providerRedirects() async throws {
        struct Provider: CredentialProvider {
            func credentials(for operation: OperationInfo) async throws -> FeaturesSDK.Credentials {
                FeaturesSDK.Credentials(queryKey: "qk-provided", cookieKey: "ck-provided")
            }
        }
        try await TestServer.with(Self.redirecting(to: "localhost")) { server in
            let client = FeaturesSDK(credentialProvider: Provider(), serverURL: server.serverURL, retries: .disabled)
            _ = try await client.security.searchPublic()
            _ = try await client.security.getPreferences()
            let requests = await server.requests
            try #require(requests.count == 4)
            #expect(requests[0].rawQuery == "api_key=qk-provided")
            #expect(requests[1].rawQuery == "moved=1")
            #expect(requests[2].header("Cookie") == "key=ck-provided")
            #expect(requests[3].header("Cookie") == nil)
        }
    }

    @Test("a transport error shows the URL with the query API key redacted")
    func transportErrorRedactsQueryKey() async throws {
        let socket = try Socket(domain: AF_INET)
        defer { try? socket.close() }
        try socket.bind(to: .inet(ip4: "127.0.0.1", port: 0))
        guard case .ip4(_, let port) = try socket.sockname() else {
            throw SocketError.unsupportedAddress
        }
        let client = FeaturesSDK(
            queryKey: "qk-secret",
            serverURL: URL(string: "http://127.0.0.1:\(port)/v1")!,
            retries: .disabled
        )
        // The client's key, and a key given to the call as its `security` argument.
        for (call, secret) in [(FeaturesSDK.Credentials?.none, "qk-secret"), (FeaturesSDK.Credentials(queryKey: "qk-call"), "qk-call")] {
            do {
                _ = try await client.security.searchPublic(security: call)
                Issue.record("expected an error")
            } catch {
                guard case .transport = error else {
                    Issue.record("expected .transport, got \(error)")
                    return
                }
                for text in [String(describing: error), String(reflecting: error), error.localizedDescription, String(describing: call)] {
                    #expect(!text.contains(secret), "\(text)")
                }
                #expect(String(describing: error).contains("api_key=redacted"), "\(error)")
            }
        }
    }
}

/// OAuth 2.0 client secrets and access tokens stay with the origins they were meant for and out of every message.
@Suite("OAuth 2.0 credentials")
struct OAuth2LeakTests {
    static let credentials = OAuth2ClientCredentials(clientID: "app", clientSecret: "cs-secret")

    @Test("the client secret is in no description or dump of the credentials or the client")
    func descriptions() throws {
        let client = FeaturesSDK(clientCredentials: Self.credentials)
        var texts = [String(describing: Self.credentials), String(reflecting: Self.credentials), String(describing: client)]
        for value in [Self.credentials as Any, client] {
            var dumped = ""
            dump(value, to: &dumped)
            texts.append(dumped)
        }
        for text in texts {
            #expect(!text.contains("cs-secret"), "\(text)")
        }
        #expect(String(describing: Self.credentials).contains("app"))
    }

    @Test("a redirect of the token request to another origin drops the client authentication")
    func tokenRedirect() async throws {
        let handler: TestServer.Handler = { request in
            guard !request.rawQuery.contains("moved") else {
                return .json(401, #"{"error":"invalid_client"}"#)
            }
            let port = request.header("Host")?.split(separator: ":").last.map(String.init) ?? ""
            var headers = HTTPHeaders()
            headers[.location] = "http://localhost:\(port)/oauth/token?moved=1"
            return HTTPResponse(statusCode: .temporaryRedirect, headers: headers)
        }
        try await TestServer.with(handler) { server in
            let client = FeaturesSDK(clientCredentials: Self.credentials, serverURL: server.serverURL, retries: .disabled)
            let error = await featuresError { () async throws(FeaturesSDKError) in try await client.security.listReports() }
            guard case .tokenRequest? = error else {
                Issue.record("expected .tokenRequest, got \(String(describing: error))")
                return
            }
            let requests = await server.requests
            try #require(requests.count == 2)
            #expect(requests[0].header("Authorization")?.hasPrefix("Basic ") == true)
            #expect(requests[1].path == "/oauth/token")
            #expect(requests[1].header("Authorization") == nil)
        }
    }

    @Test("a redirect of a call to another origin drops the access token")
    func callRedirect() async throws {
        let redirect = CredentialLeakTests.redirecting(to: "localhost")
        let handler: TestServer.Handler = { request in
            guard request.path == "/oauth/token" else { return try await redirect(request) }
            return .json(200, #"{"access_token":"at-secret","token_type":"Bearer","expires_in":3600}"#)
        }
        try await TestServer.with(handler) { server in
            let client = FeaturesSDK(clientCredentials: Self.credentials, serverURL: server.serverURL, retries: .disabled)
            _ = try await client.security.listReports()
            let requests = await server.requests
            try #require(requests.count == 3)
            #expect(requests[1].header("Authorization") == "Bearer at-secret")
            #expect(requests[2].rawQuery.contains("moved"))
            #expect(requests[2].header("Authorization") == nil)
            // The client holds the token now, and still shows neither it nor the secret.
            var dumped = ""
            dump(client, to: &dumped)
            for text in [dumped, String(describing: client), String(reflecting: client)] {
                #expect(!text.contains("at-secret") && !text.contains("cs-secret"), "\(text)")
            }
        }
    }
}
