import Foundation
import SDKGenCore
import Testing

/// `sdkgen check --format github`: problems as GitHub Actions workflow commands, which annotate the pull request.
@Suite struct GitHubAnnotationTests {
    @Test func aDiagnosticIsACommandAtItsFileLineAndColumn() {
        let error = Diagnostic.error("expected a mapping, found a list", at: SourceLocation(file: "spec/api.yaml", line: 3, column: 5))
        #expect(GitHubAnnotation.command(for: error) == "::error file=spec/api.yaml,line=3,col=5::expected a mapping, found a list")
        let warning = Diagnostic.warning("no location", at: nil)
        #expect(GitHubAnnotation.command(for: warning) == "::warning::no location")
    }

    @Test func percentSignsNewlinesAndPropertySeparatorsAreEscaped() {
        let diagnostic = Diagnostic.error("100% wrong\nsecond line", at: SourceLocation(file: "a,b:c.yaml", line: 1, column: 2))
        #expect(GitHubAnnotation.command(for: diagnostic) == "::error file=a%2Cb%3Ac.yaml,line=1,col=2::100%25 wrong%0Asecond line")
    }

    @Test func eachDriftedFileIsAnErrorOnThatFile() throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let edited = try Self.editedSpec(in: folder)
        let output = try SDKGenerator.generate(.init(specPath: edited, templatesPath: PackagePaths.templates, moduleName: "ModelGates"))
        let differences = OutputFolder(root: PackagePaths.generated, ownedFolders: ["ModelGates", "docs"]).differences(from: output.files)
        let commands = differences.map { GitHubAnnotation.drift($0, outputRoot: "Generated", fix: "swift run sdkgen generate") }
        #expect(commands == [
            "::error file=Generated/ModelGates/APIs/AnalyticsAPI.swift::Generated/ModelGates/APIs/AnalyticsAPI.swift differs from what the spec and templates generate. To update it, run: swift run sdkgen generate",
            "::error file=Generated/docs/sdks/analytics/README.md::Generated/docs/sdks/analytics/README.md differs from what the spec and templates generate. To update it, run: swift run sdkgen generate",
        ])
    }

    /// A copy of spec/modelgates.yaml with one parameter description changed, which changes two generated files.
    static func editedSpec(in folder: URL) throws -> String {
        let spec = try String(contentsOfFile: PackagePaths.spec, encoding: .utf8)
        let edited = folder.appendingPathComponent("edited.yaml")
        try spec.replacingOccurrences(of: "Filter by org member user ID. Only applicable for organization accounts.",
                                      with: "The member whose activity to return.").write(to: edited, atomically: true, encoding: .utf8)
        return edited.path
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: DiffTests.sdkgen.path), "needs .build/debug/sdkgen, which swift test builds"))
    func theCheckCommandPrintsCommandsAndKeepsItsExitStatuses() async throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let edited = try Self.editedSpec(in: folder)
        let root = PackagePaths.root.path
        let drift = try await offTheCooperativePool {
            try DiffTests.run(["check", "--format", "github", "--spec", edited, "--templates", "\(root)/Templates", "--output", "\(root)/Generated"])
        }
        #expect(drift.status == 1)
        let lines = drift.output.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("::error file=\(root)/Generated/") }.count == 2, "\(drift.output)")
        #expect(lines.contains { $0.hasPrefix("::group::") } && lines.contains("::endgroup::"))

        let invalid = folder.appendingPathComponent("invalid.yaml")
        try "openapi: 3.1.0\ninfo: [\n".write(to: invalid, atomically: true, encoding: .utf8)
        let error = try await offTheCooperativePool { try DiffTests.run(["check", "--format", "github", "--spec", invalid.path]) }
        #expect(error.status == 2)
        #expect(error.output.hasPrefix("::error file=\(invalid.path),line="), "\(error.output)")
    }
}
