import SDKGenCore
import Testing

@Suite("Malformed and hostile input")
struct ErrorTests {
    @Test("syntax errors are one located error with libyaml's reason and context", arguments: [
        (
            "a: [1, 2\n",
            "t.yaml:2:1: error: could not parse YAML: did not find expected ',' or ']' (while parsing a flow sequence that started at line 1, column 4)"
        ),
        (
            "openapi: 3.1.0\ninfo:\n  title: x\n version: 1\n",
            "t.yaml:4:2: error: could not parse YAML: did not find expected key (while parsing a block mapping that started at line 1, column 1)"
        ),
        (
            "a:\n  b: 1\n   c: 2\n",
            "t.yaml:3:5: error: could not parse YAML: mapping values are not allowed in this context"
        ),
        (
            "a:\n  summary: \"unterminated\n",
            "t.yaml:3:1: error: could not parse YAML: found unexpected end of stream (while scanning a quoted scalar that started at line 2, column 12)"
        ),
        (
            "key: \"a\\qb\"\n",
            "t.yaml:1:8: error: could not parse YAML: found unknown escape character (while parsing a quoted scalar that started at line 1, column 6)"
        ),
        (
            "{a: 1\n",
            "t.yaml:1:2: error: could not parse JSON: expected a key in double quotes, found 'a' (in the object that starts at line 1, column 1)"
        ),
        (
            "x: {\"a\": 1\n",
            "t.yaml:2:1: error: could not parse YAML: did not find expected ',' or '}' (while parsing a flow mapping that started at line 1, column 4)"
        ),
        (
            "a: \"\\ud800\"\n",
            "t.yaml:1:7: error: could not parse YAML: found invalid Unicode character escape code (while parsing a quoted scalar that started at line 1, column 4)"
        ),
    ])
    func syntaxErrors(text: String, expected: String) {
        #expect(loadError(text) == [expected])
    }

    @Test("tab indentation says so")
    func tabIndentation() {
        #expect(loadError("a:\n\tb: 1\n") == [
            "t.yaml:2:1: error: could not parse YAML: found character that cannot start any token (while scanning for the next token that started at line 2, column 1); YAML does not allow tabs for indentation, use spaces",
        ])
    }

    @Test("an empty file, or one with only comments, is an error at 1:1", arguments: ["", "\n\n", "   ", "# just a comment\n# and another\n"])
    func empty(text: String) {
        #expect(loadError(text) == ["t.yaml:1:1: error: the file is empty"])
    }

    @Test("bytes that are not UTF-8 are a located error")
    func invalidUTF8() {
        let bytes = Array("a: 1\nb: x".utf8) + [0xFF, 0xFE] + Array(" y\n".utf8)
        #expect(loadError(bytes) == ["t.yaml:2:5: error: could not read YAML: the file is not valid UTF-8 or UTF-16 text (invalid leading UTF-8 octet 0xFF at byte 9)"])
    }

    @Test("a truncated UTF-8 sequence is a located error")
    func truncatedUTF8() {
        let bytes = Array("a: é".utf8).dropLast() + Array("\n".utf8)
        #expect(loadError(Array(bytes)) == ["t.yaml:1:5: error: could not read YAML: the file is not valid UTF-8 or UTF-16 text (invalid trailing UTF-8 octet 0x0A at byte 4)"])
    }

    @Test("a NUL byte is a located error")
    func nulByte() {
        let bytes = Array("a: 1\nbc: x".utf8) + [0] + Array("y\n".utf8)
        #expect(loadError(bytes) == ["t.yaml:2:6: error: could not read YAML: the file contains a NUL byte, which YAML does not allow"])
    }

    @Test("another control character is a located error")
    func controlCharacter() {
        #expect(loadError(Array("a: \u{1B}[0m\n".utf8)) == ["t.yaml:1:4: error: could not read YAML: the file contains the control character U+001B, which YAML does not allow"])
    }

    @Test("10,000 nested brackets are an error, not a stack overflow")
    func deepNesting() {
        // Text starting with `[` is JSON, whose reader has the same bound (JSONTests); this is YAML's flow style.
        let text = "a: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(loadError(text) == ["t.yaml:1:515: error: YAML nests deeper than 512 levels"])
    }

    @Test("deep block nesting is an error too")
    func deepBlockNesting() {
        let text = (0..<600).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " 1\n"
        #expect(loadError(text) == ["t.yaml:513:513: error: YAML nests deeper than 512 levels"])
    }

    @Test("nesting right up to the limit loads")
    func nestingAtLimit() throws {
        let text = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        var node = try root(text)
        var depth = 1
        while let first = node.items?.first {
            node = first
            depth += 1
        }
        #expect(depth == 512)
    }

    @Test("aliases cannot nest deeper than the limit")
    func deepNestingThroughAliases() {
        let limits = YAMLLoader.Limits(maxDepth: 10)
        let text = "a: &a [[[[[[1]]]]]]\nb: [[[[*a]]]]\n"
        #expect(loadError(text, limits: limits) == ["t.yaml:2:8: error: YAML nests deeper than 10 levels (through alias '*a')"])
        #expect(loadError("a: &a [[[[[[1]]]]]]\nb: [[[*a]]]\n", limits: limits) == nil)
    }

    @Test("a file over the byte limit is an error")
    func byteLimit() {
        #expect(loadError("a: 12345\n", limits: YAMLLoader.Limits(maxBytes: 8)) == ["t.yaml:1:1: error: the file is 9 bytes, more than the limit of 8"])
    }

    @Test("a missing file is an error naming the file and the reason")
    func missingFile() {
        #expect(throws: GenerationError.self) { try YAMLLoader().load(contentsOf: "/nonexistent/spec.yaml") }
        do {
            _ = try YAMLLoader().load(contentsOf: "/nonexistent/spec.yaml")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["error: could not read '/nonexistent/spec.yaml': No such file or directory"])
        }
    }

    @Test("a directory is an error")
    func directory() {
        do {
            _ = try YAMLLoader().load(contentsOf: "/tmp")
            Issue.record("loading a directory succeeded")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["error: could not read '/tmp': it is a directory"])
        }
    }
}
