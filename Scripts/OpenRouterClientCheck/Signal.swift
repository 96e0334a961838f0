/// A flag one task raises and another waits for, with a limit on the wait so that a check cannot hang.
actor Signal {
    private var isRaised = false

    func raise() {
        isRaised = true
    }

    /// Waits until the flag is raised, or `limit` has passed; returns whether it was raised.
    func wait(upTo limit: Duration) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while !isRaised && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        return isRaised
    }
}
