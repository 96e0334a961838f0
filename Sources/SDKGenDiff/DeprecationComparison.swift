import SDKGenBase
import SDKGenModel
import SDKGenView

/// Reports what the new spec newly marks `deprecated`: functions, model types and properties.
///
/// Deprecation changes no API, so it is compatible; it is reported because code using the declaration now compiles
/// with a warning (a deprecated function is `@available(*, deprecated)`) or is told in its documentation to move on.
extension APIComparison {
    package mutating func compareDeprecations() {
        let oldFunctions = Self.functions(of: old)
        for (key, function) in Self.functions(of: new) {
            guard let oldFunction = oldFunctions[key], function.declaration.deprecated, !oldFunction.declaration.deprecated else { continue }
            add(.operationDeprecated, .compatible, at: function.declaration.origin.location,
                symbol: Self.symbol(oldFunction, client: old.client.typeName),
                "the function is deprecated: calls to it compile with a warning")
        }
        let oldModels = Dictionary(old.models.map { ($0.typeName, $0) }, uniquingKeysWith: { first, _ in first })
        for model in new.models {
            guard let oldModel = oldModels[model.typeName] else { continue }
            if Self.isDeprecated(model.documentation), !Self.isDeprecated(oldModel.documentation) {
                add(.modelDeprecated, .compatible, at: model.origin.location, symbol: model.typeName, "the type is deprecated")
            }
            let oldProperties = Dictionary(Self.properties(of: oldModel).map { ($0.origin.key, $0) }, uniquingKeysWith: { first, _ in first })
            for property in Self.properties(of: model) {
                guard let oldProperty = oldProperties[property.origin.key],
                      Self.isDeprecated(property.documentation), !Self.isDeprecated(oldProperty.documentation) else { continue }
                add(.fieldDeprecated, .compatible, at: property.origin.location,
                    symbol: "\(model.typeName).\(SwiftName.unescaped(oldProperty.name))", "the property is deprecated")
            }
        }
    }

    private static func isDeprecated(_ documentation: Documentation) -> Bool {
        documentation.blocks.contains(.deprecated)
    }

    private static func properties(of model: ModelDeclaration) -> [PropertyDeclaration] {
        if case .structure(let structure) = model.kind { return structure.properties }
        return []
    }
}
