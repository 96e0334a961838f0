import Foundation
import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// What the Lower stage needs to know beyond the document.
public struct LoweringOptions: Sendable {
    /// The Swift module the SDK is compiled into, such as `ModelGates`.
    public var moduleName: String
    /// The client type's name; the module name when `nil`.
    public var clientName: String?
    /// The access level of every generated declaration.
    public var access: AccessModifier
    /// What a struct does with the members its schema does not declare.
    public var undeclaredProperties: UndeclaredProperties
    /// The transports to write as modules beside the SDK, each once.
    public var transports: [TransportKind]
    /// Whether the models are `Hashable`, `Equatable` only, or neither (`ModelEquality`).
    public var modelEquality: ModelEquality

    public init(moduleName: String, clientName: String? = nil, access: AccessModifier = .public,
                undeclaredProperties: UndeclaredProperties = .keep, transports: [TransportKind] = [],
                modelEquality: ModelEquality = .hashable) {
        self.moduleName = moduleName
        self.clientName = clientName
        self.access = access
        self.undeclaredProperties = undeclaredProperties
        self.transports = transports
        self.modelEquality = modelEquality
    }
}

/// What a struct does with the members of a JSON object that its schema does not declare, where the schema allows
/// them (no `additionalProperties: false`) without describing them (no `additionalProperties` schema).
public enum UndeclaredProperties: String, CaseIterable, Sendable {
    /// Keeps them in `additionalProperties: [String: JSONValue]` and writes them back, so that a value read from the
    /// server and sent again loses nothing.
    case keep
    /// Drops them on decoding: the struct has only the declared properties (and compiles to less code).
    case drop
}

