import Foundation

/// Runs the pipeline: Load → Overlay → Document → Lint → Lower → Render.
public enum SDKGenerator {
    /// What one generation needs.
    public struct Options: Sendable {
        /// The OpenAPI document (YAML or JSON).
        public var specPath: String
        /// The folder of Mustache templates.
        public var templatesPath: String
        /// The Swift module; the sources go to `OUTPUT/moduleName/`.
        public var moduleName: String
        /// Overlay 1.0 documents applied, in this order, to the loaded document before it is read.
        public var overlayPaths: [String] = []

        public init(specPath: String, templatesPath: String, moduleName: String, overlayPaths: [String] = []) {
            self.specPath = specPath
            self.templatesPath = templatesPath
            self.moduleName = moduleName
            self.overlayPaths = overlayPaths
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
        // The templates are read and parsed on another core meanwhile the document is loaded and lowered.
        let templatesPath = options.templatesPath
        let loadingTemplates = BackgroundWork { Result { () throws(GenerationError) in try TemplateSet.load(from: templatesPath) } }
        let lowered = Result { () throws(GenerationError) in try lower(options, diagnostics: &diagnostics) }
        // Errors in the templates are reported first, as when they were loaded first.
        let templates = try loadingTemplates.value.get()
        let sdk = try lowered.get()
        let files = SDKRenderer.render(sdk, templates: templates)
        return Output(files: files, diagnostics: diagnostics.sorted)
    }

    /// The source of a program that checks the SDK against the spec's JSON response examples
    /// (see `ConformanceProgram`); it imports the SDK as `options.moduleName`.
    public static func conformanceProgram(_ options: Options) throws(GenerationError) -> String {
        var diagnostics = Diagnostics()
        return ConformanceProgram.source(for: try lower(options, diagnostics: &diagnostics))
    }

    /// Load → Overlay → Document → Lint → Lower.
    private static func lower(_ options: Options, diagnostics: inout Diagnostics) throws(GenerationError) -> SwiftSDK {
        let document = try loadDocument(options.specPath, overlayPaths: options.overlayPaths, diagnostics: &diagnostics)
        diagnostics.append(contentsOf: SpecLinter.lint(document))
        guard !diagnostics.hasErrors else { throw GenerationError(diagnostics.sorted) }
        return SDKLowering.lower(document, options: LoweringOptions(moduleName: options.moduleName), diagnostics: &diagnostics)
    }

    /// Loads, overlays, reads and lints a document without generating anything.
    public static func lint(specPath: String, overlayPaths: [String] = []) -> [Diagnostic] {
        var diagnostics = Diagnostics()
        do {
            let document = try loadDocument(specPath, overlayPaths: overlayPaths, diagnostics: &diagnostics)
            diagnostics.append(contentsOf: SpecLinter.lint(document))
            return diagnostics.sorted
        } catch {
            return error.diagnostics
        }
    }

    private static func loadDocument(_ path: String, overlayPaths: [String], diagnostics: inout Diagnostics) throws(GenerationError) -> OpenAPIDocument {
        var loaded = try YAMLLoader().load(contentsOf: path)
        diagnostics.append(contentsOf: loaded.warnings)
        for overlayPath in overlayPaths {
            let overlay = try Overlay.load(contentsOf: overlayPath, diagnostics: &diagnostics)
            try overlay.apply(to: &loaded.root, diagnostics: &diagnostics)
        }
        return try DocumentReader.read(loaded.root, file: path, diagnostics: &diagnostics)
    }
}
