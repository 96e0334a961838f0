import SDKGenBase
import SDKGenModel

/// Compares the retry policies the SDKs apply unless told otherwise: `RetryConfig.default` and each function's own.
///
/// A policy is a value, not an API: a new one compiles as before and is compatible, but calls are retried
/// differently, which release notes should say.
extension APIComparison {
    package mutating func compareRetryPolicies() {
        let oldDefault = old.client.retryDefaults, newDefault = new.client.retryDefaults
        if !Self.sameBehaviour(oldDefault, newDefault) {
            let location = newDefault.location ?? oldDefault.location ?? new.client.defaultServerLocation
            add(.retryPolicyChanged, .compatible, at: location, symbol: "RetryConfig.default",
                "the default retry policy changes: \(newDefault.summary) It was: \(oldDefault.summary)")
        }
        let oldFunctions = Self.functions(of: old)
        for (key, function) in Self.functions(of: new) {
            guard let oldFunction = oldFunctions[key] else { continue }
            let oldPolicy = oldFunction.declaration.retries, newPolicy = function.declaration.retries
            switch (oldPolicy, newPolicy) {
            case (nil, nil):
                continue
            case (let oldPolicy?, let newPolicy?) where Self.sameBehaviour(oldPolicy, newPolicy):
                continue
            default:
                add(.retryPolicyChanged, .compatible, at: function.declaration.origin.location,
                    symbol: Self.symbol(oldFunction, client: old.client.typeName),
                    "the function's own retry policy changes: "
                    + (newPolicy?.summary ?? "it has none and uses the client's.")
                    + " It was: " + (oldPolicy?.summary ?? "none; it used the client's."))
            }
        }
    }

    /// Whether two policies retry the same way, wherever each comes from.
    private static func sameBehaviour(_ first: RetryPolicy, _ second: RetryPolicy) -> Bool {
        var second = second
        second.source = first.source
        second.location = first.location
        return first == second
    }
}
