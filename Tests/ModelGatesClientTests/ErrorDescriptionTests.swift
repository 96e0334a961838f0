import FlyingFox
import Foundation
import ModelGates
import Testing

@Suite("Error descriptions")
struct ErrorDescriptionTests {
    static let apiKey = "sk-mg-secret-0123456789"

    @Test("descriptions show the status and the start of the body", arguments: [
        (401, #"{"error":{"code":401,"message":"Missing"}}"#, "ModelGatesError.unauthorized: HTTP 401"),
        (418, "I'm a teapot", "ModelGatesError.apiError: HTTP 418, body: I'm a teapot"),
        (200, "not json", "ModelGatesError.decoding: HTTP 200, body: not json"),
    ])
    func statusAndBody(status: Int, body: String, expectedPrefix: String) async throws {
        try await TestServer.with({ _, _ in .json(status, body) }) { server in
            let error = try #require(await modelGatesError { () async throws(ModelGatesError) in
                try await server.client(apiKey: Self.apiKey).analytics.getUserActivity()
            })
            #expect(error.description.hasPrefix(expectedPrefix), "\(error.description)")
            #expect(error.localizedDescription == error.description)
            #expect(!error.description.contains(Self.apiKey))
        }
    }

    @Test("the decoded body of a documented error shows as JSON")
    func documentedErrorBody() async throws {
        let body = #"{"error":{"message":"Missing Authentication header","code":401}}"#
        try await TestServer.with({ _, _ in .json(401, body) }) { server in
            let error = try #require(await modelGatesError { () async throws(ModelGatesError) in
                try await server.client(apiKey: Self.apiKey).analytics.getUserActivity()
            })
            #expect(error.description == """
                ModelGatesError.unauthorized: HTTP 401, \
                body: {"error":{"code":401,"message":"Missing Authentication header"}}
                """)
        }
    }

    @Test("a long body is cut short")
    func longBody() async throws {
        let body = String(repeating: "x", count: 5_000)
        try await TestServer.with({ _, _ in .json(502, body) }) { server in
            let error = try #require(await modelGatesError { () async throws(ModelGatesError) in
                try await server.client().analytics.getUserActivity()
            })
            #expect(error.description.count < 300)
            #expect(error.description.hasSuffix("x…"))
        }
    }

    @Test("no description ever shows the API key")
    func neverShowsTheAPIKey() async throws {
        var errors: [ModelGatesError] = []
        // Each call names what the server does with it, so that a call the client gave up on before it reached the
        // server (on a loaded machine) changes nothing for the next.
        let handler: TestServer.Handler = { request, _ in
            switch request.headers[HTTPHeader("X-Case")] {
            case "stall":
                try await Task.sleep(for: .seconds(5))
                return .json(200, "{}")
            case "missing":
                return .json(404, #"{"error":{"code":404,"message":"Not found"}}"#)
            default:
                return .json(200, "{")
            }
        }
        try await TestServer.with(handler) { server in
            // Only the call the server stalls has a short timeout: on a loaded machine the others may take longer
            // than that to be answered.
            let client = server.client(apiKey: Self.apiKey, timeout: 10)
            for (name, timeout) in [("stall", 0.2), ("missing", 10), ("broken", 10)] {
                if let error = await modelGatesError({ () async throws(ModelGatesError) in
                    try await client.analytics.getUserActivity(options: RequestOptions(timeout: timeout, headers: [("X-Case", name)]))
                }) {
                    errors.append(error)
                }
            }
            // Neither printing nor dumping the client shows the key.
            #expect(!String(describing: client).contains(Self.apiKey))
            var dumped = ""
            dump(client, to: &dumped)
            #expect(!dumped.contains(Self.apiKey))
            #expect(dumped.contains("Authorization"))
        }
        try await withRefusingServerURL { serverURL in
            for apiKey in [Self.apiKey, Self.apiKey + "\n"] {
                let client = ModelGates(apiKey: apiKey, serverURL: serverURL, retries: .disabled)
                if let error = await modelGatesError({ () async throws(ModelGatesError) in
                    try await client.analytics.getDailyActivity()
                }) {
                    errors.append(error)
                }
            }
        }

        let cases = errors.map { error -> String in
            switch error {
            case .timedOut: "timedOut"
            case .notFound: "notFound"
            case .decoding: "decoding"
            case .transport: "transport"
            case .invalidRequest: "invalidRequest"
            default: "other: \(error)"
            }
        }
        #expect(cases == ["timedOut", "notFound", "decoding", "transport", "invalidRequest"])
        for error in errors {
            #expect(!error.description.contains(Self.apiKey), "\(error.description)")
            #expect(!String(reflecting: error).contains(Self.apiKey))
        }
    }

    @Test("no text shown for any kind of error contains the API key: description, debug description, localized, dump")
    func noErrorTextShowsTheAPIKey() async throws {
        var errors: [ModelGatesError] = []
        // 30 s unless the timeout is what is collected: 10 s once ran out on two loaded cores.
        func collect(_ serverURL: URL, apiKey: String = Self.apiKey, timeout: TimeInterval = 30) async {
            let client = ModelGates(apiKey: apiKey, serverURL: serverURL, retries: .disabled, timeout: timeout)
            if let error = await modelGatesError({ () async throws(ModelGatesError) in
                try await client.analytics.getUserActivity()
            }) {
                errors.append(error)
            }
        }
        let handler: TestServer.Handler = { _, attempt in
            [
                .json(404, #"{"error":{"code":404,"message":"Not found"}}"#),
                .json(418, "I'm a teapot"),
                .json(200, #"{"data":"#),
            ][attempt - 1]
        }
        try await TestServer.with(handler) { server in
            for _ in 1...3 {
                await collect(server.serverURL)
            }
            await collect(server.serverURL, apiKey: Self.apiKey + "\r\n")
        }
        try await RawServer.with([.pause(seconds: 30)]) { server in
            await collect(server.serverURL, timeout: 0.2)
        }
        try await RawServer.with([.send(RawServer.head(contentLength: 100) + "{"), .pause(seconds: 60)]) { server in
            // Long enough for the head to arrive first even when the whole test run keeps this task waiting.
            await collect(server.serverURL, timeout: 15)
        }
        try await RawServer.with([.send(RawServer.head(contentLength: 100) + "{")]) { server in
            await collect(server.serverURL)
        }
        try await withRefusingServerURL { serverURL in
            await collect(serverURL)
        }
        try await TestServer.with(TimeoutAndCancellationTests.slow(10)) { server in
            let client = server.client(apiKey: Self.apiKey, timeout: 10)
            let task = Task { () async throws(ModelGatesError) in
                try await client.analytics.getUserActivity()
            }
            try await server.waitForRequests(1)
            task.cancel()
            if case .failure(let error as ModelGatesError) = await task.result {
                errors.append(error)
            }
        }

        let cases = errors.map { error -> String in
            switch error {
            case .notFound: "notFound"
            case .apiError: "apiError"
            case .decoding: "decoding"
            case .invalidRequest: "invalidRequest"
            case .timedOut(.awaitingResponse): "timedOut(awaitingResponse)"
            case .timedOut(.receivingBody): "timedOut(receivingBody)"
            case .transport: "transport"
            case .cancelled: "cancelled"
            default: "other: \(error)"
            }
        }
        #expect(cases == [
            "notFound", "apiError", "decoding", "invalidRequest", "timedOut(awaitingResponse)",
            "timedOut(receivingBody)", "transport", "transport", "cancelled",
        ])
        for error in errors {
            var dumped = ""
            dump(error, to: &dumped)
            for text in [error.description, error.debugDescription, error.localizedDescription, String(reflecting: error), dumped] {
                #expect(!text.contains(Self.apiKey), "\(text)")
            }
        }
    }

    @Test("metadata is nil when no response arrived")
    func metadataWithoutResponse() {
        #expect(ModelGatesError.timedOut(.awaitingResponse).metadata == nil)
        #expect(ModelGatesError.cancelled.metadata == nil)
        #expect(ModelGatesError.invalidRequest("x").metadata == nil)
        #expect(ModelGatesError.transport(URLError(.cannotConnectToHost)).metadata == nil)
        #expect(ModelGatesError.cancelled.description == "ModelGatesError.cancelled")
    }
}
