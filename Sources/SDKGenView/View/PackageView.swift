import SDKGenBase
import SDKGenModel
import SDKGenMustache

/// The values the `package/` templates print: what the README, the manifest, the documentation's landing page and
/// the smoke test say about the SDK, made from the model alone, as `SDKView` does for the sources.
struct PackageView {
    let sdk: SwiftSDK
    let info: PackageInfo
    /// The per-declaration files, to tell which runtime types the SDK has.
    let files: [GeneratedFile]

    var root: TemplateObject {
        let client = sdk.client
        let firstCall = sdk.groups.lazy.compactMap { group in group.operations.first.map { (group, $0) } }.first
        let credentialArguments = client.credentials.flatMap(\.arguments)
        return [
            "moduleName": .text(sdk.moduleName),
            "clientTypeName": .text(client.typeName),
            "errorTypeName": .text(sdk.error.typeName),
            "title": .text(info.title),
            "version": .text(info.version),
            "summary": .text(info.summary),
            "description": .text(info.description),
            "defaultServerURL": .text(client.defaultServerURL),
            "groups": .list(sdk.groups, group),
            "hasGroups": .bool(!sdk.groups.isEmpty),
            "modelGroups": .list(modelGroups) { ["heading": .text($0.heading), "models": .list($0.models, model)] },
            "runtimeTypes": .lines(runtimeTypes),
            "hasRuntimeTypes": .bool(!runtimeTypes.isEmpty),
            "errorCases": .list(sdk.error.statusCases) { ["caseName": .text($0.caseName), "statuses": .text(Self.statusesText($0.status))] },
            "credentialArguments": .list(credentialArguments) { argument in
                ["name": .text(argument.name), "environmentVariable": .text(argument.environmentVariable)]
            },
            "hasCredentials": .bool(!credentialArguments.isEmpty),
            // The smoke test's client: a test credential for every argument, so that no request is refused for want
            // of one, and the recording transport.
            "testClientArguments": .text((credentialArguments.map { "\($0.name): \"test-\($0.name)\"" } + ["transport: transport"])
                .joined(separator: ", ")),
            "quickStartCall": .text(firstCall.map { group, operation in
                let arguments = operation.parameters.filter { !$0.type.isOptional }.map { "\($0.name): <#\($0.type)#>" }
                return "\(group.propertyName).\(operation.functionName)(\(arguments.joined(separator: ", ")))"
            }),
            "retryStatusCodes": .text(client.retryDefaults.statusCodes.map(String.init).joined(separator: ", ")),
            "usesMultipart": .bool(sdk.groups.contains { $0.operations.contains { $0.parameters.contains { $0.type.nonOptional.mentionsMultipartFile } } }),
        ]
    }

    private func group(_ group: APIGroupDeclaration) -> TemplateObject {
        [
            "typeName": .text(group.typeName),
            "propertyName": .text(group.propertyName),
            "tag": .text(group.tag),
            "referencePath": .text("docs/\(SDKView.referencePagePath(group))"),
            "operations": .list(group.operations) { operation in
                [
                    "functionName": .text(operation.functionName),
                    "httpMethod": .text(operation.httpMethod),
                    "pathText": .text(pathText(operation.path)),
                    "testName": .text("test_\(group.propertyName.replacingOccurrences(of: ".", with: "_"))_\(SwiftName.unescaped(operation.functionName))"),
                    "testArguments": .text(operation.parameters.filter { !$0.type.isOptional }
                        .map { "\($0.name): \(Self.placeholder(for: $0.type))" }.joined(separator: ", ")),
                    // The path's text up to its first parameter, which the request's URL must contain.
                    "pathPrefixLiteral": .text(SwiftLiteral.string(pathPrefix(operation.path))),
                    "deprecated": .bool(operation.deprecated),
                ]
            },
        ]
    }

    private func model(_ model: ModelDeclaration) -> TemplateObject {
        ["typeName": .text(model.typeName), "referencePath": .text("docs/\(SDKView.modelReferencePagePath(model))")]
    }

    /// `/activity/{date}`, the path as the spec writes it (with the Swift argument names).
    private func pathText(_ path: [InterpolatedText]) -> String {
        path.map { piece in
            switch piece {
            case .text(let text): text
            case .argument(let name, _): "{\(SwiftName.unescaped(name))}"
            }
        }.joined()
    }

    private func pathPrefix(_ path: [InterpolatedText]) -> String {
        var prefix = ""
        for piece in path {
            guard case .text(let text) = piece else { break }
            prefix += text
        }
        return prefix
    }

    /// The statuses an error case is thrown for, for the package README: `status 404`, `a 4XX status` or
    /// `any status an operation does not otherwise document (\`default\`)`.
    static func statusesText(_ status: StatusPattern) -> String {
        switch status {
        case .code(let code): "status \(code)"
        case .range: "a \(status.text) status"
        case .default: "any status an operation does not otherwise document (`default`)"
        }
    }

    /// A value of the type for the smoke test to send: an empty collection, a file, or any other type's placeholder
    /// (decoded by the test's `PlaceholderDecoder`).
    static func placeholder(for type: SwiftType) -> String {
        switch type {
        case .array: "[]"
        case .dictionary: "[:]"
        case .named("MultipartFile"): "Placeholder.file"
        default: "Placeholder.value()"
        }
    }

    /// The models under headings: those an API group's operations take or return, under the group (each model under
    /// the first group naming it), then the rest.
    private var modelGroups: [(heading: String, models: [ModelDeclaration])] {
        var placed: Set<String> = []
        var groups: [(heading: String, models: [ModelDeclaration])] = []
        for group in sdk.groups {
            var named: Set<String> = []
            for operation in group.operations {
                for type in operation.parameters.map(\.type) + [operation.returnType] {
                    type.allNames.forEach { named.insert($0) }
                }
            }
            let models = sdk.models.filter { named.contains($0.typeName) && placed.insert($0.typeName).inserted }
            if !models.isEmpty { groups.append(("\(group.typeName) models", models)) }
        }
        let rest = sdk.models.filter { !placed.contains($0.typeName) }
        if !rest.isEmpty { groups.append((groups.isEmpty ? "Models" : "Other models", rest)) }
        return groups
    }

    /// The public runtime types this SDK has, for the landing page's topics.
    private var runtimeTypes: [String] {
        let candidates = ["RequestOptions", "RetryConfig", "HTTPTransport", "URLSessionTransport", "ResponseMetadata",
                          "ClientMiddleware", "JSONValue", "MultipartFile", "ServerSentEvents"]
        let paths = Set(files.map(\.path))
        return candidates.filter { paths.contains("\(sdk.moduleName)/Runtime/\($0).swift") }
    }
}

private extension SwiftType {
    /// Every declared name the type mentions: `[Pet]?` mentions `Pet`.
    var allNames: [String] {
        switch self {
        case .named(let name): [name]
        case .builtin, .void: []
        case .optional(let wrapped), .array(let wrapped), .dictionary(let wrapped), .eventStream(let wrapped): wrapped.allNames
        }
    }

    var mentionsMultipartFile: Bool { allNames.contains("MultipartFile") }
}
