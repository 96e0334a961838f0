import SDKGenBase
import SDKGenModel
import SDKGenMustache

/// The View stage: turns the SDK model into the values templates print.
///
/// Every piece of Swift text a template prints that the model holds as a value (a type's spelling, a literal,
/// ` = nil`, `try `, `decodeIfPresent`) is made here, from the model alone. The field names are the templates'
/// interface: a user's customised templates use them, so a name once offered stays (`TemplateFieldNameTests`).
package struct SDKView: Sendable {
    package let sdk: SwiftSDK
    /// The runtime's parts this SDK uses.
    package let runtime: RuntimeFeatures
    /// The models' type names, which have reference pages.
    let modelNames: Set<String>

    package init(_ sdk: SwiftSDK) {
        self.sdk = sdk
        runtime = RuntimeFeatures(of: sdk)
        modelNames = Set(sdk.models.map(\.typeName))
    }

    /// The whole SDK: what a template rendered with the SDK itself sees.
    package var root: TemplateObject {
        [
            "moduleName": .text(sdk.moduleName),
            "client": .object(client),
            "error": .object(error),
            "groups": .list(sdk.groups, group),
            "models": .list(sdk.models, model),
        ]
    }

    // MARK: - Client

    /// The client, which the runtime's templates are rendered with too.
    package var client: TemplateObject {
        let client = sdk.client
        var object: TemplateObject = [
            "access": .text(SwiftSource.accessPrefix(client.access)),
            "typeName": .text(client.typeName),
            "errorTypeName": .text(client.errorTypeName),
            "docLines": .lines(clientDocLines),
            "initDocLines": .documentation(client.initDocumentation),
            "defaultServerURLLiteral": .text(SwiftLiteral.string(client.defaultServerURL)),
            "defaultServerDocLines": .documentation(client.defaultServerDocumentation),
            "serverURLFunction": .object(client.serverURLFunction.map { serverURLFunction($0) }),
            // The secrets a credential provider can supply too: all but the OAuth 2.0 client credentials, which
            // `oauth2Credentials` lists.
            "credentials": .list(secretCredentials, credential),
            "hasCredentials": .bool(!secretCredentials.isEmpty),
            "credentialArguments": .list(secretCredentials.flatMap(\.arguments)) { argument in
                [
                    "name": .text(argument.name),
                    "argumentLabel": .text(SwiftSource.argumentLabel(argument.name)),
                    "nameLiteral": .text(SwiftLiteral.string(SwiftName.unescaped(argument.name))),
                    "docLines": .documentation(argument.providerDocumentation.map { [.text($0)] } ?? []),
                ]
            },
            "oauth2Credentials": .list(oauth2Credentials) { credential in
                [
                    "name": .text(credential.name),
                    "keyLiteral": .text(SwiftLiteral.string(credential.key)),
                    "tokenURLLiteral": .text(SwiftLiteral.string(credential.tokenURL)),
                ]
            },
            "securityLiteral": .text(SwiftSource.securityLiteral(client.securityRequirement)),
            "credentialHeaderNamesLiteral": .text(SwiftSource.stringsLiteral(client.credentialHeaderNames)),
            "credentialQueryNamesLiteral": .text(SwiftSource.stringsLiteral(client.credentialQueryNames)),
            "globalHeaders": .list(client.globalHeaders, globalHeader),
            "hasGlobalHeaders": .bool(!client.globalHeaders.isEmpty),
            // Nested groups are properties of their parents.
            "groups": .list(sdk.groups.filter { !$0.isNested }) { group in
                ["propertyName": .text(group.propertyName), "typeName": .text(group.typeName), "docLines": .documentation(group.documentation)]
            },
            // Without a group (a document with no operations) the client has nothing to set up, and building a
            // request pipeline nobody uses would be dead code.
            "hasGroups": .bool(!sdk.groups.isEmpty),
            "retryDefaults": .object(retryDefaults(client.retryDefaults)),
            "timeoutLiteral": .text(SpecText.decimal(client.timeout)),
        ]
        addRuntimeFeatures(to: &object)
        return object
    }

    /// The credentials given as secrets (tokens, keys, user names and passwords), which a credential provider can
    /// supply too.
    private var secretCredentials: [CredentialDeclaration] {
        sdk.client.credentials.filter { !$0.fetchesTokens }
    }

    /// The OAuth 2.0 client credentials the initializer takes: the argument, the scheme's key and its token URL.
    private var oauth2Credentials: [(name: String, key: String, tokenURL: String)] {
        sdk.client.credentials.compactMap { credential in
            guard case .oauth2ClientCredentials(let tokenURL) = credential.placement else { return nil }
            return (credential.arguments[0].name, credential.key, tokenURL)
        }
    }

    /// The client's doc comment: its documentation, then a call of its example operation.
    private var clientDocLines: [String] {
        let client = sdk.client
        var documentation = client.documentation
        let group = client.exampleOperation.flatMap { reference in sdk.groups.first { $0.propertyName == reference.groupPropertyName } }
        if let reference = client.exampleOperation, let group,
           let operation = group.operations.first(where: { $0.functionName == reference.functionName }) {
            let variable = SwiftName.member(client.typeName)
            documentation.blocks.append(.swiftCode([
                "let \(variable) = \(client.typeName)()",
                "let response = try await \(variable).\(callExample(operation, groupProperty: group.propertyName))",
            ]))
        }
        return DocComment.lines(documentation)
    }

    private func serverURLFunction(_ function: ServerURLFunction) -> TemplateObject {
        [
            "docLines": .documentation(function.documentation),
            "parameters": .list(function.parameters) { parameter in
                ["name": .text(parameter.name), "defaultLiteral": .text(SwiftLiteral.string(parameter.defaultValue))]
            },
            "urlLiteral": .text(SwiftSource.interpolatedLiteral(function.url).literal),
        ]
    }

    private func credential(_ credential: CredentialDeclaration) -> TemplateObject {
        let names = credential.arguments.map(\.name)
        return [
            "origin": .object(origin(credential.origin)),
            "arguments": .list(credential.arguments) { argument in
                [
                    "name": .text(argument.name),
                    "defaultClause": .text(argument.environmentVariable.map {
                        " = ProcessInfo.processInfo.environment[\(SwiftLiteral.string($0))]"
                    } ?? " = nil"),
                    "documentationLines": .lines(DocComment.parameterLines(argument.name, argument.documentation)),
                ]
            },
            "condition": .text(names.map { "let \($0)" }.joined(separator: ", ")),
            "keyLiteral": .text(SwiftLiteral.string(credential.key)),
            "valueExpression": .text(SwiftSource.credentialValue(credential)),
        ]
    }

    private func globalHeader(_ header: GlobalHeaderDeclaration) -> TemplateObject {
        [
            "origin": .object(origin(header.origin)),
            "parameterName": .text(header.parameterName),
            "headerNameLiteral": .text(SwiftLiteral.string(header.headerName)),
            "documentationLines": .lines(DocComment.parameterLines(header.parameterName, header.documentation)),
        ]
    }

    private func retryDefaults(_ retries: RetryPolicy) -> TemplateObject {
        [
            "docLines": .documentation([.sentences(retries.summary)]),
            "summary": .text(retries.summary),
            "literal": .text(SwiftSource.retryConfigLiteral(retries, indent: "    ")),
            // The parts of the literal, for templates written before it.
            "initialInterval": .text(SpecText.decimal(retries.initialInterval)),
            "maxInterval": .text(SpecText.decimal(retries.maxInterval)),
            "exponent": .text(SpecText.decimal(retries.exponent)),
            "maxElapsedTime": .text(SpecText.decimal(retries.maxElapsedTime)),
            "jitter": .text(SpecText.decimal(retries.jitter)),
            "statusCodes": .text(SwiftSource.statusCodesList(retries)),
            "retryConnectionErrors": .text(retries.retryConnectionErrors ? "true" : "false"),
        ]
    }

    // MARK: - Errors

    /// The error type, which the runtime's parts the SDK uses add cases to.
    package var error: TemplateObject {
        let error = sdk.error
        var object: TemplateObject = [
            "access": .text(SwiftSource.accessPrefix(error.access)),
            "typeName": .text(error.typeName),
            "clientTypeName": .text(error.clientTypeName),
            "docLines": .documentation(error.documentation),
            "statusCases": .list(error.statusCases, statusCase),
            "hasStatusCases": .bool(!error.statusCases.isEmpty),
        ]
        addRuntimeFeatures(to: &object)
        return object
    }

    /// Sets the fields that tell templates which parts of the runtime the SDK uses.
    func addRuntimeFeatures(to object: inout TemplateObject) {
        for feature in RuntimeFeatures.Feature.allCases {
            object[feature.templateFieldName] = .bool(runtime.uses(feature))
        }
    }

    package func statusCase(_ statusCase: ErrorStatusCase) -> TemplateObject {
        [
            "caseName": .text(statusCase.caseName),
            "status": .text(statusCase.status.text),
            "bodyType": .text(statusCase.bodyType.description),
            "docLines": .documentation(statusCase.documentation),
        ]
    }

    // MARK: - Shared

    package func origin(_ origin: SpecOrigin) -> TemplateObject {
        [
            "key": .text(origin.key),
            "location": .object([
                "file": .text(origin.location.file),
                "line": .text(String(origin.location.line)),
                "column": .text(String(origin.location.column)),
            ]),
        ]
    }
}
