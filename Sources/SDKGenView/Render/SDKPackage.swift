import SDKGenBase
import SDKGenModel
import SDKGenMustache

/// What a standalone package says about the API, from the document's `info`.
public struct PackageInfo: Sendable, Hashable {
    public var title: String
    public var version: String
    /// `info.summary`, else nothing.
    public var summary: String?
    /// `info.description`: CommonMark, printed as it is in the README and the documentation's landing page.
    public var description: String?

    public init(title: String, version: String, summary: String?, description: String?) {
        self.title = title
        self.version = version
        self.summary = summary
        self.description = description
    }
}

/// The standalone package layout (`sdkgen generate --package`): the per-declaration files, the sources moved under
/// `Sources/MODULE/`, with a manifest, a README, a `.gitignore`, a DocC catalog and a smoke test target, each
/// rendered from a template of `package/`.
public enum SDKPackage {
    /// The templates a package is rendered from, by name, and the path each is written to (`MODULE` replaced).
    static let templates = [
        ("package/Package.swift", "Package.swift"),
        ("package/README.md", "README.md"),
        ("package/gitignore", ".gitignore"),
        ("package/Documentation.md", "Sources/MODULE/MODULE.docc/MODULE.md"),
        ("package/SmokeTests.swift", "Tests/MODULETests/MODULESmokeTests.swift"),
    ]

    /// The folders of a package that belong to the generator: files there that are no longer generated are removed.
    /// - Parameter transportModules: The names of the transport modules beside the SDK's (`TransportModule`).
    public static func ownedFolders(moduleName: String, transportModules: [String] = []) -> [String] {
        ["Sources/\(moduleName)", "Tests/\(moduleName)Tests", "docs"] + transportModules.map { "Sources/\($0)" }
    }

    /// The package's files: `files` (the per-declaration layout's) rearranged, and the package's own rendered.
    package static func arrange(_ files: [GeneratedFile], sdk: SwiftSDK, info: PackageInfo,
                                templates: TemplateSet) throws(GenerationError) -> [GeneratedFile] {
        let module = sdk.moduleName
        let missing = Self.templates.map(\.0).filter { templates.templates[$0] == nil }
        guard missing.isEmpty else {
            throw GenerationError(missing.map { .error("templates folder '\(templates.directory)' has no \($0).mustache, which a package needs", at: nil) })
        }
        let value = TemplateValue.object(PackageView(sdk: sdk, info: info, files: files).root)
        // The package's README prints the guide, with links into docs/, in place of docs/README.md.
        let modules = [module] + sdk.transports.map(\.moduleName)
        var result = files.filter { $0.path != "docs/README.md" }.map { file in
            modules.contains { file.path.hasPrefix($0 + "/") } ? GeneratedFile(path: "Sources/" + file.path, contents: file.contents) : file
        }
        var failures: [Diagnostic] = []
        for (name, path) in Self.templates {
            switch templates.render(value, with: name) {
            case .success(let bytes):
                result.append(GeneratedFile(path: path.split(separator: "MODULE", omittingEmptySubsequences: false).joined(separator: module),
                                            contents: SDKRenderer.normalized(bytes)))
            case .failure(let diagnostic):
                failures.append(diagnostic)
            }
        }
        guard failures.isEmpty else { throw GenerationError(failures) }
        return result.sorted { $0.path < $1.path }
    }
}
