import Foundation
import SDKGenCore
import Testing

/// Transports written as modules beside the SDK: `--transport async-http-client`, `transports:` in sdkgen.yaml.
/// Scripts/transport-check.sh builds the AsyncHTTPClient module and runs the loopback tests through it.
@Suite struct TransportModuleTests {
    private func generate(transports: [TransportKind], package: Bool) throws -> [String: String] {
        var options = SDKGenerator.Options(specPath: PackagePaths.spec, templatesPath: PackagePaths.templates, moduleName: "ModelGates")
        options.clientName = "ModelGates"
        options.package = package
        options.transports = transports
        let files = try SDKGenerator.generate(options).files
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.contents) })
    }

    @Test func theAsyncHTTPClientTransportIsAModuleBesideTheSDKThatImportsIt() throws {
        let plain = try generate(transports: [], package: false)
        let files = try generate(transports: [.asyncHTTPClient], package: false)
        // The SDK's own files are those it has without the transport.
        #expect(files.filter { !$0.key.hasPrefix("ModelGatesAsyncHTTPClient/") } == plain)
        #expect(files.keys.filter { $0.hasPrefix("ModelGatesAsyncHTTPClient/") } == ["ModelGatesAsyncHTTPClient/AsyncHTTPClientTransport.swift"])
        let transport = try #require(files["ModelGatesAsyncHTTPClient/AsyncHTTPClientTransport.swift"])
        #expect(transport.contains("import ModelGates\n"))
        #expect(transport.contains("import AsyncHTTPClient\n"))
        #expect(transport.contains("public struct AsyncHTTPClientTransport: HTTPTransport {"))
        #expect(transport.contains("throw ModelGatesError.timedOut(phase)"))
        // ModelGates sends no `UploadBody`: the transport has none of the code that streams one.
        #expect(!transport.contains("UploadSource") && !transport.contains("UploadReader") && !transport.contains("upload"))
        // No SDK file imports the HTTP client's modules.
        #expect(!plain.values.contains { $0.contains("import AsyncHTTPClient") || $0.contains("import NIO") })
    }

    @Test func aPackageHasTheTransportsProductTargetAndDependencies() throws {
        let plain = try generate(transports: [], package: true)
        let files = try generate(transports: [.asyncHTTPClient], package: true)
        #expect(files["Sources/ModelGatesAsyncHTTPClient/AsyncHTTPClientTransport.swift"] != nil)
        let manifest = try #require(files["Package.swift"])
        #expect(manifest.contains(#".library(name: "ModelGatesAsyncHTTPClient", targets: ["ModelGatesAsyncHTTPClient"])"#))
        #expect(manifest.contains(#".package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0")"#))
        #expect(manifest.contains(#"name: "ModelGatesAsyncHTTPClient","#))
        #expect(manifest.contains(#".product(name: "AsyncHTTPClient", package: "async-http-client")"#))
        #expect(try #require(files["README.md"]).contains("## AsyncHTTPClient transport\n\nThe `ModelGatesAsyncHTTPClient` product"))
        #expect(plain["README.md"]?.contains("AsyncHTTPClient") == false)
        // Without the transport, the package depends on nothing.
        let plainManifest = try #require(plain["Package.swift"])
        #expect(!plainManifest.contains("dependencies: [\n        .package"))
        #expect(!plainManifest.contains("AsyncHTTPClient"))
    }

    @Test func theConfigurationsTransportsAreReadAndTheCommandLineReplacesThem() throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("sdkgen.yaml")
        try "spec: api.yaml\ntransports: [async-http-client]\n".write(to: file, atomically: true, encoding: .utf8)
        let config = try GenerationConfig.load(contentsOf: file.path)
        #expect(config.transports == [.asyncHTTPClient])
        let settings = try GenerationSettings(commandLine: GenerationConfig(), file: config)
        #expect(settings.generator.transports == [.asyncHTTPClient])
        #expect(settings.outputFolder(moduleName: "Gates").ownedFolders == ["Gates", "docs", "GatesAsyncHTTPClient"])
        var commandLine = GenerationConfig()
        commandLine.transports = []
        #expect(try GenerationSettings(commandLine: commandLine, file: config).generator.transports.isEmpty)

        try "transports: [curl]\n".write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: GenerationError.self) { try GenerationConfig.load(contentsOf: file.path) }
        #expect(error?.diagnostics.map { $0.description.replacingOccurrences(of: file.path, with: "sdkgen.yaml") }
            == ["sdkgen.yaml:1:14: error: unknown transport 'curl'; the transports are async-http-client"])
    }

    @Test func aTransportModuleNeedsTheSDKsDeclarationsVisibleAndItsOwnFolder() throws {
        var commandLine = GenerationConfig()
        commandLine.spec = "api.yaml"
        commandLine.transports = [.asyncHTTPClient]
        commandLine.access = .internal
        let internalError = #expect(throws: GenerationError.self) { try GenerationSettings(commandLine: commandLine) }
        #expect(internalError?.diagnostics.first?.description.contains("internal access and transports exclude each other") == true)
        commandLine.access = .package
        #expect(try GenerationSettings(commandLine: commandLine).generator.transports == [.asyncHTTPClient])
        commandLine.layout = .sharded(shards: 8)
        let shardedError = #expect(throws: GenerationError.self) { try GenerationSettings(commandLine: commandLine) }
        #expect(shardedError?.diagnostics.first?.description.contains("the sharded layout") == true)
    }
}
