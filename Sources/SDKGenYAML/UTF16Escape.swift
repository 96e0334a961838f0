/// How a `\uXXXX` escape of a JSON string (and of a JSONPath string, which escapes as JSON does) becomes a
/// character: a UTF-16 high surrogate's escape must be followed by a low surrogate's, and the two make one scalar.
package enum UTF16Escape {
    /// Why an escape makes no character.
    package enum Fault: Error {
        /// A high surrogate not followed by a low surrogate's escape.
        case unpairedHighSurrogate
        /// A low surrogate with no high surrogate before it.
        case loneLowSurrogate
    }

    /// The character of the escaped UTF-16 `unit`. For a high surrogate, `lowSurrogate` reads the next escape's
    /// unit, or returns `nil` when no `\u` escape follows.
    package static func scalar<Failure: Error>(
        _ unit: UInt32, lowSurrogate: () throws(Failure) -> UInt32?
    ) throws(Failure) -> Result<Unicode.Scalar, Fault> {
        switch unit {
        case 0xD800...0xDBFF:
            guard let low = try lowSurrogate(), (0xDC00...0xDFFF).contains(low) else { return .failure(.unpairedHighSurrogate) }
            // Both halves are in range, so the combination is a valid scalar.
            return .success(Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!)
        case 0xDC00...0xDFFF:
            return .failure(.loneLowSurrogate)
        default:
            // Not a surrogate, so a valid scalar.
            return .success(Unicode.Scalar(unit)!)
        }
    }
}
