import SDKGenBase
import SDKGenModel
import SDKGenMustache

/// The API groups and their operations as templates see them.
extension SDKView {
    package func group(_ group: APIGroupDeclaration) -> TemplateObject {
        var object: TemplateObject = [
            "access": .text(SwiftSource.accessPrefix(group.access)),
            "typeName": .text(group.typeName),
            "protocolName": .text(group.protocolName),
            "propertyName": .text(group.propertyName),
            "tag": .text(group.tag),
            "docLines": .documentation(group.documentation),
            "clientTypeName": .text(group.clientTypeName),
            "errorTypeName": .text(group.errorTypeName),
            "operations": .list(group.operations) { operation($0, in: group) },
            "pagedOperations": .list(pagedOperations(group)),
            "hasPagedOperations": .bool(group.operations.contains { $0.pagination != nil }),
            "subgroups": .list(group.subgroups) { subgroup in
                ["propertyName": .text(subgroup.propertyName), "typeName": .text(subgroup.typeName), "docLines": .documentation(subgroup.documentation)]
            },
        ]
        object.setDeferred("reference") { [self] in .object(referencePage(group)) }
        return object
    }

    package func operation(_ operation: OperationDeclaration, in group: APIGroupDeclaration) -> TemplateObject {
        let path = SwiftSource.interpolatedLiteral(operation.path)
        let addsToRequest = operation.security != nil || operation.callCredentials != nil || operation.retries != nil || operation.accept != nil || !operation.requestItems.isEmpty || operation.body != nil
        var object: TemplateObject = [
            "origin": .object(origin(operation.origin)),
            "securityRequirement": .list(operation.securityRequirement.map(TemplateValue.lines)),
            "functionName": .text(operation.functionName),
            "callee": .text(SwiftSource.callee(operation)),
            "docLines": .documentation(operation.documentation),
            "deprecated": .bool(operation.deprecated),
            "sendsUploadBody": .bool(operation.sendsUploadBody),
            "deprecatedAttribute": .text(SwiftSource.deprecatedAttribute(message: operation.deprecationMessage)),
            "httpMethodLiteral": .text(SwiftLiteral.string(operation.httpMethod)),
            "operationIDLiteral": .text(operation.operationID.map(SwiftLiteral.string) ?? "nil"),
            "groupLiteral": .text(SwiftLiteral.string(group.typeName)),
            "functionNameLiteral": .text(SwiftLiteral.string(SwiftName.unescaped(operation.functionName))),
            "pathTemplateLiteral": .text(SwiftLiteral.string(operation.pathTemplate)),
            "requestBinding": .text(addsToRequest ? "var" : "let"),
            "pathTry": .text(path.throws ? "try " : ""),
            "pathLiteral": .text(path.literal),
            "parameters": .list(operation.parameters) { parameter($0, localName: operation.requestStruct?.localName) },
            // A request struct's fields as the local constants the rest of the function reads.
            "requestFields": .list(operation.requestStruct?.fieldNames ?? []) { name in
                ["name": .text(name), "value": .text("\(operation.requestStruct!.localName).\(name)")]
            },
            "securityLiteral": .text(operation.security.map(SwiftSource.securityLiteral)),
            "callCredentials": .text(operation.callCredentials.map(SwiftName.unescaped)),
            "retriesLiteral": .text(operation.retries.map { SwiftSource.retryConfigLiteral($0, indent: "        ") }),
            "acceptLiteral": .text(operation.accept.map(SwiftLiteral.string)),
            "requestItems": .list(operation.requestItems, requestItem),
            "body": .object(operation.body.map { body($0) }),
            "returnType": .text(operation.returnType.description),
            "sendMethod": .text(operation.isStreaming ? "stream" : "send"),
            "responseCases": .list(operation.responseCases, responseCase),
            // Whether a case is the `switch`'s `default:`, which the template otherwise adds to throw `apiError`.
            "documentsDefault": .bool(operation.responseCases.contains { $0.statuses == .default }),
        ]
        // What the conformance program checks, which the built-in templates do not print.
        object.setDeferred("responseExamples") {
            .list(operation.responseExamples) { example in
                ["label": .text(example.label), "swiftType": .text(example.swiftType.description), "json": .text(example.json)]
            }
        }
        return object
    }

    /// An argument; `localName` is the name the function's body gives it when that differs from its label.
    func parameter(_ parameter: OperationParameter, localName: String? = nil) -> TemplateObject {
        [
            "origin": .object(origin(parameter.origin)),
            "name": .text(parameter.name),
            "declaredName": .text(localName.map { "\(parameter.name) \($0)" } ?? parameter.name),
            "argumentLabel": .text(SwiftSource.argumentLabel(parameter.name)),
            "type": .text(parameter.type.description),
            "isUploadBody": .bool(parameter.type == .uploadBody),
            "defaultClause": .text(SwiftSource.defaultClause(parameter.type)),
            "documentationLines": .lines(DocComment.parameterLines(parameter.name, parameter.documentation)),
        ]
    }

    private func requestItem(_ item: RequestItem) -> TemplateObject {
        let call = SwiftSource.call(item)
        return [
            "tryPrefix": .text(call.tryPrefix),
            "method": .text(call.method),
            "wireNameLiteral": .text(SwiftLiteral.string(item.wireName)),
            "value": .text(call.value),
            "extraArguments": .text(call.extraArguments),
        ]
    }

    /// The body as the template's four optional kinds, of which one is present.
    private func body(_ body: RequestBodyDeclaration) -> TemplateObject {
        switch body {
        case .json(let argument, let contentType, let streamField):
            ["json": .object([
                "value": .text(argument),
                "contentTypeLiteral": .text(SwiftLiteral.string(contentType)),
                "extraArguments": .text(streamField.map { ", overriding: \(SwiftLiteral.string($0.name)), with: \($0.value)" } ?? ""),
            ])]
        case .form(let argument):
            ["form": .object(["value": .text(argument)])]
        case .multipart(let parts):
            ["multipart": .object(["parts": .list(parts, requestItem)])]
        case .multipartParts(let argument):
            ["multipartParts": .object(["value": .text(argument)])]
        case .raw(let argument, let contentType):
            ["raw": .object(["value": .text(argument), "contentTypeLiteral": .text(SwiftLiteral.string(contentType))])]
        }
    }

    private func responseCase(_ responseCase: ResponseCase) -> TemplateObject {
        var object: TemplateObject = [
            "label": .text(SwiftSource.caseLabel(responseCase.statuses)),
            // The pattern alone, for templates that write `case {{pattern}}:`; none for `default`.
            "pattern": .text(SwiftSource.pattern(responseCase.statuses)),
        ]
        switch responseCase.outcome {
        case .returnsNothing:
            object["returnsNothing"] = .bool(true)
        case .returnsNil:
            object["returnExpression"] = .text("nil")
        case .returns(let reading):
            object["returnExpression"] = .text(SwiftSource.expression(reading: reading))
        case .throwsStatusCase(let status, let documentedBody):
            object["thrownCase"] = .object(sdk.error.statusCase(for: status).map { thrown in
                var object = statusCase(thrown)
                // The union's case that wraps the body this operation documents, where operations document several.
                if let member = thrown.bodyMember(wrapping: documentedBody) {
                    object["bodyMember"] = .text("\(thrown.bodyType).\(member.caseName)")
                }
                return object
            })
        }
        return object
    }

}
