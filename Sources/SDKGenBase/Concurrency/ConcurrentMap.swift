import Dispatch

extension Array where Element: Sendable {
    /// The elements transformed on every core at once, in the elements' order.
    ///
    /// Each result goes to its element's index, so the order the transforms finish in does not matter and
    /// the output is the same as `map`'s.
    package func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        return [Result](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            // Each iteration writes only its own slot, so the threads never touch the same memory.
            nonisolated(unsafe) let slots = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: count) { index in
                (slots + index).initialize(to: transform(self[index]))
            }
            initializedCount = count
        }
    }
}
