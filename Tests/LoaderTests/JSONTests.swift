import SDKGenCore
import Testing

/// JSON documents (a `.json` file, or text starting with `{` or `[`) are read strictly, as RFC 8259 says.
struct JSONTests {
    private func loadJSON(_ text: String, file: String = "t.json", limits: YAMLLoader.Limits = .default) throws(GenerationError) -> LoadedYAML {
        try YAMLLoader(limits: limits).load(Array(text.utf8), file: file)
    }

    private func jsonError(_ text: String, file: String = "t.json", limits: YAMLLoader.Limits = .default) -> [String]? {
        do {
            _ = try loadJSON(text, file: file, limits: limits)
            return nil
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test("every RFC 8259 escape is read, surrogate pairs and \\/ included")
    func escapes() throws {
        let root = try loadJSON(#"{"body": "Hello! \ud83d\udc4d", "all": "\" \\ \/ \b \f \n \r \t \u00e9 \u0041"}"#).root
        #expect(root["body"]?.string == "Hello! 👍")
        #expect(root["all"]?.string == "\" \\ / \u{08} \u{0C} \n \r \t é A")
        #expect(root["body"]?.scalar?.style == .doubleQuoted)
    }

    @Test("values, their kinds and their positions")
    func values() throws {
        let root = try loadJSON("{\n  \"a\": [1, -2.5e3, 0, true, false, null, \"x\"],\n  \"é\": {\"n\": 12345678901234567890}\n}\n").root
        #expect(root["a"]?.items?.map { $0.scalar?.value } == [.int(1), .float(-2500), .int(0), .bool(true), .bool(false), .null, .string("x")])
        #expect(root["a"]?.items?.map(\.position) == ["2:9", "2:12", "2:20", "2:23", "2:29", "2:36", "2:42"])
        #expect(root["a"]?.position == "2:8")
        #expect(root.pairs?[1].key.position == "3:3")
        #expect(root["é"]?["n"]?.double == 12345678901234567890.0)
        #expect(root["a"]?.items?[1].scalarText == "-2.5e3")
    }

    @Test("a .json file is JSON whatever it starts with; other files are JSON when they start with { or [")
    func detection() {
        #expect(jsonError("a: 1\n", file: "t.json") == ["t.json:1:1: error: could not parse JSON: expected a value, found 'a'"])
        #expect(jsonError("a: 1\n", file: "t.yaml") == nil)
        #expect(jsonError("  [1, 2,]", file: "t.yaml") == ["t.yaml:1:8: error: could not parse JSON: a comma before ']'; JSON allows no trailing comma (in the array that starts at line 1, column 3)"])
    }

    @Test("what JSON does not allow is a located error", arguments: [
        ("{\n  \"a\": [1, 2,],\n  \"b\": 1\n}\n", "t.json:2:13: error: could not parse JSON: a comma before ']'; JSON allows no trailing comma (in the array that starts at line 2, column 8)"),
        ("{\"a\": 1,\n}", "t.json:2:1: error: could not parse JSON: a comma before '}'; JSON allows no trailing comma (in the object that starts at line 1, column 1)"),
        ("{\n  \"a\": 1 // note\n}", "t.json:2:10: error: could not parse JSON: expected ',' or '}' after a member, found '/' (in the object that starts at line 1, column 1)"),
        ("{\n  // note\n  \"a\": 1\n}", "t.json:2:3: error: could not parse JSON: JSON allows no comments (in the object that starts at line 1, column 1)"),
        ("{'a': 1}", "t.json:1:2: error: could not parse JSON: JSON strings are written in double quotes (in the object that starts at line 1, column 1)"),
        ("{\"a\": 'b'}", "t.json:1:7: error: could not parse JSON: JSON strings are written in double quotes (in the object that starts at line 1, column 1)"),
        ("[01]", "t.json:1:2: error: could not parse JSON: a number cannot start with 0 followed by digits"),
        ("[1.]", "t.json:1:2: error: could not parse JSON: a number needs a digit after '.'"),
        ("[+1]", "t.json:1:2: error: could not parse JSON: a JSON number starts with '-' or a digit (in the array that starts at line 1, column 1)"),
        ("[NaN]", "t.json:1:2: error: could not parse JSON: expected a value, found 'N' (in the array that starts at line 1, column 1)"),
        ("[tru]", "t.json:1:2: error: could not parse JSON: expected a value, found 't' (in the array that starts at line 1, column 1)"),
        ("[\"a\\qb\"]", "t.json:1:4: error: could not parse JSON: '\\q' is not a JSON escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"),
        ("[\"\\ud800\"]", "t.json:1:3: error: could not parse JSON: the escape of a UTF-16 high surrogate is not followed by a low surrogate's"),
        ("[\"\\udc00\"]", "t.json:1:3: error: could not parse JSON: the escape of a UTF-16 low surrogate without a high surrogate before it"),
        ("[\"\\u12\"]", "t.json:1:3: error: could not parse JSON: '\\u' must be followed by four hexadecimal digits"),
        ("[\"a\nb\"]", "t.json:1:4: error: could not parse JSON: a line break inside the string that starts at line 1, column 2; JSON strings escape it"),
        ("[\"a\tb\"]", "t.json:1:4: error: could not parse JSON: the control character U+0009 inside the string that starts at line 1, column 2; JSON strings escape it"),
        ("{\"a\": 1} {", "t.json:1:10: error: could not parse JSON: '{' after the document's value; a JSON file holds one value"),
        ("{\"a\" 1}", "t.json:1:6: error: could not parse JSON: expected ':' after the key, found '1' (in the object that starts at line 1, column 1)"),
        ("[\"abc", "t.json:1:6: error: could not parse JSON: the string that starts at line 1, column 2 is never closed"),
        ("   \n ", "t.json:1:1: error: the file is empty"),
    ])
    func refused(text: String, expected: String) {
        #expect(jsonError(text) == [expected])
    }

    @Test("a syntax error names where the unclosed array began")
    func unclosedNamesItsStart() {
        let text = "{\n  \"paths\": {\n    \"/a\": {\"get\": {\"tags\": [\"a\", \"b\"\n    }\n  }\n}\n"
        #expect(jsonError(text) == ["t.json:4:5: error: could not parse JSON: expected ',' or ']' after an element, found '}' (in the array that starts at line 3, column 28)"])
        #expect(jsonError("{\n  \"a\": [1,\n   2\n") == ["t.json:4:1: error: could not parse JSON: the file ends inside the array that starts at line 2, column 8; it is never closed"])
    }

    @Test("nesting is bounded, and deep input ends in an error, not a crash")
    func depth() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(jsonError(deep) == ["t.json:1:513: error: JSON nests deeper than 512 levels"])
        var limits = YAMLLoader.Limits.default
        limits.maxDepth = 3
        #expect(jsonError("[[[1]]]", limits: limits) == nil)
        #expect(jsonError("[[[[1]]]]", limits: limits) == ["t.json:1:4: error: JSON nests deeper than 3 levels"])
        limits = .default
        limits.maxNodes = 3
        #expect(jsonError("[1, 2, 3]", limits: limits)?.first?.contains("more than 3 nodes") == true)
    }

    @Test("a duplicate key warns and keeps the first, as in YAML")
    func duplicateKeys() throws {
        let loaded = try loadJSON("{\n  \"a\": 1,\n  \"a\": 2\n}")
        #expect(loaded.root["a"]?.int == 1)
        #expect(loaded.warnings.map(\.description) == ["t.json:3:3: warning: duplicate key 'a'; the first, at line 2, is used"])
    }

    @Test("a byte order mark is skipped, CR LF is one line break, bad UTF-8 in a string is an error")
    func bytes() {
        #expect((try? YAMLLoader().load([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8), file: "t.json").root["a"]?.int) == 1)
        #expect((try? loadJSON("{\r\n\"a\":\r\n 1}").root["a"]?.position) == "3:2")
        let bad: [UInt8] = Array("[\"a".utf8) + [0xFF] + Array("\"]".utf8)
        #expect(throws: GenerationError.self) { try YAMLLoader().load(bad, file: "t.json") }
    }
}
