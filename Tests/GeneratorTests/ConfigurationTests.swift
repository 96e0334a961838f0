import Foundation
import SDKGenCore
import Testing

/// `sdkgen.yaml`, the operation filter, the document overrides and the sharded layout the plugin uses.
@Suite struct ConfigurationTests {
    static let features = PackagePaths.root.appendingPathComponent("Tests/Fixtures/features.yaml").path

    private func withConfig<T>(_ yaml: String, _ body: (String) async throws -> T) async throws -> T {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("sdkgen.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return try await body(file.path)
    }

    private func generate(_ configure: (inout SDKGenerator.Options) -> Void, spec: String = features) async throws -> SDKGenerator.Output {
        var options = SDKGenerator.Options(specPath: spec, templatesPath: PackagePaths.templates, moduleName: "FeaturesSDK")
        configure(&options)
        let configured = options
        return try await offTheCooperativePool { try SDKGenerator.generate(configured) }
    }

    private func names(in files: [GeneratedFile], under folder: String) -> [String] {
        files.map(\.path).filter { $0.hasPrefix(folder) }.map { String($0.dropFirst(folder.count).dropLast(".swift".count)) }
    }

    @Test func aConfigurationReadsEverySettingWithPathsRelativeToItsFolder() async throws {
        try await withConfig("""
            spec: api/openapi.yaml
            output: Sources
            moduleName: Gates
            clientName: GatesClient
            access: package
            filter:
              tags: [Analytics]
              operations: [getModels]
            overlays: [one.overlay.yaml, /abs/two.overlay.yaml]
            templates: Templates
            server: https://staging.example.com
            retries: {statusCodes: [503]}
            maxMethodParams: 4
            undeclaredProperties: drop
            """) { path in
            let folder = (path as NSString).deletingLastPathComponent
            let config = try GenerationConfig.load(contentsOf: path)
            #expect(config.spec == folder + "/api/openapi.yaml")
            #expect(config.output == folder + "/Sources")
            #expect(config.moduleName == "Gates")
            #expect(config.clientName == "GatesClient")
            #expect(config.access == .package)
            #expect(config.filter.tags == ["Analytics"])
            #expect(config.filter.operationIDs == ["getModels"])
            #expect(config.overlays == [folder + "/one.overlay.yaml", "/abs/two.overlay.yaml"])
            #expect(config.templates == folder + "/Templates")
            #expect(config.server?.string == "https://staging.example.com")
            #expect(config.retries?["statusCodes"]?.items?.count == 1)
            #expect(config.maxMethodParams?.int == 4)
            #expect(config.undeclaredProperties == .drop)
        }
    }

    @Test func unknownSettingsAndBadValuesAreLocatedErrors() async throws {
        try await withConfig("""
            modulName: Gates
            access: open
            clientName: 'Not an identifier'
            overlays: one.yaml
            maxMethodParams: -1
            undeclaredProperties: ignore
            modelEquality: sometimes
            hashableModels: false
            """) { path in
            let error = #expect(throws: GenerationError.self) { try GenerationConfig.load(contentsOf: path) }
            let messages = error?.diagnostics.map { $0.description.replacingOccurrences(of: path, with: "sdkgen.yaml") }
            #expect(messages == [
                "sdkgen.yaml:1:1: error: unknown setting 'modulName'; the settings are spec, output, moduleName, clientName, access, filter, overlays, templates, server, retries, pagination, maxMethodParams, package, undeclaredProperties, modelEquality, transports",
                "sdkgen.yaml:2:9: error: access must be one of public, package, internal, not 'open'",
                "sdkgen.yaml:3:13: error: clientName must be a Swift identifier (letters, digits and underscores, not starting with a digit), not 'Not an identifier'",
                "sdkgen.yaml:4:11: error: overlays must be a list of strings",
                "sdkgen.yaml:5:18: error: maxMethodParams is a non-negative integer, not '-1'",
                "sdkgen.yaml:6:23: error: undeclaredProperties must be one of keep, drop, not 'ignore'",
                "sdkgen.yaml:7:16: error: modelEquality must be one of hashable, equatable, none, not 'sometimes'",
                "sdkgen.yaml:8:1: error: hashableModels is now modelEquality: hashable, equatable or none (write modelEquality: equatable)",
            ])
        }
    }

    @Test func aTagFilterKeepsItsOperationsAndOnlyTheSchemasTheyReach() async throws {
        let output = try await generate { $0.filter = OperationFilter(tags: ["Security"]) }
        #expect(names(in: output.files, under: "FeaturesSDK/APIs/") == ["SecurityAPI"])
        #expect(names(in: output.files, under: "FeaturesSDK/Models/") == ["Echo"])
        // The multipart and event-stream runtime goes with the operations that needed it.
        #expect(!output.files.contains { $0.path.contains("Multipart") || $0.path.contains("ServerSentEvent") })
    }

    @Test func anOperationFilterFollowsReferencesThroughOtherSchemas() async throws {
        let output = try await generate { $0.filter = OperationFilter(operationIDs: ["createCompletion"]) }
        #expect(names(in: output.files, under: "FeaturesSDK/APIs/") == ["ResponsesAPI"])
        #expect(names(in: output.files, under: "FeaturesSDK/Models/") == [
            "Completion", "CompletionChunk", "CompletionEvent", "CompletionRequest", "Problem",
        ])
    }

    @Test func aFilterNameThatMatchesNothingIsAWarningAtTheFilter() async throws {
        let location = SourceLocation(file: "sdkgen.yaml", line: 4, column: 3)
        let output = try await generate { $0.filter = OperationFilter(tags: ["Securty"], operationIDs: ["getHealth"], location: location) }
        #expect(output.diagnostics.map(\.description).contains("sdkgen.yaml:4:3: warning: the filter's tag 'Securty' matches no operation"))
        #expect(names(in: output.files, under: "FeaturesSDK/APIs/") == ["SecurityAPI"])
    }

    @Test func theConfigurationsServerAndRetriesReplaceTheSpecs() async throws {
        try await withConfig("""
            server: https://staging.modelgates.example/api/v2
            retries:
              statusCodes: [503]
              backoff: {initialInterval: 250, maxInterval: 2000, exponent: 2, maxElapsedTime: 10000}
              retryConnectionErrors: false
            """) { path in
            let config = try GenerationConfig.load(contentsOf: path)
            let output = try await generate({ $0.overrides = DocumentOverrides(server: config.server, retries: config.retries) }, spec: PackagePaths.spec)
            let client = try #require(output.files.first { $0.path == "FeaturesSDK/FeaturesSDK.swift" }?.contents)
            #expect(client.contains(#"URL(string: "https://staging.modelgates.example/api/v2")!"#))
            #expect(client.contains("statusCodes: [503]"))
            #expect(client.contains("initialInterval: 0.25"))
            #expect(client.contains("retryConnectionErrors: false"))
        }
    }

    @Test func theConfigurationsMaxMethodParamsGivesFunctionsARequestStruct() async throws {
        try await withConfig("maxMethodParams: 1") { path in
            let config = try GenerationConfig.load(contentsOf: path)
            let output = try await generate({ $0.overrides = DocumentOverrides(maxMethodParams: config.maxMethodParams) }, spec: PackagePaths.spec)
            let analytics = try #require(output.files.first { $0.path == "FeaturesSDK/APIs/AnalyticsAPI.swift" }?.contents)
            #expect(analytics.contains("func getUserActivity(\n        request: GetUserActivityRequest,"))
            #expect(output.files.contains { $0.path == "FeaturesSDK/Models/GetUserActivityRequest.swift" })
        }
    }

    @Test func structsKeepTheMembersTheirSchemasDoNotDeclareUnlessToldToDropThem() async throws {
        let activity = "FeaturesSDK/Models/ActivityItem.swift"
        let kept = try #require(try await generate({ _ in }, spec: PackagePaths.spec).files.first { $0.path == activity }?.contents)
        #expect(kept.contains("public var additionalProperties: [String: JSONValue]"))
        #expect(kept.contains("decodeAdditionalProperties(JSONValue.self, declaredKeys: ["))
        try await withConfig("undeclaredProperties: drop") { path in
            let config = try GenerationConfig.load(contentsOf: path)
            let settings = try GenerationSettings(commandLine: GenerationConfig(), file: configWithSpec(config))
            #expect(settings.generator.undeclaredProperties == .drop)
            let dropped = try #require(try await generate({ $0.undeclaredProperties = .drop }, spec: PackagePaths.spec)
                .files.first { $0.path == activity }?.contents)
            #expect(!dropped.contains("additionalProperties"))
        }
    }

    private func configWithSpec(_ config: GenerationConfig) -> GenerationConfig {
        var config = config
        config.spec = PackagePaths.spec
        return config
    }

    @Test func theShardedLayoutWritesTheSameFileNamesWhateverTheSpec() async throws {
        let features = try await generate { $0.layout = .sharded(shards: 4) }
        let modelGates = try await generate({ $0.layout = .sharded(shards: 4) }, spec: PackagePaths.spec)
        let expected = OutputLayout.shardedFileNames(shards: 4).map { "FeaturesSDK/\($0)" }
        #expect(features.files.map(\.path) == expected)
        #expect(modelGates.files.map(\.path) == expected)
        #expect(OutputLayout.shardedFileNames(shards: 2) == [
            "sdkgen-client.swift", "sdkgen-runtime.swift", "sdkgen-apis-0.swift", "sdkgen-apis-1.swift",
            "sdkgen-models-0.swift", "sdkgen-models-1.swift",
        ])
    }

    @Test func everyDeclarationLandsInExactlyOneShardWithOneHeaderAndEachImportOnce() async throws {
        let perDeclaration = try await generate { _ in }
        let sharded = try await generate { $0.layout = .sharded(shards: 3) }
        let all = sharded.files.map(\.contents).joined()
        for model in names(in: perDeclaration.files, under: "FeaturesSDK/Models/") {
            let declarations = all.components(separatedBy: " \(model): ").count - 1 + all.components(separatedBy: " enum \(model) ").count - 1
            #expect(declarations >= 1, "\(model) is in no shard")
            let holders = sharded.files.filter { $0.contents.contains("public struct \(model):") || $0.contents.contains("public enum \(model):") }
            #expect(holders.count == 1, "\(model) is declared in \(holders.map(\.path))")
        }
        for file in sharded.files {
            #expect(file.contents.components(separatedBy: "// Generated by sdkgen.").count == 2, "\(file.path) has one header")
            #expect(file.contents.components(separatedBy: "import Foundation\n").count <= 2, "\(file.path) imports Foundation once")
        }
        let runtime = try #require(sharded.files.first { $0.path.hasSuffix("sdkgen-runtime.swift") }?.contents)
        #expect(runtime.contains("struct RetryConfig"))
        #expect(runtime.contains("#if canImport(FoundationNetworking)\nimport FoundationNetworking\n#endif"))
    }

    @Test(arguments: [AccessModifier.package, .internal])
    func theAccessSettingDeclaresEverythingAtThatLevel(_ access: AccessModifier) async throws {
        let publicOutput = try await generate { _ in }
        let output = try await generate { $0.access = access }
        let sources = output.files.filter { $0.path.hasSuffix(".swift") }
        for file in sources {
            let code = file.contents.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
            #expect(!code.contains { $0.contains("public ") }, "\(file.path) still declares something public")
        }
        // Exactly the public keywords changed: nothing else in the SDK differs.
        let expected = publicOutput.files.filter { $0.path.hasSuffix(".swift") }.map {
            $0.contents.replacingOccurrences(of: "public ", with: access == .internal ? "" : "package ")
        }
        #expect(sources.map(\.contents) == expected)
    }
}
