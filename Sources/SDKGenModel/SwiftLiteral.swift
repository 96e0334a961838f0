import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

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
                if isUnsafeInSource(scalar) {
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A finite number as a Swift literal that reads as people write it (`0.5`, `60`); `0` for one that is not.
    public static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// Lines of a `///` doc comment holding `text`; blank lines kept between paragraphs, none at the ends.
    ///
    /// Line comments end only at a line break, so removing line breaks and invisible controls from each
    /// line is all it takes to keep the text inside the comment.
    public static func docLines(_ text: String?) -> [String] {
        guard let text else { return [] }
        var lines = utf8CleanedLines(text)
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        // Collapse runs of blank lines to one.
        var result: [String] = []
        for line in lines where !(line.isEmpty && result.last?.isEmpty == true) {
            result.append(line)
        }
        return result
    }

    /// The lines of a text, each without control characters (a tab becomes a space) and trailing blanks: what
    /// `docLines` keeps before dropping blank lines.
    package static func unicodeCleanedLines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" }
            .map { line in
                var cleaned = String.UnicodeScalarView()
                for scalar in line.unicodeScalars where !isUnsafeInSource(scalar) || scalar == "\t" {
                    cleaned.append(scalar == "\t" ? " " : scalar)
                }
                return String(cleaned).trailingWhitespaceTrimmed
            }
    }

    /// `unicodeCleanedLines(_:)` on the UTF-8 bytes rather than Characters and scalars, which is many times
    /// faster. `\r\n`, `\r`, `\n`, U+2028 and U+2029 each end a line (none of them is ever part of a
    /// larger Character); the scalars `isUnsafeInSource` names are dropped by their encodings.
    package static func utf8CleanedLines(_ text: String) -> [String] {
        let carriageReturn = UInt8(ascii: "\r"), lineFeed = UInt8(ascii: "\n"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        var lines: [String] = []
        var line: [UInt8] = []
        func endLine() {
            // A space ends the last Character only if no Prepend scalar (never ASCII) comes right before it;
            // after anything but ASCII, the Characters decide.
            while line.last == space {
                if line.count >= 2, line[line.count - 2] >= 0x80 {
                    lines.append(String(decoding: line, as: UTF8.self).trailingWhitespaceTrimmed)
                    line.removeAll(keepingCapacity: true)
                    return
                }
                line.removeLast()
            }
            lines.append(String(decoding: line, as: UTF8.self))
            line.removeAll(keepingCapacity: true)
        }
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case lineFeed:
                if index == 0 || bytes[index - 1] != carriageReturn { endLine() }
                index += 1
            case carriageReturn:
                endLine()
                index += 1
            case tab:
                line.append(space)
                index += 1
            case 0x00..<0x20, 0x7F:
                index += 1
            case 0x00..<0x80:
                line.append(byte)
                index += 1
            default:
                let length = min(byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2, bytes.count - index)
                let second = length > 1 ? bytes[index + 1] : 0, third = length > 2 ? bytes[index + 2] : 0
                let isLineSeparator = byte == 0xE2 && second == 0x80 && (third == 0xA8 || third == 0xA9)
                // C1 controls, the bidirectional controls and the byte order mark.
                let isUnsafe = (byte == 0xC2 && (0x80...0x9F).contains(second))
                    || (byte == 0xE2 && second == 0x80 && (third == 0x8E || third == 0x8F || (0xAA...0xAE).contains(third)))
                    || (byte == 0xE2 && second == 0x81 && (0xA6...0xA9).contains(third))
                    || (byte == 0xEF && second == 0xBB && third == 0xBF)
                if isLineSeparator {
                    endLine()
                } else if !isUnsafe {
                    line.append(contentsOf: bytes[index..<(index + length)])
                }
                index += length
            }
        }
        endLine()
        return lines
    }

    /// `docLines(text)` as complete comment lines: `/// text`, and `///` for a blank line.
    public static func docComment(_ text: String?) -> [String] {
        docLines(text).map { $0.isEmpty ? "///" : "/// \($0)" }
    }

    /// Sentences the generator writes, as doc comment lines of at most `width` characters;
    /// continuation lines start with `continuation` (`///   ` under a `- Throws:`).
    public static func wrappedDocComment(_ text: String, width: Int = 120, continuation: String = "/// ") -> [String] {
        var lines: [String] = []
        var prefix = "/// "
        var current = ""
        let joined = docLines(text).joined(separator: " ")
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
        let lines = docLines(text).filter { !$0.isEmpty }
        guard let first = lines.first else { return ["///   - \(name):"] }
        return ["///   - \(name): \(first)"] + lines.dropFirst().map { "///     \($0)" }
    }

    /// Control characters, and the bidirectional controls that make source read differently than it compiles.
    package static func isUnsafeInSource(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        case 0x2028, 0x2029, 0xFEFF: return true
        default: return false
        }
    }
}

extension String {
    package var trailingWhitespaceTrimmed: String {
        var view = Substring(self)
        while let last = view.last, last == " " || last == "\t" { view = view.dropLast() }
        return String(view)
    }
}
