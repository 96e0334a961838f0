import SDKGenBase
import SDKGenModel
import SDKGenMustache

/// The models as templates see them.
extension SDKView {
    package func model(_ model: ModelDeclaration) -> TemplateObject {
        var object: TemplateObject = [
            "access": .text(SwiftSource.accessPrefix(model.access)),
            "origin": .object(origin(model.origin)),
            "typeName": .text(model.typeName),
            "fileName": .text(model.fileName),
            "docLines": .documentation(model.documentation),
            "conformances": .text(SwiftSource.conformances(of: model, equality: sdk.modelEquality)),
        ]
        object.setDeferred("reference") { [self] in .object(modelReferencePage(model)) }
        // The template tells the kinds apart by which of these four is present.
        switch model.kind {
        case .structure(let structModel):
            let limit = SwiftSource.maximumDefaultedParameters
            object["structModel"] = .object([
                "properties": .list(Array(structModel.properties.enumerated())) { property($0.element, isDefaulted: $0.offset < limit) },
                "additionalProperties": .object(structModel.additionalProperties.map { extra in
                    [
                        "name": .text(extra.name),
                        "valueType": .text(extra.valueType.description),
                        "defaultClause": .text(structModel.properties.count < limit ? " = [:]" : ""),
                        "docLines": .documentation(extra.documentation),
                        // The keys the properties are coded under, which the dictionary does not take.
                        "declaredKeysLiteral": .text(SwiftSource.stringsLiteral(structModel.properties.map(\.wireName))),
                    ]
                }),
                "initDocLines": .documentation(structModel.initDocumentation),
                // The keys of the properties beside an extended union, which its member does not see.
                "ownKeysLiteral": .text(SwiftSource.stringsLiteral(structModel.properties.filter { $0.coding != .wholeObject }.map(\.wireName))),
            ])
        case .enumeration(let enumModel):
            let hasStringRawValue = enumModel.hasStringValues
            object["enumModel"] = .object([
                "rawType": .text(hasStringRawValue ? "String" : "Int"),
                "hasStringRawValue": .bool(hasStringRawValue),
                "cases": .list(enumModel.cases) { enumCase in
                    [
                        "origin": .object(origin(enumCase.origin)),
                        "name": .text(enumCase.name),
                        "valueLiteral": .text(SwiftSource.literal(enumCase.value)),
                        "docLines": .documentation(enumCase.documentation),
                    ]
                },
                "unknownCaseName": .text(enumModel.unknownCaseName),
            ])
        case .union(let unionModel):
            object["unionModel"] = .object(union(unionModel))
        case .tuple(let tupleModel):
            object["tupleModel"] = .object(tuple(tupleModel))
        }
        return object
    }

    /// A struct's stored property, coded under its wire name.
    /// - Parameter isDefaulted: Whether its initializer parameter may have a default (`maximumDefaultedParameters`).
    private func property(_ property: PropertyDeclaration, isDefaulted: Bool) -> TemplateObject {
        let isOptional = property.type.isOptional
        var object: TemplateObject = [
            "origin": .object(origin(property.origin)),
            "name": .text(property.name),
            "type": .text(property.type.description),
            "docLines": .documentation(property.documentation),
            "defaultClause": .text(isDefaulted ? SwiftSource.defaultClause(property.type) : ""),
            "wireNameLiteral": .text(SwiftLiteral.string(property.wireName)),
            // An optional property may be absent: it is read only when present and left out when `nil`.
            "decodeMethod": .text(isOptional ? "decodeIfPresent" : "decode"),
            "encodeMethod": .text(isOptional ? "encodeIfPresent" : "encode"),
            "isIndirect": .bool(property.isIndirect),
            // The type the value is decoded as, then converted by `decodedConversion`; `encodedValue` is what is encoded.
            "codedType": .text(property.type.nonOptional.description),
            "decodedConversion": .text(""),
            "encodedValue": .text("self." + property.name),
            "isWholeObject": .bool(property.coding == .wholeObject),
        ]
        if case .unixTime(let wholeSeconds) = property.coding {
            // Coded through the runtime's `UnixTime` (`[UnixTime]` for an array), converted to and from `Date`.
            let coder = wholeSeconds ? "UnixTime" : "FractionalUnixTime"
            let isArray = property.type.nonOptional != .date
            let chain = isOptional ? "?." : "."
            object["codedType"] = .text(isArray ? "[\(coder)]" : coder)
            object["decodedConversion"] = .text(chain + (isArray ? "map(\\.date)" : "date"))
            let value = "self." + property.name
            let encodedValue = switch (isArray, isOptional) {
            case (false, false): "\(coder)(\(value))"
            case (false, true), (true, false): "\(value).map(\(coder).init)"
            case (true, true): "\(value).map { $0.map(\(coder).init) }"
            }
            object["encodedValue"] = .text(encodedValue)
        }
        return object
    }

