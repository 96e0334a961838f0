import Foundation
import SDKGenTemplates

/// Runs the pipeline: Load → Overlay → Convert (Swagger 2.0) → Bundle → Document → Filter → Lint → Lower → Render.
public enum SDKGenerator {
    /// What one generation needs.
    public struct Options: Sendable {
        /// The OpenAPI document (YAML or JSON).
        public var specPath: String
        /// The folder of Mustache templates; sdkgen's own, compiled in (`BuiltInTemplates`), when `nil`.
        public var templatesPath: String?
        /// The Swift module; the sources go to `OUTPUT/moduleName/`. When `nil`, the document's `info.title` as
        /// a type name (see `moduleName(forTitle:)`), and the client type then defaults to
        /// `defaultClientName(forModule:)` of it, so that it cannot shadow the module.
        public var moduleName: String?
        /// Overlay 1.0 documents applied, in this order, to the loaded document before it is read.
        public var overlayPaths: [String] = []
        /// Parts of the document the configuration replaces, applied after the overlays.
        public var overrides = DocumentOverrides()
        /// The operations to generate; all of them when empty.
        public var filter = OperationFilter()
        /// The client type's name. When `nil`, the module name if `moduleName` is given (as `LoweringOptions` has
        /// it), else `defaultClientName(forModule:)` of the name made from the title. `GenerationSettings` names
        /// it for the command line and the plugins.
        public var clientName: String?
        /// The access level of the generated declarations.
        public var access = AccessModifier.public
        /// What structs do with the members their schemas do not declare.
        public var undeclaredProperties = UndeclaredProperties.keep
        /// Whether the models are `Hashable`, `Equatable` only, or neither.
        public var modelEquality = ModelEquality.hashable
        /// How the files are arranged.
        public var layout = OutputLayout.perDeclaration
        /// Whether to write a standalone Swift package (`SDKPackage`) around the per-declaration layout's files.
        public var package = false
        /// The transports to write as modules beside the SDK's (`TransportModule`).
        public var transports: [TransportKind] = []
        /// Folders besides the spec's own whose files `$ref`s may name (`--allow-ref-root`).
        public var allowedReferenceRoots: [String] = []

        public init(specPath: String, templatesPath: String? = nil, moduleName: String? = nil, overlayPaths: [String] = [],
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
        /// The module the sources were generated for: `Options.moduleName`, or the one made from the title.
        public var moduleName: String
    }

    /// The module name a document titled `title` gets when none is given: the title as a Swift type name
    /// (`ModelGates Analytics API` → `ModelGatesAnalyticsAPI`), whose words are its ASCII letters and digits;
    /// `nil` when it has none, or makes a keyword (`Self`).
    public static func moduleName(forTitle title: String) -> String? {
        // Without a letter or digit to keep, a type name would be a placeholder that says nothing of the API.
        guard title.unicodeScalars.contains(where: { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }) else { return nil }
        let name = SwiftName.type(title)
        return SwiftName.isPlainIdentifier(name) ? name : nil
    }

    /// The client type's name when only the module is named: the module name followed by `Client`, as a type
    /// named like its module hides the module's other types from module-qualified names (`Gates.Pet` would look
    /// for `Pet` inside the client type `Gates`).
    public static func defaultClientName(forModule moduleName: String) -> String {
        moduleName + "Client"
    }

    /// Generates the SDK's files in memory; throws with every diagnostic when an error stops it.
    public static func generate(_ options: Options) throws(GenerationError) -> Output {
        var diagnostics = Diagnostics()
        // The templates are read and parsed on another core while the document is read and lowered, from when its
        // YAML is loaded: loading a large file keeps both cores busy itself (`YAMLLoader`).
        let templatesPath = options.templatesPath
        let loadTemplates = { @Sendable () -> Result<TemplateSet, GenerationError> in
            Result { () throws(GenerationError) in try templateSet(at: templatesPath) }
        }
        var loadingTemplates: BackgroundWork<Result<TemplateSet, GenerationError>>?
        let lowered = Result { () throws(GenerationError) in
            try lowerWithInfo(options, diagnostics: &diagnostics, whenLoaded: { loadingTemplates = BackgroundWork(loadTemplates) })
        }
        // Errors in the templates are reported first, as when they were loaded first: also when the document's
        // could not be loaded.
        let templates = try (loadingTemplates?.value ?? loadTemplates()).get()
        let (sdk, info) = try lowered.get()
        let rendered = try SDKRenderer.render(sdk, templates: templates)
        let files = options.package
            ? try SDKPackage.arrange(rendered, sdk: sdk, info: info, templates: templates)
            : options.layout.arrange(rendered, moduleName: sdk.moduleName)
        return Output(files: files, diagnostics: diagnostics.sorted, moduleName: sdk.moduleName)
    }

    /// What diagnostics call the built-in templates: they are in no folder of the user's.
    static let builtInTemplatesName = "<built-in templates>"

