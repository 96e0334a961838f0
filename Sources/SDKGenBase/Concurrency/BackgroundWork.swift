import Dispatch

/// Work started on another thread, whose result is waited for when it is needed.
package final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the work before `done` is signalled, read only after waiting for it.
    private var result: Value?

    package init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// The work's result, once it has finished.
    package var value: Value {
        done.wait()
        // Signalled again for a later reader.
        defer { done.signal() }
        return result!
    }
}
