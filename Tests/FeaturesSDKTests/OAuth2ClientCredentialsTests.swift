import FeaturesSDK
import FlyingFox
import Foundation
import Testing

/// OAuth 2.0 client credentials against a token endpoint on the test server, at the scheme's relative token URL.
@Suite("OAuth 2.0 client credentials")
struct OAuth2ClientCredentialsTests {
    static let echo = #"{"value":"ok"}"#
    static let credentials = OAuth2ClientCredentials(clientID: "client id", clientSecret: "s3cr&t", scopes: ["reports:read"])

    /// A token endpoint at `/oauth/token` issuing `token-1`, `token-2`, … with the given lifetimes (the last one for
    /// every later token, `nil` for no `expires_in`), and an API that answers `api` for any other request.
    static func server(
        lifetimes: [Int?] = [3600],
        api: @escaping @Sendable (ReceivedRequest) -> HTTPResponse = { _ in .json(200, echo) }
    ) -> TestServer.Handler {
        let issued = Counter()
        return { request in
            guard request.path == "/oauth/token" else { return api(request) }
            let number = await issued.next()
            let lifetime = lifetimes[min(number, lifetimes.count) - 1]
            let expiry = lifetime.map { #","expires_in":\#($0)"# } ?? ""
            return .json(200, #"{"access_token":"token-\#(number)","token_type":"Bearer"\#(expiry)}"#)
        }
    }

    static func client(_ server: TestServer, credentials: OAuth2ClientCredentials = credentials) -> FeaturesSDK {
        FeaturesSDK(clientCredentials: credentials, serverURL: server.serverURL, retries: .disabled, timeout: 30,
                    transport: testTransport())
    }

    @Test("the token is fetched once, with HTTP basic client authentication, and shared by concurrent calls")
    func fetchedOnce() async throws {
        try await TestServer.with(Self.server()) { server in
            let client = Self.client(server)
            try await withThrowingTaskGroup(of: Echo.self) { group in
                for _ in 0..<5 {
                    group.addTask { try await client.security.listReports() }
                }
                try await group.waitForAll()
            }
            _ = try await client.security.listReports()
            let requests = await server.requests
            let tokenRequests = requests.filter { $0.path == "/oauth/token" }
            try #require(tokenRequests.count == 1)
            let tokenRequest = tokenRequests[0]
            #expect(tokenRequest.method == "POST")
            #expect(tokenRequest.header("Content-Type") == "application/x-www-form-urlencoded")
            #expect(tokenRequest.bodyText == "grant_type=client_credentials&scope=reports%3Aread")
            #expect(tokenRequest.header("Authorization") == "Basic " + Data("client+id:s3cr%26t".utf8).base64EncodedString())
            let apiRequests = requests.filter { $0.path == "/v1/reports" }
            #expect(apiRequests.count == 6)
            #expect(apiRequests.allSatisfy { $0.header("Authorization") == "Bearer token-1" })
        }
    }

    @Test("an expired token is fetched again; an operation that needs none fetches none")
    func refetchedAfterExpiry() async throws {
        // The first token expires at once; the second lasts an hour.
        let handler = Self.server(lifetimes: [0, 3600]) { request in
            request.path == "/v1/health" ? .empty(204) : .json(200, Self.echo)
        }
        try await TestServer.with(handler) { server in
            let client = Self.client(server)
            try await client.security.getHealth()
            for _ in 0..<3 {
                _ = try await client.security.listReports()
            }
            let requests = await server.requests
            #expect(requests.map(\.path) == ["/v1/health", "/oauth/token", "/v1/reports", "/oauth/token", "/v1/reports", "/v1/reports"])
            #expect(requests.filter { $0.path == "/v1/reports" }.map { $0.header("Authorization") }
                == ["Bearer token-1", "Bearer token-2", "Bearer token-2"])
        }
    }

    @Test("a token without expires_in is kept until the server rejects it")
    func keptWithoutExpiry() async throws {
        try await TestServer.with(Self.server(lifetimes: [nil])) { server in
            let client = Self.client(server)
            _ = try await client.security.listReports()
            _ = try await client.security.listReports()
            #expect(await server.requests.filter { $0.path == "/oauth/token" }.count == 1)
        }
    }

    @Test("a 401 fetches a new token and sends the call once more; later calls keep the new token")
    func refetchedOn401() async throws {
        let handler = Self.server { request in
            request.header("Authorization") == "Bearer token-1" ? .json(401, #"{"message":"revoked"}"#) : .json(200, Self.echo)
        }
        try await TestServer.with(handler) { server in
            let client = Self.client(server)
            #expect(try await client.security.listReports() == Echo(value: "ok"))
            _ = try await client.security.listReports()
            let requests = await server.requests
            #expect(requests.map(\.path) == ["/oauth/token", "/v1/reports", "/oauth/token", "/v1/reports", "/v1/reports"])
            #expect(requests.filter { $0.path == "/v1/reports" }.map { $0.header("Authorization") }
                == ["Bearer token-1", "Bearer token-2", "Bearer token-2"])
        }
    }

    @Test("a call answered with 401 again after the new token is not sent a third time")
    func repeated401() async throws {
        try await TestServer.with(Self.server { _ in .json(401, #"{"message":"no"}"#) }) { server in
            let error = await featuresError { () async throws(FeaturesSDKError) in try await Self.client(server).security.listReports() }
            #expect(error?.metadata?.statusCode == 401)
            #expect(await server.requests.map(\.path) == ["/oauth/token", "/v1/reports", "/oauth/token", "/v1/reports"])
        }
    }

    @Test("a token endpoint that refuses ends the call with tokenRequest, naming the OAuth error but not the secret")
    func failingTokenEndpoint() async throws {
        let handler: TestServer.Handler = { request in
            guard request.path == "/oauth/token" else { return .json(200, Self.echo) }
            // Echoes the secret, as a careless server might.
            return .json(401, #"{"error":"invalid_client","error_description":"unknown secret s3cr&t"}"#)
        }
        try await TestServer.with(handler) { server in
            let client = Self.client(server)
            let error = await featuresError { () async throws(FeaturesSDKError) in try await client.security.listReports() }
            guard case .tokenRequest(let tokenError)? = error else {
                Issue.record("expected .tokenRequest, got \(String(describing: error))")
                return
            }
            #expect(tokenError.statusCode == 401)
            #expect(tokenError.code == "invalid_client")
            #expect(tokenError.reason == "unknown secret <redacted>")
            for text in [String(describing: error!), String(reflecting: error!), error!.localizedDescription] {
                #expect(text.contains("invalid_client"), "\(text)")
                #expect(!text.contains("s3cr&t"), "\(text)")
            }
            // The failure is not cached: the next call asks again.
            _ = await featuresError { () async throws(FeaturesSDKError) in try await client.security.listReports() }
            #expect(await server.requests.map(\.path) == ["/oauth/token", "/oauth/token"])
        }
    }

    @Test("a success response without a bearer access token is a tokenRequest error")
    func unusableTokenResponse() async throws {
        let bodies = [#"{"token_type":"Bearer"}"#, #"{"access_token":"t","token_type":"MAC"}"#, "not json"]
        for body in bodies {
            try await TestServer.with({ _ in .json(200, body) }) { server in
                let error = await featuresError { () async throws(FeaturesSDKError) in try await Self.client(server).security.listReports() }
                guard case .tokenRequest(let tokenError)? = error else {
                    Issue.record("expected .tokenRequest for \(body), got \(String(describing: error))")
                    return
                }
                #expect(tokenError.statusCode == 200)
                #expect(tokenError.reason != nil)
                #expect(await server.requests.count == 1)
            }
        }
    }

    @Test("a call cancelled while its token is fetched ends with .cancelled at once; the abandoned fetch is not kept")
    func cancelledWhileFetching() async throws {
        let (tokenRequested, signalTokenRequest) = AsyncStream.makeStream(of: Void.self)
        let (release, releaseHeldRequest) = AsyncStream.makeStream(of: Void.self)
        let handler = Self.server(lifetimes: [3600])
        let firstTokenRequest = Counter()
        try await TestServer.with({ request in
            if request.path == "/oauth/token", await firstTokenRequest.next() == 1 {
                // Holds the first token request until the test has seen the call end.
                signalTokenRequest.yield()
                for await _ in release { break }
            }
            return try await handler(request)
        }) { server in
            let client = Self.client(server)
            let call = Task { try await client.security.listReports() }
            for await _ in tokenRequested { break }
            call.cancel()
            let outcome = await call.result
            releaseHeldRequest.yield()
            guard case .failure(let error) = outcome, case .cancelled? = error as? FeaturesSDKError else {
                Issue.record("expected .cancelled, got \(outcome)")
                return
            }
            _ = try await client.security.listReports()
            let requests = await server.requests
            #expect(requests.filter { $0.path == "/oauth/token" }.count == 2)
            #expect(requests.filter { $0.path == "/v1/reports" }.map { $0.header("Authorization") } == ["Bearer token-2"])
        }
    }

    @Test("the credentials' own token URL replaces the one the API describes")
    func tokenURLOverride() async throws {
        try await TestServer.with(Self.server()) { server in
            var credentials = Self.credentials
            credentials.tokenURL = URL(string: "/oauth/token?tenant=a", relativeTo: server.serverURL)!.absoluteURL
            _ = try await Self.client(server, credentials: credentials).security.listReports()
            let tokenRequest = try #require(await server.requests.first)
            #expect(tokenRequest.path == "/oauth/token")
            #expect(tokenRequest.rawQuery == "tenant=a")
        }
    }
}

/// Counts from 1.
private actor Counter {
    private var count = 0

    func next() -> Int {
        count += 1
        return count
    }
}
