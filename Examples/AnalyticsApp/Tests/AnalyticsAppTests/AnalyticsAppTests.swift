import AnalyticsReport
import AnalyticsSDK
import FlyingFox
import FlyingSocks
import Foundation
import Testing

/// The app against a loopback server answering `GET /api/v1/activity` as ModelGates does.
@Suite struct AnalyticsAppTests {
    static let activity = """
        {"data": [
          {"date": "2025-08-24", "model": "openai/gpt-4.1", "model_permaslug": "openai/gpt-4.1-2025-04-14",
           "endpoint_id": "e-1", "provider_name": "OpenAI", "usage": 0.75, "byok_usage_inference": 0,
           "requests": 5, "prompt_tokens": 50, "completion_tokens": 125, "reasoning_tokens": 25},
          {"date": "2025-08-24", "model": "anthropic/claude-sonnet-4", "model_permaslug": "anthropic/claude-sonnet-4",
           "endpoint_id": "e-2", "provider_name": "Anthropic", "usage": 1.5, "byok_usage_inference": 0,
           "requests": 2, "prompt_tokens": 10, "completion_tokens": 20, "reasoning_tokens": 0},
          {"date": "2025-08-24", "model": "openai/gpt-4.1", "model_permaslug": "openai/gpt-4.1-2025-04-14",
           "endpoint_id": "e-3", "provider_name": "Azure", "usage": 0.25, "byok_usage_inference": 0,
           "requests": 3, "prompt_tokens": 5, "completion_tokens": 5, "reasoning_tokens": 0}
        ]}
        """

    static let expectedReport = """
        model                      requests  cost (USD)
        anthropic/claude-sonnet-4         2  1.50
        openai/gpt-4.1                    8  1.00
        """

    @Test func reportSumsEachModelsEndpoints() async throws {
        try await withActivityServer { serverURL, requests in
            let client = ModelGates(apiKey: "test-key", serverURL: serverURL)
            let report = try await UsageReport.fetch(from: client, date: "2025-08-24")
            #expect(report.text == Self.expectedReport)
            let request = try #require(await requests.first)
            #expect(request.path == "/api/v1/activity")
            #expect(request.query == "date=2025-08-24")
            #expect(request.authorization == "Bearer test-key")
        }
    }

    @Test func executablePrintsTheReport() async throws {
        try await withActivityServer { serverURL, _ in
            let process = Process()
            process.executableURL = Self.productsFolder.appending(path: "analytics-app")
            process.arguments = ["2025-08-24", "--server", serverURL.absoluteString]
            process.environment = ["MODELGATES_API_KEY": "test-key"]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            // Read before waiting, so a full pipe cannot block the app.
            let printed = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect(String(decoding: printed, as: UTF8.self) == Self.expectedReport + "\n")
        }
    }

    /// The folder the test bundle was built into, which holds the app's executable too.
    static var productsFolder: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appending(path: "analytics-app").path()), folder.pathComponents.count > 1 {
            folder.deleteLastPathComponent()
        }
        return folder
    }
}

/// What the server saw of a request.
struct SeenRequest: Sendable {
    var path: String
    var query: String
    var authorization: String?
}

actor RequestLog {
    var requests: [SeenRequest] = []
    var first: SeenRequest? { requests.first }
    func append(_ request: SeenRequest) { requests.append(request) }
}

/// Runs `body` with a server on 127.0.0.1 that answers every request with the activity above.
func withActivityServer(_ body: (URL, RequestLog) async throws -> Void) async throws {
    let log = RequestLog()
    let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 30, logger: .disabled)
    await server.appendRoute("GET /api/v1/activity") { request in
        let query = request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        await log.append(SeenRequest(path: request.path, query: query, authorization: request.headers[.authorization]))
        return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json"], body: Data(AnalyticsAppTests.activity.utf8))
    }
    let task = Task { try await server.run() }
    defer { task.cancel() }
    try await server.waitUntilListening()
    guard case .ip4(_, let port)? = await server.listeningAddress else { throw SocketError.unsupportedAddress }
    try await body(URL(string: "http://127.0.0.1:\(port)/api/v1")!, log)
    await server.stop(timeout: 0)
}
