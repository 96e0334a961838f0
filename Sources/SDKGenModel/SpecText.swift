/// Text from the spec made fit to be written anywhere the SDK and its documentation show it.
public enum SpecText {
    /// A finite number as people write it (`0.5`, `60`), which is also its Swift literal; `0` for one that is not.
    public static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// The lines of a text from the spec, cleaned for any place it is written: without control characters (a
    /// tab becomes a space) and trailing blanks, blank lines kept between paragraphs (one for a run), none at the
    /// ends. A doc comment keeps each line inside the comment this way, since a line comment ends only at a line
    /// break.
    public static func lines(_ text: String?) -> [String] {
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
    /// `lines` keeps before dropping blank lines.
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
