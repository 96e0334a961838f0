import SDKGenBase
import SDKGenModel
import SDKGenView

/// Compares the model types of two SDKs: structs by property, tuples by element, enums by value, unions by case.
///
/// Types are matched by Swift name, properties by wire name and enum cases by value. A property change is
/// classified by how users meet the type (see `TypeUsage`):
/// - a property added without `?` breaks code that builds the value (the initializer needs it), not code that reads it;
/// - a property removed, renamed or retyped breaks both;
/// - `T` becoming `T?` breaks code that reads it; `T?` becoming `T` breaks code that builds the value (the initializer
///   argument loses its default) and code that reads it (Swift refuses `if let` and `?.` on a non-optional).
/// Enum values added are compatible: the generated enums are open, and a value the SDK did not know already
/// decoded as `unknown`. (A `switch` listing every case without `default` needs the new case, as Swift requires.)
extension APIComparison {
    package mutating func compareModels() {
        let oldModels = Dictionary(old.models.map { ($0.typeName, $0) }, uniquingKeysWith: { first, _ in first })
        let newModels = Dictionary(new.models.map { ($0.typeName, $0) }, uniquingKeysWith: { first, _ in first })
        let oldUsage = TypeUsage(old), newUsage = TypeUsage(new)
        for model in old.models where newModels[model.typeName] == nil {
            add(.modelRemoved, .breaking, at: model.origin.location, symbol: model.typeName, "the \(Self.kindText(model)) is removed")
        }
        for model in new.models where oldModels[model.typeName] == nil {
            add(.modelAdded, .compatible, at: model.origin.location, symbol: model.typeName, "the \(Self.kindText(model)) is added")
        }
        for oldModel in old.models {
            guard let newModel = newModels[oldModel.typeName] else { continue }
            let sent = oldUsage.isSent(oldModel.typeName) || newUsage.isSent(newModel.typeName)
            let received = oldUsage.isReceived(oldModel.typeName) || newUsage.isReceived(newModel.typeName)
            switch (oldModel.kind, newModel.kind) {
            case (.structure(let oldStruct), .structure(let newStruct)):
                compareProperties(oldStruct.properties, newStruct.properties, of: newModel.typeName, sent: sent, received: received)
            case (.tuple(let oldTuple), .tuple(let newTuple)):
                // Elements are matched by position (their origin key), and judged as properties are.
                compareProperties(oldTuple.elements, newTuple.elements, of: newModel.typeName, sent: sent, received: received)
            case (.enumeration(let oldEnum), .enumeration(let newEnum)):
                compareCases(oldEnum.cases, newEnum.cases, of: newModel.typeName)
            case (.union(let oldUnion), .union(let newUnion)):
                compareUnionCases(oldUnion.cases, newUnion.cases, of: newModel)
            default:
                add(.modelKindChanged, .breaking, at: newModel.origin.location, symbol: newModel.typeName,
                    "the \(Self.kindText(oldModel)) becomes a \(Self.kindText(newModel))")
            }
        }
    }

    private mutating func compareProperties(_ oldProperties: [PropertyDeclaration], _ newProperties: [PropertyDeclaration],
                                            of typeName: String, sent: Bool, received: Bool) {
        let oldByKey = Dictionary(oldProperties.map { ($0.origin.key, $0) }, uniquingKeysWith: { first, _ in first })
        let newByKey = Dictionary(newProperties.map { ($0.origin.key, $0) }, uniquingKeysWith: { first, _ in first })
        func symbol(_ property: PropertyDeclaration) -> String { "\(typeName).\(SwiftName.unescaped(property.name))" }
        let side = sent && received ? "" : sent ? "; `\(typeName)` is only sent in requests" : "; `\(typeName)` is only received in responses"

        for property in oldProperties where newByKey[property.origin.key] == nil {
            add(.fieldRemoved, .breaking, at: property.origin.location, symbol: symbol(property),
                "the property `\(SwiftName.unescaped(property.name)): \(property.type)`"
                + (SwiftName.unescaped(property.name) == property.origin.key ? "" : " (`\(property.origin.key)` in JSON)") + " is removed")
        }
        for property in newProperties where oldByKey[property.origin.key] == nil {
            let required = !property.type.isOptional
            add(.fieldAdded, required && sent ? .breaking : .compatible, at: property.origin.location, symbol: symbol(property),
                "the \(required ? "required" : "optional") property `\(SwiftName.unescaped(property.name)): \(property.type)` is added"
                + (required && sent ? ", which the initializer needs" : "") + side)
        }
        for oldProperty in oldProperties {
            guard let newProperty = newByKey[oldProperty.origin.key] else { continue }
            let location = newProperty.origin.location
            let name = SwiftName.unescaped(newProperty.name)
            if oldProperty.name != newProperty.name {
                add(.fieldRenamed, .breaking, at: location, symbol: symbol(oldProperty),
                    "the property for `\(oldProperty.origin.key)` is renamed `\(name)`")
            }
            let oldType = oldProperty.type.nonOptional, newType = newProperty.type.nonOptional
            if oldType != newType {
                add(.fieldTypeChanged, .breaking, at: location, symbol: symbol(oldProperty),
                    "the type of `\(name)` \(SwiftTypeChange.describe(from: oldType, to: newType, models: old.models + new.models))")
            }
            switch (oldProperty.type.isOptional, newProperty.type.isOptional) {
            case (false, true):
                add(.fieldBecameOptional, received ? .breaking : .compatible, at: location, symbol: symbol(oldProperty),
                    "`\(name)` may now be absent (`\(oldProperty.type)` → `\(newProperty.type)`)" + side)
            case (true, false):
                // Reading code breaks too: Swift refuses `if let` and `?.` on a value that is no longer optional.
                let needs = [sent ? "the initializer needs it" : nil, received ? "code unwrapping it no longer compiles" : nil]
                add(.fieldBecameRequired, .breaking, at: location, symbol: symbol(oldProperty),
                    "`\(name)` is now always present (`\(oldProperty.type)` → `\(newProperty.type)`), so "
                    + needs.compactMap { $0 }.joined(separator: " and ") + side)
            default:
                break
            }
        }
    }

