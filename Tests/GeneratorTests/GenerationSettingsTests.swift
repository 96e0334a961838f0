import Foundation
import SDKGenCore
import SDKGenTemplates
import Testing

/// The one merge of settings (`GenerationSettings`): the command line over `sdkgen.yaml` over the defaults.
@Suite struct GenerationSettingsTests {
    private func file(_ yaml: String) throws -> (config: GenerationConfig, folder: URL) {
        let folder = try PackagePaths.temporaryFolder()
        let path = folder.appendingPathComponent("sdkgen.yaml")
        try yaml.write(to: path, atomically: true, encoding: .utf8)
        return (try GenerationConfig.load(contentsOf: path.path), folder)
    }

    @Test func theCommandLineWinsOverTheFileWhichWinsOverTheDefaults() throws {
        let (file, folder) = try file("""
            spec: api.yaml
            output: Sources
            moduleName: Gates
            clientName: GatesAPI
            access: package
            filter: {tags: [Analytics]}
            overlays: [first.overlay.yaml]
            templates: MyTemplates
            server: https://staging.example.com
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path

        let fromFile = try GenerationSettings(commandLine: GenerationConfig(), file: file).generator
        #expect(fromFile.specPath == path + "/api.yaml")
        #expect(fromFile.moduleName == "Gates")
        #expect(fromFile.clientName == "GatesAPI")
        #expect(fromFile.access == .package)
        #expect(fromFile.filter.tags == ["Analytics"])
        #expect(fromFile.templatesPath == path + "/MyTemplates")
        #expect(fromFile.overrides.server?.string == "https://staging.example.com")

        var commandLine = GenerationConfig()
        commandLine.spec = "other.yaml"
        commandLine.output = "Out"
        commandLine.moduleName = "Other"
        commandLine.clientName = "OtherAPI"
        commandLine.access = .internal
        commandLine.filter = OperationFilter(operationIDs: ["getModels"])
        commandLine.overlays = ["second.overlay.yaml"]
        commandLine.allowedReferenceRoots = ["shared"]
        commandLine.templates = "Mine"
        commandLine.layout = .sharded(shards: 3)
        let merged = try GenerationSettings(commandLine: commandLine, file: file)
        #expect(merged.output == "Out")
        #expect(merged.generator.specPath == "other.yaml")
        #expect(merged.generator.moduleName == "Other")
        #expect(merged.generator.clientName == "OtherAPI")
        #expect(merged.generator.access == .internal)
        #expect(merged.generator.filter.tags == [] && merged.generator.filter.operationIDs == ["getModels"])
        // Overlays add up, the file's first; the other settings replace.
        #expect(merged.generator.overlayPaths == [path + "/first.overlay.yaml", "second.overlay.yaml"])
        #expect(merged.generator.allowedReferenceRoots == ["shared"])
        #expect(merged.generator.templatesPath == "Mine")
        #expect(merged.generator.layout == .sharded(shards: 3))
    }

    @Test func theDefaultsAreTheBuiltInTemplatesGeneratedAndAClientThatCannotShadowTheModule() throws {
        var commandLine = GenerationConfig()
        commandLine.spec = "api.yaml"
        let defaults = try GenerationSettings(commandLine: commandLine)
        #expect(defaults.output == "Generated")
        #expect(defaults.generator.templatesPath == nil)
        #expect(defaults.generator.moduleName == nil)  // the title's, once the document is read
        #expect(defaults.generator.clientName == nil)
        #expect(defaults.generator.access == .public)
        #expect(defaults.generator.layout == .perDeclaration)

        commandLine.moduleName = "AnalyticsSDK"
        #expect(try GenerationSettings(commandLine: commandLine).generator.clientName == "AnalyticsSDKClient")
    }

    @Test func withoutASpecTheMergeThrows() throws {
        let error = #expect(throws: GenerationError.self) { try GenerationSettings(commandLine: GenerationConfig()) }
        #expect(error?.diagnostics.map(\.description) == [
            "error: no OpenAPI document to read: name one with --spec, or with spec: in sdkgen.yaml (no sdkgen.yaml was read)",
        ])
    }

    @Test func sdkgenYAMLInTheFolderIsReadWhenNoneIsNamed() throws {
        let (_, folder) = try file("spec: api.yaml\nmoduleName: Gates\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        var commandLine = GenerationConfig()
        commandLine.spec = "x.yaml"

        let found = try GenerationSettings.resolve(commandLine: commandLine, configurationPath: nil, lookingIn: folder.path)
        #expect(found.configurationPath == folder.path + "/sdkgen.yaml")
        #expect(found.generator.moduleName == "Gates")
        #expect(found.generator.specPath == "x.yaml")

        let notLooked = try GenerationSettings.resolve(commandLine: commandLine, configurationPath: nil, lookingIn: nil)
        #expect(notLooked.configurationPath == nil)
        #expect(notLooked.generator.moduleName == nil)
    }

    /// `swift run sdkgen generate` with no options: this repository's sdkgen.yaml and the built-in templates.
    @Test func thisRepositorysConfigurationGeneratesTheCheckedInSDK() async throws {
        let root = PackagePaths.root.path
        let settings = try GenerationSettings.resolve(commandLine: GenerationConfig(), configurationPath: nil, lookingIn: root)
        #expect(settings.generator.templatesPath == nil)
        let output = try await offTheCooperativePool { try SDKGenerator.generate(settings.generator) }
        #expect(output.moduleName == "ModelGates")
        let differences = settings.outputFolder(moduleName: output.moduleName).differences(from: output.files)
        #expect(differences.map(\.path) == [], "regenerate with `swift run sdkgen generate`")
    }

    /// The templates compiled into sdkgen are Templates/ as it is now: the build embeds them afresh.
    @Test func theBuiltInTemplatesAreTheTemplatesFolder() throws {
        let folder = PackagePaths.templates
        let paths = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".mustache") }.sorted()
        #expect(BuiltInTemplates.files.map(\.path) == paths)
        for (path, text) in BuiltInTemplates.files {
            #expect(text == (try? String(contentsOfFile: folder + "/" + path, encoding: .utf8)), "\(path) differs from Templates/\(path); rebuild")
        }
    }

    @Test func aTitleThatMakesNoModuleNameIsALocatedError() async throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = folder.appendingPathComponent("api.yaml")
        try "openapi: 3.1.0\ninfo:\n  title: 日本語\n  version: '1'\npaths: {}\n".write(to: spec, atomically: true, encoding: .utf8)
        let error = #expect(throws: GenerationError.self) { try SDKGenerator.generate(.init(specPath: spec.path)) }
        #expect(error?.diagnostics.map { $0.description.replacingOccurrences(of: spec.path, with: "api.yaml") } == [
            "api.yaml:3:10: error: cannot make a Swift module name of the title '日本語'; name the module with --module-name or moduleName in sdkgen.yaml",
        ])
        #expect(try SDKGenerator.generate(.init(specPath: spec.path, moduleName: "Nihongo")).moduleName == "Nihongo")
        #expect(SDKGenerator.moduleName(forTitle: "ModelGates Analytics API") == "ModelGatesAnalyticsAPI")
        #expect(SDKGenerator.moduleName(forTitle: "Café API") == "CafAPI")
        #expect(SDKGenerator.moduleName(forTitle: "Self") == nil)
    }
}
