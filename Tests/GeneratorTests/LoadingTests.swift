import Foundation
import SDKGenCore
import Testing

/// Specs that load, and only valid ones; diagnostics without noise (issue 13).
@Suite struct LoadingTests {
    private static let fixtures = PackagePaths.root.appendingPathComponent("Tests/Fixtures/json")

    private func lint(_ name: String) -> [String] {
        SDKGenerator.lint(.init(specPath: Self.fixtures.appendingPathComponent(name).path, moduleName: "")).map {
            $0.description.replacingOccurrences(of: Self.fixtures.path + "/", with: "")
        }
    }

    @Test func aJSONSpecWithSurrogatePairEscapesLoads() throws {
        #expect(lint("surrogates.json") == [])
        let path = Self.fixtures.appendingPathComponent("surrogates.json").path
        let root = try YAMLLoader().load(contentsOf: path).root
        let example = root["paths"]?["/greet"]?["get"]?["responses"]?["200"]?["content"]?["application/json"]?["example"]
        #expect(example?["body"]?.string == "Hello! 👍")
    }

    @Test func aJSONSpecWithATrailingCommaIsALocatedError() {
        #expect(lint("trailing-comma.json") == [
            "trailing-comma.json:5:1: error: could not parse JSON: a comma before '}'; JSON allows no trailing comma (in the object that starts at line 1, column 1)",
        ])
    }

    @Test func repeatedWarningsAreGroupedAfterTheFirstFew() {
        let warnings = (1...6).map { Diagnostic.warning("unknown format 'x' is ignored", at: SourceLocation(file: "s.yaml", line: $0, column: 3)) }
        let other = Diagnostic.warning("something else", at: SourceLocation(file: "s.yaml", line: 9, column: 1))
        let error = Diagnostic.error("unknown format 'x' is ignored", at: SourceLocation(file: "s.yaml", line: 10, column: 1))
        #expect(Diagnostic.grouped(warnings + [other, error]).map(\.description) == [
            "s.yaml:1:3: warning: unknown format 'x' is ignored",
            "s.yaml:2:3: warning: unknown format 'x' is ignored",
            "s.yaml:3:3: warning: unknown format 'x' is ignored",
            "s.yaml:4:3: note: 3 more warnings like this: unknown format '…' is ignored (s.yaml:4, s.yaml:5, s.yaml:6)",
            "s.yaml:9:1: warning: something else",
            "s.yaml:10:1: error: unknown format 'x' is ignored",
        ])
        // One kind: the same message but for what it quotes.
        let formats = ["a", "b", "c", "d", "e"].enumerated().map { Diagnostic.warning("unknown format '\($1)' is ignored", at: SourceLocation(file: "s.yaml", line: $0 + 1, column: 1)) }
        #expect(Diagnostic.grouped(formats).map(\.description).last == "s.yaml:4:1: note: 2 more warnings like this: unknown format '…' is ignored (s.yaml:4, s.yaml:5)")
        // Four of a kind are all shown: a note would save nothing.
        #expect(Diagnostic.grouped(Array(warnings.prefix(4))) == Array(warnings.prefix(4)))
        // Notes are grouped as warnings are, each severity apart.
        let notes = (1...5).map { Diagnostic(.note, "unknown format 'x' is ignored", at: SourceLocation(file: "s.yaml", line: $0 + 10, column: 3)) }
        #expect(Diagnostic.grouped(Array(warnings.prefix(2)) + notes).map(\.description) == [
            "s.yaml:1:3: warning: unknown format 'x' is ignored",
            "s.yaml:2:3: warning: unknown format 'x' is ignored",
            "s.yaml:11:3: note: unknown format 'x' is ignored",
            "s.yaml:12:3: note: unknown format 'x' is ignored",
            "s.yaml:13:3: note: unknown format 'x' is ignored",
            "s.yaml:14:3: note: 2 more notes like this: unknown format '…' is ignored (s.yaml:14, s.yaml:15)",
        ])
    }
}
