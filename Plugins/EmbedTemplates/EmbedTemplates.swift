import Foundation
import PackagePlugin

/// Compiles sdkgen's `Templates/` folder into its target (SDKGenTemplates) as Swift string literals.
///
/// The build step lists every template and every folder under `Templates/` as inputs: SwiftPM plans a build
/// once and reuses the plan while the package's structure is unchanged, so a template added later is seen
/// through its folder's modification time, and TemplateEmbedder reads the folder afresh when it runs.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "Templates")
        let enumerator = FileManager.default.enumerator(at: templates, includingPropertiesForKeys: nil)
        let inputs = [templates] + (enumerator?.allObjects as? [URL] ?? []).sorted { $0.path() < $1.path() }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
        return [.buildCommand(
            displayName: "Embedding sdkgen's templates",
            executable: try context.tool(named: "TemplateEmbedder").url,
            arguments: [templates.path(percentEncoded: false), output.path(percentEncoded: false)],
            inputFiles: inputs,
            outputFiles: [output])]
    }
}
