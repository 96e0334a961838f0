import Foundation

/// What the Lower stage needs to know beyond the document.
public struct LoweringOptions: Sendable {
    /// The Swift module the SDK is compiled into, such as `ModelGates`.
    public var moduleName: String
    /// The client type's name; the module name when `nil`.
    public var clientName: String?

    public init(moduleName: String, clientName: String? = nil) {
        self.moduleName = moduleName
        self.clientName = clientName
    }
}

/// The Lower stage: decides every Swift name, type and file of the SDK from the document.
public struct SDKLowering {
    let document: OpenAPIDocument
    let index: ComponentIndex
    let options: LoweringOptions
    let clientTypeName: String
    let errorTypeName: String
    var types: TypeLowering
    var diagnostics = Diagnostics()
    /// The client's global headers, which usage examples also show.
    var globalHeaders: [GlobalHeaderDeclaration] = []
    /// Error cases by status, collected from every operation.
    var errorCases: [Int: ErrorStatusCase] = [:]

    /// Lowers a document; warnings about what could not be mapped go to `diagnostics`.
    public static func lower(_ document: OpenAPIDocument, options: LoweringOptions, diagnostics: inout Diagnostics) -> SwiftSDK {
        var lowering = SDKLowering(document: document, options: options)
        let sdk = lowering.lower()
        diagnostics.append(contentsOf: lowering.diagnostics.all)
        diagnostics.append(contentsOf: lowering.types.diagnostics.all)
        return sdk
    }

    private init(document: OpenAPIDocument, options: LoweringOptions) {
        self.document = document
        self.options = options
        index = ComponentIndex(document)
        clientTypeName = options.clientName.map(SwiftName.type) ?? SwiftName.type(options.moduleName)
        errorTypeName = clientTypeName + "Error"
        let groupTypeNames = Self.groupTags(document).map { SwiftName.type($0) + "API" }
        types = TypeLowering(index: index, names: NameRegistry(reserving: [clientTypeName, errorTypeName] + groupTypeNames))
    }

    private mutating func lower() -> SwiftSDK {
        types.declareComponents()
        globalHeaders = lowerGlobalHeaders()
        var groups = Self.groupTags(document).map { lowerGroup(tag: $0) }
        // A status's body type settles only once every operation is seen; give each `case` the final one.
        for groupIndex in groups.indices {
            for operationIndex in groups[groupIndex].operations.indices {
                for caseIndex in groups[groupIndex].operations[operationIndex].responseCases.indices {
                    let responseCase = groups[groupIndex].operations[operationIndex].responseCases[caseIndex]
                    if let code = responseCase.thrownCase?.statusCode {
                        groups[groupIndex].operations[operationIndex].responseCases[caseIndex].thrownCase = errorCases[code]
                    }
                }
            }
        }
        let statusCases = errorCases.keys.sorted().compactMap { errorCases[$0] }
        let error = ErrorDeclaration(
            typeName: errorTypeName, clientTypeName: clientTypeName,
            docLines: SwiftLiteral.docComment("Everything that can go wrong when calling the \(document.info.title)."),
            statusCases: statusCases, hasStatusCases: !statusCases.isEmpty)
        types.breakRecursion()
        return SwiftSDK(
            moduleName: options.moduleName,
            client: lowerClient(groups: groups),
            error: error,
            groups: groups,
            models: types.models.sorted { $0.typeName < $1.typeName })
    }

    // MARK: - Client

