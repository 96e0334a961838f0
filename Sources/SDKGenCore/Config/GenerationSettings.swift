import Foundation

/// The settings of one run of sdkgen: the command line's over the configuration file's over the built-in
/// defaults. Every command (generate, check, lint, conformance, diff) and both plugins go through it, so a
/// setting means the same wherever it is given.
///
/// | setting | default |
/// |---|---|
/// | `spec` | none: the command line or the file must name one |
/// | `output` | `Generated` |
/// | `moduleName` | the document's title as a type name (`SDKGenerator.moduleName(forTitle:)`) |
/// | `clientName` | the module name followed by `Client` (`SDKGenerator.defaultClientName(forModule:)`) |
/// | `access` | `public` |
/// | `filter` | every operation; the command line's tags and operations replace the file's |
/// | `overlays` | none; the file's are applied first, then the command line's |
/// | `templates` | sdkgen's own, compiled in |
/// | `server`, `retries`, `maxMethodParams` | the document's |
/// | `layout` | `perDeclaration` |
/// | `package` | `false`: the sources and pages alone, not a package around them |
/// | `undeclaredProperties` | `keep`: structs keep the members their schemas do not declare |
/// | `modelEquality` | `hashable`: models are `Hashable` |
/// | `transports` | none: the SDK's `URLSessionTransport` alone |
public struct GenerationSettings: Sendable {
    /// What to read and generate.
    public var generator: SDKGenerator.Options
    /// The folder the files are written to: sources into `output/MODULE/` (`output/Sources/MODULE/` in a package),
    /// reference pages into `output/docs/`.
    public var output: String
    /// The configuration file that was read, if any.
    public var configurationPath: String?

    /// The configuration file read from the current folder when none is named.
    public static let configurationFileName = "sdkgen.yaml"
    /// The output folder when neither the command line nor the file names one.
    public static let defaultOutput = "Generated"

    /// Merges `commandLine` over `file` over the defaults; throws when neither names a spec.
    /// - Parameter configurationPath: Where `file` was read from, to name it in messages.
    public init(commandLine: GenerationConfig, file: GenerationConfig = GenerationConfig(),
                configurationPath: String? = nil) throws(GenerationError) {
        guard let spec = commandLine.spec ?? file.spec else {
            let file = configurationPath.map { "\($0) names none" } ?? "no \(Self.configurationFileName) was read"
            throw GenerationError([.error("no OpenAPI document to read: name one with --spec, or with spec: in sdkgen.yaml (\(file))", at: nil)])
        }
        let moduleName = commandLine.moduleName ?? file.moduleName
        var generator = SDKGenerator.Options(
            specPath: spec,
            templatesPath: commandLine.templates ?? file.templates,
            moduleName: moduleName,
            overlayPaths: file.overlays + commandLine.overlays,
            allowedReferenceRoots: file.allowedReferenceRoots + commandLine.allowedReferenceRoots)
        // When the module name is left to the title, SDKGenerator applies the same default once it is known.
        generator.clientName = commandLine.clientName ?? file.clientName ?? moduleName.map(SDKGenerator.defaultClientName)
        generator.access = commandLine.access ?? file.access ?? .public
        generator.undeclaredProperties = commandLine.undeclaredProperties ?? file.undeclaredProperties ?? .keep
        generator.modelEquality = commandLine.modelEquality ?? file.modelEquality ?? .hashable
        generator.filter = commandLine.filter.isEmpty ? file.filter : commandLine.filter
        generator.overrides = DocumentOverrides(server: commandLine.server ?? file.server, retries: commandLine.retries ?? file.retries,
                                                pagination: file.pagination,
                                                maxMethodParams: commandLine.maxMethodParams ?? file.maxMethodParams)
        generator.layout = commandLine.layout ?? file.layout ?? .perDeclaration
        generator.package = commandLine.package ?? file.package ?? false
        if generator.package, generator.layout != .perDeclaration {
            throw GenerationError([.error("a package is written in the per-declaration layout; --layout sharded and --package (or package: true in \(configurationPath ?? Self.configurationFileName)) exclude each other", at: nil)])
        }
        generator.transports = TransportKind.allCases.filter((commandLine.transports ?? file.transports ?? []).contains)
        if !generator.transports.isEmpty {
            let names = generator.transports.map(\.rawValue).joined(separator: ", ")
            if generator.layout != .perDeclaration {
                throw GenerationError([.error("the \(names) transport is a module of its own, which the sharded layout (the build-tool plugin's) cannot hold; generate it with sdkgen generate", at: nil)])
            }
            if generator.access == .internal {
                throw GenerationError([.error("the \(names) transport is a module of its own, which sees only the SDK's public or package declarations; internal access and transports exclude each other", at: nil)])
            }
        }
        self.generator = generator
        output = commandLine.output ?? file.output ?? Self.defaultOutput
        self.configurationPath = configurationPath
    }

    /// Reads the configuration file at `configurationPath`, or `sdkgen.yaml` in `folder` when that is `nil` and
    /// the file exists, and merges `commandLine` over it; throws with the file's located errors.
    /// - Parameter folder: Where to look for `sdkgen.yaml`: the current folder when empty, nowhere when `nil`.
    public static func resolve(commandLine: GenerationConfig, configurationPath: String?,
                               lookingIn folder: String? = "") throws(GenerationError) -> GenerationSettings {
        let path = configurationPath ?? folder.flatMap(defaultConfigurationPath(in:))
        let file = try path.map { path throws(GenerationError) in try GenerationConfig.load(contentsOf: path) } ?? GenerationConfig()
        return try GenerationSettings(commandLine: commandLine, file: file, configurationPath: path)
    }

    /// `sdkgen.yaml` in `folder` (the current folder when empty) when it exists. Relative, so that the paths it
    /// names stay relative in messages.
    public static func defaultConfigurationPath(in folder: String = "") -> String? {
        let path = folder.isEmpty ? configurationFileName : (folder as NSString).appendingPathComponent(configurationFileName)
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue ? path : nil
    }

    /// The output folder for the SDK of `moduleName` (the one `SDKGenerator.Output` names), owning the folders
    /// the layout writes, so that files no longer generated there are removed and nothing else is touched.
    public func outputFolder(moduleName: String) -> OutputFolder {
        let transportModules = generator.transports.map { TransportModule(kind: $0, sdkModuleName: moduleName, access: generator.access).moduleName }
        if generator.package {
            return OutputFolder(root: output, ownedFolders: SDKPackage.ownedFolders(moduleName: moduleName, transportModules: transportModules))
        }
        return OutputFolder(root: output, ownedFolders: generator.layout == .perDeclaration ? [moduleName, "docs"] + transportModules : [moduleName])
    }

    /// The files a generation with these settings reads, besides the files the spec's `$ref`s name: the spec, the
    /// configuration file, the overlays, and the templates folder with its subfolders and files (folders too, so
    /// that a build system comparing modification times sees a template added). For build systems, such as the
    /// build-tool plugin, that must list a step's inputs.
    public var inputPaths: [String] {
        var paths = [generator.specPath] + (configurationPath.map { [$0] } ?? []) + generator.overlayPaths
        if let templates = generator.templatesPath {
            let below = FileManager.default.enumerator(atPath: templates)?.allObjects as? [String] ?? []
            paths += [templates] + below.sorted().map { (templates as NSString).appendingPathComponent($0) }
        }
        return paths
    }
}