/// The Lower stage: decides every Swift name, type and file of the SDK from the document.
public struct SDKLowering {
    package let document: OpenAPIDocument
    package let index: ComponentIndex
    package let options: LoweringOptions
    package let clientTypeName: String
    package let errorTypeName: String
    /// The name of the enum of webhooks and callbacks, taken whether or not the document declares any, so that
    /// adding the first does not rename a model.
    package let webhookTypeName: String
    package var types: TypeLowering
    package var diagnostics = Diagnostics()
    /// The client's global headers, which usage examples also show.
    package var globalHeaders: [GlobalHeaderDeclaration] = []
    /// The credentials the client takes and the key each security scheme is sent under.
    package var security = SecurityPlan()
    /// The body types operations document for each error status, range and `default`, settled into error cases
    /// once all are seen.
    package var errorStatuses: [StatusPattern: ErrorStatusUses] = [:]
    /// Documented 1XX and 3XX statuses, which the SDK handles as undocumented, for one note.
    package var unhandledStatuses: [(code: Int, operation: String, location: SourceLocation)] = []
    /// The Swift types of schemas inside reusable components (parameters, request bodies, responses), by the
    /// component's reference and the part, so that every operation using a component shares its types.
    package var componentTypes: [String: SwiftType] = [:]
    /// The functions of each operation lowered so far, by method and path, for an operation in several groups.
    package var loweredOperations: [String: [OperationDeclaration]] = [:]
    /// The operations (`GET /models`) whose pagination has been lowered, in any group: an operation in several
    /// groups is warned about once.
    package var paginatedOperations: Set<String> = []
    /// The document's `x-speakeasy-max-method-params`, for operations that give none.
    package var maxMethodParameters: Int?
    /// The document's `x-speakeasy-name-override` rules, for operations that name their function nowhere else.
    package var methodNameOverrides = MethodNameOverrides()
    /// The client's default retry policy, which operations' own policies refine.
    package var documentRetryPolicy = RetryPolicy.sdkgenDefault

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
        webhookTypeName = clientTypeName + "Webhook"
        // Each group's type and the protocol listing its functions.
        let groupTypeNames = Self.groupPaths(document).map(Self.groupTypeName).flatMap { [$0, $0 + "Protocol"] }
        types = TypeLowering(index: index, names: NameRegistry(reserving: [clientTypeName, errorTypeName, webhookTypeName] + groupTypeNames),
                             access: options.access,
                             keepsUndeclaredProperties: options.undeclaredProperties == .keep)
    }

    private mutating func lower() -> SwiftSDK {
        types.declareComponents()
        maxMethodParameters = SpeakeasyExtension.maxMethodParameters(document.extensions, diagnostics: &diagnostics)
        methodNameOverrides = MethodNameOverrides(document, diagnostics: &diagnostics)
        globalHeaders = lowerGlobalHeaders()
        let initializerNames = ["serverURL", "retries", "timeout", "transport"] + globalHeaders.map { SwiftName.unescaped($0.parameterName) }
        security = planSecurity(reservedNames: Set(initializerNames))
        documentRetryPolicy = lowerDocumentRetryPolicy()
        let groupPaths = Self.groupPaths(document)
        var operationsByGroup: [String: [(pathItem: PathItem, operation: SDKGenOpenAPI.Operation)]] = [:]
        for pathItem in document.paths {
            for operation in pathItem.operations {
                for key in Set(Self.groupPaths(of: operation).map(Self.groupKey)) {
                    operationsByGroup[key, default: []].append((pathItem, operation))
                }
            }
        }
        let groups = groupPaths.map { lowerGroup(path: $0, allPaths: groupPaths, operations: operationsByGroup[Self.groupKey($0)] ?? []) }
        let error = ErrorDeclaration(
            access: options.access,
            typeName: errorTypeName, clientTypeName: clientTypeName,
            documentation: [.text("Everything that can go wrong when calling the \(document.info.title).")],
            statusCases: errorCases())
        noteUnhandledStatuses()
        let webhooks = lowerWebhooks()
        return SwiftSDK(
            moduleName: options.moduleName,
            client: lowerClient(groups: groups),
            error: error,
            groups: groups,
            models: RecursionBreaker.breakCycles(in: types.models).sorted { $0.typeName < $1.typeName },
            modelEquality: options.modelEquality,
            apiVersion: document.info.version,
            webhooks: webhooks,
            transports: TransportKind.allCases.filter(options.transports.contains).map {
                TransportModule(kind: $0, sdkModuleName: options.moduleName, access: options.access)
            })
    }

    // MARK: - Client

    private mutating func lowerClient(groups: [APIGroupDeclaration]) -> ClientDeclaration {
        let documentation: Documentation = [.text("A client for the \(document.info.title)."), .text(document.info.description ?? "")]
        let exampleOperation = groups.first { !$0.operations.isEmpty }.map { group in
            OperationReference(groupPropertyName: group.propertyName, functionName: group.operations[0].functionName)
        }

        let server = defaultServer()
        var initParameters = security.credentials.flatMap(\.arguments).map { Documentation.Parameter($0.name, $0.documentation) }
        if security.credentials.contains(where: { !$0.fetchesTokens }) && !groups.isEmpty {
            initParameters.append(Documentation.Parameter("credentialProvider",
                "Supplies secrets before every attempt of a request: those it gives replace the client's own, those it"
                    + " leaves `nil` fall back to them; `nil` for none."))
        }
        initParameters.append(Documentation.Parameter("serverURL", "The server to call. Defaults to ``defaultServerURL``."))
        initParameters += globalHeaders.map { Documentation.Parameter($0.parameterName, $0.documentation) }
        initParameters += [
            Documentation.Parameter("retries", groups.contains { $0.operations.contains { $0.retries != nil } }
                ? "When and how often to retry a failed request, for every operation.\n`nil`, the default, uses the policy the spec sets for the operation, else ``RetryConfig/default``."
                : "When and how often to retry a failed request; `nil`, the default, uses ``RetryConfig/default``."),
            Documentation.Parameter("timeout", "The longest a single attempt may take, in seconds; `.infinity` for no limit."),
            Documentation.Parameter("middlewares", "What every attempt of a request passes through, in order, before the transport."),
            Documentation.Parameter("transport", "What sends the requests. Defaults to a ``URLSessionTransport``."),
        ]

        return ClientDeclaration(
            access: options.access,
            typeName: clientTypeName,
            errorTypeName: errorTypeName,
            documentation: documentation,
            initDocumentation: [.sentences("Creates a client."), .parameters(initParameters)],
            defaultServerURL: server.url,
            defaultServerLocation: server.location,
            defaultServerDocumentation: [.text("\(server.description ?? "The default server"): `\(server.url)`.")],
            serverURLFunction: serverURLFunction(),
            credentials: security.credentials,
            securityRequirement: security.documentRequirement,
            credentialHeaderNames: Set((["Authorization", "Cookie", "Proxy-Authorization"] + security.apiKeyHeaders).map { $0.lowercased() }).sorted(),
            credentialQueryNames: Set(security.apiKeyQueryParameters).sorted(),
            globalHeaders: globalHeaders,
            retryDefaults: documentRetryPolicy,
            timeout: 60,
            exampleOperation: exampleOperation)
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
            let name = members.claim(SwiftName.member(parameter.extensions["x-sdkgen-name"]?.scalarText
                ?? SpeakeasyExtension.string(SpeakeasyExtension.nameOverride, in: parameter.extensions, diagnostics: &diagnostics)
                ?? parameter.name))
            headers.append(GlobalHeaderDeclaration(
                parameterName: name,
                headerName: parameter.name,
                documentation: (parameter.description ?? "") + "\nSent as the `\(parameter.name)` header of every request.",
                origin: SpecOrigin(key: parameter.name.lowercased(), location: parameter.sourceLocation)))
        }
        return headers
    }

    // MARK: - Groups

    /// The groups an operation is in, as paths from the client: its `x-speakeasy-group`, else each of its tags
    /// (as Speakeasy and OpenAPI Generator do), else `Default`. Dotted names nest: `beta.responses` is
    /// `client.beta.responses`.
    private static func groupPaths(of operation: SDKGenOpenAPI.Operation) -> [[String]] {
        if let group = operation.extensions[SpeakeasyExtension.group]?.string.flatMap(path) {
            return [group]
        }
        let tags = operation.tags.compactMap(path)
        return tags.isEmpty ? [["Default"]] : tags
    }

    /// A group or tag name's dotted parts; `nil` for a name without any.
    private static func path(_ name: String) -> [String]? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
        return parts.isEmpty ? nil : parts
    }

    /// The groups, in the document's `tags` order, then in order of first use; a nested group's parents come
    /// before it, declared without operations when none has them. Paths that make the same Swift names are one
    /// group (`x-speakeasy-group: chat` joins the tag `Chat`), spelled as first met.
    private static func groupPaths(_ document: OpenAPIDocument) -> [[String]] {
        var used: [[String]] = []
        var usedKeys: Set<String> = []
        for operation in document.operations {
            for path in groupPaths(of: operation) where usedKeys.insert(groupKey(path)).inserted {
                used.append(path)
            }
        }
        let usedPaths = Set(used)
        let declared = document.tags.compactMap { path($0.name) }.filter(usedPaths.contains)
        let declaredPaths = Set(declared)
        var paths: [[String]] = []
        var keys: Set<String> = []
        for path in declared + used.filter({ !declaredPaths.contains($0) }) {
            for length in 1...path.count where keys.insert(groupKey(Array(path.prefix(length)))).inserted {
                paths.append(Array(path.prefix(length)))
            }
        }
        return paths
    }

    /// What two group paths that make the same Swift names have in common: their length and type name.
    private static func groupKey(_ path: [String]) -> String {
        "\(path.count) \(groupTypeName(path))"
    }

    /// Whether two group paths make the same Swift names.
    private static func sameGroup(_ first: [String], _ second: [String]) -> Bool {
        groupKey(first) == groupKey(second)
    }

    /// `BetaResponsesAPI` for `beta.responses`.
    private static func groupTypeName(_ path: [String]) -> String {
        path.map(SwiftName.type).joined() + "API"
    }

    /// - Parameter operations: The group's operations, in document order, each with its path item.
    private mutating func lowerGroup(path: [String], allPaths: [[String]],
                                     operations groupOperations: [(pathItem: PathItem, operation: SDKGenOpenAPI.Operation)]) -> APIGroupDeclaration {
        let tag = path.joined(separator: ".")
        let typeName = Self.groupTypeName(path)
        // The group's own property is its last part; the client reaches it through its parents'.
        let propertyName = path.map(SwiftName.member).joined(separator: ".")
        let tagDescription = document.tags.first { $0.name == tag }?.description
        var subgroupNames = MemberNames(reserving: ["client"])
        let subgroups = allPaths.filter { $0.count == path.count + 1 && Self.sameGroup(Array($0.prefix(path.count)), path) }.map { child in
            SubgroupDeclaration(propertyName: subgroupNames.claim(SwiftName.member(child.last!)), typeName: Self.groupTypeName(child),
                                documentation: [.text(document.tags.first { $0.name == child.joined(separator: ".") }?.description
                                    ?? "The \(child.joined(separator: ".")) operations.")])
        }
        var functionNames = MemberNames(reserving: Set(subgroups.map { SwiftName.unescaped($0.propertyName) }))
        var operations: [OperationDeclaration] = []
        var specOperations: [SDKGenOpenAPI.Operation] = []
        for (pathItem, operation) in groupOperations {
            specOperations.append(operation)
            let key = operation.method.rawValue + " " + operation.path
            // An operation in several groups is lowered once, so that its types are declared once.
            if let lowered = loweredOperations[key] {
                // Overloads (a body sent as `Data` or as an `UploadBody`) share their name here too.
                var claimedNames: [String: String] = [:]
                operations += lowered.map { declaration in
                    var declaration = declaration
                    let claimed = claimedNames[declaration.functionName] ?? functionNames.claim(declaration.functionName)
                    claimedNames[declaration.functionName] = claimed
                    declaration.functionName = claimed
                    return declaration
                }
                continue
            }
            // Read for its warning: a group that is no string is left for the tags.
            _ = SpeakeasyExtension.string(SpeakeasyExtension.group, in: operation.extensions, diagnostics: &diagnostics)
            let lowered = lowerOperation(operation, pathItem: pathItem, functionNames: &functionNames)
            loweredOperations[key] = lowered
            operations += lowered
        }
        // After every operation's own function, so that a paging function never takes an operation's name.
        addPagination(to: &operations, of: specOperations, functionNames: &functionNames)
        return APIGroupDeclaration(
            access: options.access,
            typeName: typeName, protocolName: typeName + "Protocol", propertyName: propertyName, clientTypeName: clientTypeName, errorTypeName: errorTypeName,
            tag: tag, description: tagDescription, documentation: [.text(tagDescription ?? "The \(tag) operations.")],
            operations: operations, subgroups: subgroups, isNested: path.count > 1)
    }
}
