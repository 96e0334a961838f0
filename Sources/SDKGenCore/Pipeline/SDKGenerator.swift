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
        /// Folders besides the spec's own whose files `$ref`s may name (`--allow-ref-root`).
        public var allowedReferenceRoots: [String] = []

        public init(specPath: String, templatesPath: String, moduleName: String, overlayPaths: [String] = [],
                    allowedReferenceRoots: [String] = []) {
            self.specPath = specPath
            self.templatesPath = templatesPath
            self.moduleName = moduleName
            self.overlayPaths = overlayPaths
            self.allowedReferenceRoots = allowedReferenceRoots
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
        let templates = try TemplateSet.load(from: options.templatesPath)
        let sdk = try lower(options, diagnostics: &diagnostics)
        let files = SDKRenderer.render(sdk, templates: templates)
        return Output(files: files, diagnostics: diagnostics.sorted)
    }

    /// The lowered SDK, before templates: what the files would be made from, and every warning on the way.
    public static func generateModel(_ options: Options) throws(GenerationError) -> (sdk: SwiftSDK, diagnostics: [Diagnostic]) {
        var diagnostics = Diagnostics()
        let sdk = try lower(options, diagnostics: &diagnostics)
        return (sdk, diagnostics.sorted)
    }

    /// The source of a program that checks the SDK against the spec's JSON response examples
    /// (see `ConformanceProgram`); it imports the SDK as `options.moduleName`.
    public static func conformanceProgram(_ options: Options) throws(GenerationError) -> String {
        var diagnostics = Diagnostics()
        return ConformanceProgram.source(for: try lower(options, diagnostics: &diagnostics))
    }

    /// Load → Overlay → Bundle → Document → Lint → Lower.
    private static func lower(_ options: Options, diagnostics: inout Diagnostics) throws(GenerationError) -> SwiftSDK {
        let document = try loadDocument(options.specPath, overlayPaths: options.overlayPaths,
                                        allowedReferenceRoots: options.allowedReferenceRoots, diagnostics: &diagnostics)
        diagnostics.append(contentsOf: SpecLinter.lint(document))
        guard !diagnostics.hasErrors else { throw GenerationError(diagnostics.sorted) }
        return SDKLowering.lower(document, options: LoweringOptions(moduleName: options.moduleName), diagnostics: &diagnostics)
    }

    /// Load → Bundle → Document → Lint → Lower on a document held in memory, without templates or output
    /// files: the part of the pipeline the fuzzer drives, and the regression tests replay its findings through.
    /// - Parameter file: The path diagnostics name; relative `$ref`s resolve against its folder.
    public static func lower(specBytes: [UInt8], file: String, moduleName: String) throws(GenerationError) -> (sdk: SwiftSDK, diagnostics: [Diagnostic]) {
        var diagnostics = Diagnostics()
        let loaded = try YAMLLoader().load(specBytes, file: file)
        diagnostics.append(contentsOf: loaded.warnings)
        let root = try bundle(loaded.root, file: file, allowedReferenceRoots: [], diagnostics: &diagnostics)
        let document = try DocumentReader.read(root, file: file, diagnostics: &diagnostics)
        diagnostics.append(contentsOf: SpecLinter.lint(document))
        guard !diagnostics.hasErrors else { throw GenerationError(diagnostics.sorted) }
        let sdk = SDKLowering.lower(document, options: LoweringOptions(moduleName: moduleName), diagnostics: &diagnostics)
        return (sdk, diagnostics.sorted)
    }

    /// Loads, overlays, reads and lints a document without generating anything.
    public static func lint(specPath: String, overlayPaths: [String] = [], allowedReferenceRoots: [String] = []) -> [Diagnostic] {
        var diagnostics = Diagnostics()
        do {
            let document = try loadDocument(specPath, overlayPaths: overlayPaths, allowedReferenceRoots: allowedReferenceRoots,
                                            diagnostics: &diagnostics)
            diagnostics.append(contentsOf: SpecLinter.lint(document))
            return diagnostics.sorted
        } catch {
            return error.diagnostics
        }
    }

    private static func loadDocument(_ path: String, overlayPaths: [String], allowedReferenceRoots: [String],
                                     diagnostics: inout Diagnostics) throws(GenerationError) -> OpenAPIDocument {
        var loaded = try YAMLLoader().load(contentsOf: path)
        diagnostics.append(contentsOf: loaded.warnings)
        for overlayPath in overlayPaths {
            let overlay = try Overlay.load(contentsOf: overlayPath, diagnostics: &diagnostics)
            try overlay.apply(to: &loaded.root, diagnostics: &diagnostics)
        }
        let root = try bundle(loaded.root, file: path, allowedReferenceRoots: allowedReferenceRoots, diagnostics: &diagnostics)
        return try DocumentReader.read(root, file: path, diagnostics: &diagnostics)
    }

    /// The document with references to other files brought in (see `ReferenceBundler`); a reference that
    /// cannot be followed stops here, before it turns into a vaguer error later.
    private static func bundle(_ root: YAMLNode, file: String, allowedReferenceRoots: [String],
                               diagnostics: inout Diagnostics) throws(GenerationError) -> YAMLNode {
        let bundled = ReferenceBundler.bundle(root, file: file, allowedRoots: allowedReferenceRoots, diagnostics: &diagnostics)
        guard !diagnostics.hasErrors else { throw GenerationError(diagnostics.sorted) }
        return bundled
    }
}
