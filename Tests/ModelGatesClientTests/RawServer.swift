import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loopback server that answers every connection by a script of raw bytes and pauses, for the faults an HTTP server
/// library will not make: a body cut short, a stall before the head or in the middle of the body, no reply at all.
///
/// It reads each request's head and body (by `Content-Length`) before it plays the script, so that closing the
/// connection never turns into a reset for unread data.
final class RawServer: Sendable {
    /// One step of the answer to a connection.
    enum Step: Sendable {
        /// Writes the bytes.
        case send(String)
        /// Waits, or stops waiting when the server stops.
        case pause(seconds: Double)
        /// Closes the connection with a reset (`SO_LINGER` 0) instead of an orderly close.
        case reset
    }

    /// The port on 127.0.0.1 the server listens on.
    let port: UInt16

    private let listener: Int32
    private let stopped = Atomic(false)
    private let connections = Atomic(0)

    /// The ModelGates server URL of this server: `http://127.0.0.1:<port>/api/v1`.
    var serverURL: URL {
        URL(string: "http://127.0.0.1:\(port)/api/v1")!
    }

    /// How many connections the server has accepted.
    var connectionCount: Int {
        connections.load(ordering: .sequentiallyConsistent)
    }

    /// Runs `body` with a server that answers every connection with `steps` and then closes it, then stops the server.
    static func with<Value>(_ steps: [Step], _ body: (RawServer) async throws -> Value) async throws -> Value {
        try await with(scripts: [steps], body)
    }

    /// Runs `body` with a server that answers its first connection with the first script, its second with the second,
    /// and every later one with the last; then stops the server.
    static func with<Value>(scripts: [[Step]], _ body: (RawServer) async throws -> Value) async throws -> Value {
        let server = try RawServer(scripts: scripts)
        defer { server.stop() }
        return try await body(server)
    }

    /// A response head and the start of a body, as one string: status 200, JSON, with the given `Content-Length`.
    static func head(contentLength: Int, status: Int = 200) -> String {
        "HTTP/1.1 \(status) Status\r\nContent-Type: application/json\r\nContent-Length: \(contentLength)\r\n\r\n"
    }

    private init(scripts: [[Step]]) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(listener, address, length) == 0 && listen(listener, 16) == 0
                    && getsockname(listener, address, &length) == 0
            }
        }
        guard bound else {
            close(listener)
            throw POSIXError(.EADDRINUSE)
        }
        self.listener = listener
        self.port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptConnections(scripts) }
        thread.start()
    }

    private func stop() {
        stopped.store(true, ordering: .sequentiallyConsistent)
        // Ends the blocked `accept`.
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private var isStopped: Bool {
        stopped.load(ordering: .sequentiallyConsistent)
    }

    private func acceptConnections(_ scripts: [[Step]]) {
        while !isStopped {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            let index = connections.add(1, ordering: .sequentiallyConsistent).oldValue
            let steps = scripts[min(index, scripts.count - 1)]
            Thread { [self] in answer(connection, steps) }.start()
        }
    }

    private func answer(_ connection: Int32, _ steps: [Step]) {
        readRequest(connection)
        for step in steps {
            switch step {
            case .send(let text):
                var bytes = Array(text.utf8)[...]
                while !bytes.isEmpty {
                    let written = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    guard written > 0 else { break }
                    bytes = bytes.dropFirst(written)
                }
            case .pause(let seconds):
                let end = Date(timeIntervalSinceNow: seconds)
                while !isStopped && Date() < end {
                    usleep(10_000)
                }
            case .reset:
                var option = linger(l_onoff: 1, l_linger: 0)
                setsockopt(connection, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
            }
        }
        close(connection)
    }

    /// Reads a request's head and as much body as its `Content-Length` says.
    private func readRequest(_ connection: Int32) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var needed: Int?
        while needed.map({ received.count < $0 }) ?? true {
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return }
            received += buffer[..<count]
            if needed == nil, let end = received.firstRange(of: Array("\r\n\r\n".utf8)) {
                let head = String(decoding: received[..<end.lowerBound], as: UTF8.self).lowercased()
                let length = head.split(separator: "\r\n")
                    .first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }
                needed = end.upperBound + (length ?? 0)
            }
        }
    }
}
