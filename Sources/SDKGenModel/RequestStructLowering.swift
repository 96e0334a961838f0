import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// Speakeasy's `x-speakeasy-max-method-params`: an operation with more inputs (parameters, and the body as one)
/// than the limit takes them in one struct, `request: GetSessionCostRequest`, as the official Speakeasy SDKs do.
///
/// The operation's own value wins over the document's. An operation whose only input is its body keeps taking the
/// body, which Speakeasy's SDKs pass as the request itself.
extension SDKLowering {
    package struct LoweredRequestStruct {
        package var argument: OperationParameter
        package var declaration: RequestStructDeclaration
    }

    package mutating func requestStruct(_ operation: Operation, typePrefix: String, arguments: [OperationParameter],
                                        inputCount: Int) -> LoweredRequestStruct? {
        let limit = SpeakeasyExtension.maxMethodParameters(operation.extensions, diagnostics: &diagnostics) ?? maxMethodParameters
        guard let limit, inputCount > limit, !arguments.isEmpty, arguments.map(\.origin.key) != ["body"] else { return nil }
        let typeName = types.claimTypeName(typePrefix + "Request")
        let properties = arguments.map { argument in
            PropertyDeclaration(
                name: argument.name, type: argument.type, documentation: [.text(argument.documentation ?? "")],
                wireName: SwiftName.unescaped(argument.name), isRequired: !argument.type.isOptional,
                description: argument.description, example: argument.example, isIndirect: false, origin: argument.origin)
        }
        types.addModel(ModelDeclaration(
            access: options.access, typeName: typeName, fileName: typeName,
            description: nil,
            documentation: [.sentences("The arguments of `\(operation.method.rawValue.uppercased()) \(operation.path)`, each sent as the parameter or body it is named for.")],
            kind: .structure(StructModel(
                properties: properties,
                initDocumentation: [.sentences("Creates a value from its properties."),
                                    .parameters(arguments.map { Documentation.Parameter($0.name, $0.documentation) })])),
            origin: SpecOrigin(key: typeName, location: operation.location)))

        var localName = "input"
        let taken = Set(arguments.map { SwiftName.unescaped($0.name) })
        while taken.contains(localName) { localName += "Value" }
        let allOptional = arguments.allSatisfy(\.type.isOptional)
        return LoweredRequestStruct(
            argument: OperationParameter(
                name: "request", type: .named(typeName),
                documentation: "The operation's arguments" + (allOptional ? "; every one may be left out." : "."),
                description: nil, example: nil,
                origin: SpecOrigin(key: "request", location: operation.location)),
            declaration: RequestStructDeclaration(typeName: typeName, localName: localName, fieldNames: arguments.map(\.name)))
    }
}
