import Foundation
import SDKGenCore
import Testing

/// The `sdkgen` executable as a user runs it: from a folder of their own, with nothing of this repository around.
@Suite struct CommandLineTests {
    /// The `sdkgen` built beside the test runner (`swift test` builds every product of the package first).
    static let executable: URL? = {
        var folders = Bundle.main.executableURL.map { [$0.deletingLastPathComponent()] } ?? []
        folders += Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map { $0.bundleURL.deletingLastPathComponent() }
        return folders.map { $0.appendingPathComponent("sdkgen") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Run: Sendable {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs sdkgen with `arguments` in `folder`, off the cooperative pool.
    static func sdkgen(_ arguments: [String], in folder: URL) async throws -> Run {
        let executable = try #require(executable, "no sdkgen executable beside the tests; build it with `swift build`")
        return try await offTheCooperativePool {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            process.currentDirectoryURL = folder
            let output = Pipe(), errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            // Read before waiting, so that a full pipe cannot stall the process.
            let out = output.fileHandleForReading.readDataToEndOfFile()
            let err = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
        }
    }

    @Test func inAnEmptyFolderGenerateUsesTheBuiltInTemplatesAndNamesTheModuleAfterTheTitle() async throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: PackagePaths.spec, toPath: folder.appendingPathComponent("api.yaml").path)

        let run = try await Self.sdkgen(["generate", "--spec", "api.yaml"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output == "Generated: 36 written, 0 unchanged, 0 removed\n")

        // `info.title: ModelGates API`: the module ModelGatesAPI, and a client named so as not to shadow it.
        let module = folder.appendingPathComponent("Generated/ModelGatesAPI")
        let client = try String(contentsOf: module.appendingPathComponent("ModelGatesAPIClient.swift"), encoding: .utf8)
        #expect(client.contains("public struct ModelGatesAPIClient: Sendable"))
        #expect(FileManager.default.fileExists(atPath: module.appendingPathComponent("ModelGatesAPIClientError.swift").path))
        #expect(FileManager.default.fileExists(atPath: module.appendingPathComponent("Runtime/APIClient.swift").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Generated/docs/sdks/analytics/README.md").path))

        // The same files as the library renders with this repository's Templates/ folder.
        let expected = try SDKGenerator.generate(.init(specPath: PackagePaths.spec, templatesPath: PackagePaths.templates))
        let written = OutputFolder(root: folder.appendingPathComponent("Generated").path, ownedFolders: ["ModelGatesAPI", "docs"])
        #expect(written.differences(from: expected.files).map(\.path) == [])
    }

    @Test func versionPrintsTheVersion() async throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try await Self.sdkgen(["--version"], in: folder)
        #expect(run.status == 0)
        #expect(run.output.wholeMatch(of: /\d+\.\d+\.\d+\n/) != nil, "\(run.output)")
    }

    @Test func withoutASpecTheErrorSaysWhereToNameOne() async throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try await Self.sdkgen(["generate"], in: folder)
        #expect(run.status == 1)
        #expect(run.errors == "error: no OpenAPI document to read: name one with --spec, or with spec: in sdkgen.yaml (no sdkgen.yaml was read)\n")
    }

    @Test func theCurrentFoldersConfigurationIsReadUnlessNoConfigIsGiven() async throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: PackagePaths.spec, toPath: folder.appendingPathComponent("api.yaml").path)
        try "spec: api.yaml\noutput: Sources\nmoduleName: Gates\n".write(to: folder.appendingPathComponent("sdkgen.yaml"), atomically: true, encoding: .utf8)

        let configured = try await Self.sdkgen(["generate"], in: folder)
        #expect(configured.status == 0, "\(configured.errors)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Sources/Gates/GatesClient.swift").path))

        let unconfigured = try await Self.sdkgen(["generate", "--no-config", "--spec", "api.yaml", "--output", "Other"], in: folder)
        #expect(unconfigured.status == 0, "\(unconfigured.errors)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Other/ModelGatesAPI/ModelGatesAPIClient.swift").path))

        // The configuration's errors are located in it.
        try "spec: api.yaml\nmoduleName: 'Two words'\n".write(to: folder.appendingPathComponent("sdkgen.yaml"), atomically: true, encoding: .utf8)
        let invalid = try await Self.sdkgen(["lint"], in: folder)
        #expect(invalid.status == 1)
        #expect(invalid.errors.hasPrefix("sdkgen.yaml:2:13: error: moduleName must be a Swift identifier"), "\(invalid.errors)")
    }

    /// `Tests/Fixtures/diff/operation-added` adds getPet. The configuration's overlay renames it (in the new spec;
    /// in the old one it matches nothing) and its filter keeps listPets and the renamed operation.
    @Test func diffReadsBothSpecsWithTheConfigurationsOverlaysAndFilter() async throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = DiffTests.fixtures.appendingPathComponent("operation-added")
        for name in ["old.yaml", "new.yaml"] {
            try FileManager.default.copyItem(at: fixture.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try """
            overlay: 1.0.0
            info: {title: Renames getPet, version: 1.0.0}
            actions:
              - target: $.paths['/pets/{petId}'].get
                update: {operationId: fetchPet}
            """.write(to: folder.appendingPathComponent("rename.overlay.yaml"), atomically: true, encoding: .utf8)
        try "overlays: [rename.overlay.yaml]\nfilter: {operations: [listPets, fetchPet]}\n"
            .write(to: folder.appendingPathComponent("overlaid.yaml"), atomically: true, encoding: .utf8)
        try "filter: {operations: [listPets, fetchPet]}\n".write(to: folder.appendingPathComponent("filtered.yaml"), atomically: true, encoding: .utf8)

        // Module and client named after the title, "Pets API".
        let plain = try await Self.sdkgen(["diff", "old.yaml", "new.yaml", "--format", "json"], in: folder)
        #expect(try Self.symbols(plain) == ["PetsAPIClient.pets.getPet(petID:)"])

        let overlaid = try await Self.sdkgen(["diff", "old.yaml", "new.yaml", "--config", "overlaid.yaml", "--format", "json"], in: folder)
        #expect(try Self.symbols(overlaid) == ["PetsAPIClient.pets.fetchPet(petID:)"])

        // The command line's overlay comes on top of a configuration that has none, with --allow-ref-root accepted.
        let commandLine = try await Self.sdkgen(["diff", "old.yaml", "new.yaml", "--config", "filtered.yaml", "--overlay", "rename.overlay.yaml",
                                                 "--allow-ref-root", folder.path, "--format", "json"], in: folder)
        #expect(try Self.symbols(commandLine) == ["PetsAPIClient.pets.fetchPet(petID:)"])

        // The command line's filter replaces the configuration's: the renamed operation is no longer compared.
        let narrowed = try await Self.sdkgen(["diff", "old.yaml", "new.yaml", "--config", "overlaid.yaml", "--operation", "listPets",
                                              "--module-name", "Pets", "--format", "json"], in: folder)
        #expect(try Self.symbols(narrowed) == [])
    }

    /// The symbols of the changes a `diff --format json` run printed.
    static func symbols(_ run: Run) throws -> [String] {
        #expect(run.status == 0, "\(run.errors)")
        let report = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        let changes = try #require(report?["changes"] as? [[String: Any]], "\(run.output)")
        return changes.compactMap { $0["symbol"] as? String }
    }
}