    private mutating func lowerClient(groups: [APIGroupDeclaration]) -> ClientDeclaration {
        var docLines = SwiftLiteral.docComment("A client for the \(document.info.title).")
        let description = SwiftLiteral.docComment(document.info.description)
        if !description.isEmpty { docLines += ["///"] + description }
        if let example = groups.lazy.flatMap(\.reference.operations).first?.callExample {
            let variable = SwiftName.member(clientTypeName)
            docLines += ["///", "/// ```swift", "/// let \(variable) = \(clientTypeName)()",
                         "/// let response = try await \(variable).\(example)", "/// ```"]
        }

        let server = defaultServer()
        let apiKey = lowerAPIKey()
        var initDocLines = ["/// Creates a client.", "///", "/// - Parameters:"]
        if let apiKey {
            initDocLines += SwiftLiteral.parameterDoc("apiKey", apiKey.documentation)
        }
        initDocLines += SwiftLiteral.parameterDoc("serverURL", "The server to call. Defaults to ``defaultServerURL``.")
        for header in globalHeaders {
            initDocLines += header.documentationLines
        }
        initDocLines += SwiftLiteral.parameterDoc("retries", "When and how often to retry a failed request. Defaults to ``RetryConfig/default``.")
        initDocLines += SwiftLiteral.parameterDoc("timeout", "The longest a single attempt may take, in seconds; `.infinity` for no limit.")
        initDocLines += SwiftLiteral.parameterDoc("transport", "What sends the requests. Defaults to a ``URLSessionTransport``.")

        return ClientDeclaration(
            typeName: clientTypeName,
            errorTypeName: errorTypeName,
            docLines: docLines,
            initDocLines: initDocLines,
            defaultServerURLLiteral: SwiftLiteral.string(server.url),
            defaultServerDocLines: SwiftLiteral.docComment("\(server.description ?? "The default server"): `\(server.url)`."),
            apiKey: apiKey?.declaration,
            globalHeaders: globalHeaders,
            groups: groups.map { APIGroupReference(propertyName: $0.propertyName, typeName: $0.typeName, docLines: $0.docLines) },
            retryDefaults: lowerRetryDefaults(),
            timeoutLiteral: "60")
    }

    /// The first server, its variables set to their defaults.
    private mutating func defaultServer() -> (url: String, description: String?) {
        guard let server = document.servers.first else {
            diagnostics.warning("the document declares no server; the client's serverURL must be given", at: document.location)
            return ("http://localhost", "No server is declared")
        }
        var url = server.url
        for variable in server.variables {
            url = url.replacingOccurrences(of: "{\(variable.name)}", with: variable.value.defaultValue)
        }
        guard let parsed = URL(string: url), parsed.scheme == "http" || parsed.scheme == "https", parsed.host != nil else {
            diagnostics.warning("the server URL '\(server.url)' is not an absolute http(s) URL; the client's serverURL must be given", at: server.location)
            return ("http://localhost", "No usable server is declared")
        }
        return (url, server.description)
    }

    /// The API key argument, from the first security requirement that names a scheme sdkgen sends as a key.
    private mutating func lowerAPIKey() -> (declaration: APIKeyDeclaration, documentation: String)? {
        let environmentVariable = options.moduleName.uppercased().filter { $0.isLetter || $0.isNumber } + "_API_KEY"
        for requirement in document.security ?? [] {
            for use in requirement.schemes {
                guard let scheme = document.components.securitySchemes[named: use.name] else {
                    diagnostics.warning("security scheme '\(use.name)' is not declared in components.securitySchemes", at: use.location)
                    continue
                }
                let header: (name: String, prefix: String)
                switch scheme.kind {
                case .http(let kind, _) where kind == "bearer":
                    header = ("Authorization", "Bearer ")
                case .oauth2, .openIDConnect:
                    header = ("Authorization", "Bearer ")
                case .apiKey(let name, .header):
                    header = (name, "")
                default:
                    diagnostics.warning("security scheme '\(use.name)' is not supported yet; requests are sent without it", at: scheme.location)
                    continue
                }
                let prefix = SwiftLiteral.string(header.prefix).dropLast()
                let declaration = APIKeyDeclaration(
                    environmentVariableLiteral: SwiftLiteral.string(environmentVariable),
                    headerNameLiteral: SwiftLiteral.string(header.name),
                    headerValueLiteral: prefix + "\\(apiKey)\"")
                let documentation = (scheme.description ?? "The API key, sent as `\(header.name): \(header.prefix)<key>`.")
                    + "\nDefaults to the `\(environmentVariable)` environment variable; with `nil`, no `\(header.name)` header is sent."
                return (declaration, documentation)
            }
        }
        return nil
    }

    /// Headers declared once with `x-sdkgen-globals` and set on the client.
    private mutating func lowerGlobalHeaders() -> [GlobalHeaderDeclaration] {
        var members = MemberNames(reserving: ["apiKey", "serverURL", "retries", "timeout", "transport"])
        var headers: [GlobalHeaderDeclaration] = []
        for item in document.globalParameters {
            guard let parameter = index.parameter(item) else {
                if case .reference(let reference) = item {
                    diagnostics.warning("cannot resolve global parameter '\(reference.target)'; it is ignored", at: reference.location)
                }
                continue
            }
            guard parameter.location == .header else {
                diagnostics.warning("global parameter '\(parameter.name)' is in \(parameter.location.rawValue); only headers can be global. It is ignored", at: parameter.sourceLocation)
                continue
            }
            let name = members.claim(SwiftName.member(parameter.extensions["x-sdkgen-name"]?.scalarText ?? parameter.name))
            headers.append(GlobalHeaderDeclaration(
                parameterName: name,
                headerNameLiteral: SwiftLiteral.string(parameter.name),
                documentationLines: SwiftLiteral.parameterDoc(SwiftName.unescaped(name), (parameter.description ?? "") + "\nSent as the `\(parameter.name)` header of every request.")))
        }
        return headers
    }

