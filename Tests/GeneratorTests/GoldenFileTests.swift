import Foundation
import SDKGenCore
import Testing

/// A checked-in SDK and what it is generated from.
struct GoldenSDK: Sendable, CustomTestStringConvertible {
    var spec: String
    var output: String
    var moduleName: String

    var testDescription: String { moduleName }

    /// The command that regenerates it, run from the package root.
    var updateCommand: String {
        spec == "spec/modelgates.yaml"
            ? "swift run sdkgen generate"
            : "swift run sdkgen generate --no-config --spec \(spec) --output \(output) --module-name \(moduleName) --client-name \(moduleName)"
    }

    static let all = [
        // The flagship SDK, a library product of the package.
        GoldenSDK(spec: "spec/modelgates.yaml", output: "Generated", moduleName: "ModelGates"),
        // Fixtures compiled for FeaturesSDKTests and SchemasSDKTests: every operation and schema construct.
        GoldenSDK(spec: "Tests/Fixtures/features.yaml", output: "Tests/Fixtures/Generated/Features", moduleName: "FeaturesSDK"),
        GoldenSDK(spec: "Tests/Fixtures/schemas.yaml", output: "Tests/Fixtures/Generated/Schemas", moduleName: "SchemasSDK"),
    ]
}

/// The checked-in SDKs are the golden files: these tests fail whenever the generator, a spec or a template
/// changes what they would be, and show the diff and the command that updates them.
@Suite struct GoldenFileTests {
    @Test(arguments: GoldenSDK.all)
    func theCheckedInSDKIsWhatItsSpecAndTheTemplatesGenerate(_ sdk: GoldenSDK) async throws {
        let root = PackagePaths.root
        let output = try await offTheCooperativePool {
            try SDKGenerator.generate(.init(
                specPath: root.appendingPathComponent(sdk.spec).path,
                templatesPath: PackagePaths.templates,
                moduleName: sdk.moduleName))
        }
        let folder = OutputFolder(root: root.appendingPathComponent(sdk.output).path, ownedFolders: [sdk.moduleName, "docs"])
        let differences = folder.differences(from: output.files)
        let diff = differences.map(\.diff).joined().split(separator: "\n").prefix(400).joined(separator: "\n")
        #expect(differences.isEmpty, """
            \(sdk.output)/ differs from what \(sdk.spec) and Templates/ generate in \(differences.count) file(s): \
            \(differences.map { "\($0.kind.rawValue) \($0.path)" }.joined(separator: ", ")).
            If the change is intended, update the golden files with `\(sdk.updateCommand)`.
            \(diff)
            """)
    }

    @Test func theFeaturesFixtureWarnsAboutWhatItDoesOnPurpose() async throws {
        let spec = PackagePaths.root.appendingPathComponent("Tests/Fixtures/features.yaml").path
        let output = try await offTheCooperativePool {
            try SDKGenerator.generate(.init(specPath: spec, templatesPath: PackagePaths.templates, moduleName: "FeaturesSDK"))
        }
        // The fixture documents a 304 on purpose. (Its two body types for 404 are a union, which needs no word.)
        #expect(output.diagnostics.map(\.message) == [
            "status 304 (documented by upsertItem) is handled as undocumented: a redirect is followed by the transport, "
                + "and any other such status is thrown as apiError, or as defaultError where the operation documents `default`",
        ])
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
