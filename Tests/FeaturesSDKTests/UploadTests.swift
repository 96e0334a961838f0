import FeaturesSDK
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// A binary request body sent from a file or an asynchronous sequence of chunks (`UploadBody`), as it is read.
@Suite("Uploads")
struct UploadTests {
    /// 4 MiB that are not all alike, so that a lost, repeated or reordered chunk shows.
    static let body = Data((0..<(4 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) })

    /// Retries on 503 at once, for as long as a test may take.
    static let retryOn503 = RetryConfig(
        backoff: .init(initialInterval: 0.01, maxInterval: 0.05, exponent: 2, maxElapsedTime: 60),
        statusCodes: [.code(503)],
        retryConnectionErrors: true)

    /// Writes `data` to a new temporary file, removed after `body`.
    static func withFile<Value>(_ data: Data, _ body: (URL) async throws -> Value) async throws -> Value {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("upload-\(UUID().uuidString)")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try await body(file)
    }

    /// The body in chunks of sizes that do not divide it evenly, 1 byte to 200 KiB, ending with `error` if one is given.
    static func chunks(of data: Data, failingWith error: (any Error)? = nil) -> AsyncThrowingStream<Data, any Error> {
        AsyncThrowingStream { continuation in
            var offset = 0
            var size = 1
            while offset < data.count {
                let end = min(offset + size, data.count)
                continuation.yield(data[offset..<end])
                offset = end
                size = size * 7 % 200_003 + 1
            }
            continuation.finish(throwing: error)
        }
    }

    @Test("a file arrives byte for byte, with its media type and length")
    func file() async throws {
        try await Self.withFile(Self.body) { file in
            try await TestServer.with({ _ in .empty(204) }) { server in
                try await server.client().bodies.putBlob(body: .file(file))
                let request = try await server.request
                #expect(request.method == "PUT")
                #expect(request.header("Content-Type") == "application/octet-stream")
                #expect(request.header("Content-Length") == String(Self.body.count))
                #expect(request.body == Self.body)
            }
        }
    }

    @Test("a sequence of chunks arrives byte for byte, with its length, given or not")
    func sequence() async throws {
        try await TestServer.with({ _ in .empty(204) }) { server in
            let client = server.client()
            try await client.bodies.putBlob(body: .stream(Self.chunks(of: Self.body)))
            try await client.bodies.putBlob(body: .stream(Self.chunks(of: Self.body), length: Self.body.count))
            let requests = await server.requests
            #expect(requests.count == 2)
            #expect(requests.map(\.body) == [Self.body, Self.body])
            #expect(requests.map { $0.header("Content-Type") } == ["application/octet-stream", "application/octet-stream"])
            // URLSessionTransport writes the sequence to a temporary file and uploads that, with its length; a
            // transport that streams sends a sequence of unknown length chunked.
            let unknownLength = testTransportSpoolsSequences ? String(Self.body.count) : nil
            #expect(requests.map { $0.header("Content-Length") } == [unknownLength, String(Self.body.count)])
            #expect(requests[0].header("Transfer-Encoding") == (testTransportSpoolsSequences ? nil : "chunked"))
        }
    }

    @Test("a transport that streams sends a sequence as it is read; URLSessionTransport once the sequence has ended")
    func sequenceSentAsRead() async throws {
        try await TestServer.with({ _ in .empty(204) }) { server in
            let (chunks, continuation) = AsyncThrowingStream.makeStream(of: Data.self)
            continuation.yield(Self.body.prefix(64 << 10))
            let upload = Task {
                try await server.client().bodies.putBlob(body: .stream(chunks))
            }
            // The rest of the body waits for the request to reach the server: at once where the transport streams
            // (however slow the machine), never where it spools the sequence first.
            let arrivedBeforeTheEnd = try await server.waitForHead(within: .seconds(testTransportSpoolsSequences ? 2 : 60))
            continuation.yield(Self.body.dropFirst(64 << 10))
            continuation.finish()
            try await upload.value
            #expect(arrivedBeforeTheEnd == !testTransportSpoolsSequences)
            #expect(try await server.request.body == Self.body)
        }
    }

