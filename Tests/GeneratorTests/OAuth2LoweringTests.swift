import Testing

/// Lower gives an OAuth 2.0 scheme a token-fetching credential only when it has a client-credentials flow.
@Suite struct OAuth2LoweringTests {
    static func spec(flows: String) -> String {
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        servers: [{url: 'https://example.com/v1'}]
        security: [{partner: [read]}]
        paths:
          /things:
            get:
              operationId: listThings
              responses:
                '204': {description: none}
        components:
          securitySchemes:
            partner:
              type: oauth2
              flows:
        \(flows)
        """
    }

    /// A flow with a user, which gives the SDK nothing to fetch tokens with.
    static let authorizationCode = """
                authorizationCode:
                  authorizationUrl: 'https://auth.example.com/authorize'
                  tokenUrl: 'https://auth.example.com/token'
                  scopes: {read: Read things.}
        """

    @Test func aClientCredentialsFlowTakesTheClientsIDAndSecretAndFetchesTokens() async throws {
        let sdk = try await generateSample(Self.spec(flows: """
                clientCredentials:
                  tokenUrl: 'https://auth.example.com/token'
                  scopes: {read: Read things.}
        """ + "\n" + Self.authorizationCode))
        #expect(sdk.diagnostics.isEmpty)
        let client = try #require(sdk.files["Sample/Sample.swift"])
        #expect(client.contains("partner: OAuth2ClientCredentials? = nil,"))
        #expect(client.contains(#"OAuth2TokenSource($0, tokenURL: "https://auth.example.com/token", serverURL: serverURL"#))
        // Client credentials are not a secret a credential provider supplies: with no other scheme there is none.
        #expect(!client.contains("CredentialProvider"))
        #expect(!client.contains("struct Credentials"))
        #expect(sdk.files["Sample/Runtime/OAuth2TokenSource.swift"]?.contains("actor OAuth2TokenSource") == true)
        #expect(sdk.files["Sample/Runtime/OAuth2ClientCredentials.swift"]?.contains("struct OAuth2ClientCredentials") == true)
        #expect(sdk.files["Sample/SampleError.swift"]?.contains("case tokenRequest(OAuth2TokenError)") == true)
    }

    @Test func otherFlowsTakeTheTokenItselfAndCarryNoTokenFetching() async throws {
        let sdk = try await generateSample(Self.spec(flows: Self.authorizationCode))
        #expect(sdk.diagnostics.isEmpty)
        let client = try #require(sdk.files["Sample/Sample.swift"])
        #expect(client.contains("apiKey: String? = ProcessInfo.processInfo.environment[\"SAMPLE_API_KEY\"],"))
        #expect(!client.contains("OAuth2"))
        #expect(sdk.files["Sample/Runtime/OAuth2TokenSource.swift"] == nil)
        #expect(sdk.files["Sample/Runtime/OAuth2ClientCredentials.swift"] == nil)
        #expect(sdk.files["Sample/SampleError.swift"]?.contains("tokenRequest") == false)
        #expect(sdk.files["Sample/Runtime/APIClient.swift"]?.contains("tokenSources") == false)
    }

    @Test func aTokenURLThatIsNotAnHTTPURLIsAWarningAndTheTokenIsTakenItself() async throws {
        let sdk = try await generateSample(Self.spec(flows: """
                clientCredentials:
                  tokenUrl: 'ftp://auth.example.com/token'
                  scopes: {}
        """))
        #expect(sdk.diagnostics == [
            "spec.yaml:17:21: warning: the token URL 'ftp://auth.example.com/token' of scheme 'partner' is not an HTTP URL; the client takes the token itself, like a bearer token",
        ])
        #expect(sdk.files["Sample/Runtime/OAuth2TokenSource.swift"] == nil)
    }
}
