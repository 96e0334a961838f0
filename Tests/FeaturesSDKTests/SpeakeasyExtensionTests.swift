import FeaturesSDK
import FlyingFox
import Foundation
import Testing

/// What the `x-speakeasy-*` extensions of features.yaml make the SDK do on the wire.
@Suite("Speakeasy extensions")
struct SpeakeasyExtensionTests {
    @Test("x-speakeasy-sse-sentinel ends the stream, and x-speakeasy-stream-request-field is the field set")
    func sentinelAndStreamField() async throws {
        let chunks = [
            "data: {\"delta\":\"a\"}\n\n",
            // The usual sentinel is data like any other here.
            "data: {\"delta\":\"[DONE]\"}\n\n",
            "data: <END>\n\n",
            "data: {\"delta\":\"after the end\"}\n\n",
        ]
        try await TestServer.with({ _ in .eventStream(chunks) }) { server in
            var deltas: [String] = []
            for try await chunk in try await server.client().speakeasy.completeStream(body: LiveCompletionRequest(prompt: "Hi")) {
                deltas.append(chunk.delta)
            }
            #expect(deltas == ["a", "[DONE]"])
            let body = try JSONSerialization.jsonObject(with: try await server.request.body) as? [String: Any]
            #expect(body?["live"] as? Bool == true)
            #expect(body?["stream"] == nil)
        }
        try await TestServer.with({ _ in .json(200, #"{"text": "done"}"#) }) { server in
            let completion = try await server.client().speakeasy.complete(body: LiveCompletionRequest(prompt: "Hi", live: true))
            #expect(completion.text == "done")
            let body = try JSONSerialization.jsonObject(with: try await server.request.body) as? [String: Any]
            #expect(body?["live"] as? Bool == false)
        }
    }

    @Test("a request struct's fields are sent as the parameters they stand for, from a nested group; an ignored parameter is not there")
    func requestStruct() async throws {
        try await TestServer.with({ _ in .json(200, "{}") }) { server in
            _ = try await server.client().speakeasy.notes.find(request: FindSpeakeasyNotesRequest(id: "a b", q: "x", limit: 3, xTrace: "t1"))
            let request = try await server.request
            #expect(request.path == "/v1/speakeasy/notes/a%20b")
            #expect(request.rawQuery == "q=x&limit=3")
            #expect(request.header("X-Trace") == "t1")
        }
    }
}
