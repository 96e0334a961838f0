import Foundation
import SDKGenBase
import SDKGenModel

/// Escaping for text from the spec placed in Markdown.
package enum Markdown {
    /// Text for a table cell: pipes escaped, line breaks as `<br />`.
    package static func cell(_ text: String?) -> String {
        guard let text else { return "" }
        return text.isAllASCII ? asciiCell(text) : unicodeCell(text)
    }

    /// `cell(_:)` for any text.
    package static func unicodeCell(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: "<br />")
    }

    /// `cell(_:)` for ASCII text, on its bytes rather than through Foundation, which is many times faster;
    /// every step is the same as `unicodeCell`'s, down to a `\r` before a line break joining it into one
    /// Character.
    package static func asciiCell(_ text: String) -> String {
        let backslash = UInt8(ascii: "\\"), pipe = UInt8(ascii: "|"), carriageReturn = UInt8(ascii: "\r")
        let lineFeed = UInt8(ascii: "\n"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        // Escapes, and `\r\n` folded to `\n`.
        let input = Array(text.utf8)
        var folded: [UInt8] = []
        folded.reserveCapacity(input.count + 8)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == backslash || byte == pipe {
                folded.append(backslash)
            } else if byte == carriageReturn, index + 1 < input.count, input[index + 1] == lineFeed {
                index += 1
                continue
            }
            folded.append(byte)
            index += 1
        }
        // Non-empty lines, each trimmed, joined by `<br />`. A `\n` after a `\r` is part of a `\r\n`
        // Character, which is no line break for `split`.
        var result: [UInt8] = []
        result.reserveCapacity(folded.count)
        var lineStart = 0
        var hasLine = false
        func addLine(upTo end: Int) {
            guard end > lineStart else { return }
            var first = lineStart, last = end
            while first < last, folded[first] == space || folded[first] == tab { first += 1 }
            while last > first, folded[last - 1] == space || folded[last - 1] == tab { last -= 1 }
            if hasLine { result.append(contentsOf: "<br />".utf8) }
            result.append(contentsOf: folded[first..<last])
            hasLine = true
        }
        for (offset, byte) in folded.enumerated() where byte == lineFeed && (offset == 0 || folded[offset - 1] != carriageReturn) {
            addLine(upTo: offset)
            lineStart = offset + 1
        }
        addLine(upTo: folded.count)
        return String(decoding: result, as: UTF8.self)
    }

    /// Text for a paragraph, kept as the spec wrote it but without trailing blanks.
    package static func block(_ text: String?) -> String {
        SpecText.lines(text).joined(separator: "\n")
    }

    /// A GitHub-style heading anchor.
    package static func anchor(_ heading: String) -> String {
        heading.isAllASCII ? asciiAnchor(heading) : unicodeAnchor(heading)
    }

    /// `anchor(_:)` for any text.
    package static func unicodeAnchor(_ heading: String) -> String {
        String(heading.lowercased().compactMap { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : ($0 == " " ? "-" : nil) })
    }

    /// `anchor(_:)` for ASCII text (almost every heading: each operation's and model's page has some), on its bytes,
    /// which is several times faster than asking each Character its Unicode properties.
    package static func asciiAnchor(_ heading: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(heading.utf8.count)
        for byte in heading.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                bytes.append(byte)
            case UInt8(ascii: " "): bytes.append(UInt8(ascii: "-"))
            default: break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
