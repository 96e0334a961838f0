import FlyingSocks

/// A response body written in chunks over time: each chunk is sent only after `beforeChunk` returned for it.
///
/// Without a length, FlyingFox sends such a body with chunked transfer encoding, one HTTP chunk per chunk here, so
/// that the client reads the events as a real server's arrive: split across reads, and some while later ones are
/// not written yet.
struct ByteChunks: AsyncBufferedSequence {
    typealias Element = UInt8

    var chunks: [[UInt8]]
    /// Called with a chunk's index just before it is sent; it may wait.
    var beforeChunk: @Sendable (Int) async throws -> Void

    init(_ chunks: [String], beforeChunk: @escaping @Sendable (Int) async throws -> Void) {
        self.chunks = chunks.map { Array($0.utf8) }
        self.beforeChunk = beforeChunk
    }

    func makeAsyncIterator() -> Iterator {
        Iterator(chunks: chunks, beforeChunk: beforeChunk)
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var chunks: [[UInt8]]
        var beforeChunk: @Sendable (Int) async throws -> Void
        var index = 0
        var pending: [UInt8] = []

        mutating func next() async throws -> UInt8? {
            guard let buffer = try await nextBuffer(suggested: 1) else { return nil }
            return buffer.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            if pending.isEmpty {
                guard index < chunks.count else { return nil }
                try await beforeChunk(index)
                pending = chunks[index]
                index += 1
            }
            let buffer = Array(pending.prefix(Swift.max(1, count)))
            pending.removeFirst(buffer.count)
            return buffer
        }
    }
}
