@testable import SDKGenCore
@testable import SDKGenOpenAPI
import Testing

/// Names, doc comments and table cells are built on the bytes of ASCII text, and through Characters and
/// Foundation for any other text. Both ways must give the same result, byte for byte: these tests feed both
/// the ASCII texts most likely to tell them apart.
@Suite struct ASCIIFastPathTests {
    /// Line breaks of every kind and in every order, blanks around them, controls, and the characters
    /// Markdown and Swift escape.
    static let texts = [
        "", " ", "\t", "\n", "\r", "\r\n", "\n\r", "\r\r\n", "\r\n\n", "\n\n\n", " \r\n ", "\t\r\n\t",
        "plain words", "  leading and trailing  ", "tab\tinside", "trailing tab\t", "trailing mixed \t \t",
        "two\nlines", "windows\r\nlines", "old mac\rlines", "blank\n\n\nlines", "blank \n \n lines ",
        "a|b", "a\\b", "\\|", "| leading pipe", "trailing backslash\\", "\\r\\n written out",
        "bell\u{07}inside", "nul\u{00}inside", "delete\u{7F}inside", "escape\u{1B}[0m", "form\u{0C}feed", "vertical\u{0B}tab",
        "ends in CR\r", "ends in CR and spaces  \r", "spaces before CR  \r\nnext", "CR CR LF\r\r\nnext",
        "- item one\n- item two\n\n  indented\tcode", "```\ncode\n```", "`tick` and *star*",
    ]

    /// Every text of up to four pieces.
    private static func combinations(of pieces: [String], upTo length: Int = 4) -> [String] {
        var texts = [""], all = [""]
        for _ in 0..<length {
            texts = texts.flatMap { text in pieces.map { text + $0 } }
            all += texts
        }
        return all
    }

    @Test func everyShortMixIsTheSame() {
        for text in Self.combinations(of: ["a", " ", "\t", "\n", "\r", "\r\n", "|", "\\", "\u{07}"]) {
            #expect(SpecText.utf8CleanedLines(text) == SpecText.unicodeCleanedLines(text), "\(Array(text.unicodeScalars))")
            #expect(Markdown.asciiCell(text) == Markdown.unicodeCell(text), "\(Array(text.unicodeScalars))")
        }
        for name in Self.combinations(of: ["a", "B", "C", "7", "_", " ", "-"], upTo: 5) {
            #expect(SwiftName.asciiWords(Array(name.utf8)) == SwiftName.unicodeWords(name), "\(name)")
        }
        for word in Self.combinations(of: ["a", "B", "c", "D", "7"], upTo: 5) + ["url", "Url", "URL", "uRL", "id", "ID", "iD", "oauth2", "OAUTH"] {
            #expect(SwiftName.asciiCapitalized(word) == SwiftName.unicodeCapitalized(word), "\(word)")
        }
        // Every ASCII character, alone and between letters, as a heading.
        for byte in UInt8(0)..<0x80 {
            let character = String(decoding: [byte], as: UTF8.self)
            for heading in [character, "Get a " + character + "Pet\r\n_2"] {
                #expect(Markdown.asciiAnchor(heading) == Markdown.unicodeAnchor(heading), "\(Array(heading.unicodeScalars))")
            }
        }
    }

