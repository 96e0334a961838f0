import Foundation
import SDKGenBase
import SDKGenJSONPath
import SDKGenYAML

/// RFC 6901 JSON Pointer helpers for `$ref` targets.
public enum JSONPointer {
    /// Decodes one reference token: percent-escapes from the URI fragment, then `~1` → `/` and `~0` → `~`.
    public static func unescape(_ token: String) -> String {
        // Almost every token has nothing to decode, and Foundation's decoding costs on every `$ref` lookup.
        if !token.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "~") }) { return token }
        return unescapeTildes(token.removingPercentEncoding ?? token)
    }

    /// `~1` → `/` and `~0` → `~`: a token of a pointer already percent-decoded.
    public static func unescapeTildes(_ token: String) -> String {
        token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }

    /// Encodes one reference token for a `$ref`: `~` → `~0`, `/` → `~1`, and `%` → `%25` since `unescape`
    /// decodes percent-escapes.
    public static func escape(_ token: String) -> String {
        token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
            .replacingOccurrences(of: "%", with: "%25")
    }
}