    /// The templates in the folder at `path`, or sdkgen's own when `nil`.
    private static func templateSet(at path: String?) throws(GenerationError) -> TemplateSet {
        guard let path else {
            return try TemplateSet(files: BuiltInTemplates.files.map { ($0.path, $0.text) }, directory: builtInTemplatesName)
        }
        return try TemplateSet.load(from: path)
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

    /// What changed in the SDK's API from the one `old` generates to the one `new` does (overlays, filter,
    /// overrides and all); throws with the diagnostics of both when either has an error. Templates are not read:
    /// the comparison is of the lowered SDKs. When `new` names no module, the old SDK takes the module and client
    /// names the new document's title gives, so that a retitled spec does not rename every symbol.
    public static func diff(old: Options, new: Options) throws(GenerationError) -> APIDiff {
        func lowered(_ options: Options) -> Result<SwiftSDK, GenerationError> {
            var diagnostics = Diagnostics()
            return Result { () throws(GenerationError) in try lower(options, diagnostics: &diagnostics) }
        }
        let newSDK = lowered(new)
        var old = old
        if case .success(let sdk) = newSDK, new.moduleName == nil {
            old.moduleName = old.moduleName ?? sdk.moduleName
            old.clientName = old.clientName ?? sdk.client.typeName
        }
        switch (lowered(old), newSDK) {
        case (.success(let old), .success(let new)):
            return APIDiff.compare(old: old, new: new)
        case (.failure(let error), .success), (.success, .failure(let error)):
            throw error
        case (.failure(let oldError), .failure(let newError)):
            throw GenerationError(oldError.diagnostics + newError.diagnostics)
        }
    }

    /// Load → Overlay → Convert (Swagger 2.0) → Bundle → Document → Filter → Lint → Lower.
    private static func lower(_ options: Options, diagnostics: inout Diagnostics) throws(GenerationError) -> SwiftSDK {
        try lowerWithInfo(options, diagnostics: &diagnostics).sdk
    }

    /// `lower(_:diagnostics:)`, with what the document's `info` says for a package's README and landing page.
    /// - Parameter whenLoaded: Called once the document's YAML is loaded.
    private static func lowerWithInfo(_ options: Options, diagnostics: inout Diagnostics,
                                      whenLoaded: () -> Void = {}) throws(GenerationError) -> (sdk: SwiftSDK, info: PackageInfo) {
        let (document, titleLocation) = try loadDocument(options, diagnostics: &diagnostics, whenLoaded: whenLoaded)
        diagnostics.append(contentsOf: SpecLinter.lint(document))
        var clientName = options.clientName
        let moduleName: String
        if let named = options.moduleName {
            moduleName = named
        } else if let fromTitle = Self.moduleName(forTitle: document.info.title) {
            moduleName = fromTitle
            clientName = clientName ?? defaultClientName(forModule: fromTitle)
        } else {
            diagnostics.error("cannot make a Swift module name of the title '\(document.info.title)'; name the module with --module-name or moduleName in sdkgen.yaml", at: titleLocation ?? document.location)
            moduleName = ""
        }
        guard !diagnostics.hasErrors else { throw GenerationError(diagnostics.sorted) }
        let loweringOptions = LoweringOptions(moduleName: moduleName, clientName: clientName, access: options.access,
                                              undeclaredProperties: options.undeclaredProperties,
                                              transports: options.transports, modelEquality: options.modelEquality)
        let info = PackageInfo(title: document.info.title, version: document.info.version,
                               summary: document.info.summary, description: document.info.description)
        return (SDKLowering.lower(document, options: loweringOptions, diagnostics: &diagnostics), info)
    }

    /// Load → Convert → Bundle → Document → Lint → Lower on a document held in memory, without templates or output
    /// files: the part of the pipeline the fuzzer drives, and the regression tests replay its findings through.
    /// - Parameter file: The path diagnostics name; relative `$ref`s resolve against its folder.
    public static func lower(specBytes: [UInt8], file: String, moduleName: String) throws(GenerationError) -> (sdk: SwiftSDK, diagnostics: [Diagnostic]) {
        var diagnostics = Diagnostics()
        let loaded = try YAMLLoader().load(specBytes, file: file)
        diagnostics.append(contentsOf: loaded.warnings)
        let converted = SwaggerConverter.convert(loaded.root, file: file, diagnostics: &diagnostics)
        let root = try bundle(converted, file: file, allowedReferenceRoots: [], diagnostics: &diagnostics)
        let document = try DocumentReader.read(root, file: file, diagnostics: &diagnostics)
        diagnostics.append(contentsOf: SpecLinter.lint(document))
        guard !diagnostics.hasErrors else { throw GenerationError(diagnostics.sorted) }
        let sdk = SDKLowering.lower(document, options: LoweringOptions(moduleName: moduleName), diagnostics: &diagnostics)
        return (sdk, diagnostics.sorted)
    }

    /// Everything `generate` would report about the document `options` name, without rendering or writing
    /// anything: the lowering runs too, because what cannot be mapped to Swift is found there.
    public static func lint(_ options: Options) -> [Diagnostic] {
        var diagnostics = Diagnostics()
        do {
            _ = try lower(options, diagnostics: &diagnostics)
            return diagnostics.sorted
        } catch {
            return error.diagnostics
        }
    }

    /// The document, and where its title is written (for a module name made from it).
    private static func loadDocument(_ options: Options, diagnostics: inout Diagnostics,
                                     whenLoaded: () -> Void) throws(GenerationError) -> (OpenAPIDocument, SourceLocation?) {
        var loaded = try YAMLLoader().load(contentsOf: options.specPath)
        whenLoaded()
        diagnostics.append(contentsOf: loaded.warnings)
        for overlayPath in options.overlayPaths {
            let overlay = try Overlay.load(contentsOf: overlayPath, diagnostics: &diagnostics)
            try overlay.apply(to: &loaded.root, diagnostics: &diagnostics)
        }
        options.overrides.apply(to: &loaded.root, diagnostics: &diagnostics)
        let converted = SwaggerConverter.convert(loaded.root, file: options.specPath, diagnostics: &diagnostics)
        let root = try bundle(converted, file: options.specPath, allowedReferenceRoots: options.allowedReferenceRoots, diagnostics: &diagnostics)
        var document = try DocumentReader.read(root, file: options.specPath, diagnostics: &diagnostics)
        options.filter.apply(to: &document, diagnostics: &diagnostics)
        return (document, root["info"]?["title"]?.location)
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
