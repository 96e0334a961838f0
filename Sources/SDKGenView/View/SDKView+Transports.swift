import SDKGenModel
import SDKGenMustache

extension SDKView {
    /// A transport module's file: what it names of the SDK it imports, and which parts of its runtime the SDK uses.
    package func transport(_ transport: TransportModule) -> TemplateObject {
        var object: TemplateObject = [
            "access": .text(SwiftSource.accessPrefix(transport.access)),
            "moduleName": .text(sdk.moduleName),
            "transportModuleName": .text(transport.moduleName),
            "typeName": .text(transport.typeName),
            "errorTypeName": .text(sdk.error.typeName),
        ]
        addRuntimeFeatures(to: &object)
        return object
    }
}
