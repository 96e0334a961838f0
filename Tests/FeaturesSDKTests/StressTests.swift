import FeaturesSDK
import FlyingFox
import FlyingSocks
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// 1,000 concurrent calls of one client against a loopback server: plain JSON, retried 429 and 503 answers with
/// `Retry-After`, retries that run out, documented errors, streamed responses, and calls cancelled (seeded, at
/// random moments) while streaming or while waiting to retry. Every call must end once with its own result or
/// error, and afterwards no request handler, streamed body or retry may still be running.
///
/// It runs when `SDKGEN_STRESS` is set (`SDKGEN_STRESS=1 swift test --filter StressTests`, as .ci/run does, also under
/// ThreadSanitizer): a thousand calls at once keep the other client tests of the process, which run meanwhile, from
/// being answered within their timeouts and retry budgets on a 2-core machine.
@Suite("Concurrency stress", .enabled(if: ProcessInfo.processInfo.environment["SDKGEN_STRESS"] != nil,
                                      "set SDKGEN_STRESS=1 to run it, alone: swift test --filter StressTests"))
struct StressTests {
    /// What the server does with a call, and so what the call must end with.
    enum Kind: Int, CaseIterable, Sendable {
        case ok, retry429, retry503, retriesRunOut, notFound, stream, cancelStream, cancelRetry
    }

    /// The end of a call as the test saw it.
    enum Outcome: Equatable, Sendable {
        case text(String)
        case events([String])
        case notFound(String)
        case apiError(status: Int)
        case cancelled
        case other(String)
    }

    static let calls = 1_000
    static let seed: UInt64 = 20_261_122

