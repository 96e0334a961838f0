import Dispatch
import Foundation

/// Work running on a thread of its own, waited for with `join()`.
///
/// Unlike work on a Dispatch queue, it never waits for a pool thread: a caller that blocks on what the work produces
/// (a producer and consumer pair) cannot starve it, however many of the pool's threads are blocked.
package final class DedicatedThread: Sendable {
    private let finished = DispatchSemaphore(value: 0)

    /// Starts `work` on a new thread.
    package init(_ work: @escaping @Sendable () -> Void) {
        let finished = finished
        Thread {
            work()
            finished.signal()
        }.start()
    }

    /// Waits for the work to finish; a later call returns at once.
    package func join() {
        finished.wait()
        // Signalled again for a later caller.
        finished.signal()
    }
}