    @Test("data given as an UploadBody is sent as it is; an empty file sends an empty body")
    func dataAndEmptyFile() async throws {
        try await Self.withFile(Data()) { empty in
            try await TestServer.with({ _ in .empty(204) }) { server in
                let client = server.client()
                try await client.bodies.putBlob(body: .data(Data("bytes".utf8)))
                try await client.bodies.putBlob(body: .file(empty))
                let requests = await server.requests
                #expect(requests.map(\.bodyText) == ["bytes", ""])
            }
        }
    }

    @Test("a missing file fails the call with the file system's error, and no request is sent")
    func missingFile() async throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID().uuidString)")
        try await TestServer.with({ _ in .empty(204) }) { server in
            let error = await featuresError { () async throws(FeaturesSDKError) in
                try await server.client().bodies.putBlob(body: .file(missing))
            }
            guard case .transport? = error else {
                Issue.record("expected .transport, got \(String(describing: error))")
                return
            }
            #expect(await server.requests.isEmpty)
        }
    }

    @Test("an upload from a file is retried with the whole file again")
    func fileRetried() async throws {
        let attempts = Counter()
        let handler: TestServer.Handler = { _ in await attempts.next() == 1 ? .empty(503) : .empty(204) }
        try await Self.withFile(Self.body) { file in
            try await TestServer.with(handler) { server in
                try await server.client().bodies.putBlob(body: .file(file), options: RequestOptions(retries: Self.retryOn503))
                let requests = await server.requests
                #expect(requests.count == 2)
                #expect(requests.allSatisfy { $0.body == Self.body })
            }
        }
    }

    @Test("an upload from a sequence is not retried once read: the attempt that read it is the call's outcome")
    func sequenceNotRetried() async throws {
        let attempts = Counter()
        let handler: TestServer.Handler = { _ in await attempts.next() == 1 ? .empty(503) : .empty(204) }
        try await TestServer.with(handler) { server in
            let error = await featuresError { () async throws(FeaturesSDKError) in
                try await server.client().bodies.putBlob(body: .stream(Self.chunks(of: Self.body)),
                                                         options: RequestOptions(retries: Self.retryOn503))
            }
            guard case .apiError(let metadata, _)? = error else {
                Issue.record("expected the 503 as .apiError, got \(String(describing: error))")
                return
            }
            #expect(metadata.statusCode == 503)
            let requests = await server.requests
            #expect(requests.count == 1)
            #expect(requests.first?.body == Self.body)
        }
    }

    @Test("a sequence that fails mid-way fails the call with its own error, after one attempt")
    func sequenceFailsMidway() async throws {
        let counting = CountingMiddleware()
        try await TestServer.with({ _ in .empty(204) }) { server in
            let error = await featuresError { () async throws(FeaturesSDKError) in
                try await server.client().bodies.putBlob(
                    body: .stream(Self.chunks(of: Self.body, failingWith: ProducerFailure())),
                    options: RequestOptions(retries: Self.retryOn503, middlewares: [counting]))
            }
            guard case .transport(let underlying)? = error else {
                Issue.record("expected .transport, got \(String(describing: error))")
                return
            }
            #expect(underlying is ProducerFailure)
            #expect(counting.attempts == [1])
            // The server saw at most an incomplete body, which it does not pass on as a request.
            #expect(await server.requests.isEmpty)
        }
    }

    @Test("a middleware sees a streamed body's request without httpBody; sending a sequence twice fails")
    func middlewareReplay() async throws {
        let replaying = ReplayingMiddleware()
        try await TestServer.with({ _ in .empty(204) }) { server in
            let error = await featuresError { () async throws(FeaturesSDKError) in
                try await server.client().bodies.putBlob(body: .stream(Self.chunks(of: Self.body)),
                                                         options: RequestOptions(middlewares: [replaying]))
            }
            guard case .invalidRequest? = error else {
                Issue.record("expected .invalidRequest, got \(String(describing: error))")
                return
            }
            #expect(replaying.sawBody == [false, false])
            #expect(await server.requests.map(\.body) == [Self.body])
        }
    }

    @Test("a middleware replaying a file upload sends the file twice")
    func middlewareReplaysFile() async throws {
        let replaying = ReplayingMiddleware()
        try await Self.withFile(Self.body) { file in
            try await TestServer.with({ _ in .empty(204) }) { server in
                try await server.client().bodies.putBlob(body: .file(file), options: RequestOptions(middlewares: [replaying]))
                #expect(await server.requests.map(\.body) == [Self.body, Self.body])
            }
        }
    }

    @Test("the README shows the upload example compiled in this file")
    func readmeShowsExample() throws {
        // Scripts/transport-check.sh runs this file from a package of its own and names the repository in SDKGEN_ROOT.
        let root = ProcessInfo.processInfo.environment["SDKGEN_ROOT"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let start = try #require(source.range(of: "    // README upload example start\n"))
        let end = try #require(source.range(of: "    // README upload example end\n"))
        let snippet = source[start.upperBound..<end.lowerBound].split(separator: "\n").map { $0.dropFirst(4) }.joined(separator: "\n")
        #expect(readme.contains("```swift\n" + snippet + "\n```"))
    }

    @Test("a transport that implements only send(_:) gets the body collected into httpBody")
    func transportWithoutStreaming() async throws {
        let transport = BufferingTransport()
        try await TestServer.with({ _ in .empty(204) }) { server in
            try await server.client(transport: transport).bodies.putBlob(body: .stream(Self.chunks(of: Self.body)))
            #expect(transport.bodyCounts == [Self.body.count])
            #expect(try await server.request.body == Self.body)
        }
    }
}

