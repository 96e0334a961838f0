/// Work started on a thread of its own (a `DedicatedThread`), whose result is waited for when it is needed.
package final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private var thread: DedicatedThread?
    // Written once by the work before its thread finishes, read only after joining it.
    private var result: Value?

    package init(_ work: @escaping @Sendable () -> Value) {
        thread = DedicatedThread { self.result = work() }
    }

    /// The work's result, once it has finished.
    package var value: Value {
        thread!.join()
        return result!
    }
}
