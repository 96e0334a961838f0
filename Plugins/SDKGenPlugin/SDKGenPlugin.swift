import Foundation
import PackagePlugin

/// Generates a Swift SDK from the target's `openapi.yaml` (or `.yml`, `.json`) at build time and compiles it
/// into the target. An `sdkgen.yaml` beside the spec configures it: the plugin passes it to sdkgen with
/// `--config`, and sdkgen merges it as it does for the command line (see `GenerationSettings`).
///
/// SwiftPM needs a build command's outputs named before the command runs, so the SDK is written in the
/// sharded layout, whose file names do not depend on the spec.
///
/// The command reruns only when one of its inputs changes. A plugin can neither link sdkgen's library nor run a
/// tool while SwiftPM plans the build, so it does not read `sdkgen.yaml` itself; its inputs are:
/// - every file of the target but its Swift sources: the spec, the files its `$ref`s name (which must be in the
///   spec's folder), `sdkgen.yaml`, and any overlays and templates kept beside them. SwiftPM plans again when a
///   file is added to or removed from the target, so these are always current;
/// - the files the last run read, which sdkgen lists (`--write-inputs`) in the plugin's work folder: overlays
///   and templates that `sdkgen.yaml` names outside the target. They become inputs when SwiftPM next plans the
///   build, which SwiftPM 6.3 does on the build after the run that first read them; that run itself was due to
///   `sdkgen.yaml` changing.
/// sdkgen itself is an input too, and with it its built-in templates.
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

        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedSources")
        let inputsList = context.pluginWorkDirectoryURL.appending(path: "inputs.txt")
        var arguments = [
            "generate", "--spec", spec.path(percentEncoded: false),
            "--output", output.path(percentEncoded: false),
            "--module-name", target.moduleName,
            "--layout", "sharded", "--shards", String(Self.shards),
            "--write-inputs", inputsList.path(percentEncoded: false),
        ]
        // Without one of its own, the target must not pick up an sdkgen.yaml from the folder the build runs in.
        arguments += config.map { ["--config", $0.path(percentEncoded: false)] } ?? ["--no-config"]

        let ownFiles = files.filter { $0.pathExtension != "swift" }
        let inputs = Set(ownFiles + Self.lastRunInputs(inputsList)).sorted { $0.path() < $1.path() }
        let outputs = Self.outputNames.map { output.appending(path: target.moduleName).appending(path: $0) }
        return [.buildCommand(
            displayName: "Generating the \(target.moduleName) SDK from \(spec.lastPathComponent)",
            executable: try context.tool(named: "sdkgen").url,
            arguments: arguments,
            inputFiles: inputs,
            outputFiles: outputs)]
    }

    /// The files sdkgen listed as read on its last run (none before the first) that still exist: a missing input
    /// would fail the build, and the configuration that named it has changed, which reruns the command anyway.
    static func lastRunInputs(_ list: URL) -> [URL] {
        guard let text = try? String(contentsOf: list, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
            .filter { FileManager.default.fileExists(atPath: $0) }
            .map { URL(fileURLWithPath: $0) }
    }

    /// The files `sdkgen generate --layout sharded` writes, as `OutputLayout.shardedFileNames` lists them.
    static var outputNames: [String] {
        ["sdkgen-client.swift", "sdkgen-runtime.swift"]
            + (0..<shards).map { "sdkgen-apis-\($0).swift" }
            + (0..<shards).map { "sdkgen-models-\($0).swift" }
    }
}

/// A build error the plugin reports.
struct PluginError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
