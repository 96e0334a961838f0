import Foundation
import SDKGenCore
import Testing

/// The reference pages link each other: the guide every group, operation and model, a group page its parameters'
/// and response's models and the runtime types' pages, a model page the models of its fields. Every such link must
/// lead to a page of the same output, and to a heading of it when it names one.
@Suite struct ReferenceLinkTests {
    @Test(arguments: [false, true])
    func everyLinkOfTheModelGatesPagesLeadsToAPageAndHeading(package: Bool) throws {
        var options = SDKGenerator.Options(specPath: PackagePaths.spec, templatesPath: PackagePaths.templates, moduleName: "ModelGates")
        options.clientName = "ModelGates"
        options.package = package
        let files = try SDKGenerator.generate(options).files
        let pages = Dictionary(uniqueKeysWithValues: files.filter { $0.path.hasSuffix(".md") }.map { ($0.path, $0.contents) })
        let (links, broken) = Self.check(pages)
        #expect(broken.isEmpty, "broken links: \(broken)")
        // The guide links every group, operation and model, and the runtime types' pages.
        let guide = try #require(pages[package ? "README.md" : "docs/README.md"])
        let docs = package ? "docs/" : ""
        for target in ["sdks/analytics/README.md#getuseractivity", "sdks/analytics/README.md#getdailyactivity",
                       "models/ActivityItem.md", "runtime/RetryConfig.md", "runtime/RequestOptions.md"] {
            #expect(guide.contains("](\(docs)\(target))"), "the guide does not link \(target)")
        }
        #expect(links > 20)
    }

    @Test(arguments: ["Features", "Schemas"])
    func everyLinkOfAFixtureSDKsPagesLeadsToAPageAndHeading(fixture: String) throws {
        let docs = PackagePaths.root.appendingPathComponent("Tests/Fixtures/Generated/\(fixture)/docs")
        let paths = try #require(FileManager.default.enumerator(atPath: docs.path)?.allObjects as? [String]).filter { $0.hasSuffix(".md") }
        var pages: [String: String] = [:]
        for path in paths {
            pages[path] = try String(contentsOf: docs.appendingPathComponent(path), encoding: .utf8)
        }
        let (links, broken) = Self.check(pages)
        #expect(broken.isEmpty, "broken links: \(broken)")
        #expect(links > 20)
    }

    @Test func theCheckFindsAMissingPageAndAMissingHeading() {
        let pages = ["docs/sdks/pets/README.md": "[Pet](../../models/Pet.md), [Toy](../../models/Toy.md), [list](#list), [get](#get)\n## get",
                     "docs/models/Pet.md": "# Pet"]
        let (links, broken) = Self.check(pages)
        #expect(links == 4)
        #expect(broken == ["docs/sdks/pets/README.md: ../../models/Toy.md", "docs/sdks/pets/README.md: #list (no such heading)"])
    }

    /// Counts the relative links of the pages and lists those that lead nowhere, as `page: target`.
    static func check(_ pages: [String: String]) -> (links: Int, broken: [String]) {
        var count = 0
        var broken: [String] = []
        for (path, contents) in pages.sorted(by: { $0.key < $1.key }) {
            for target in links(in: contents) where !target.contains("://") {
                count += 1
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let file = parts[0].isEmpty ? path : resolve(parts[0], from: path)
                guard let page = pages[file] else {
                    broken.append("\(path): \(target)")
                    continue
                }
                if parts.count == 2, !anchors(of: page).contains(parts[1]) {
                    broken.append("\(path): \(target) (no such heading)")
                }
            }
        }
        return (count, broken)
    }

    /// The targets of the Markdown links `[text](target)` outside code blocks.
    private static func links(in markdown: String) -> [String] {
        var targets: [String] = []
        var inCode = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inCode.toggle() }
            guard !inCode else { continue }
            var rest = line[...]
            while let open = rest.range(of: "](") {
                let after = rest[open.upperBound...]
                guard let close = after.firstIndex(of: ")") else { break }
                targets.append(String(after[..<close]))
                rest = after[after.index(after: close)...]
            }
        }
        return targets
    }

    /// GitHub's anchors of the page's headings.
    private static func anchors(of page: String) -> Set<String> {
        Set(page.split(separator: "\n").filter { $0.hasPrefix("#") }.map { heading in
            let text = heading.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            return String(text.lowercased().compactMap { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : ($0 == " " ? "-" : nil) })
        })
    }

    /// `../../models/Pet.md` from `docs/sdks/pets/README.md` is `docs/models/Pet.md`.
    private static func resolve(_ relative: String, from page: String) -> String {
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in relative.split(separator: "/") {
            switch part {
            case "..": if !parts.isEmpty { parts.removeLast() }
            case ".": break
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
