@testable import SDKGenCore
import Testing

/// Text from a spec must never escape the literal or comment it is placed in.
@Suite struct SwiftLiteralTests {
    @Test func stringLiteralsEscapeEverythingThatCouldEndOrInterpolate() {
        #expect(SwiftLiteral.string(#"a "quoted" \(call()) path\n"#) == #""a \"quoted\" \\(call()) path\\n""#)
        #expect(SwiftLiteral.string("line\nbreak\r\ttab") == #""line\nbreak\r\ttab""#)
        #expect(SwiftLiteral.string("\u{202E}evil\u{0}") == #""\u{202E}evil\u{0}""#)
        #expect(SwiftLiteral.string(#""""#) == #""\"\"""#)
    }

    @Test func docLinesCannotLeaveTheComment() {
        let lines = SwiftLiteral.docComment("Ends */ here\n}\nfunc injected() {}\r\nlast\u{2028}func x() {}\u{202E}")
        #expect(lines == ["/// Ends */ here", "/// }", "/// func injected() {}", "/// last", "/// func x() {}"])
        #expect(lines.allSatisfy { $0.hasPrefix("///") && !$0.contains("\n") && !$0.contains("\r") })
    }

    @Test func docLinesKeepParagraphsAndDropEdgeBlankLines() {
        #expect(SwiftLiteral.docComment("\n\nOne\n\n\n\nTwo  \n\n") == ["/// One", "///", "/// Two"])
        #expect(SwiftLiteral.docComment(nil) == [])
    }
}
