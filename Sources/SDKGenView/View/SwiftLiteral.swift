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
        var lines: [String] = []
        var prefix = "/// "
        var current = ""
        let joined = SpecText.lines(text).joined(separator: " ")
        // In ASCII text (without line breaks) every byte is a Character, so lengths add up and need no
        // counting, which made this a noticeable part of lowering a big spec.
        let isASCII = joined.utf8.allSatisfy { $0 < 0x80 }
        var currentLength = 0
        for word in joined.split(separator: " ") {
            let wordLength = isASCII ? word.utf8.count : word.count
            if !current.isEmpty, prefix.count + (isASCII ? currentLength : current.count) + 1 + wordLength > width {
                lines.append(prefix + current)
                prefix = continuation
                current = String(word)
                currentLength = wordLength
            } else if current.isEmpty {
                current = String(word)
                currentLength = wordLength
            } else {
                current += " " + word
                currentLength += 1 + wordLength
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