    /// Doc comment lines are cleaned on the bytes of any text, not only ASCII: every mix of line separators,
    /// controls the comment drops, combining marks and a Prepend scalar (which joins a following space into
    /// its Character) with the characters that matter to lines.
    @Test func docCommentLinesOfAnyTextAreTheSame() {
        let pieces = ["a", " ", "\t", "\n", "\r", "é", "\u{301}", "\u{2028}", "\u{2029}", "\u{85}", "\u{200E}", "\u{202B}",
                      "\u{2067}", "\u{FEFF}", "\u{0600}", "😀"]
        for text in Self.combinations(of: pieces, upTo: 3) {
            #expect(SpecText.utf8CleanedLines(text) == SpecText.unicodeCleanedLines(text), "\(Array(text.unicodeScalars))")
        }
        for text in ["\u{0600}  ", "x\u{0600} \u{200E} ", "naïve café  \r\n\u{2028}déjà vu\t", "\u{2066}bidi\u{2069} \u{9F}"] {
            #expect(SpecText.utf8CleanedLines(text) == SpecText.unicodeCleanedLines(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test(arguments: texts)
    func docCommentLinesAreTheSame(_ text: String) {
        #expect(SpecText.utf8CleanedLines(text) == SpecText.unicodeCleanedLines(text))
    }

    @Test(arguments: texts)
    func tableCellsAreTheSame(_ text: String) {
        #expect(Markdown.asciiCell(text) == Markdown.unicodeCell(text))
    }

    @Test(arguments: texts + [
        "getUserActivity", "HTTPReferer", "api_key_hash", "URGENT_FLAG", "2fa", "x-rate-limit", "ABCdef", "abcDEF",
        "a1B2c3", "IDs", "userIDs", "HTTP2Server", "v2Beta", "__init__", "a..b", "A", "a", "9", "AB", "aB", "Ab",
    ])
    func nameWordsAreTheSame(_ name: String) {
        #expect(SwiftName.asciiWords(Array(name.utf8)) == SwiftName.unicodeWords(name))
    }

    /// Wrapping counts ASCII text by bytes and other text by Characters; `é` is one Character of two bytes.
    @Test(arguments: 8...40)
    func wrappingIsTheSameForASCIIAndOtherText(_ width: Int) {
        let ascii = "Generated text wraps at the width given, words kept whole: averyveryverylongwordindeed ends it."
        let accented = ascii.replacingOccurrences(of: "e", with: "é")
        let wrapped = SwiftLiteral.wrappedDocComment(ascii, width: width, continuation: "///   ")
        #expect(SwiftLiteral.wrappedDocComment(accented, width: width, continuation: "///   ").map { $0.replacingOccurrences(of: "é", with: "e") } == wrapped)
        #expect(wrapped.allSatisfy { $0.count <= width || !$0.dropFirst(6).contains(" ") })
    }

    @Test func mediaTypesLoseTheirParametersAndCapitals() {
        #expect(SDKLowering.bareMediaType("application/json") == "application/json")
        #expect(SDKLowering.bareMediaType("Application/JSON; charset=utf-8") == "application/json")
        #expect(SDKLowering.bareMediaType(" text/plain ") == "text/plain")
        #expect(SDKLowering.bareMediaType("") == "")
    }

    @Test func tableCellsEscapeAndJoinLines() {
        #expect(Markdown.cell("a|b\\c\r\n  second  \n\n\tthird") == "a\\|b\\\\c<br />second<br />third")
    }

    @Test func referenceTokensAreDecodedOnlyWhenEscaped() {
        #expect(JSONPointer.unescape("Pet") == "Pet")
        #expect(JSONPointer.unescape("a~1b~0c") == "a/b~c")
        #expect(JSONPointer.unescape("with%20space") == "with space")
    }

    /// A reference's component name is read on its bytes, as `hasPrefix` reads Characters: a combining mark after the
    /// prefix's `/` joins it, so that such a target names no component.
    @Test func componentNamesAreReadAsCharacters() {
        let expected: [(target: String, name: String?)] = [
            ("#/components/schemas/Pet", "Pet"), ("#/components/schemas/", ""), ("#/components/schemas/\u{301}Pet", nil),
            ("#/components/schemas/éclair", "éclair"), ("#/components/schemasX/Pet", nil), ("#/components/responses/Pet", nil),
            ("#/components/schemas/Pet%20One", "Pet One"), ("#/components/schemas/a~1b", "a/b"),
            ("other.yaml#/components/schemas/Pet", nil), ("#/components/schemas", nil),
        ]
        for (target, name) in expected {
            let reference = Reference(target: target, location: SourceLocation(file: "t.yaml", line: 1, column: 1))
            #expect(reference.componentName(in: "schemas") == name, "\(target)")
        }
    }

    /// A `$ref` is taken apart on its bytes when it is ASCII: into the same parts as through its Characters.
    @Test func referenceTargetsAreTakenApartTheSame() {
        for text in Self.combinations(of: ["#", "/", "a", "~1", "%20", "%2F", "x.yaml", "\r\n", ":"], upTo: 4) {
            let ascii = ReferenceTarget.asciiParts(text), unicode = ReferenceTarget.unicodeParts(text)
            #expect(ascii.location == unicode.location && ascii.pointer == unicode.pointer
                        && ascii.hasNonPointerFragment == unicode.hasNonPointerFragment, "\(Array(text.unicodeScalars))")
        }
    }
}
