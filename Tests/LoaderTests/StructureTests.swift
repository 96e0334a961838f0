import SDKGenCore
import Testing

@Suite("Document structure")
struct StructureTests {
    @Test("nested mappings and sequences keep document order")
    func nesting() throws {
        let node = try root("""
            openapi: 3.1.0
            info:
              title: Pets
              tags: [a, b]
            paths:
              /pets:
                get:
                  parameters:
                    - name: limit
                      in: query
                    - name: offset
            """)
        #expect(node.pairs?.map { $0.key.scalarText } == ["openapi", "info", "paths"])
        #expect(node["openapi"]?.scalar == YAMLScalar(text: "3.1.0", style: .plain, value: .string("3.1.0")))
        #expect(node["info"]?["tags"]?.items?.map(\.scalarText) == ["a", "b"])
        let parameters = try #require(node["paths"]?["/pets"]?["get"]?["parameters"]?.items)
        #expect(parameters.map { $0["name"]?.string } == ["limit", "offset"])
        #expect(parameters[0].pairs?.map { $0.key.scalarText } == ["name", "in"])
    }

    @Test("positions are 1-based and point at keys, values, collections and items")
    func positions() throws {
        let node = try root("""
            # a comment
            info:
              title:   Pets
              list:
                - one
                -   two
                - {a: 1, b: [x, y]}
              inline: [1, 2]
            """)
        #expect(node.position == "2:1")
        let info = try #require(node["info"])
        #expect(info.position == "3:3")
        let title = try #require(info.pairs?.first)
        #expect(title.key.position == "3:3")
        #expect(title.value.position == "3:12")
        let list = try #require(info["list"])
        #expect(list.position == "5:5")
        #expect(list.items?.map(\.position) == ["5:7", "6:9", "7:7"])
        let flow = try #require(list.items?[2])
        #expect(flow.pairs?.map(\.key.position) == ["7:8", "7:14"])
        #expect(flow["b"]?.position == "7:17")
        #expect(flow["b"]?.items?.map(\.position) == ["7:18", "7:21"])
        #expect(info["inline"]?.position == "8:11")
        #expect(node.location == SourceLocation(file: testFile, line: 2, column: 1))
    }

    @Test("columns count characters, not bytes")
    func columnsInCharacters() throws {
        let node = try root("é€😀: [x, y]\n")
        #expect(node.pairs?.first?.value.position == "1:6")
        #expect(node.pairs?.first?.value.items?.map(\.position) == ["1:7", "1:10"])
    }

    @Test("JSON loads as YAML")
    func json() throws {
        let node = try root(#"{"a": [1, 2.5, true, null, "x"], "b": {"c": -0.5e2, "d": ""}}"#)
        #expect(node["a"]?.items?.map { $0.scalar?.value } == [.int(1), .float(2.5), .bool(true), .null, .string("x")])
        #expect(node["a"]?.items?[4].scalar?.style == .doubleQuoted)
        #expect(node["b"]?["c"]?.double == -50)
        #expect(node["b"]?["d"]?.string == "")
    }

    @Test("pretty-printed JSON indented with tabs loads")
    func jsonWithTabs() throws {
        let node = try root("{\n\t\"a\": {\n\t\t\"b\": [\n\t\t\t1,\n\t\t\t2\n\t\t]\n\t},\n\t\"c\": \"x\"\n}\n")
        #expect(node["a"]?["b"]?.items?.map(\.int) == [1, 2])
        #expect(node["a"]?["b"]?.items?.map(\.position) == ["4:4", "5:4"])
        #expect(node["c"]?.string == "x")
    }

    @Test("keys that are collections are kept")
    func complexKeys() throws {
        let node = try root("""
            ? [a, b]
            : 1
            ? {c: d}
            : 2
            plain: 3
            """)
        let pairs = try #require(node.pairs)
        #expect(pairs.count == 3)
        #expect(pairs[0].key.items?.map(\.scalarText) == ["a", "b"])
        #expect(pairs[1].key["c"]?.string == "d")
        #expect(pairs.map(\.value.int) == [1, 2, 3])
    }

    @Test("a duplicate key warns at the second key and keeps the first value")
    func duplicateKeys() throws {
        let loaded = try load("""
            a: 1
            b:
              x: 1
              y: 2
              x: 3
            a: 4
            "b": 5
            """)
        #expect(loaded.root.pairs?.map(\.key.scalarText) == ["a", "b"])
        #expect(loaded.root["a"]?.int == 1)
        #expect(loaded.root["b"]?["x"]?.int == 1)
        #expect(loaded.root["b"]?.pairs?.count == 2)
        #expect(loaded.warnings.map(\.description) == [
            "t.yaml:5:3: warning: duplicate key 'x'; the first, at line 3, is used",
            "t.yaml:6:1: warning: duplicate key 'a'; the first, at line 1, is used",
            "t.yaml:7:1: warning: duplicate key 'b'; the first, at line 2, is used",
        ])
    }

    @Test("duplicate keys are found in large mappings too")
    func duplicateKeysInLargeMapping() throws {
        let lines = (0..<100).map { "k\($0): \($0)" } + ["k7: dup", "k99: dup"]
        let loaded = try load(lines.joined(separator: "\n"))
        #expect(loaded.root.pairs?.count == 100)
        #expect(loaded.root["k7"]?.int == 7)
        #expect(loaded.warnings.map(\.description) == [
            "t.yaml:101:1: warning: duplicate key 'k7'; the first, at line 8, is used",
            "t.yaml:102:1: warning: duplicate key 'k99'; the first, at line 100, is used",
        ])
    }

    @Test("only the first document is read; a second one is a warning")
    func multipleDocuments() throws {
        let loaded = try load("a: 1\n---\nb: 2\n---\nc: 3\n")
        #expect(loaded.root.pairs?.map(\.key.scalarText) == ["a"])
        #expect(loaded.warnings.map(\.description) == ["t.yaml:2:1: warning: the file holds more than one YAML document; only the first is read"])
    }

    @Test("an explicit document start and end, and directives, are fine")
    func explicitDocument() throws {
        let loaded = try load("%YAML 1.1\n---\na: 1\n...\n")
        #expect(loaded.root["a"]?.int == 1)
        #expect(loaded.warnings.isEmpty)
    }

    @Test("a document that is only a scalar or null loads")
    func scalarDocuments() throws {
        #expect(try root("hello").string == "hello")
        #expect(try root("---\n").isNull)
        #expect(try root("[]").items == [])
        #expect(try root("{}").pairs == [])
    }

    @Test("a UTF-8 byte order mark is skipped")
    func byteOrderMark() throws {
        let node = try load([0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8)).root
        #expect(node["a"]?.int == 1)
        #expect(node.position == "1:1")
    }

    @Test("Windows line ends count one line each")
    func crlf() throws {
        let node = try root("a: 1\r\nb:\r\n  - x\r\n")
        #expect(node["b"]?.items?.first?.position == "3:5")
    }
}
