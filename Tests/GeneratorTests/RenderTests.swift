@testable import SDKGenCore
import Testing

/// What the Render stage does to every file besides filling the template in.
@Suite struct RenderTests {
    @Test(arguments: [
        ("", "\n"),
        ("\n\n", "\n"),
        ("one", "one\n"),
        ("one  \ntwo\t\n", "one\ntwo\n"),
        ("one\n  \n\ttwo \t \n\n\n", "one\n\n\ttwo\n"),
        // A `\r\n` is one Character: the blank before it is inside the line, not at its end.
        ("one \r\ntwo  ", "one \r\ntwo\n"),
        ("one \r\n", "one \r\n\n"),
        ("one\n\r\n\n\n", "one\n\r\n\n"),
        ("one\r\r\n  \r", "one\r\r\n  \r\n"),
        ("naïve café  \n", "naïve café\n"),
    ])
    func filesHaveNoTrailingBlanksAndEndInOneNewline(_ text: String, _ expected: String) {
        #expect(SDKRenderer.normalized(text) == expected)
        #expect(Self.normalizedByCharacters(text) == expected)
    }

    /// Every mix of the characters that matter, normalized on bytes and on Characters.
    @Test func normalizingBytesIsNormalizingCharacters() {
        let pieces = ["a", " ", "\t", "\n", "\r", "\r\n", "é"]
        var texts = [""]
        for _ in 0..<4 {
            texts = texts.flatMap { text in pieces.map { text + $0 } }
        }
        for text in texts {
            #expect(SDKRenderer.normalized(text) == Self.normalizedByCharacters(text), "\(Array(text.unicodeScalars))")
        }
    }

    /// The definition: split at the Character `\n`, trim each line's trailing spaces and tabs, drop trailing
    /// empty lines, end with one newline.
    private static func normalizedByCharacters(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = Substring(line)
            while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
            return String(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aConcurrentMapKeepsTheElementsOrder() {
        let numbers = Array(0..<2_000)
        // Uneven work, so that the elements do not finish in order.
        let strings = numbers.concurrentMap { number in
            String(repeating: "x", count: number % 7 == 0 ? 5_000 : 1).count.description + ":\(number)"
        }
        #expect(strings == numbers.map { (($0 % 7 == 0) ? "5000" : "1") + ":\($0)" })
        #expect([Int]().concurrentMap { $0 } == [])
        #expect([7].concurrentMap { $0 * 2 } == [14])
    }
}
