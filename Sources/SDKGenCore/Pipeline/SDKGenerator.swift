import Foundation

/// Runs the pipeline: Load → Document → Lint → Lower → Render.
public enum SDKGenerator {
    /// What one generation needs.
    public struct Options: Sendable {
        /// The OpenAPI document (YAML or JSON).
        public var specPath: String
        /// The folder of Mustache templates.
        public var templatesPath: String
        /// The Swift module; the sources go to `OUTPUT/moduleName/`.
        public var moduleName: String

        public init(specPath: String, templatesPath: String, moduleName: String) {
            self.specPath = specPath
            self.templatesPath = templatesPath
            self.moduleName = moduleName
        }
    }

    /// The generated files and every warning on the way.
    public struct Output: Sendable {
        public var files: [GeneratedFile]
        public var diagnostics: [Diagnostic]
    }

    /// Generates the SDK's files in memory; throws with every diagnostic when an error stops it.
    public static func generate(_ options: Options) throws(GenerationError) -> Output {
        var diagnostics = Diagnostics()
        let document = try loadDocument(options.specPath, diagnostics: &diagnostics)
        diagnostics.append(contentsOf: SpecLinter.lint(document))
        guard !diagnostics.hasErrors else { throw GenerationError(diagnostics.sorted) }
        let templates = try TemplateSet.load(from: options.templatesPath)
        let sdk = SDKLowering.lower(document, options: LoweringOptions(moduleName: options.moduleName), diagnostics: &diagnostics)
        let files = SDKRenderer.render(sdk, templates: templates)
        return Output(files: files, diagnostics: diagnostics.sorted)
    }

    /// Loads, reads and lints a document without generating anything.
    public static func lint(specPath: String) -> [Diagnostic] {
        var diagnostics = Diagnostics()
        do {
            let document = try loadDocument(specPath, diagnostics: &diagnostics)
            diagnostics.append(contentsOf: SpecLinter.lint(document))
            return diagnostics.sorted
        } catch {
            return error.diagnostics
        }
    }

    private static func loadDocument(_ path: String, diagnostics: inout Diagnostics) throws(GenerationError) -> OpenAPIDocument {
        let loaded = try YAMLLoader().load(contentsOf: path)
        diagnostics.append(contentsOf: loaded.warnings)
        return try DocumentReader.read(loaded.root, file: path, diagnostics: &diagnostics)
    }
}
