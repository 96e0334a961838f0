/// One behaviour of the generated client, checked end to end against a loopback server.
struct ClientCheck: Sendable {
    /// What a reader of the report sees, such as `streamed chat completion`.
    var name: String
    /// Throws a ``CheckFailure`` (or the client's error) when the behaviour is wrong.
    var run: @Sendable () async throws -> Void
}

/// Why a check failed, in words for the report.
struct CheckFailure: Error, CustomStringConvertible {
    var description: String
}

/// Throws a ``CheckFailure`` saying `what` was expected and what was found instead, unless they are equal.
func expect<Value: Equatable>(_ actual: Value, _ expected: Value, _ what: String) throws(CheckFailure) {
    guard actual == expected else {
        throw CheckFailure(description: "\(what): expected \(String(reflecting: expected)), got \(String(reflecting: actual))")
    }
}
