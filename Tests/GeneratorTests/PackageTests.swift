import Foundation
import SDKGenCore
import Testing

/// The standalone package layout: `sdkgen generate --package`, and `package: true` in sdkgen.yaml.
@Suite struct PackageTests {
    /// The files a package of the ModelGates SDK has besides its sources and reference pages.
    static let packageFiles = [
        ".gitignore", "Package.swift", "README.md", "Sources/ModelGates/ModelGates.docc/ModelGates.md",
        "Tests/ModelGatesTests/ModelGatesSmokeTests.swift",
    ]

    private func generate(package: Bool) throws -> SDKGenerator.Output {
        var options = SDKGenerator.Options(specPath: PackagePaths.spec, templatesPath: PackagePaths.templates, moduleName: "ModelGates")
        options.clientName = "ModelGates"
        options.package = package
        return try SDKGenerator.generate(options)
    }

    @Test func aPackageHoldsTheSourcesUnderSourcesWithAManifestReadmeCatalogAndSmokeTest() throws {
        let plain = try generate(package: false)
        let package = try generate(package: true)
        let moved = plain.files.map { file in
            file.path.hasPrefix("ModelGates/") ? GeneratedFile(path: "Sources/" + file.path, contents: file.contents) : file
        }
        // The package's README prints the guide that is docs/README.md otherwise.
        #expect(package.files.filter { !Self.packageFiles.contains($0.path) }
            == moved.filter { $0.path != "docs/README.md" }.sorted { $0.path < $1.path })
        #expect(package.files.map(\.path).filter(Self.packageFiles.contains) == Self.packageFiles)

        let contents = Dictionary(uniqueKeysWithValues: package.files.map { ($0.path, $0.contents) })
        let manifest = try #require(contents["Package.swift"])
        #expect(manifest.contains("platforms: [.iOS(.v16), .macOS(.v13), .tvOS(.v16), .watchOS(.v9)]"))
        #expect(manifest.contains(#".library(name: "ModelGates", targets: ["ModelGates"])"#))
        let readme = try #require(contents["README.md"])
        #expect(readme.contains("[AnalyticsAPI](docs/sdks/analytics/README.md)"))
        #expect(readme.contains("`apiKey`: defaults to the `MODELGATES_API_KEY` environment variable"))
        let landing = try #require(contents["Sources/ModelGates/ModelGates.docc/ModelGates.md"])
        #expect(landing.hasPrefix("# ``ModelGates``\n"))
        #expect(landing.contains("- ``AnalyticsAPI``"))
        let smoke = try #require(contents["Tests/ModelGatesTests/ModelGatesSmokeTests.swift"])
        #expect(smoke.contains("func test_analytics_getUserActivity() async throws"))
        #expect(smoke.contains("func test_analytics_getDailyActivity() async throws"))
    }

    @Test func theConfigurationsPackageKeyIsReadAndTheCommandLineWins() async throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("sdkgen.yaml")
        try "spec: api.yaml\npackage: true\n".write(to: file, atomically: true, encoding: .utf8)
        let config = try GenerationConfig.load(contentsOf: file.path)
        #expect(config.package == true)
        #expect(try GenerationSettings(commandLine: GenerationConfig(), file: config).generator.package)
        #expect(try GenerationSettings(commandLine: GenerationConfig(), file: config).outputFolder(moduleName: "Gates").ownedFolders
            == ["Sources/Gates", "Tests/GatesTests", "docs"])
        var commandLine = GenerationConfig()
        commandLine.package = false
        #expect(try !GenerationSettings(commandLine: commandLine, file: config).generator.package)

        try "package: yes please\n".write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: GenerationError.self) { try GenerationConfig.load(contentsOf: file.path) }
        #expect(error?.diagnostics.map { $0.description.replacingOccurrences(of: file.path, with: "sdkgen.yaml") }
            == ["sdkgen.yaml:1:10: error: package must be true or false"])
    }

    @Test func aPackageIsNotSharded() throws {
        var commandLine = GenerationConfig()
        commandLine.spec = "api.yaml"
        commandLine.package = true
        commandLine.layout = .sharded(shards: 8)
        let error = #expect(throws: GenerationError.self) { try GenerationSettings(commandLine: commandLine) }
        #expect(error?.diagnostics.first?.description.contains("exclude each other") == true)
    }

    @Test func generatePackageWritesThePackageAndCheckFindsItInSync() async throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: PackagePaths.spec, toPath: folder.appendingPathComponent("api.yaml").path)
        let options = ["--no-config", "--spec", "api.yaml", "--module-name", "ModelGates", "--client-name", "ModelGates", "--output", "SDK"]

        let generate = try await CommandLineTests.sdkgen(["generate", "--package"] + options, in: folder)
        #expect(generate.status == 0, "\(generate.errors)")
        for path in Self.packageFiles + ["Sources/ModelGates/Runtime/APIClient.swift", "docs/sdks/analytics/README.md"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("SDK/" + path).path), "\(path)")
        }
        let check = try await CommandLineTests.sdkgen(["check", "--package"] + options, in: folder)
        #expect(check.status == 0, "\(check.output)")

        // A file the package no longer has is drift; generating again removes it.
        let stale = folder.appendingPathComponent("SDK/Sources/ModelGates/Models/Stale.swift")
        try "struct Stale {}\n".write(to: stale, atomically: true, encoding: .utf8)
        let drift = try await CommandLineTests.sdkgen(["check", "--package"] + options, in: folder)
        #expect(drift.status == 1)
        let again = try await CommandLineTests.sdkgen(["generate", "--package"] + options, in: folder)
        let count = generate.output.split(separator: " ")[1]
        #expect(again.output == "SDK: 0 written, \(count) unchanged, 1 removed\n")
    }
}
