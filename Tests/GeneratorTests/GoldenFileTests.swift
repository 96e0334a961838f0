import Foundation
import SDKGenCore
import Testing

/// `Generated/` holds the SDK generated from `spec/modelgates.yaml` with `Templates/`; these tests fail
/// whenever the generator, the spec or a template changes what it would be.
@Suite struct GoldenFileTests {
    static let updateCommand = "swift run sdkgen generate"

    @Test func generatedFolderIsWhatTheSpecAndTemplatesGenerate() throws {
        let output = try SDKGenerator.generate(.init(specPath: PackagePaths.spec, templatesPath: PackagePaths.templates, moduleName: "ModelGates"))
        let folder = OutputFolder(root: PackagePaths.generated, ownedFolders: ["ModelGates", "docs"])
        let differences = folder.differences(from: output.files)
        let diff = differences.map(\.diff).joined().split(separator: "\n").prefix(400).joined(separator: "\n")
        #expect(differences.isEmpty, """
            Generated/ differs from what spec/modelgates.yaml and Templates/ generate in \(differences.count) file(s): \
            \(differences.map { "\($0.kind.rawValue) \($0.path)" }.joined(separator: ", ")).
            If the change is intended, update the golden files with `\(Self.updateCommand)`.
            \(diff)
            """)
    }

    @Test func theModelGatesSpecHasNoDiagnostics() throws {
        let output = try SDKGenerator.generate(.init(specPath: PackagePaths.spec, templatesPath: PackagePaths.templates, moduleName: "ModelGates"))
        #expect(output.diagnostics.map(\.description) == [])
    }

    @Test func generationIsDeterministic() throws {
        let options = SDKGenerator.Options(specPath: PackagePaths.spec, templatesPath: PackagePaths.templates, moduleName: "ModelGates")
        let first = try SDKGenerator.generate(options).files
        let second = try SDKGenerator.generate(options).files
        #expect(first == second)
    }

    @Test func theExpectedFilesAreGenerated() throws {
        let output = try SDKGenerator.generate(.init(specPath: PackagePaths.spec, templatesPath: PackagePaths.templates, moduleName: "ModelGates"))
        let paths = Set(output.files.map(\.path))
        for expected in [
            "ModelGates/ModelGates.swift", "ModelGates/ModelGatesError.swift", "ModelGates/APIs/AnalyticsAPI.swift",
            "ModelGates/Models/ActivityItem.swift", "ModelGates/Models/ActivityResponse.swift",
            "ModelGates/Models/DailyActivity.swift", "ModelGates/Models/ErrorResponse.swift",
            "docs/sdks/analytics/README.md", "docs/models/ActivityResponse.md",
        ] {
            #expect(paths.contains(expected), "missing \(expected)")
        }
    }
}
