import Dispatch
import Foundation

/// Work running on a thread of its own, waited for with `join()`.
///
/// Unlike work on a Dispatch queue, it never waits for a pool thread: a caller that blocks on what the work produces
/// (a producer and consumer pair) cannot starve it, however many of the pool's threads are blocked. Nor does it hold
/// one: on Linux, Dispatch's worker threads are also the Swift concurrency pool's, one per core.
package final class DedicatedThread: Sendable {
    private let finished = DispatchSemaphore(value: 0)

    /// Starts `work` on a new thread.
    package init(_ work: @escaping @Sendable () -> Void) {
        let finished = finished
        let thread = Thread {
            work()
            finished.signal()
        }
        // The main thread's size: the walks of deeply nested schemas and values recurse.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the work to finish; a later call returns at once.
    package func join() {
        finished.wait()
        // Signalled again for a later caller.
        finished.signal()
    }
}
