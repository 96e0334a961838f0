import Foundation
import SDKGenCore
import Testing

/// `modelEquality: equatable` declares the models `Equatable` instead of `Hashable`, and `none` declares the structs,
/// unions and tuples neither (the open enums stay `Hashable`): smaller SDKs that build faster. The fixtures that hold
/// every kind of model and every operation shape must still compile both ways, without a warning.
@Suite struct ModelEqualityTests {
    @Test func modelsAreEquatableOrNeitherWhenToldAndTheSDKsStillCompile() async throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var declarations: [ModelEquality: [String]] = [:]
        var targets: [String] = []
        for equality in [ModelEquality.equatable, .none] {
            for (fixtureModule, fixture) in [("SchemasSDK", "schemas"), ("FeaturesSDK", "features")] {
                let module = fixtureModule + (equality == .none ? "None" : "Equatable")
                var options = SDKGenerator.Options(specPath: PackagePaths.root.appendingPathComponent("Tests/Fixtures/\(fixture).yaml").path,
                                                   templatesPath: PackagePaths.templates, moduleName: module)
                options.clientName = module
                options.modelEquality = equality
                let generated = try await offTheCooperativePool { [options] in try SDKGenerator.generate(options) }
                _ = try OutputFolder(root: folder.path, ownedFolders: [module, "docs"]).write(generated.files)
                declarations[equality, default: []] += generated.files.filter { $0.path.hasPrefix("\(module)/Models/") }.flatMap { file in
                    file.contents.split(separator: "\n").filter { $0.hasPrefix("public struct ") || $0.hasPrefix("public enum ") || $0.hasPrefix("public indirect enum ") }.map(String.init)
                }
                targets.append(module)
            }
        }
        // Structs, open enums, unions (one of them indirect) and tuples.
        let equatable = declarations[.equatable] ?? []
        #expect(equatable.contains("public struct Cat: Codable, Equatable, Sendable {"))
        #expect(equatable.contains("public enum Status: RawRepresentable, LosslessStringConvertible, Codable, Equatable, Sendable {"))
        #expect(equatable.contains { $0.hasPrefix("public indirect enum ") && $0.hasSuffix(": Codable, Equatable, Sendable {") })
        #expect(equatable.count > 50)
        #expect(equatable.allSatisfy { !$0.contains("Hashable") })
        let neither = declarations[.none] ?? []
        #expect(neither.contains("public struct Cat: Codable, Sendable {"))
        #expect(neither.contains("public enum Status: RawRepresentable, LosslessStringConvertible, Codable, Hashable, Sendable {"))
        #expect(neither.contains { $0.hasPrefix("public indirect enum ") && $0.hasSuffix(": Codable, Sendable {") })
        #expect(neither.count == equatable.count)
        #expect(neither.allSatisfy { !$0.contains("Equatable") && ($0.contains("RawRepresentable") == $0.contains("Hashable")) })

        try """
            // swift-tools-version: 6.1
            import PackageDescription

            let package = Package(
                name: "ModelEquality",
                platforms: [.macOS(.v15)],
                targets: [\(targets.map { ".target(name: \"\($0)\", path: \"\($0)\")" }.joined(separator: ", "))]
            )
            """.write(to: folder.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        let build = try await offTheCooperativePool { try swiftBuild(folder) }
        #expect(build.status == 0, "the SDKs with Equatable models, or neither, do not compile:\n\(build.output.suffix(4000))")
        #expect(compilerDiagnostics(in: build.output, containing: "warning:") == [])
    }

    @Test func theSettingIsReadFromTheFileAndTheCommandLineWins() throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("sdkgen.yaml").path
        try "spec: openapi.yaml\nmodelEquality: none\n".write(toFile: path, atomically: true, encoding: .utf8)
        let file = try GenerationConfig.load(contentsOf: path)
        #expect(file.modelEquality == ModelEquality.none)
        #expect(try GenerationSettings(commandLine: GenerationConfig(), file: file).generator.modelEquality == ModelEquality.none)
        var commandLine = GenerationConfig()
        commandLine.modelEquality = .equatable
        #expect(try GenerationSettings(commandLine: commandLine, file: file).generator.modelEquality == .equatable)
        var specOnly = GenerationConfig()
        specOnly.spec = "openapi.yaml"
        #expect(try GenerationSettings(commandLine: specOnly).generator.modelEquality == .hashable)
    }
}
