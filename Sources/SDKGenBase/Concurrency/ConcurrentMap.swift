import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// The elements transformed on every core at once, in the elements' order.
    ///
    /// Each result goes to its element's index, so the order the transforms finish in does not matter and
    /// the output is the same as `map`'s. The calling thread takes part, with one `DedicatedThread` per other core:
    /// not Dispatch's worker threads, which on Linux are also the Swift concurrency pool's, so that a process that
    /// generates inside async code (a test run, a tool built on the library) keeps its tasks running meanwhile.
    package func concurrentMap<Result: Sendable>(_ transform: @escaping @Sendable (Element) -> Result) -> [Result] {
        let helpers = Swift.min(count, ProcessInfo.processInfo.activeProcessorCount) - 1
        guard helpers > 0 else { return map(transform) }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            // Each index is taken once, so each slot is written by one thread, and no two threads touch the same memory.
            nonisolated(unsafe) let slots = buffer.baseAddress!
            let cursor = Cursor()
            let elements = self
            let work = { @Sendable in
                while let index = cursor.next(below: elements.count) {
                    (slots + index).initialize(to: transform(elements[index]))
                }
            }
            let threads = (0..<helpers).map { _ in DedicatedThread(work) }
            work()
            // Every thread is joined before the buffer is handed over.
            threads.forEach { $0.join() }
            initializedCount = count
        }
    }
}

/// The next index to transform, shared by the threads of one `concurrentMap`.
private final class Cursor: Sendable {
    private let position = Atomic(0)

    func next(below count: Int) -> Int? {
        let index = position.add(1, ordering: .relaxed).oldValue
        return index < count ? index : nil
    }
}
