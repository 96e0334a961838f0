import SDKGenModel
import SDKGenMustache

/// The values of the SDK's guide (`sdk-guide.mustache`): installation, authentication, the index of the groups,
/// operations and models with links to their pages, errors, retries, server selection and the transport. It is the
/// reference pages' `docs/README.md`, and the standalone package's README prints it too, with links one folder up.
struct SDKGuideView {
    let sdk: SwiftSDK
    /// Where the reference pages are, relative to the guide: `""` in `docs/`, `"docs/"` at a package's root.
    let docsFolder: String

    var root: TemplateObject {
        let client = sdk.client
        let firstCall = sdk.groups.lazy.compactMap { group in group.operations.first.map { (group, $0) } }.first
        let credentialArguments = client.credentials.flatMap(\.arguments)
        return [
            "moduleName": .text(sdk.moduleName),
            "clientTypeName": .text(client.typeName),
            "errorTypeName": .text(sdk.error.typeName),
            "docsFolder": .text(docsFolder),
            "defaultServerURL": .text(client.defaultServerURL),
            "serverURLCall": .text(client.serverURLFunction.map { function in
                let arguments = function.parameters.map { "\($0.name): \(SwiftLiteral.string($0.defaultValue))" }
                return "\(client.typeName).serverURL(\(arguments.joined(separator: ", ")))!"
            }),
            "groups": .list(sdk.groups, group),
            "hasGroups": .bool(!sdk.groups.isEmpty),
            "exampleProtocolName": .text(sdk.groups.first?.protocolName),
            "hasPaginatedOperations": .bool(sdk.groups.contains { $0.operations.contains { $0.pagination != nil } }),
            "paginatedOperations": .list(sdk.groups.flatMap { group in
                operations(of: group).enumerated().compactMap { offset, object in
                    group.operations[offset].pagination.map { pagination in
                        var object = object
                        object["pagesFunctionName"] = .text(pagination.pagesFunctionName)
                        object["itemsFunctionName"] = .text(pagination.itemsFunctionName)
                        return object
                    }
                }
            }) { $0 },
            "modelGroups": .list(modelGroups) { ["heading": .text($0.heading), "models": .list($0.models, model)] },
            "errorCases": .list(sdk.error.statusCases) { ["caseName": .text($0.caseName), "statuses": .text(Self.statusesText($0.status))] },
            "credentialArguments": .list(credentialArguments) { argument in
                ["name": .text(argument.name), "environmentVariable": .text(argument.environmentVariable)]
            },
            "hasCredentials": .bool(!credentialArguments.isEmpty),
            "quickStartCall": .text(firstCall.map { group, operation in
                let arguments = operation.parameters.filter { !$0.type.isOptional }.map { "\($0.name): <#\($0.type)#>" }
                return "\(group.propertyName).\(operation.functionName)(\(arguments.joined(separator: ", ")))"
            }),
            "retryStatusCodes": .text((client.retryDefaults.statusCodes.map(String.init) + client.retryDefaults.statusRanges.map { "\($0)XX" }).joined(separator: ", ")),
        ]
    }

    /// A group with its page and its operations.
    func group(_ group: APIGroupDeclaration) -> TemplateObject {
        [
            "typeName": .text(group.typeName),
            "propertyName": .text(group.propertyName),
            "tag": .text(group.tag),
            "referencePath": .text("\(docsFolder)\(SDKView.referencePagePath(group))"),
            "operations": .list(zip(group.operations, operations(of: group)).filter { !$0.0.sendsUploadBody }.map { .object($0.1) }),
        ]
    }

    /// The group's operations, each with its section of the group's page.
    func operations(of group: APIGroupDeclaration) -> [TemplateObject] {
        group.operations.map { operation in
            [
                "functionName": .text(operation.functionName),
                "propertyName": .text(group.propertyName),
                "referencePath": .text("\(docsFolder)\(SDKView.referencePagePath(group))#\(Markdown.anchor(SwiftName.unescaped(operation.functionName)))"),
                "httpMethod": .text(operation.httpMethod),
                "pathText": .text(operation.pathText),
                "deprecated": .bool(operation.deprecated),
            ]
        }
    }

    private func model(_ model: ModelDeclaration) -> TemplateObject {
        ["typeName": .text(model.typeName), "referencePath": .text("\(docsFolder)\(SDKView.modelReferencePagePath(model))")]
    }

    /// The statuses an error case is thrown for: `status 404`, `a 4XX status` or `any status an operation does not
    /// otherwise document (\`default\`)`.
    static func statusesText(_ status: StatusPattern) -> String {
        switch status {
        case .code(let code): "status \(code)"
        case .range: "a \(status.text) status"
        case .default: "any status an operation does not otherwise document (`default`)"
        }
    }

    /// The models under headings: those an API group's operations take or return, under the group (each model under
    /// the first group naming it), then the rest.
    private var modelGroups: [(heading: String, models: [ModelDeclaration])] {
        // A model is listed under the first group whose operations name it.
        var firstGroup: [String: Int] = [:]
        for (index, group) in sdk.groups.enumerated() {
            for operation in group.operations {
                for type in operation.parameters.map(\.type) + [operation.returnType] {
                    for name in type.referencedNames where firstGroup[name] == nil {
                        firstGroup[name] = index
                    }
                }
            }
        }
        var modelsByGroup = Array(repeating: [ModelDeclaration](), count: sdk.groups.count)
        var rest: [ModelDeclaration] = []
        for model in sdk.models {
            if let index = firstGroup[model.typeName] {
                modelsByGroup[index].append(model)
            } else {
                rest.append(model)
            }
        }
        var groups = zip(sdk.groups, modelsByGroup).filter { !$0.1.isEmpty }.map { (heading: "\($0.0.typeName) models", models: $0.1) }
        if !rest.isEmpty { groups.append((groups.isEmpty ? "Models" : "Other models", rest)) }
        return groups
    }
}

extension OperationDeclaration {
    /// `/activity/{date}`: the path as the spec writes it, with the Swift argument names.
    var pathText: String {
        path.map { piece in
            switch piece {
            case .text(let text): text
            case .argument(let name, _): "{\(SwiftName.unescaped(name))}"
            }
        }.joined()
    }
}