/// The README's upload example, compiled here so that it cannot go stale; `readmeShowsExample` checks that the README
/// shows these lines. It is never run.
private func readmeUploadExample(
    client: FeaturesSDK,
    fileURL: URL,
    chunks: AsyncStream<Data>,
    byteCount: Int
) async throws {
    // README upload example start
    try await client.bodies.putBlob(body: .file(fileURL))
    try await client.bodies.putBlob(body: .stream(chunks, length: byteCount))   // chunks: an AsyncSequence of Data
    // README upload example end
}

private struct ProducerFailure: Error {}

/// Counts the requests a handler has seen.
private actor Counter {
    private var count = 0

    /// The number of this request, from 1.
    func next() -> Int {
        count += 1
        return count
    }
}

/// Records the attempt number of each request it passes on.
private final class CountingMiddleware: ClientMiddleware, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Int] = []

    var attempts: [Int] {
        lock.withLock { recorded }
    }

    func intercept(
        _ request: URLRequest,
        context: MiddlewareContext,
        next: (URLRequest) async throws -> ClientResponse
    ) async throws -> ClientResponse {
        lock.withLock { recorded.append(context.attempt) }
        return try await next(request)
    }
}

/// Sends each request twice, recording whether it carried its body, and returns the second response.
private final class ReplayingMiddleware: ClientMiddleware, @unchecked Sendable {
    private let lock = NSLock()
    private var bodies: [Bool] = []

    var sawBody: [Bool] {
        lock.withLock { bodies }
    }

    func intercept(
        _ request: URLRequest,
        context: MiddlewareContext,
        next: (URLRequest) async throws -> ClientResponse
    ) async throws -> ClientResponse {
        lock.withLock { bodies.append(request.httpBody != nil || request.httpBodyStream != nil) }
        _ = try await next(request)
        lock.withLock { bodies.append(request.httpBody != nil || request.httpBodyStream != nil) }
        return try await next(request)
    }
}

/// A transport of its own that implements only `send(_:)`, recording the length of each body it is given.
private final class BufferingTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [Int] = []
    private let base = URLSessionTransport()

    var bodyCounts: [Int] {
        lock.withLock { counts }
    }

    func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        lock.withLock { counts.append(request.httpBody?.count ?? 0) }
        return try await base.send(request)
    }
}