    @Test("1,000 concurrent calls with retries, streams and cancellation each end once, and nothing is left running")
    func concurrentCalls() async throws {
        var generator = SplitMix64(seed: Self.seed)
        let plan: [(kind: Kind, cancelAfter: Duration)] = (0..<Self.calls).map { _ in
            (Kind.allCases.randomElement(using: &generator)!, .milliseconds(Int.random(in: 0...300, using: &generator)))
        }
        let state = ServerState()

        let handler: TestServer.Handler = { request in
            guard let call = request.header("X-Stress-Call").flatMap(Int.init), plan.indices.contains(call) else {
                return .json(400, #"{"message":"no call id"}"#)
            }
            let attempt = state.begin(call)
            defer { state.end() }
            switch plan[call].kind {
            case .ok:
                return .json(200, #"{"text":"call-\#(call)"}"#)
            case .retry429, .retry503:
                guard attempt == 1 else { return .json(200, #"{"text":"call-\#(call)"}"#) }
                return .retryAfter(plan[call].kind == .retry429 ? 429 : 503, seconds: 1)
            case .retriesRunOut:
                return .retryAfter(503, seconds: 2)
            case .cancelRetry:
                return .retryAfter(503, seconds: 1)
            case .notFound:
                return .json(404, #"{"message":"no-\#(call)"}"#)
            case .stream:
                let chunks = ["a", "b", "c"].map { "data: {\"delta\":\"\($0)-\(call)\"}\n\n" } + ["data: [DONE]\n\n"]
                return .countedEventStream(chunks, delay: .milliseconds(10), state: state)
            case .cancelStream:
                // Far longer than the test: only the client's cancellation ends it.
                let chunks = (0..<600).map { "data: {\"delta\":\"\($0)\"}\n\n" }
                return .countedEventStream(chunks, delay: .milliseconds(100), state: state)
            }
        }

        let started = ContinuousClock.now
        try await TestServer.with(handler) { server in
            let configuration = URLSessionConfiguration.ephemeral
            configuration.httpMaximumConnectionsPerHost = 32
            let session = URLSession(configuration: configuration)
            defer { session.invalidateAndCancel() }
            let retries = RetryConfig(
                backoff: .init(initialInterval: 0.05, maxInterval: 1, exponent: 2, maxElapsedTime: 60),
                statusCodes: [429, 503], retryConnectionErrors: false, retryNonIdempotent: true)
            // Retries 2 s apart (Retry-After) for at most 20 s: at least one unless the first answer comes 18 s after
            // the call began (a thousand calls on a busy 2-core machine can wait that long for a connection), at most
            // 11, however late each is.
            let shortRetries = RetryConfig(
                backoff: .init(initialInterval: 0.05, maxInterval: 2, exponent: 2, maxElapsedTime: 20),
                statusCodes: [429, 503], retryConnectionErrors: false, retryNonIdempotent: true)
            let client = FeaturesSDK(bearerAuth: "token", serverURL: server.serverURL, retries: retries, timeout: 30,
                                     transport: URLSessionTransport(session: session))

            let outcomes = await withTaskGroup(of: (Int, Outcome).self) { group in
                for (call, entry) in plan.enumerated() {
                    group.addTask {
                        state.callStarted(call)
                        var options = RequestOptions(headers: [("X-Stress-Call", String(call))])
                        if entry.kind == .retriesRunOut { options.retries = shortRetries }
                        let work = Task { await Self.perform(entry.kind, call: call, client: client, options: options) }
                        if entry.kind == .cancelStream || entry.kind == .cancelRetry {
                            try? await Task.sleep(for: entry.cancelAfter)
                            work.cancel()
                        }
                        return (call, await work.value)
                    }
                }
                var outcomes: [Int: [Outcome]] = [:]
                for await (call, outcome) in group {
                    outcomes[call, default: []].append(outcome)
                }
                return outcomes
            }

            // Every call ended exactly once, with what its kind calls for.
            #expect(outcomes.count == Self.calls)
            var wrong: [String] = []
            for (call, entry) in plan.enumerated() {
                let ends = outcomes[call] ?? []
                guard ends.count == 1, let outcome = ends.first else {
                    wrong.append("call \(call) ended \(ends.count) times")
                    continue
                }
                let expected: Outcome = switch entry.kind {
                case .ok, .retry429, .retry503: .text("call-\(call)")
                case .retriesRunOut: .apiError(status: 503)
                case .notFound: .notFound("no-\(call)")
                case .stream: .events(["a-\(call)", "b-\(call)", "c-\(call)"])
                case .cancelStream, .cancelRetry: .cancelled
                }
                if outcome != expected { wrong.append("call \(call) (\(entry.kind)): \(outcome), expected \(expected)") }
                let attempts = state.attempts(call)
                switch entry.kind {
                case .ok, .notFound, .stream:
                    if attempts != 1 { wrong.append("call \(call) (\(entry.kind)) was sent \(attempts) times") }
                case .retry429, .retry503:
                    if attempts != 2 { wrong.append("call \(call) (\(entry.kind)) was sent \(attempts) times") }
                case .retriesRunOut:
                    // The first answer's delay decides whether a retry still fits the 20 s budget; 2 s of margin for
                    // the answer's way back to the client.
                    let retryFits = state.firstAttemptDelay(call).map { $0 < .seconds(16) } ?? false
                    if attempts > 12 || attempts < (retryFits ? 2 : 1) {
                        wrong.append("call \(call) (\(entry.kind)) was sent \(attempts) times")
                    }
                case .cancelStream, .cancelRetry:
                    break
                }
            }
            #expect(wrong.isEmpty, "\(wrong.count) calls went wrong, first: \(wrong.prefix(5))")

            // Nothing is left running: the handlers returned, every streamed body was finished or abandoned by the
            // server once the client cancelled (with the session still open), and no cancelled retry is sent later.
            let attemptsAtEnd = state.totalAttempts
            let settled = ContinuousClock.now + .seconds(20)
            while state.running > 0 || state.liveStreams > 0, ContinuousClock.now < settled {
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(state.running == 0, "\(state.running) request handlers still running")
            #expect(state.liveStreams == 0, "\(state.liveStreams) streamed bodies still being sent")
            try await Task.sleep(for: .seconds(1.5))
            #expect(state.totalAttempts == attemptsAtEnd, "requests arrived after every call had ended")
        }
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        #expect(seconds < 120, "took \(seconds) s (a hang, not slowness: the calls end within their 60 s budgets)")
        print("stress: \(Self.calls) calls in \(String(format: "%.1f", seconds)) s")
    }

    /// Makes one call of the given kind and says how it ended.
    static func perform(_ kind: Kind, call: Int, client: FeaturesSDK, options: RequestOptions) async -> Outcome {
        do throws(FeaturesSDKError) {
            let request = CompletionRequest(prompt: "call \(call)")
            switch kind {
            case .stream, .cancelStream:
                var deltas: [String] = []
                for try await chunk in try await client.responses.createCompletionStream(body: request, options: options) {
                    deltas.append(chunk.delta)
                }
                return .events(deltas)
            default:
                return .text(try await client.responses.createCompletion(body: request, options: options).text)
            }
        } catch .notFound(.problem(let problem), _) {
            return .notFound(problem.message)
        } catch .apiError(let metadata, _) {
            return .apiError(status: metadata.statusCode)
        } catch .cancelled {
            return .cancelled
        } catch {
            return .other("\(error)")
        }
    }
}

/// What the server has seen: attempts per call, handlers running, streamed bodies not yet finished or dropped.
///
/// Guarded by an `NSLock` rather than a `Mutex`: on Linux `Mutex` waits with futexes, which ThreadSanitizer does not
/// see, so it would report the accesses it guards as races.
final class ServerState: @unchecked Sendable {
    private let lock = NSLock()
    private var attemptsByCall: [Int: Int] = [:]
    private var callStartedAt: [Int: ContinuousClock.Instant] = [:]
    private var firstAttemptAt: [Int: ContinuousClock.Instant] = [:]
    private var total = 0
    private var runningCount = 0
    private var liveStreamCount = 0

    private func locked<Value>(_ body: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// Records that the client began `call`.
    func callStarted(_ call: Int) { locked { callStartedAt[call] = .now } }

    /// How long after the client began `call` its first attempt reached the server.
    func firstAttemptDelay(_ call: Int) -> Duration? {
        locked {
            guard let started = callStartedAt[call], let reached = firstAttemptAt[call] else { return nil }
            return started.duration(to: reached)
        }
    }

    /// Records an attempt of `call` and returns its number (1 for the first).
    func begin(_ call: Int) -> Int {
        locked {
            if attemptsByCall[call] == nil { firstAttemptAt[call] = .now }
            attemptsByCall[call, default: 0] += 1
            total += 1
            runningCount += 1
            return attemptsByCall[call, default: 0]
        }
    }

    func end() { locked { runningCount -= 1 } }
    func streamStarted() { locked { liveStreamCount += 1 } }
    func streamEnded() { locked { liveStreamCount -= 1 } }
    func attempts(_ call: Int) -> Int { locked { attemptsByCall[call, default: 0] } }
    var totalAttempts: Int { locked { total } }
    var running: Int { locked { runningCount } }
    var liveStreams: Int { locked { liveStreamCount } }
}

extension HTTPResponse {
    /// A status with `Retry-After` in seconds and a JSON body.
    static func retryAfter(_ status: Int, seconds: Int) -> HTTPResponse {
        var response = HTTPResponse.json(status, #"{"message":"later"}"#)
        response.headers[HTTPHeader("Retry-After")] = String(seconds)
        return response
    }

    /// An event stream whose body counts as live in `state` from its creation until the server finished sending it
    /// or dropped it (the connection closed).
    static func countedEventStream(_ chunks: [String], delay: Duration, state: ServerState) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = "text/event-stream"
        let body = CountedChunks(chunks: DelayedChunks(chunks: chunks.map { Array($0.utf8) }, delay: delay), liveness: Liveness(state))
        return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: body))
    }
}

/// Counts a streamed body as live while anything holds it.
final class Liveness: Sendable {
    private let state: ServerState

    init(_ state: ServerState) {
        self.state = state
        state.streamStarted()
    }

    deinit { state.streamEnded() }
}

/// `DelayedChunks` that keep a `Liveness` until the server lets go of them.
struct CountedChunks: AsyncBufferedSequence {
    typealias Element = UInt8

    var chunks: DelayedChunks
    let liveness: Liveness

    func makeAsyncIterator() -> Iterator {
        Iterator(base: chunks.makeAsyncIterator(), liveness: liveness)
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: DelayedChunks.Iterator
        var liveness: Liveness?

        mutating func next() async throws -> UInt8? {
            guard let buffer = try await nextBuffer(suggested: 1) else { return nil }
            return buffer.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            let buffer = try await base.nextBuffer(suggested: count)
            if buffer == nil { liveness = nil }
            return buffer
        }
    }
}

/// A seeded generator, so that the calls' kinds and cancellation moments repeat from run to run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
