import Foundation
@testable import ModelGates
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
}
