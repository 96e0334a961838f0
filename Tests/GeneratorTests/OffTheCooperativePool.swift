import Foundation

/// Runs CPU-heavy work, such as generating an SDK, on a thread of its own and waits for it.
///
/// Tests run on Swift's cooperative thread pool, one thread per core; synchronous work there keeps the other tests of
/// the process, timing-sensitive client tests among them, from running meanwhile. `DispatchQueue.global()` is no way
/// out on Linux: the pool's threads come from that same root queue, so two blocks spinning there stop every task of
/// the process (a 50 ms `Task.sleep` took 3 s behind two 3 s blocks). A `Thread` competes for the cores through the
/// kernel's scheduler instead, so the pool keeps running.
func offTheCooperativePool<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