    /// The default retry policy from `x-sdkgen-retries`, whose intervals are milliseconds.
    private mutating func lowerRetryDefaults() -> RetryDefaults {
        let retries = document.extensions["x-sdkgen-retries"]
        let backoff = retries?["backoff"]
        func seconds(_ key: String, _ fallback: Double) -> String {
            let milliseconds = backoff?[key]?.double ?? fallback
            return Self.decimal(milliseconds / 1000)
        }
        let statusCodes = (retries?["statusCodes"]?.items?.compactMap(\.int) ?? [408, 429, 500, 502, 503, 504]).sorted()
        let retryConnectionErrors = retries?["retryConnectionErrors"]?.bool ?? true
        let initialInterval = seconds("initialInterval", 500), maxInterval = seconds("maxInterval", 60_000)
        let exponent = Self.decimal(backoff?["exponent"]?.double ?? 1.5), maxElapsedTime = seconds("maxElapsedTime", 3_600_000)
        let statusList = statusCodes.count > 1
            ? statusCodes.dropLast().map(String.init).joined(separator: ", ") + " and \(statusCodes.last!)"
            : statusCodes.map(String.init).joined()
        let what = [statusCodes.isEmpty ? nil : "statuses \(statusList)", retryConnectionErrors ? "connection errors" : nil].compactMap { $0 }
        return RetryDefaults(
            docLines: SwiftLiteral.wrappedDocComment("""
                The policy the \(document.info.title) recommends: wait \(initialInterval) s, then \(exponent) times longer after each \
                attempt, up to \(maxInterval) s between attempts and \(maxElapsedTime) s in all; retry \(what.isEmpty ? "nothing" : what.joined(separator: ", and ")).
                """),
            initialInterval: initialInterval,
            maxInterval: maxInterval,
            exponent: exponent,
            maxElapsedTime: maxElapsedTime,
            statusCodes: statusCodes.map(String.init).joined(separator: ", "),
            retryConnectionErrors: retryConnectionErrors ? "true" : "false")
    }

    /// A finite number as a Swift literal that reads as people write it (`0.5`, `60`).
    private static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    // MARK: - Groups

    /// The tags that become API groups, in the document's `tags` order, then in order of first use.
    private static func groupTags(_ document: OpenAPIDocument) -> [String] {
        var used: [String] = []
        for operation in document.operations {
            let tag = operation.tags.first ?? "Default"
            if !used.contains(tag) { used.append(tag) }
        }
        let declared = document.tags.map(\.name).filter(used.contains)
        return declared + used.filter { !declared.contains($0) }
    }

    private mutating func lowerGroup(tag: String) -> APIGroupDeclaration {
        let typeName = SwiftName.type(tag) + "API"
        let propertyName = SwiftName.member(tag)
        let tagDescription = document.tags.first { $0.name == tag }?.description
        var functionNames = MemberNames()
        var operations: [OperationDeclaration] = []
        var referenceOperations: [ReferenceOperation] = []
        for pathItem in document.paths {
            for operation in pathItem.operations where (operation.tags.first ?? "Default") == tag {
                let lowered = lowerOperation(operation, pathItem: pathItem, functionNames: &functionNames)
                operations.append(lowered.declaration)
                referenceOperations.append(referenceOperation(for: operation, lowered: lowered, groupProperty: propertyName))
            }
        }
        let page = ReferencePage(
            path: "sdks/\(Markdown.anchor(tag))/README.md",
            title: tag,
            overview: Markdown.block(tagDescription),
            operations: referenceOperations)
        return APIGroupDeclaration(
            typeName: typeName, propertyName: propertyName, clientTypeName: clientTypeName, errorTypeName: errorTypeName,
            tag: tag, docLines: SwiftLiteral.docComment(tagDescription ?? "The \(tag) operations."),
            operations: operations, reference: page)
    }
}
