import Foundation
import PackagePlugin

/// Generates a Swift SDK from the target's `openapi.yaml` (or `.yml`, `.json`) at build time and compiles it
/// into the target. An `sdkgen.yaml` beside the spec configures it (see `GenerationConfig`).
///
/// SwiftPM needs a build command's outputs named before the command runs, so the SDK is written in the
/// sharded layout, whose file names do not depend on the spec. The command reruns only when one of its
/// inputs changes: the spec, the target's other YAML and JSON files (which its `$ref`s may name), the
/// configuration, the overlays and templates the configuration names, or sdkgen itself.
@main
struct SDKGenPlugin: BuildToolPlugin {
    /// How many files the models and the API groups are each spread over; the compiler builds them in parallel.
    static let shards = 8

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let files = target.sourceFiles.map(\.url)
        let specs = files.filter { ["openapi.yaml", "openapi.yml", "openapi.json"].contains($0.lastPathComponent) }
        guard let spec = specs.first else {
            throw PluginError("target '\(target.name)' has no openapi.yaml, openapi.yml or openapi.json for SDKGenPlugin to generate from")
        }
        guard specs.count == 1 else {
            throw PluginError("target '\(target.name)' has \(specs.count) OpenAPI documents; SDKGenPlugin generates from exactly one")
        }
        let config = files.first { ["sdkgen.yaml", "sdkgen.yml"].contains($0.lastPathComponent) }
        let settings = try config.map(PluginConfigPaths.init(contentsOf:)) ?? PluginConfigPaths()
        let templates = settings.templates ?? sdkgenTemplates(context)

        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedSources")
        var arguments = [
            "generate", "--spec", spec.path(),
            "--default-templates", templates.path(),
            "--output", output.path(),
            "--module-name", target.moduleName,
            "--layout", "sharded", "--shards", String(Self.shards),
        ]
        if let config { arguments += ["--config", config.path()] }

        // The target's other YAML and JSON files too: the spec's `$ref`s may name them.
        let documents = files.filter { ["yaml", "yml", "json"].contains($0.pathExtension) }
        let inputs = documents + settings.overlays + Self.files(under: templates)
        let outputs = Self.outputNames.map { output.appending(path: target.moduleName).appending(path: $0) }
        return [.buildCommand(
            displayName: "Generating the \(target.moduleName) SDK from \(spec.lastPathComponent)",
            executable: try context.tool(named: "sdkgen").url,
            arguments: arguments,
            inputFiles: inputs,
            outputFiles: outputs)]
    }

    /// The files `sdkgen generate --layout sharded` writes, as `OutputLayout.shardedFileNames` lists them.
    static var outputNames: [String] {
        ["sdkgen-client.swift", "sdkgen-runtime.swift"]
            + (0..<shards).map { "sdkgen-apis-\($0).swift" }
            + (0..<shards).map { "sdkgen-models-\($0).swift" }
    }

    /// Every file in a folder, so that editing, adding or removing a template regenerates.
    static func files(under folder: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        return (enumerator?.allObjects as? [URL] ?? [])
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path() < $1.path() }
    }
}

/// A build error the plugin reports.
struct PluginError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
