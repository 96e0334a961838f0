import Foundation
import Mustache

/// The Mustache templates the SDK is rendered from, loaded from a folder.
///
/// One template per kind of output file:
///
/// | template | renders | output |
/// |---|---|---|
/// | `client.mustache` | `ClientDeclaration` | `NAME/NAME.swift` |
/// | `error.mustache` | `ErrorDeclaration` | `NAME/NAMEError.swift` |
/// | `api.mustache` | `APIGroupDeclaration` | `NAME/APIs/GROUP.swift` |
/// | `model.mustache` | `ModelDeclaration` | `NAME/Models/MODEL.swift` |
/// | `Runtime/*.mustache` | `ClientDeclaration` | `NAME/Runtime/*.swift` |
/// | `reference.mustache` | `ReferencePage` | `docs/sdks/TAG/README.md` |
/// | `model-reference.mustache` | `ModelReferencePage` | `docs/models/MODEL.md` |
///
/// Values arrive escaped for where they go, so templates print them with `{{name}}` and no HTML escaping.
public struct TemplateSet: Sendable {
    /// The templates every set must have.
    public static let requiredNames = ["client", "error", "api", "model", "reference", "model-reference"]

    let library: MustacheLibrary
    /// Names of the runtime templates, such as `Runtime/APIClient`, sorted.
    let runtimeNames: [String]
    /// Where the templates were read from, for diagnostics.
    public let directory: String

    /// Every template's text is prefixed with this pragma, so values are never HTML-escaped even in a
    /// user's template that forgets it. It adds no line, so template line numbers stay true.
    private static let textPragma = "{{% CONTENT_TYPE: TEXT}}"

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
        var library = MustacheLibrary()
        var diagnostics = Diagnostics()
        for path in paths {
            let file = (directory as NSString).appendingPathComponent(path)
            guard let text = fileManager.contents(atPath: file).flatMap({ String(data: $0, encoding: .utf8) }) else {
                diagnostics.error("cannot read template '\(file)' as UTF-8 text", at: SourceLocation(file: file, line: 1, column: 1))
                continue
            }
            do {
                library.register(try MustacheTemplate(string: textPragma + text), named: String(path.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber
                let column = line == 1 ? max(1, error.context.columnNumber - textPragma.count) : error.context.columnNumber
                diagnostics.error("template syntax: \(error.error)", at: SourceLocation(file: file, line: line, column: column))
            } catch {
                diagnostics.error("template syntax: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
            }
        }
        let names = paths.map { String($0.dropLast(".mustache".count)) }
        for required in requiredNames where !names.contains(required) {
            diagnostics.error("templates folder '\(directory)' has no \(required).mustache", at: nil)
        }
        if diagnostics.hasErrors {
            throw GenerationError(diagnostics.all)
        }
        return TemplateSet(library: library, runtimeNames: names.filter { $0.hasPrefix("Runtime/") }, directory: directory)
    }

    func render(_ value: Any, with name: String) -> String {
        library.render(value, withTemplate: name) ?? ""
    }
}