    /// A tuple's element: always present, a `null` element for an optional one, so it has no default and is coded
    /// as its whole type.
    private func element(_ element: PropertyDeclaration) -> TemplateObject {
        [
            "origin": .object(origin(element.origin)),
            "name": .text(element.name),
            "type": .text(element.type.description),
            "docLines": .documentation(element.documentation),
            "defaultClause": .text(""),
            "wireNameLiteral": .text(""),
            "valueType": .text(element.type.nonOptional.description),
            "decodeMethod": .text("decode"),
            "encodeMethod": .text("encode"),
            "isIndirect": .bool(element.isIndirect),
        ]
    }

    private func tuple(_ tuple: TupleModel) -> TemplateObject {
        var parameters: [TemplateValue] = tuple.elements.map { element in
            .object(["name": .text(element.name), "type": .text(element.type.description), "defaultClause": .text("")])
        }
        if let restType = tuple.restType {
            parameters.append(.object(["name": .text("rest"), "type": .text(SwiftType.array(restType).description), "defaultClause": .text(" = []")]))
        }
        return [
            "elements": .list(tuple.elements, element),
            "parameters": .list(parameters),
            "initDocLines": .documentation(tuple.initDocumentation),
            "hasRest": .bool(tuple.restType != nil),
            "restType": .text(tuple.restType?.description ?? ""),
        ]
    }

    private func union(_ union: UnionModel) -> TemplateObject {
        [
            "cases": .list(union.cases) { unionCase in
                [
                    "name": .text(unionCase.name),
                    "type": .text(unionCase.type.description),
                    "docLines": .documentation(unionCase.documentation),
                    "discriminatorValueLiterals": .lines(unionCase.discriminatorValues.map(SwiftLiteral.string)),
                    "selectionConditions": .lines(unionCase.selection.map(Self.condition)),
                    // `["a", "b"]`, the keys a best-fit attempt of the case allows the payload.
                    "declaredKeysLiteral": .text(union.triesBestFitFirst ? unionCase.declaredKeys.map(SwiftSource.stringsLiteral) : nil),
                ]
            },
            "triesBestFitFirst": .bool(union.triesBestFitFirst),
            "discriminator": .object(union.discriminator.map {
                ["propertyNameLiteral": .text(SwiftLiteral.string($0.propertyName)), "unknownCaseName": .text($0.unknownCaseName)]
            }),
            "selectingProperties": .list(union.selectingProperties) { property in
                ["name": .text(property.name), "wireNameLiteral": .text(SwiftLiteral.string(property.wireName))]
            },
            "hasSelectingProperties": .bool(!union.selectingProperties.isEmpty),
            "isIndirect": .bool(union.isIndirect),
        ]
    }

    /// `source == "openrouter"`, or `["a", "b"].contains(source)`: a union case's selection condition in Swift.
    private static func condition(_ condition: UnionSelectionCondition) -> String {
        condition.values.count == 1
            ? "\(condition.property) == \(SwiftLiteral.string(condition.values[0]))"
            : "[\(condition.values.map(SwiftLiteral.string).joined(separator: ", "))].contains(\(condition.property))"
    }
}
