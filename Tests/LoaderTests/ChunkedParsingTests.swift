import SDKGenCore
import Testing

/// Files of 128 KiB and more are parsed on a thread of their own and handed over in chunks of events
/// (`YAMLEventProducer.chunkSize`). `load` in these tests loads each document both ways and expects the same result;
/// these documents span many chunks, so that what crosses a chunk's end (an anchor and its alias, a merge, a second
/// document, an error) is seen by both.
@Suite("Parsing in chunks on another thread")
struct ChunkedParsingTests {
    /// A mapping of `count` entries, each a small mapping: about 7 events an entry.
    private static func entries(_ count: Int) -> String {
        (0..<count).map { "  key\($0): {name: 'entry \($0)', size: \($0), on: yes}\n" }.joined()
    }

    @Test("a document of many chunks, with aliases and merges across them, loads the same")
    func manyChunks() throws {
        let text = "first: &base {shared: true, size: 1}\nitems:\n" + Self.entries(20_000)
            + "last: *base\nmerged: {<<: *base, size: 2}\n---\nsecond: document\n"
        let loaded = try load(text)
        #expect(loaded.root["items"]?.pairs?.count == 20_000)
        #expect(loaded.root["items"]?["key19999"]?["size"]?.scalar?.value == .int(19_999))
        #expect(loaded.root["last"]?["shared"]?.scalar?.value == .bool(true))
        #expect(loaded.root["merged"]?["size"]?.scalar?.value == .int(2))
        #expect(loaded.warnings.map(\.description) == ["t.yaml:\(20_005):1: warning: the file holds more than one YAML document; only the first is read"])
    }

    @Test("a syntax error many chunks in is the same located error")
    func lateSyntaxError() {
        let text = "items:\n" + Self.entries(20_000) + "bad: [unclosed\n"
        #expect(loadError(text)?.first?.hasPrefix("t.yaml:\(20_003):") == true)
    }

    @Test("an error the tree finds stops the parsing thread, many chunks before the end")
    func earlyBuilderError() {
        let text = "a: *missing\n" + Self.entries(20_000)
        #expect(loadError(text) == ["t.yaml:1:4: error: unknown alias '*missing': no anchor '&missing' is defined before it"])
    }
}
