import Dispatch

/// Runs CPU-heavy work, such as generating an SDK, on a Dispatch thread and waits for it.
///
/// Tests run on Swift's cooperative thread pool, one thread per core; synchronous work there keeps the other tests of
/// the process, timing-sensitive client tests among them, from running meanwhile.
func offTheCooperativePool<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try work() })
        }
    }
}
