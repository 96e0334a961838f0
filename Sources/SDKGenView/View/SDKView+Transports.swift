import SDKGenModel
import SDKGenMustache

extension SDKView {
    /// A transport module's file: what it names of the SDK it imports.
    package func transport(_ transport: TransportModule) -> TemplateObject {
        [
            "access": .text(SwiftSource.accessPrefix(transport.access)),
            "moduleName": .text(sdk.moduleName),
            "transportModuleName": .text(transport.moduleName),
            "typeName": .text(transport.typeName),
            "errorTypeName": .text(sdk.error.typeName),
        ]
    }
}
