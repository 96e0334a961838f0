@testable import SDKGenCore
import Testing

/// The names templates read are sdkgen's interface to customised templates: a user's copy of a template must keep
/// rendering after an upgrade, so every name sdkgen ever offered stays offered by the View stage.
@Suite struct TemplateFieldNameTests {
    /// Every field name the templates could read before the View stage existed, when the SDK model itself was
    /// what templates saw (sdkgen at 73ce23d).
    static let namesOfferedBefore: Set<String> = [
        "acceptLiteral", "access", "anchor", "arguments", "body", "bodyType", "callExample", "caseName", "cases", "client",
        "clientTypeName", "column", "condition", "contentType", "contentTypeLiteral", "credentialHeaderNamesLiteral",
        "credentialQueryNamesLiteral", "credentials", "decodeMethod", "defaultClause", "defaultLiteral",
        "defaultServerDocLines", "defaultServerURLLiteral", "deprecated", "description", "discriminator",
        "discriminatorValueLiterals", "docLines", "documentationLines", "elements", "encodeMethod", "enumModel", "error",
        "errorCase", "errorTypeName", "errors", "example", "exponent", "extraArguments", "fields", "file", "fileName", "form",
        "functionName", "globalHeaders", "groups", "hasCredentials", "hasGlobalHeaders", "hasGroups", "hasRest",
        "hasSelectingProperties", "hasStatusCases", "hasStringRawValue", "headerNameLiteral", "httpMethodLiteral",
        "initDocLines", "initialInterval", "isIndirect", "json", "key", "keyLiteral", "label", "line", "location",
        "maxElapsedTime", "maxInterval", "method", "models", "moduleName", "multipart", "name", "operations", "origin",
        "overview", "parameterName", "parameters", "parts", "path", "pathLiteral", "pathTry", "pattern", "properties",
        "propertyName", "propertyNameLiteral", "raw", "rawType", "reference", "requestBinding", "requestItems", "required",
        "responseCases", "responseExamples", "responseLink", "responseType", "restType", "retryConnectionErrors",
        "retryDefaults", "returnExpression", "returnType", "securityLiteral", "securityRequirement", "selectingProperties",
        "selectionConditions", "sendMethod", "serverURLFunction", "statusCases", "statusCode", "statusCodes", "structModel",
        "summary", "swiftType", "tableTitle", "tag", "thrownCase", "timeoutLiteral", "title", "tryPrefix", "tupleModel",
        "type", "typeName", "unionModel", "unknownCaseName", "urlLiteral", "usageExample", "usesEventStreams",
        "usesMultipart", "value", "valueExpression", "valueLiteral", "valueType", "wireNameLiteral",
    ]

    @Test func everyNameOfferedBeforeIsStillOffered() async throws {
        var offered: Set<String> = []
        for golden in GoldenSDK.all {
            let sdk = try await offTheCooperativePool {
                try SDKGenerator.generateModel(SDKGenerator.Options(specPath: PackagePaths.root.appendingPathComponent(golden.spec).path,
                                                                    templatesPath: "", moduleName: golden.moduleName)).sdk
            }
            collectNames(in: .object(SDKView(sdk).root), into: &offered)
        }
        #expect(Self.namesOfferedBefore.subtracting(offered).sorted() == [])
    }

    /// Objects answer their own fields only: a name an object lacks is looked up further down the context stack,
    /// as a Mustache name is.
    @Test func aMissingNameFallsThroughToTheEnclosingObject() throws {
        let inner: TemplateObject = ["name": .text("property")]
        #expect(inner["access"].isAbsent)
        let outer: TemplateObject = ["access": .text("public "), "properties": .list([.object(inner)])]
        let rendered = try TemplateRendererTests.render("{{#properties}}{{access}}var {{name}}{{/properties}}", .object(outer))
        #expect(rendered == "public var property")
    }

    /// A field made only when read (a model's reference page inside its source file's object) renders as any other.
    @Test func aDeferredFieldIsMadeWhenATemplateReadsIt() throws {
        var object: TemplateObject = ["typeName": .text("Pet")]
        object.setDeferred("reference") { .object(["title": .text("Pet's page")]) }
        #expect(object.fieldNames == ["typeName", "reference"])
        let rendered = try TemplateRendererTests.render("{{typeName}}: {{#reference}}{{title}}{{/reference}}", .object(object))
        #expect(rendered == "Pet: Pet's page")
    }

    private func collectNames(in value: TemplateValue, into names: inout Set<String>) {
        switch value {
        case .object(let object):
            for name in object.fieldNames {
                names.insert(name)
                collectNames(in: object[name], into: &names)
            }
        case .list(let elements):
            for element in elements { collectNames(in: element, into: &names) }
        case .text, .bool, .absent:
            break
        }
    }
}

extension TemplateValue {
    var isAbsent: Bool {
        if case .absent = self { return true }
        return false
    }
}
