/// The Render stage: fills the templates in with the lowered SDK. It makes no decisions; a template that
/// needs one means the IR lacks a field.
public enum SDKRenderer {
    public static func render(_ sdk: SwiftSDK, templates: TemplateSet) -> [GeneratedFile] {
        let module = sdk.moduleName
        var jobs: [RenderJob] = []
        func add(_ path: String, _ value: any Sendable, _ template: String, omittedWhenEmpty: Bool = false) {
            jobs.append(RenderJob(path: path, value: value, template: template, omittedWhenEmpty: omittedWhenEmpty))
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
            add("\(module)/\(name).swift", sdk.client, name, omittedWhenEmpty: true)
        }
        // The files are independent, so they are rendered on every core; each result keeps its job's place.
        let rendered = jobs.concurrentMap { job -> GeneratedFile? in
            let contents = normalized(templates.render(job.value, with: job.template))
            return job.omittedWhenEmpty && contents == "\n" ? nil : GeneratedFile(path: job.path, contents: contents)
        }
        return rendered.compactMap { $0 }.sorted { $0.path < $1.path }
    }

    /// One file to render: the value that fills the template in, and where the result goes.
    private struct RenderJob: Sendable {
        var path: String
        var value: any Sendable
        var template: String
        var omittedWhenEmpty: Bool
    }

    /// Lines without trailing blanks and exactly one final newline, whatever the template's whitespace.
    static func normalized(_ text: String) -> String {
        // On the UTF-8 bytes, where spaces, tabs and line breaks are single bytes that never occur inside
        // another character's encoding. Lines are what splitting at the Character `\n` gives, so a `\n` after
        // a `\r` ends no line: `\r\n` is one Character.
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        let bytes = Array(text.utf8)
        var lines: [Range<Int>] = []
        var lineStart = 0
        func endLine(at end: Int) {
            var trimmedEnd = end
            while trimmedEnd > lineStart, bytes[trimmedEnd - 1] == space || bytes[trimmedEnd - 1] == tab { trimmedEnd -= 1 }
            lines.append(lineStart..<trimmedEnd)
        }
        for index in bytes.indices where bytes[index] == newline && (index == 0 || bytes[index - 1] != carriageReturn) {
            endLine(at: index)
            lineStart = index + 1
        }
        endLine(at: bytes.count)
        while lines.last?.isEmpty == true { lines.removeLast() }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 1)
        for line in lines {
            output.append(contentsOf: bytes[line])
            output.append(newline)
        }
        if lines.isEmpty { output.append(newline) }
        return String(decoding: output, as: UTF8.self)
    }
}
