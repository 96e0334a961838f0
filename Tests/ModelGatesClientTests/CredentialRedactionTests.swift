import Foundation
@testable import ModelGates
import Synchronization
import Testing

@Suite("Credentials are never shown")
struct CredentialRedactionTests {
    static let secret = "sk-mg-secret-0123456789"

    @Test("a credential's description, debug description and dump show where it goes, not its value", arguments: [
        Credential.bearer(secret),
        Credential.basic(username: "ada", password: secret),
        Credential.header("X-API-Key", secret),
        Credential.query("api_key", secret),
        Credential.cookie("key", secret),
    ])
    func credential(_ credential: Credential) {
        var dumped = ""
        dump(credential, to: &dumped)
        for text in [String(describing: credential), String(reflecting: credential), dumped] {
            #expect(!text.contains(Self.secret), "\(text)")
            #expect(text.contains(credential.name), "\(text)")
        }
    }

    @Test("printing or dumping the client shows no credential")
    func client() {
        let client = ModelGates(apiKey: Self.secret, retries: .disabled)
        var dumped = ""
        dump(client, to: &dumped)
        for text in [String(describing: client), String(reflecting: client), dumped] {
            #expect(!text.contains(Self.secret), "\(text)")
        }
    }

    @Test("printing or dumping credentials for a provider says which are set, not their values")
    func providedCredentials() {
        let credentials = ModelGates.Credentials(apiKey: Self.secret)
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [String(describing: credentials), String(reflecting: credentials), dumped] {
            #expect(!text.contains(Self.secret), "\(text)")
            #expect(text.contains("apiKey"), "\(text)")
        }
        let client = ModelGates(apiKey: nil, credentialProvider: RotatingProvider(), retries: .disabled)
        dumped = ""
        dump(client, to: &dumped)
        #expect(!dumped.contains(Self.secret), "\(dumped)")
    }

    @Test("the provider is asked before every attempt, and its secret is in no error")
    func providerPerAttempt() async throws {
        try await TestServer.with({ _, attempt in
            attempt == 1
                ? .json(503, #"{"error":{"code":503,"message":"busy"}}"#)
                : .json(401, #"{"error":{"code":401,"message":"no"}}"#)
        }) { server in
            let provider = RotatingProvider()
            let client = ModelGates(apiKey: "fixed", credentialProvider: provider, serverURL: server.serverURL, retries: .fast())
            let error = await modelGatesError { () async throws(ModelGatesError) in
                _ = try await client.analytics.getUserActivity()
            }
            let requests = await server.requests
            #expect(requests.map { $0.header("Authorization") } == ["Bearer \(Self.secret)-1", "Bearer \(Self.secret)-2"])
            #expect(provider.operations == ["getUserActivity", "getUserActivity"])
            let unwrapped = try #require(error)
            var dumped = ""
            dump(unwrapped, to: &dumped)
            for text in [String(describing: unwrapped), String(reflecting: unwrapped), dumped] {
                #expect(!text.contains(Self.secret), "\(text)")
            }
        }
    }

    @Test("an error the provider throws ends the call without sending it")
    func providerFails() async throws {
        struct Failing: CredentialProvider {
            func credentials(for operation: OperationInfo) async throws -> ModelGates.Credentials {
                throw ModelGatesError.invalidRequest("no token")
            }
        }
        try await TestServer.with({ _, _ in .json(200, #"{"data":[]}"#) }) { server in
            let client = ModelGates(apiKey: nil, credentialProvider: Failing(), serverURL: server.serverURL)
            let error = await modelGatesError { () async throws(ModelGatesError) in
                _ = try await client.analytics.getUserActivity()
            }
            guard case .invalidRequest("no token")? = error else {
                Issue.record("expected the provider's error, got \(String(describing: error))")
                return
            }
            #expect(await server.requests.isEmpty)
        }
    }
}

/// Hands out a new token for every attempt, numbered, and records the operations it was asked for.
final class RotatingProvider: CredentialProvider {
    private let state = Mutex<(count: Int, operations: [String])>((0, []))

    var operations: [String] {
        state.withLock { $0.operations }
    }

    func credentials(for operation: OperationInfo) async throws -> ModelGates.Credentials {
        let count = state.withLock { state in
            state.count += 1
            state.operations.append(operation.function)
            return state.count
        }
        return ModelGates.Credentials(apiKey: "\(CredentialRedactionTests.secret)-\(count)")
    }
}
