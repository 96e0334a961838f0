import SDKGenBase
import SDKGenModel
import SDKGenMustache

/// The Render stage: fills the templates in with the lowered SDK. It makes no decisions; a template that
/// needs one means the IR lacks a field.
public enum SDKRenderer {
    /// The SDK's files, sorted by path; throws when a template's partials include each other without end.
    public static func render(_ sdk: SwiftSDK, templates: TemplateSet) throws(GenerationError) -> [GeneratedFile] {
        let module = sdk.moduleName
        let view = SDKView(sdk)
        var jobs: [RenderJob] = []
        // The values are made on the rendering threads too: building them is about as much work as rendering.
        func add(_ path: String, _ template: String, omittedWhenEmpty: Bool = false, _ value: @escaping @Sendable () -> TemplateObject) {
            jobs.append(RenderJob(path: path, value: value, template: template, omittedWhenEmpty: omittedWhenEmpty))
        }
        // The guide first: it lists the whole SDK, and the last file to start decides when rendering ends.
        add("docs/README.md", "docs-readme", omittedWhenEmpty: true) { SDKGuideView(sdk: sdk, docsFolder: "").root }
        add("\(module)/\(sdk.client.typeName).swift", "client") { view.client }
        add("\(module)/\(sdk.error.typeName).swift", "error") { view.error }
        // A templates folder from before webhooks were typed has no webhook.mustache; it renders nothing for them.
        if let webhooks = sdk.webhooks {
            add("\(module)/\(webhooks.typeName).swift", "webhook", omittedWhenEmpty: true) { view.webhooks(webhooks) }
        }
        for group in sdk.groups {
            add("\(module)/APIs/\(group.typeName).swift", "api") { view.group(group) }
            add("docs/\(SDKView.referencePagePath(group))", "reference") { view.referencePage(group) }
        }
        for model in sdk.models {
            add("\(module)/Models/\(model.fileName).swift", "model") { view.model(model) }
            add("docs/\(SDKView.modelReferencePagePath(model))", "model-reference") { view.modelReferencePage(model) }
        }
        // The pages of the runtime types the reference pages link; left out, as the guide is, when a custom templates
        // folder has no template for them. The runtime's templates are rendered with the client, made once.
        let client = view.client
        for name in SDKView.runtimeReferencePageTypes {
            add("docs/\(SDKView.runtimeReferencePagePath(name))", "reference-runtime/\(name)", omittedWhenEmpty: true) { client }
        }
        for transport in sdk.transports {
            add("\(transport.moduleName)/\(transport.typeName).swift", Self.template(of: transport)) { view.transport(transport) }
        }
        let missing = sdk.transports.map(Self.template).filter { templates.templates[$0] == nil }
        guard missing.isEmpty else {
            throw GenerationError(missing.map { .error("templates folder '\(templates.directory)' has no \($0).mustache, which the transport module needs", at: nil) })
        }
        // A runtime file for a feature the SDK does not use renders empty and is left out.
        for name in templates.runtimeNames {
            add("\(module)/\(name).swift", name, omittedWhenEmpty: true) { client }
        }
        // The files are independent, so they are rendered on every core; each result keeps its job's place.
        let rendered = jobs.concurrentMap { job -> Result<GeneratedFile?, Diagnostic> in
            templates.render(.object(job.value()), with: job.template).map { text in
                let contents = normalized(text)
                return job.omittedWhenEmpty && contents == "\n" ? nil : GeneratedFile(path: job.path, contents: contents)
            }
        }
        var files: [GeneratedFile] = []
        var failures: [Diagnostic] = []
        for result in rendered {
            switch result {
            case .success(let file): file.map { files.append($0) }
            case .failure(let diagnostic): if !failures.contains(diagnostic) { failures.append(diagnostic) }
            }
        }
        guard failures.isEmpty else { throw GenerationError(failures) }
        return combiningModelsOfOneFile(files).sorted { $0.path < $1.path }
    }

    /// The template a transport module's one file is rendered from.
    static func template(of transport: TransportModule) -> String {
        "transports/\(transport.typeName)"
    }

    /// The files with the models that share a file joined into one, in the order of `SwiftSDK.models`.
    private static func combiningModelsOfOneFile(_ files: [GeneratedFile]) -> [GeneratedFile] {
        var filesByPath: [String: [GeneratedFile]] = [:]
        for file in files {
            filesByPath[file.path, default: []].append(file)
        }
        return filesByPath.values.map { pieces in
            pieces.count == 1 ? pieces[0] : GeneratedFile(path: pieces[0].path, contents: SwiftFileCombiner.combine(pieces))
        }
    }

    /// One file to render: the value that fills the template in, and where the result goes.
    private struct RenderJob: Sendable {
        package var path: String
        package var value: @Sendable () -> TemplateObject
        package var template: String
        package var omittedWhenEmpty: Bool
    }

    /// Lines without trailing blanks and exactly one final newline, whatever the template's whitespace.
    package static func normalized(_ text: String) -> String {
        normalized(Array(text.utf8))
    }

    /// `normalized(_:)` of the text these UTF-8 bytes spell.
    package static func normalized(_ bytes: [UInt8]) -> String {
        // On the UTF-8 bytes, where spaces, tabs and line breaks are single bytes that never occur inside
        // another character's encoding. Lines are what splitting at the Character `\n` gives, so a `\n` after
        // a `\r` ends no line: `\r\n` is one Character.
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 1)
        // The output's length up to the end of the last line with something on it: trailing empty lines go.
        var keptLength = 0
        bytes.withUnsafeBufferPointer { bytes in
            var lineStart = 0
            func endLine(at end: Int) {
                var trimmedEnd = end
                while trimmedEnd > lineStart, bytes[trimmedEnd - 1] == space || bytes[trimmedEnd - 1] == tab { trimmedEnd -= 1 }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<trimmedEnd]))
                output.append(newline)
                if trimmedEnd > lineStart { keptLength = output.count }
            }
            for index in bytes.indices where bytes[index] == newline && (index == 0 || bytes[index - 1] != carriageReturn) {
                endLine(at: index)
                lineStart = index + 1
            }
            endLine(at: bytes.count)
        }
        // With no line left, the text is one line break.
        output.removeSubrange(max(keptLength, 1)...)
        return String(decoding: output, as: UTF8.self)
    }
}
