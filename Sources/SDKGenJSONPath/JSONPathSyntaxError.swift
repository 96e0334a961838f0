import SDKGenBase
import SDKGenYAML

/// Why a JSONPath query could not be parsed, and where in it.
public struct JSONPathSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The query as written.
    public var query: String
    /// The 0-based offset, in Unicode scalars, of the character the parser stopped at; the query's length
    /// when it ended too soon.
    public var offset: Int
    /// What was expected there, or what is wrong with what was found.
    public var message: String

    public init(query: String, offset: Int, message: String) {
        self.query = query
        self.offset = offset
        self.message = message
    }

    /// `invalid JSONPath '$.a-b' at offset 3 ('-'): …`
    public var description: String {
        let scalars = Array(query.unicodeScalars)
        let found: String
        if offset >= scalars.count {
            found = "the end"
        } else if scalars[offset].properties.isWhitespace || scalars[offset].properties.generalCategory == .control {
            // Named by code point, since the character itself would be invisible or break the line.
            let hex = String(scalars[offset].value, radix: 16, uppercase: true)
            found = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        } else {
            found = "'\(scalars[offset])'"
        }
        return "invalid JSONPath '\(query)' at offset \(offset) (\(found)): \(message)"
    }
}
