import Foundation
import SDKGenBase
import SDKGenYAML

/// RFC 9485 I-Regexp, the interoperable regular expressions of JSONPath's `match()` and `search()`,
/// run by translating them to the ICU syntax `NSRegularExpression` reads.
///
/// I-Regexp is a small subset of ICU's syntax with three differences the translation accounts for: `.`
/// matches any character but CR and LF (ICU's also excludes U+0085, U+2028 and U+2029), and `^` and `$`
/// are ordinary characters, not anchors. Constructs I-Regexp lacks (groups with `(?`, lazy and possessive
/// quantifiers, escapes such as `\d` or `\1`) make the pattern invalid rather than silently meaning
/// something ICU-specific.
package enum IRegexp {
    /// A compiled expression that must match the whole string when `anchored` (`match()`), or anywhere in
    /// it otherwise (`search()`); `nil` when `pattern` is not a valid I-Regexp.
    package static func compile(_ pattern: String, anchored: Bool) -> NSRegularExpression? {
        guard let translated = icuPattern(pattern) else { return nil }
        return try? NSRegularExpression(pattern: anchored ? "\\A(?:\(translated))\\z" : translated)
    }

    /// Whether `regex` matches in `string`.
    package static func matches(_ regex: NSRegularExpression, in string: String) -> Bool {
        regex.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil
    }

    /// Escapes I-Regexp allows after a backslash besides `p{…}` and `P{…}`.
    private static let singleCharacterEscapes = Set("()*+-.?[\\]^{|}nrt".unicodeScalars)

    /// `pattern` in ICU syntax, or `nil` when it is not an I-Regexp.
    package static func icuPattern(_ pattern: String) -> String? {
        let scalars = Array(pattern.unicodeScalars)
        var result = ""
        var index = 0
        var inClass = false
        // After a quantifier another one may not follow: `a*?` and `a*+` are lazy and possessive in ICU.
        var afterQuantifier = false
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            var isQuantifier = false
            switch scalar {
            case "\\":
                guard let escape = escape(scalars, from: &index) else { return nil }
                result += escape
            case "^", "$", "&":
                // Ordinary characters in I-Regexp; `&&` is set intersection inside an ICU class.
                result += "\\\(scalar)"
            case "[" where inClass:
                // I-Regexp has no nested classes; ICU would read one as a set union.
                return nil
            case "]" where inClass:
                inClass = false
                result += "]"
            case _ where inClass:
                result.unicodeScalars.append(scalar)
            case "[":
                inClass = true
                result += "["
                if index < scalars.count, scalars[index] == "^" {
                    result += "^"
                    index += 1
                }
            case ".":
                result += "[^\\n\\r]"
            case "(":
                guard index >= scalars.count || scalars[index] != "?" else { return nil }
                result += "("
            case "*", "+", "?":
                guard !afterQuantifier else { return nil }
                isQuantifier = true
                result.unicodeScalars.append(scalar)
            case "{":
                guard !afterQuantifier, let close = scalars[index...].firstIndex(of: "}") else { return nil }
                let bounds = String(String.UnicodeScalarView(scalars[index..<close]))
                guard bounds.range(of: #"^[0-9]+(,[0-9]*)?$"#, options: .regularExpression) != nil else { return nil }
                isQuantifier = true
                result += "{\(bounds)}"
                index = close + 1
            default:
                result.unicodeScalars.append(scalar)
            }
            afterQuantifier = isQuantifier
        }
        return inClass ? nil : result
    }

    /// The escape after a backslash at `index - 1`, advancing `index` past it; `nil` when I-Regexp has no
    /// such escape.
    private static func escape(_ scalars: [Unicode.Scalar], from index: inout Int) -> String? {
        guard index < scalars.count else { return nil }
        let escaped = scalars[index]
        index += 1
        guard escaped == "p" || escaped == "P" else {
            return singleCharacterEscapes.contains(escaped) ? "\\\(escaped)" : nil
        }
        guard index < scalars.count, scalars[index] == "{", let close = scalars[index...].firstIndex(of: "}") else { return nil }
        defer { index = close + 1 }
        return "\\\(escaped)" + String(String.UnicodeScalarView(scalars[index...close]))
    }
}