    private mutating func compareCases(_ oldCases: [EnumCase], _ newCases: [EnumCase], of typeName: String) {
        let oldByKey = Dictionary(oldCases.map { ($0.origin.key, $0) }, uniquingKeysWith: { first, _ in first })
        let newByKey = Dictionary(newCases.map { ($0.origin.key, $0) }, uniquingKeysWith: { first, _ in first })
        func symbol(_ enumCase: EnumCase) -> String { "\(typeName).\(SwiftName.unescaped(enumCase.name))" }
        for enumCase in oldCases where newByKey[enumCase.origin.key] == nil {
            add(.enumValueRemoved, .breaking, at: enumCase.origin.location, symbol: symbol(enumCase),
                "the value \(SwiftSource.literal(enumCase.value)) is removed, and its case with it")
        }
        for enumCase in newCases where oldByKey[enumCase.origin.key] == nil {
            add(.enumValueAdded, .compatible, at: enumCase.origin.location, symbol: symbol(enumCase),
                "the value \(SwiftSource.literal(enumCase.value)) is added; the SDK decoded it as `unknown` before")
        }
        for oldCase in oldCases {
            guard let newCase = newByKey[oldCase.origin.key], newCase.name != oldCase.name else { continue }
            add(.enumValueRenamed, .breaking, at: newCase.origin.location, symbol: symbol(oldCase),
                "the case for \(SwiftSource.literal(newCase.value)) is renamed `\(SwiftName.unescaped(newCase.name))`")
        }
    }

    private mutating func compareUnionCases(_ oldCases: [UnionCase], _ newCases: [UnionCase], of model: ModelDeclaration) {
        let oldByName = Dictionary(oldCases.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let newByName = Dictionary(newCases.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        func symbol(_ unionCase: UnionCase) -> String { "\(model.typeName).\(SwiftName.unescaped(unionCase.name))" }
        // Union cases come from schemas without a wire name of their own, so they are located at the union.
        for unionCase in oldCases where newByName[unionCase.name] == nil {
            add(.unionCaseRemoved, .breaking, at: model.origin.location, symbol: symbol(unionCase),
                "the case `\(SwiftName.unescaped(unionCase.name))(\(unionCase.type))` is removed")
        }
        for unionCase in newCases where oldByName[unionCase.name] == nil {
            add(.unionCaseAdded, .compatible, at: model.origin.location, symbol: symbol(unionCase),
                "the case `\(SwiftName.unescaped(unionCase.name))(\(unionCase.type))` is added")
        }
        for oldCase in oldCases {
            guard let newCase = newByName[oldCase.name], newCase.type != oldCase.type else { continue }
            add(.unionCaseTypeChanged, .breaking, at: model.origin.location, symbol: symbol(oldCase),
                "the value of the case \(SwiftTypeChange.describe(from: oldCase.type, to: newCase.type, models: old.models + new.models))")
        }
    }

    private static func kindText(_ model: ModelDeclaration) -> String {
        switch model.kind {
        case .structure: "struct"
        case .enumeration: "enum"
        case .tuple: "tuple struct"
        case .union: "union enum"
        }
    }
}
