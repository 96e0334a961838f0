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
        let guide = SDKGuideView(sdk: sdk, docsFolder: "docs/")
        var root = guide.root
        // OAuth 2.0 client credentials are left out of the smoke test's client: they would send a token request first.
        let secretArguments = sdk.client.credentials.filter { !$0.fetchesTokens }.flatMap(\.arguments)
        root["title"] = .text(info.title)
        root["version"] = .text(info.version)
        root["summary"] = .text(info.summary)
        root["description"] = .text(info.description)
        root["runtimeTypes"] = .lines(runtimeTypes)
        root["hasRuntimeTypes"] = .bool(!runtimeTypes.isEmpty)
        // The AsyncHTTPClient transport's product, target and dependencies, when it is written.
        root["asyncHTTPClientTransport"] = .object(sdk.transports.first { $0.kind == .asyncHTTPClient }.map { SDKView(sdk).transport($0) })
        // The smoke test's client: a test credential for every argument, so that no request is refused for want of
        // one, and the recording transport.
        root["testClientArguments"] = .text((secretArguments.map { "\($0.name): \"test-\($0.name)\"" } + ["transport: transport"])
            .joined(separator: ", "))
        root["groups"] = .list(sdk.groups) { group in
            var object = guide.group(group)
            // An upload overload has its `Data` function's name, so it would repeat that function's test.
            object["operations"] = .list(zip(group.operations, guide.operations(of: group)).filter { !$0.0.sendsUploadBody }.map { operation, guideObject in
                var object = guideObject
                object["testName"] = .text("test_\(group.propertyName.replacingOccurrences(of: ".", with: "_"))_\(SwiftName.unescaped(operation.functionName))")
                object["testArguments"] = .text(operation.parameters.filter { !$0.type.isOptional }
                    .map { "\($0.name): \(Self.placeholder(for: $0.type))" }.joined(separator: ", "))
                // The path's text up to its first parameter, which the request's URL must contain.
                object["pathPrefixLiteral"] = .text(SwiftLiteral.string(pathPrefix(operation.path)))
                return object
            }) { $0 }
            return object
        }
        return root
    }

    private func pathPrefix(_ path: [InterpolatedText]) -> String {
        var prefix = ""
        for piece in path {
            guard case .text(let text) = piece else { break }
            prefix += text
        }
        return prefix
    }

    /// A value of the type for the smoke test to send: an empty collection, or any other type's placeholder
    /// (decoded by the test's `PlaceholderDecoder`; a multipart body's files too, `MultipartFile` being `Codable`).
    static func placeholder(for type: SwiftType) -> String {
        switch type {
        case .array: "[]"
        case .dictionary: "[:]"
        default: "Placeholder.value()"
        }
    }

    /// The public runtime types this SDK has, for the landing page's topics.
    private var runtimeTypes: [String] {
        let candidates = ["RequestOptions", "RetryConfig", "HTTPTransport", "URLSessionTransport", "ResponseMetadata",
                          "ClientMiddleware", "JSONValue", "MultipartFile", "ServerSentEvents", "UploadBody"]
        let paths = Set(files.map(\.path))
        return candidates.filter { paths.contains("\(sdk.moduleName)/Runtime/\($0).swift") }
    }
}
