import FlyingFox
import Foundation
import ModelGates
import Testing

@Suite("Responses")
struct ResponseTests {
    /// The example of the `getUserActivity` 200 response in the spec.
    static let activityExample = """
        {
          "data": [
            {
              "date": "2025-08-24",
              "model": "openai/gpt-4.1",
              "model_permaslug": "openai/gpt-4.1-2025-04-14",
              "endpoint_id": "550e8400-e29b-41d4-a716-446655440000",
              "provider_name": "OpenAI",
              "usage": 0.015,
              "byok_usage_inference": 0.012,
              "requests": 5,
              "prompt_tokens": 50,
              "completion_tokens": 125,
              "reasoning_tokens": 25
            }
          ]
        }
        """

    /// The example of the `getDailyActivity` 200 response in the spec.
    static let dailyActivityExample = """
        {
          "data": [
            {
              "date": "2025-08-24",
              "requestCount": 120,
              "promptTokens": 48000,
              "completionTokens": 12000,
              "totalTokens": 60000,
              "cost": {
                "inputCost": 0.48,
                "outputCost": 0.36,
                "requestCost": 0,
                "dataStorageCost": 0.01,
                "imageCost": 0,
                "cachedInputCost": 0.02,
                "totalCost": 0.87
              },
              "creditsCost": 0.62,
              "apiKeysCost": 0.25,
              "discountSavings": 0.05,
              "errorCount": 3,
              "errorRate": 0.025,
              "cacheCount": 30,
              "cacheHitRate": 0.25,
              "modelBreakdown": [
                {
                  "model": "openai/gpt-4.1",
                  "provider": "OpenAI",
                  "requestCount": 80,
                  "promptTokens": 32000,
                  "completionTokens": 8000,
                  "totalCost": 0.6
                }
              ]
            }
          ]
        }
        """

