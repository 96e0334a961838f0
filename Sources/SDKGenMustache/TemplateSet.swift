import Foundation
import SDKGenBase
import Synchronization

/// The Mustache templates the SDK is rendered from, loaded from a folder or given in memory.
///
/// One template per kind of output file:
///
/// | template | renders | output |
/// |---|---|---|
/// | `client.mustache` | `ClientDeclaration` | `NAME/NAME.swift` |
/// | `error.mustache` | `ErrorDeclaration` | `NAME/NAMEError.swift` |
/// | `api.mustache` | `APIGroupDeclaration` | `NAME/APIs/GROUP.swift` |
/// | `model.mustache` | `ModelDeclaration` | `NAME/Models/FILE.swift`, FILE being `ModelDeclaration.fileName` |
/// | `Runtime/*.mustache` | `ClientDeclaration` | `NAME/Runtime/*.swift` |
/// | `reference.mustache` | `ReferencePage` | `docs/sdks/TAG/README.md` |
/// | `model-reference.mustache` | `ModelReferencePage` | `docs/models/MODEL.md` |
/// | `docs-readme.mustache` | the SDK's guide | `docs/README.md` |
/// | `reference-runtime/*.mustache` | `ClientDeclaration` | `docs/runtime/*.md` |
///
/// Values arrive escaped for where they go, so templates print them with `{{name}}` and nothing is
/// HTML-escaped. Any template may include another as a partial, `{{> name}}`, by its name (`Runtime/APIClient`).
public struct TemplateSet: Sendable {
    /// The templates every set must have.
    public static let requiredNames = ["client", "error", "api", "model", "reference", "model-reference"]

    /// Each template by its name: its path under the folder without `.mustache`.
    package let templates: [String: Template]
    /// Names of the runtime templates, such as `Runtime/APIClient`, sorted.
    package let runtimeNames: [String]
    /// Where the templates were read from, for diagnostics.
    public let directory: String
    /// Standalone partials indented by the blanks before their tag, parsed when first rendered.
    private let indentedPartials = IndentedPartials()

    /// Loads every `.mustache` file under `directory`; each is named by its path without the extension.
    public static func load(from directory: String) throws(GenerationError) -> TemplateSet {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw GenerationError([.error("templates folder '\(directory)' does not exist", at: nil)])
        }
        let paths = (fileManager.enumerator(atPath: directory)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".mustache") }
            .sorted()
        let files = paths.map { path in
            (path: path, text: fileManager.contents(atPath: (directory as NSString).appendingPathComponent(path)).flatMap { String(data: $0, encoding: .utf8) })
        }
        return try TemplateSet(files: files, directory: directory)
    }

    /// The templates of these files: paths under `directory`, ending in `.mustache`, with their text, nil for a
    /// file that could not be read as UTF-8. Public so that a set held in memory (sdkgen's built-in templates)
    /// is made like one read from a folder; `directory` then only names it in diagnostics.
    public init(files: [(path: String, text: String?)], directory: String) throws(GenerationError) {
        var templates: [String: Template] = [:]
        var diagnostics = Diagnostics()
        for (path, text) in files {
            let file = (directory as NSString).appendingPathComponent(path)
            guard let text else {
                diagnostics.error("cannot read template '\(file)' as UTF-8 text", at: SourceLocation(file: file, line: 1, column: 1))
                continue
            }
            let name = String(path.dropLast(".mustache".count))
            switch TemplateParser.parse(text, file: file) {
            case .success(let nodes):
                templates[name] = Template(name: name, file: file, source: text, nodes: nodes)
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }
        let names = files.map { String($0.path.dropLast(".mustache".count)) }
        for required in Self.requiredNames where !names.contains(required) {
            diagnostics.error("templates folder '\(directory)' has no \(required).mustache", at: nil)
        }
        if diagnostics.hasErrors {
            throw GenerationError(diagnostics.all)
        }
        self.templates = templates
        runtimeNames = names.filter { $0.hasPrefix("Runtime/") }
        self.directory = directory
    }

    /// The template `name` filled in with `value`, as UTF-8; fails only when partials nest without end.
    package func render(_ value: TemplateValue, with name: String) -> Result<[UInt8], Diagnostic> {
        guard let template = templates[name] else { return .success([]) }
        var renderer = TemplateRenderer(value: value, templates: self)
        renderer.render(template.nodes)
        if let failure = renderer.failure { return .failure(failure) }
        return .success(renderer.output)
    }

    /// The template `name` as a partial whose tag stood alone on its line after `indentation`: as the Mustache
    /// spec has it, its text with every line indented by that.
    package func partial(named name: String, indentedBy indentation: String) -> Template? {
        guard let template = templates[name] else { return nil }
        guard !indentation.isEmpty else { return template }
        return indentedPartials.template(template, indentedBy: indentation)
    }
}

/// The indented versions of the partials, parsed once each and shared by the threads rendering.
package final class IndentedPartials: Sendable {
    private let parsed = Mutex<[String: Template]>([:])

    package func template(_ template: Template, indentedBy indentation: String) -> Template? {
        let key = "\(indentation)\u{0}\(template.name)"
        if let known = parsed.withLock({ $0[key] }) { return known }
        let indented = Self.indent(template.source, by: indentation)
        // Indenting lines changes no tag, so a template that parsed parses indented.
        guard case .success(let nodes) = TemplateParser.parse(indented, file: template.file) else { return nil }
        let result = Template(name: template.name, file: template.file, source: indented, nodes: nodes)
        parsed.withLock { $0[key] = result }
        return result
    }

    /// `text` with `indentation` at the start of each line; a final line break starts no line.
    package static func indent(_ text: String, by indentation: String) -> String {
        guard !text.isEmpty else { return text }
        var indented = indentation
        var characters = text.makeIterator()
        var next = characters.next()
        while let character = next {
            indented.append(character)
            next = characters.next()
            if next != nil, character == "\n" || character == "\r\n" {
                indented += indentation
            }
        }
        return indented
    }
}
