import Foundation
import SDKGenCore
import Testing

/// `hashableModels: false` (`--no-hashable-models`) declares the models `Equatable` instead of `Hashable`, a smaller
/// SDK that builds faster; the fixtures that hold every kind of model and every operation shape must still compile.
@Suite struct HashableModelsTests {
    @Test func modelsAreEquatableOnlyWhenToldAndTheSDKStillCompiles() async throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var declarations: [String] = []
        for (module, fixture) in [("SchemasSDK", "schemas"), ("FeaturesSDK", "features")] {
            var options = SDKGenerator.Options(specPath: PackagePaths.root.appendingPathComponent("Tests/Fixtures/\(fixture).yaml").path,
                                               templatesPath: PackagePaths.templates, moduleName: module)
            options.clientName = module
            options.hashableModels = false
            let generated = try await offTheCooperativePool { [options] in try SDKGenerator.generate(options) }
            _ = try OutputFolder(root: folder.path, ownedFolders: [module, "docs"]).write(generated.files)
            declarations += generated.files.filter { $0.path.hasPrefix("\(module)/Models/") }.flatMap { file in
                file.contents.split(separator: "\n").filter { $0.hasPrefix("public struct ") || $0.hasPrefix("public enum ") || $0.hasPrefix("public indirect enum ") }.map(String.init)
            }
        }
        // Structs, open enums, unions (one of them indirect) and tuples.
        #expect(declarations.contains("public struct Cat: Codable, Equatable, Sendable {"))
        #expect(declarations.contains("public enum Status: RawRepresentable, LosslessStringConvertible, Codable, Equatable, Sendable {"))
        #expect(declarations.contains { $0.hasPrefix("public indirect enum ") && $0.hasSuffix(": Codable, Equatable, Sendable {") })
        #expect(declarations.count > 50)
        #expect(declarations.allSatisfy { !$0.contains("Hashable") })

        try """
            // swift-tools-version: 6.1
            import PackageDescription

            let package = Package(
                name: "EquatableModels",
                platforms: [.macOS(.v15)],
                targets: [.target(name: "SchemasSDK", path: "SchemasSDK"), .target(name: "FeaturesSDK", path: "FeaturesSDK")]
            )
            """.write(to: folder.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        let build = try await offTheCooperativePool { try swiftBuild(folder) }
        #expect(build.status == 0, "the SDKs with Equatable models do not compile:\n\(build.output.suffix(4000))")
        #expect(compilerDiagnostics(in: build.output, containing: "warning:") == [])
    }

    @Test func theSettingIsReadFromTheFileAndTheCommandLineWins() throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sdkgen.yaml").path
        try "spec: openapi.yaml\nhashableModels: false\n".write(toFile: path, atomically: true, encoding: .utf8)
        let file = try GenerationConfig.load(contentsOf: path)
        #expect(file.hashableModels == false)
        #expect(try GenerationSettings(commandLine: GenerationConfig(), file: file).generator.hashableModels == false)
        var commandLine = GenerationConfig()
        commandLine.hashableModels = true
        #expect(try GenerationSettings(commandLine: commandLine, file: file).generator.hashableModels == true)
        var specOnly = GenerationConfig()
        specOnly.spec = "openapi.yaml"
        #expect(try GenerationSettings(commandLine: specOnly).generator.hashableModels == true)
    }
}