    @Test("getUserActivity decodes the spec's example")
    func decodesActivity() async throws {
        try await TestServer.with({ _, _ in .json(200, Self.activityExample) }) { server in
            let response = try await server.client().analytics.getUserActivity()
            #expect(response == ActivityResponse(data: [
                ActivityItem(
                    date: "2025-08-24",
                    model: "openai/gpt-4.1",
                    modelPermaslug: "openai/gpt-4.1-2025-04-14",
                    endpointID: "550e8400-e29b-41d4-a716-446655440000",
                    providerName: "OpenAI",
                    usage: 0.015,
                    byokUsageInference: 0.012,
                    requests: 5,
                    promptTokens: 50,
                    completionTokens: 125,
                    reasoningTokens: 25
                ),
            ]))
        }
    }

    @Test("getDailyActivity decodes the spec's example")
    func decodesDailyActivity() async throws {
        try await TestServer.with({ _, _ in .json(200, Self.dailyActivityExample) }) { server in
            let response = try await server.client().analytics.getDailyActivity(days: 1)
            #expect(response == DailyActivityResponse(data: [
                DailyActivity(
                    date: "2025-08-24",
                    requestCount: 120,
                    promptTokens: 48000,
                    completionTokens: 12000,
                    totalTokens: 60000,
                    cost: CostBreakdown(
                        inputCost: 0.48,
                        outputCost: 0.36,
                        requestCost: 0,
                        dataStorageCost: 0.01,
                        imageCost: 0,
                        cachedInputCost: 0.02,
                        totalCost: 0.87
                    ),
                    creditsCost: 0.62,
                    apiKeysCost: 0.25,
                    discountSavings: 0.05,
                    errorCount: 3,
                    errorRate: 0.025,
                    cacheCount: 30,
                    cacheHitRate: 0.25,
                    modelBreakdown: [
                        ModelActivity(
                            model: "openai/gpt-4.1",
                            provider: "OpenAI",
                            requestCount: 80,
                            promptTokens: 32000,
                            completionTokens: 8000,
                            totalCost: 0.6
                        ),
                    ]
                ),
            ]))
        }
    }

    @Test("each documented error status maps to its case, with the decoded body and the metadata", arguments: [
        (400, "Invalid date format. Use YYYY-MM-DD."),
        (401, "Missing Authentication header"),
        (403, "Only management keys can perform this operation"),
        (404, "Not found"),
        (500, "Internal Server Error"),
    ])
    func documentedErrors(status: Int, message: String) async throws {
        let body = #"{"error":{"code":\#(status),"message":"\#(message)","metadata":{"provider":"x","retryable":false}}}"#
        let response = HTTPResponse.json(status, body, headers: ["X-Request-ID": "req-\(status)"])
        try await TestServer.with({ _, _ in response }) { server in
            let error = await modelGatesError { () async throws(ModelGatesError) in
                try await server.client().analytics.getUserActivity()
            }
            let expectedBody = ErrorResponse(error: ErrorDetail(
                code: status,
                message: message,
                metadata: ["provider": "x", "retryable": false]
            ))
            switch (status, error) {
            case (400, .badRequest(let body, let metadata)?),
                 (401, .unauthorized(let body, let metadata)?),
                 (403, .forbidden(let body, let metadata)?),
                 (404, .notFound(let body, let metadata)?),
                 (500, .internalServer(let body, let metadata)?):
                #expect(body == expectedBody)
                #expect(metadata.statusCode == status)
                #expect(metadata.value(forHeader: "x-request-id") == "req-\(status)")
                #expect(metadata.headers["content-type"] == "application/json")
                #expect(error?.metadata == metadata)
            default:
                Issue.record("HTTP \(status) gave \(String(describing: error))")
            }
        }
    }

    @Test("an undocumented status becomes .apiError with the raw body", arguments: [418, 502, 201])
    func undocumentedStatus(status: Int) async throws {
        let body = "<html>teapot</html>"
        try await TestServer.with({ _, _ in .json(status, body) }) { server in
            let error = await modelGatesError { () async throws(ModelGatesError) in
                try await server.client(retries: .disabled).analytics.getDailyActivity()
            }
            guard case .apiError(let metadata, let received)? = error else {
                Issue.record("expected .apiError, got \(String(describing: error))")
                return
            }
            #expect(metadata.statusCode == status)
            #expect(received == Data(body.utf8))
        }
    }

    @Test("a documented error status whose body is not the documented JSON becomes .apiError")
    func undecodableErrorBody() async throws {
        try await TestServer.with({ _, _ in .json(500, "upstream exploded") }) { server in
            let error = await modelGatesError { () async throws(ModelGatesError) in
                try await server.client().analytics.getUserActivity()
            }
            guard case .apiError(let metadata, let body)? = error else {
                Issue.record("expected .apiError, got \(String(describing: error))")
                return
            }
            #expect(metadata.statusCode == 500)
            #expect(body == Data("upstream exploded".utf8))
        }
    }

    @Test("malformed JSON in a 200 response becomes .decoding, keeping the body and the status")
    func malformedSuccessBody() async throws {
        let body = #"{"data": [{"date": 42}"#
        try await TestServer.with({ _, _ in .json(200, body) }) { server in
            let error = await modelGatesError { () async throws(ModelGatesError) in
                try await server.client().analytics.getUserActivity()
            }
            guard case .decoding(let underlying, let metadata, let received)? = error else {
                Issue.record("expected .decoding, got \(String(describing: error))")
                return
            }
            #expect(underlying is DecodingError)
            #expect(metadata.statusCode == 200)
            #expect(received == Data(body.utf8))
        }
    }

    @Test("a 200 response with the wrong shape becomes .decoding")
    func wrongShapeSuccessBody() async throws {
        try await TestServer.with({ _, _ in .json(200, #"{"data": [{"date": "2025-08-24"}]}"#) }) { server in
            let error = await modelGatesError { () async throws(ModelGatesError) in
                try await server.client().analytics.getDailyActivity()
            }
            guard case .decoding(let underlying, _, _)? = error,
                  case .keyNotFound? = underlying as? DecodingError
            else {
                Issue.record("expected .decoding(keyNotFound), got \(String(describing: error))")
                return
            }
        }
    }
}
