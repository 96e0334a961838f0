/// The Render stage: fills the templates in with the lowered SDK. It makes no decisions; a template that
/// needs one means the IR lacks a field.
public enum SDKRenderer {
    public static func render(_ sdk: SwiftSDK, templates: TemplateSet) -> [GeneratedFile] {
        let module = sdk.moduleName
        var files: [GeneratedFile] = []
        func add(_ path: String, _ value: Any, _ template: String) {
            files.append(GeneratedFile(path: path, contents: normalized(templates.render(value, with: template))))
        }
        add("\(module)/\(sdk.client.typeName).swift", sdk.client, "client")
        add("\(module)/\(sdk.error.typeName).swift", sdk.error, "error")
        for group in sdk.groups {
            add("\(module)/APIs/\(group.typeName).swift", group, "api")
            add("docs/\(group.reference.path)", group.reference, "reference")
        }
        for model in sdk.models {
            add("\(module)/Models/\(model.typeName).swift", model, "model")
            add("docs/\(model.reference.path)", model.reference, "model-reference")
        }
        // A runtime file for a feature the SDK does not use renders empty and is left out.
        for name in templates.runtimeNames {
            let contents = normalized(templates.render(sdk.client, with: name))
            if contents != "\n" {
                files.append(GeneratedFile(path: "\(module)/\(name).swift", contents: contents))
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Lines without trailing blanks and exactly one final newline, whatever the template's whitespace.
    static func normalized(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trailingWhitespaceTrimmed }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
