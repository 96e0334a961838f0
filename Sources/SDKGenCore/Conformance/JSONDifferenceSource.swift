/// The comparison the generated checking programs (`ConformanceProgram`, `RoundTripProgram`) make of a JSON value
/// and its re-encoding, as Swift source they include.
enum JSONDifferenceSource {
    static let source = #"""
    /// Where two JSON values differ, or `nil` when they are equivalent: equal up to key order, absent `null`s,
    /// number spelling and the spelling of a date-time's instant.
    func jsonDifference(_ original: Any, _ reencoded: Any, at path: String) -> String? {
        switch (original, reencoded) {
        case let (original as [String: Any], reencoded as [String: Any]):
            for (key, value) in original {
                guard let other = reencoded[key] else {
                    if value is NSNull { continue }
                    return "\(path).\(key) (missing)"
                }
                if let difference = jsonDifference(value, other, at: "\(path).\(key)") { return difference }
            }
            for key in reencoded.keys where original[key] == nil {
                return "\(path).\(key) (added)"
            }
            return nil
        case let (original as [Any], reencoded as [Any]):
            guard original.count == reencoded.count else { return "\(path) (\(original.count) items, now \(reencoded.count))" }
            for (offset, pair) in zip(original, reencoded).enumerated() {
                if let difference = jsonDifference(pair.0, pair.1, at: "\(path)[\(offset)]") { return difference }
            }
            return nil
        case let (original as String, reencoded as String):
            if original == reencoded { return nil }
            // A date-time may be re-encoded in another spelling of the same instant.
            if let first = JSONCoding.date(from: original), let second = JSONCoding.date(from: reencoded) {
                if first == second { return nil }
                // Named apart: digits past the millisecond, which the SDK does not keep, and a date-time with
                // whole milliseconds that comes back a millisecond off.
                let digits = original.contains(".") ? original.split(separator: ".").last.map { $0.prefix { $0.isNumber }.count } ?? 0 : 0
                if digits > 3, abs(first.timeIntervalSince(second)) < 0.001 {
                    return "\(path) (\(original) ≠ \(reencoded): a date-time's sub-millisecond digits)"
                }
                if abs(first.timeIntervalSince(second)) < 0.0015 {
                    return "\(path) (\(original) ≠ \(reencoded): a date-time re-encoded a millisecond off)"
                }
            }
            return "\(path) (\(original) ≠ \(reencoded))"
        case let (original as NSNumber, reencoded as NSNumber):
            return original.doubleValue == reencoded.doubleValue ? nil : "\(path) (\(original) ≠ \(reencoded))"
        case (is NSNull, is NSNull):
            return nil
        default:
            return "\(path) (\(type(of: original)) ≠ \(type(of: reencoded)))"
        }
    }
    """#
}
