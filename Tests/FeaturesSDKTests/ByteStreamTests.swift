import FeaturesSDK
import FlyingFox
import FlyingSocks
import Foundation
import Testing

/// A binary response read as it arrives (`downloadStream`), never held whole.
@Suite("Byte streams")
struct ByteStreamTests {
    /// 4 MiB that are not all alike, so that a lost, repeated or reordered chunk shows.
    static let body = Data((0..<(4 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) })

    static func octetStream(_ body: HTTPBodySequence) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = "application/octet-stream"
        return HTTPResponse(statusCode: .ok, headers: headers, body: body)
    }

    @Test("the chunks arrive while the server is still sending: the first before the server sends the rest")
    func chunksArriveAsSent() async throws {
        let (gate, open) = AsyncStream.makeStream(of: Void.self)
        let first = Data(repeating: 1, count: 64 << 10), rest = Data(repeating: 2, count: 1 << 20)
        let handler: TestServer.Handler = { _ in
            Self.octetStream(HTTPBodySequence(from: GatedChunks(first: Array(first), rest: Array(rest), gate: gate)))
        }
        try await TestServer.with(handler) { server in
            let stream = try await server.client().responses.downloadStream()
            #expect(stream.metadata.statusCode == 200)
            var received = Data()
            var opened = false
            for try await chunk in stream {
                received += chunk
                // The server holds the rest until this side has had the first chunk: a client that read the body
                // whole before returning would wait here for ever (until its timeout).
                if !opened, received.count >= first.count {
                    opened = true
                    open.yield()
                }
            }
            #expect(received == first + rest)
        }
    }

    @Test("write(to:) writes a body of a few MiB to a file byte for byte, replacing what the file held")
    func writeToFile() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bytestream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("old contents that are longer than nothing".utf8).write(to: file)
        try await TestServer.with({ _ in .body(200, Self.body, contentType: "application/octet-stream") }) { server in
            let count = try await server.client().responses.downloadStream().write(to: file)
            #expect(count == Self.body.count)
            #expect(try Data(contentsOf: file) == Self.body)
        }
    }

    @Test("a reader slower than the network gets every byte in order: 12 MiB that arrive while it waits")
    func slowReader() async throws {
        // Three times the 4 MiB the body alone: most of it arrives while the reader sleeps, and URLSessionTransport
        // puts what exceeds its few MiB in memory into a temporary file; AsyncHTTPClientTransport holds the server
        // back instead.
        let body = Data((0..<3).map { round in Self.body.map { $0 &+ UInt8(round) } }.joined())
        try await TestServer.with({ _ in .body(200, body, contentType: "application/octet-stream") }) { server in
            let stream = try await server.client().responses.downloadStream()
            var received = Data()
            for try await chunk in stream {
                if received.isEmpty {
                    try await Task.sleep(for: .seconds(1))
                }
                received += chunk
            }
            #expect(received.count == body.count)
            #expect(received == body)
        }
    }

    @Test("an error status is read whole and thrown as its documented case")
    func errorStatus() async throws {
        try await TestServer.with({ _ in .json(404, #"{"message":"no such thing"}"#) }) { server in
            let error = await featuresError { () async throws(FeaturesSDKError) in
                try await server.client().responses.downloadStream()
            }
            guard case .notFound(.problem(let problem), let metadata)? = error else {
                Issue.record("expected .notFound(.problem), got \(String(describing: error))")
                return
            }
            #expect(problem.message == "no such thing")
            #expect(metadata.statusCode == 404)
        }
    }

    @Test("breaking out of the loop ends the stream, and the client goes on working")
    func breakingOut() async throws {
        try await TestServer.with({ _ in .body(200, Self.body, contentType: "application/octet-stream") }) { server in
            let stream = try await server.client().responses.downloadStream()
            var received = 0
            for try await chunk in stream {
                received += chunk.count
                break
            }
            #expect(received > 0)
            // The client is still usable afterwards.
            let count = try await server.client().responses.downloadStream().reduce(0) { $0 + $1.count }
            #expect(count == Self.body.count)
        }
    }
}

/// A body of two parts, the second sent only once `gate` yields.
struct GatedChunks: AsyncBufferedSequence {
    typealias Element = UInt8

    var first: [UInt8]
    var rest: [UInt8]
    var gate: AsyncStream<Void>

    func makeAsyncIterator() -> Iterator {
        Iterator(pending: first, rest: rest, gate: gate)
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var pending: [UInt8]
        var rest: [UInt8]?
        var gate: AsyncStream<Void>

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            if pending.isEmpty {
                guard let rest else { return nil }
                for await _ in gate { break }
                pending = rest
                self.rest = nil
            }
            let buffer = Array(pending.prefix(Swift.max(1, count)))
            pending.removeFirst(buffer.count)
            return buffer
        }
    }
}
