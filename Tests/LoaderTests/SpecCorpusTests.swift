import Foundation
import SDKGenCore
import Testing

/// `../shared/specs` beside the package root: real-world documents the project is tested on but does not
/// ship, so a fresh clone has no such folder.
private let specsFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // LoaderTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // the package root
    .appendingPathComponent("../shared/specs")
    .standardizedFileURL.path

private func hasSpec(_ relativePath: String) -> Bool {
    FileManager.default.fileExists(atPath: "\(specsFolder)/\(relativePath)")
}

/// The files in `../shared/specs/edge`, or none when the folder is absent.
private let edgeSpecs: [String] = {
    let folder = "\(specsFolder)/edge"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }.sorted().map { "\(folder)/\($0)" }
}()

@Suite("Spec corpus in ../shared/specs")
struct SpecCorpusTests {
    @Test(
        "real/openrouter.yaml loads",
        .enabled(if: hasSpec("real/openrouter.yaml"), "../shared/specs/real/openrouter.yaml is absent (a fresh clone has no ../shared)"))
    func openRouter() throws {
        let loaded = try YAMLLoader().load(contentsOf: "\(specsFolder)/real/openrouter.yaml")
        #expect(loaded.root["openapi"]?.string == "3.1.0")
        #expect((loaded.root["paths"]?.pairs?.count ?? 0) > 50)
    }

    @Test(
        "real/github.yaml loads",
        .enabled(if: hasSpec("real/github.yaml"), "../shared/specs/real/github.yaml is absent (a fresh clone has no ../shared)"))
    func gitHub() throws {
        let loaded = try YAMLLoader().load(contentsOf: "\(specsFolder)/real/github.yaml")
        #expect(loaded.root["openapi"]?.string == "3.0.3")
        #expect((loaded.root["paths"]?.pairs?.count ?? 0) > 500)
        #expect(loaded.warnings.isEmpty)
    }

    @Test(
        "every file in edge/ loads without error",
        .enabled(if: !edgeSpecs.isEmpty, "../shared/specs/edge is absent (a fresh clone has no ../shared)"),
        arguments: edgeSpecs)
    func edge(path: String) throws {
        let loaded = try YAMLLoader().load(contentsOf: path)
        #expect(loaded.root["openapi"] != nil)
    }
}
