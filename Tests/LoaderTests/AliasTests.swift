import SDKGenCore
import Testing

@Suite("Anchors, aliases and merge keys")
struct AliasTests {
    @Test("an alias is a copy of its anchor's node, located at the alias")
    func aliases() throws {
        let node = try root("""
            scalar: &s hello
            list: &l [1, 2]
            map: &m
              x: 1
            copies:
              - *s
              - *l
              - *m
            """)
        let copies = try #require(node["copies"]?.items)
        #expect(copies[0].string == "hello")
        #expect(copies[1].items?.map(\.int) == [1, 2])
        #expect(copies[2]["x"]?.int == 1)
        #expect(copies.map(\.position) == ["6:5", "7:5", "8:5"])
        // The alias's children keep the positions where they are written.
        #expect(copies[2].pairs?.first?.key.position == "4:3")
        #expect(copies[1].content == node["list"]?.content)
    }

    @Test("an anchor may be redefined; an alias takes the latest one")
    func redefinedAnchor() throws {
        let node = try root("a: &x 1\nb: *x\nc: &x 2\nd: *x\n")
        #expect([node["b"]?.int, node["d"]?.int] == [1, 2])
    }

    @Test("an anchor on a key works, and an alias can be a key")
    func aliasKeys() throws {
        let node = try root("&k name: first\nother:\n  *k : second\n")
        #expect(node["other"]?["name"]?.string == "second")
    }

    @Test("an unknown alias is a located error")
    func unknownAlias() {
        #expect(loadError("a: 1\nb: *nope\n") == ["t.yaml:2:4: error: unknown alias '*nope': no anchor '&nope' is defined before it"])
    }

    @Test("an alias of a collection inside itself is a located error that says so, not a loop")
    func recursiveAlias() {
        let message = "alias '*a' is inside the node it names ('&a' at line 1, column 4): a structure that contains itself, which JSON cannot hold"
        #expect(loadError("a: &a [1, *a]\n") == ["t.yaml:1:11: error: \(message)"])
        // The most recent anchor of the name is the open collection's, not an earlier node's.
        #expect(loadError("b: &a 1\na: &a [1, *a]\n") == ["t.yaml:2:11: error: \(message.replacingOccurrences(of: "line 1", with: "line 2"))"])
    }

    @Test("a merge key merges one mapping without overriding keys written in the mapping")
    func mergeOne() throws {
        let node = try root("""
            base: &base
              a: 1
              b: 2
              c: 3
            derived:
              b: 20
              <<: *base
              d: 4
              c: 30
            """)
        let derived = try #require(node["derived"])
        #expect(derived.pairs?.map(\.key.scalarText) == ["b", "a", "d", "c"])
        #expect(derived.pairs?.map(\.value.int) == [20, 1, 4, 30])
        // Merged pairs keep the positions of the anchored mapping.
        #expect(derived.pairs?[1].key.position == "2:3")
    }

    @Test("a merge key takes a list of mappings; earlier ones win")
    func mergeList() throws {
        let node = try root("""
            one: &one {a: 1, b: 1}
            two: &two {b: 2, c: 2}
            merged:
              <<: [*one, *two, {d: 3, a: 3}]
              c: explicit
            """)
        let merged = try #require(node["merged"])
        #expect(merged.pairs?.map(\.key.scalarText) == ["a", "b", "d", "c"])
        #expect(merged["a"]?.int == 1)
        #expect(merged["b"]?.int == 1)
        #expect(merged["c"]?.string == "explicit")
        #expect(merged["d"]?.int == 3)
    }

    @Test("merging reports no duplicate-key warnings")
    func mergeIsQuiet() throws {
        let loaded = try load("b: &b {x: 1}\nm:\n  x: 2\n  <<: *b\n  <<: {x: 3, y: 4}\n")
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.root["m"]?.pairs?.map(\.value.int) == [2, 4])
    }

    @Test("merging works in large mappings")
    func mergeLarge() throws {
        let base = (0..<20).map { "  k\($0): base" }
        let derived = (10..<30).map { "  k\($0): derived" }
        let node = try root((["base: &b"] + base + ["derived:", "  <<: *b"] + derived).joined(separator: "\n"))
        let pairs = try #require(node["derived"]?.pairs)
        #expect(pairs.count == 30)
        #expect(node["derived"]?["k0"]?.string == "base")
        #expect(node["derived"]?["k15"]?.string == "derived")
    }

    @Test("a merge value that is not a mapping or list of mappings is a located error", arguments: [
        ("a:\n  <<: 1\n", "t.yaml:2:7: error: the value of a merge key '<<' must be a mapping or a list of mappings"),
        ("a:\n  <<: [{x: 1}, [2]]\n", "t.yaml:2:16: error: the value of a merge key '<<' must be a mapping or a list of mappings"),
        ("s: &s x\na:\n  <<: *s\n", "t.yaml:3:7: error: the value of a merge key '<<' must be a mapping or a list of mappings"),
    ])
    func badMerge(text: String, expected: String) {
        #expect(loadError(text) == [expected])
    }

    @Test("billion laughs fails fast without expanding")
    func billionLaughs() {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...8 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(aliases)]")
        }
        let clock = ContinuousClock()
        var errors: [String]?
        let elapsed = clock.measure { errors = loadError(lines.joined(separator: "\n")) }
        #expect(errors == ["t.yaml:7:45: error: YAML expands to more than 5000000 nodes (alias expansion bomb?)"])
        // Materialising the expansion would take minutes; refusing it takes milliseconds, even on a loaded machine.
        #expect(elapsed < .seconds(5))
    }

    @Test("the node limit counts alias copies")
    func nodeLimit() throws {
        let text = "a: &a [1, 2, 3]\nb: [*a, *a]\n"
        // 1 root + 2 keys + (1 + 3) + (1 + 2 × 4) = 16 nodes.
        #expect(try load(text, limits: YAMLLoader.Limits(maxNodes: 16)).root["b"]?.items?.count == 2)
        #expect(loadError(text, limits: YAMLLoader.Limits(maxNodes: 15)) == ["t.yaml:2:9: error: YAML expands to more than 15 nodes (alias expansion bomb?)"])
    }
}
