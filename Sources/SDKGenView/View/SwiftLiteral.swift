import SDKGenBase
import SDKGenModel

/// Escapes text from a spec for the places it lands in Swift source.
///
/// Everything a spec says reaches generated code through one of these, so a description, example or
/// name can never end a comment or a string early, or smuggle in an interpolation.
public enum SwiftLiteral {
    /// A double-quoted Swift string literal with `text` as its value.
    public static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if SpecText.isUnsafeInSource(scalar) {
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// `docLines(text)` as complete comment lines: `/// text`, and `///` for a blank line.
    public static func docComment(_ text: String?) -> [String] {
        SpecText.lines(text).map { $0.isEmpty ? "///" : "/// \($0)" }
    }

    /// Sentences the generator writes, as doc comment lines of at most `width` characters;
    /// continuation lines start with `continuation` (`///   ` under a `- Throws:`).
    public static func wrappedDocComment(_ text: String, width: Int = 120, continuation: String = "/// ") -> [String] {
        let joined = SpecText.lines(text).joined(separator: " ")
        // In ASCII text (without line breaks) every byte is a Character, so the lines are made of bytes and their
        // lengths need no counting: a doc comment is wrapped for every property, parameter and operation.
        guard joined.isAllASCII, continuation.isAllASCII else {
            return wrappedWords(joined, width: width, continuation: continuation)
        }
        var lines: [String] = []
        var line = Array("/// ".utf8)
        var lineHasWord = false
        for word in joined.utf8.split(separator: UInt8(ascii: " ")) {
            if lineHasWord, line.count + 1 + word.count > width {
                lines.append(String(decoding: line, as: UTF8.self))
                line = Array(continuation.utf8)
                lineHasWord = false
            }
            if lineHasWord { line.append(UInt8(ascii: " ")) }
            line += word
            lineHasWord = true
        }
        if lineHasWord { lines.append(String(decoding: line, as: UTF8.self)) }
        return lines
    }

    /// `wrappedDocComment`'s lines for text with other than ASCII characters, measured in Characters.
    private static func wrappedWords(_ joined: String, width: Int, continuation: String) -> [String] {
        var lines: [String] = []
        var prefix = "/// "
        var current = ""
        for word in joined.split(separator: " ") {
            if !current.isEmpty, prefix.count + current.count + 1 + word.count > width {
                lines.append(prefix + current)
                prefix = continuation
                current = String(word)
            } else if current.isEmpty {
                current = String(word)
            } else {
                current += " " + word
            }
        }
        if !current.isEmpty { lines.append(prefix + current) }
        return lines
    }

    /// A `- Parameters:` entry: `///   - name: text`, continuation lines indented under it.
    public static func parameterDoc(_ name: String, _ text: String?) -> [String] {
        let lines = SpecText.lines(text).filter { !$0.isEmpty }
        guard let first = lines.first else { return ["///   - \(name):"] }
        return ["///   - \(name): \(first)"] + lines.dropFirst().map { "///     \($0)" }
    }

}

