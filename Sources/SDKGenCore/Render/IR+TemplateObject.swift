// The templates read the IR through `TemplateObject`: each IR type answers a field by a `switch` over its
// stored properties, with a `TemplateValue` that says what the value is. (swift-mustache, used before, looked
// names up with a `Mirror` or an `Any` it then cast to find out what it held; both dominated rendering.)
//
// Every stored property must be answered, under its own name and with its value as it is (an optional's
// value, or `.absent` for nil): user templates may use any of them. `TemplateLookupTests` checks that against
// a `Mirror` of lowered fixtures.

extension SwiftSDK: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .moduleName: moduleName.templateValue
        case .client: client.templateValue
        case .error: error.templateValue
        case .groups: groups.templateValue
        case .models: models.templateValue
        default: .absent
        }
    }
}

extension ClientDeclaration: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .access: access.templateValue
        case .credentialHeaderNamesLiteral: credentialHeaderNamesLiteral.templateValue
        case .credentialQueryNamesLiteral: credentialQueryNamesLiteral.templateValue
        case .typeName: typeName.templateValue
        case .errorTypeName: errorTypeName.templateValue
        case .docLines: docLines.templateValue
        case .initDocLines: initDocLines.templateValue
        case .defaultServerURLLiteral: defaultServerURLLiteral.templateValue
        case .defaultServerDocLines: defaultServerDocLines.templateValue
        case .serverURLFunction: serverURLFunction.templateValue
        case .credentials: credentials.templateValue
        case .hasCredentials: hasCredentials.templateValue
        case .securityLiteral: securityLiteral.templateValue
        case .globalHeaders: globalHeaders.templateValue
        case .hasGlobalHeaders: hasGlobalHeaders.templateValue
        case .groups: groups.templateValue
        case .hasGroups: hasGroups.templateValue
        case .retryDefaults: retryDefaults.templateValue
        case .timeoutLiteral: timeoutLiteral.templateValue
        case .usesEventStreams: usesEventStreams.templateValue
        case .usesMultipart: usesMultipart.templateValue
        default: .absent
        }
    }
}

extension ServerURLFunction: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .docLines: docLines.templateValue
        case .parameters: parameters.templateValue
        case .urlLiteral: urlLiteral.templateValue
        default: .absent
        }
    }
}

extension ServerURLParameter: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .name: name.templateValue
        case .defaultLiteral: defaultLiteral.templateValue
        default: .absent
        }
    }
}

extension CredentialDeclaration: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .origin: origin.templateValue
        case .arguments: arguments.templateValue
        case .condition: condition.templateValue
        case .keyLiteral: keyLiteral.templateValue
        case .valueExpression: valueExpression.templateValue
        default: .absent
        }
    }
}

extension CredentialArgument: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .name: name.templateValue
        case .defaultClause: defaultClause.templateValue
        case .documentationLines: documentationLines.templateValue
        default: .absent
        }
    }
}

extension GlobalHeaderDeclaration: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .origin: origin.templateValue
        case .parameterName: parameterName.templateValue
        case .headerNameLiteral: headerNameLiteral.templateValue
        case .documentationLines: documentationLines.templateValue
        default: .absent
        }
    }
}

extension APIGroupReference: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .propertyName: propertyName.templateValue
        case .typeName: typeName.templateValue
        case .docLines: docLines.templateValue
        default: .absent
        }
    }
}

extension RetryDefaults: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .docLines: docLines.templateValue
        case .initialInterval: initialInterval.templateValue
        case .maxInterval: maxInterval.templateValue
        case .exponent: exponent.templateValue
        case .maxElapsedTime: maxElapsedTime.templateValue
        case .statusCodes: statusCodes.templateValue
        case .retryConnectionErrors: retryConnectionErrors.templateValue
        default: .absent
        }
    }
}

extension ErrorDeclaration: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .access: access.templateValue
        case .typeName: typeName.templateValue
        case .clientTypeName: clientTypeName.templateValue
        case .docLines: docLines.templateValue
        case .statusCases: statusCases.templateValue
        case .hasStatusCases: hasStatusCases.templateValue
        default: .absent
        }
    }
}

extension ErrorStatusCase: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .caseName: caseName.templateValue
        case .statusCode: statusCode.templateValue
        case .bodyType: bodyType.templateValue
        case .docLines: docLines.templateValue
        default: .absent
        }
    }
}

extension APIGroupDeclaration: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .access: access.templateValue
        case .typeName: typeName.templateValue
        case .propertyName: propertyName.templateValue
        case .clientTypeName: clientTypeName.templateValue
        case .errorTypeName: errorTypeName.templateValue
        case .tag: tag.templateValue
        case .docLines: docLines.templateValue
        case .operations: operations.templateValue
        case .reference: reference.templateValue
        default: .absent
        }
    }
}

extension OperationDeclaration: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .origin: origin.templateValue
        case .securityRequirement: securityRequirement.templateValue
        case .functionName: functionName.templateValue
        case .docLines: docLines.templateValue
        case .deprecated: deprecated.templateValue
        case .httpMethodLiteral: httpMethodLiteral.templateValue
        case .requestBinding: requestBinding.templateValue
        case .pathTry: pathTry.templateValue
        case .pathLiteral: pathLiteral.templateValue
        case .parameters: parameters.templateValue
        case .securityLiteral: securityLiteral.templateValue
        case .acceptLiteral: acceptLiteral.templateValue
        case .requestItems: requestItems.templateValue
        case .body: body.templateValue
        case .returnType: returnType.templateValue
        case .sendMethod: sendMethod.templateValue
        case .responseCases: responseCases.templateValue
        case .responseExamples: responseExamples.templateValue
        default: .absent
        }
    }
}

extension ResponseExample: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .label: label.templateValue
        case .swiftType: swiftType.templateValue
        case .json: json.templateValue
        default: .absent
        }
    }
}

extension OperationParameter: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .origin: origin.templateValue
        case .name: name.templateValue
        case .type: type.templateValue
        case .defaultClause: defaultClause.templateValue
        case .documentationLines: documentationLines.templateValue
        default: .absent
        }
    }
}

extension RequestItem: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .tryPrefix: tryPrefix.templateValue
        case .method: method.templateValue
        case .wireNameLiteral: wireNameLiteral.templateValue
        case .value: value.templateValue
        case .extraArguments: extraArguments.templateValue
        default: .absent
        }
    }
}

extension RequestBodyDeclaration: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .json: json.templateValue
        case .form: form.templateValue
        case .multipart: multipart.templateValue
        case .raw: raw.templateValue
        default: .absent
        }
    }
}

extension JSONBodyDeclaration: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .value: value.templateValue
        case .contentTypeLiteral: contentTypeLiteral.templateValue
        case .extraArguments: extraArguments.templateValue
        default: .absent
        }
    }
}

extension ValueBodyDeclaration: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .value: value.templateValue
        default: .absent
        }
    }
}

extension MultipartBodyDeclaration: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .parts: parts.templateValue
        default: .absent
        }
    }
}

extension RawBodyDeclaration: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .value: value.templateValue
        case .contentTypeLiteral: contentTypeLiteral.templateValue
        default: .absent
        }
    }
}

extension ResponseCase: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .pattern: pattern.templateValue
        case .returnExpression: returnExpression.templateValue
        case .thrownCase: thrownCase.templateValue
        default: .absent
        }
    }
}

extension ModelDeclaration: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .access: access.templateValue
        case .origin: origin.templateValue
        case .typeName: typeName.templateValue
        case .fileName: fileName.templateValue
        case .docLines: docLines.templateValue
        case .structModel: structModel.templateValue
        case .enumModel: enumModel.templateValue
        case .unionModel: unionModel.templateValue
        case .tupleModel: tupleModel.templateValue
        case .reference: reference.templateValue
        default: .absent
        }
    }
}

extension StructModel: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .properties: properties.templateValue
        case .initDocLines: initDocLines.templateValue
        default: .absent
        }
    }
}

extension TupleModel: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .elements: elements.templateValue
        case .parameters: parameters.templateValue
        case .initDocLines: initDocLines.templateValue
        case .hasRest: hasRest.templateValue
        case .restType: restType.templateValue
        default: .absent
        }
    }
}

extension TupleParameter: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .name: name.templateValue
        case .type: type.templateValue
        case .defaultClause: defaultClause.templateValue
        default: .absent
        }
    }
}

extension PropertyDeclaration: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .origin: origin.templateValue
        case .name: name.templateValue
        case .type: type.templateValue
        case .docLines: docLines.templateValue
        case .defaultClause: defaultClause.templateValue
        case .wireNameLiteral: wireNameLiteral.templateValue
        case .valueType: valueType.templateValue
        case .decodeMethod: decodeMethod.templateValue
        case .encodeMethod: encodeMethod.templateValue
        case .isIndirect: isIndirect.templateValue
        default: .absent
        }
    }
}

extension EnumModel: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .rawType: rawType.templateValue
        case .hasStringRawValue: hasStringRawValue.templateValue
        case .cases: cases.templateValue
        case .unknownCaseName: unknownCaseName.templateValue
        default: .absent
        }
    }
}

extension EnumCase: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .origin: origin.templateValue
        case .name: name.templateValue
        case .valueLiteral: valueLiteral.templateValue
        case .docLines: docLines.templateValue
        default: .absent
        }
    }
}

extension UnionModel: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .selectingProperties: selectingProperties.templateValue
        case .hasSelectingProperties: hasSelectingProperties.templateValue
        case .cases: cases.templateValue
        case .discriminator: discriminator.templateValue
        case .isIndirect: isIndirect.templateValue
        default: .absent
        }
    }
}

extension UnionCase: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .selectionConditions: selectionConditions.templateValue
        case .name: name.templateValue
        case .type: type.templateValue
        case .docLines: docLines.templateValue
        case .discriminatorValueLiterals: discriminatorValueLiterals.templateValue
        default: .absent
        }
    }
}

extension UnionDiscriminator: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .propertyNameLiteral: propertyNameLiteral.templateValue
        default: .absent
        }
    }
}

extension ReferencePage: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .path: path.templateValue
        case .title: title.templateValue
        case .overview: overview.templateValue
        case .operations: operations.templateValue
        default: .absent
        }
    }
}

extension ReferenceOperation: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .name: name.templateValue
        case .anchor: anchor.templateValue
        case .summary: summary.templateValue
        case .description: description.templateValue
        case .usageExample: usageExample.templateValue
        case .callExample: callExample.templateValue
        case .parameters: parameters.templateValue
        case .responseType: responseType.templateValue
        case .responseLink: responseLink.templateValue
        case .errors: errors.templateValue
        default: .absent
        }
    }
}

extension ReferenceRow: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .name: name.templateValue
        case .type: type.templateValue
        case .required: required.templateValue
        case .description: description.templateValue
        case .example: example.templateValue
        default: .absent
        }
    }
}

extension ReferenceErrorRow: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .errorCase: errorCase.templateValue
        case .statusCode: statusCode.templateValue
        case .contentType: contentType.templateValue
        default: .absent
        }
    }
}

extension ModelReferencePage: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .path: path.templateValue
        case .title: title.templateValue
        case .description: description.templateValue
        case .tableTitle: tableTitle.templateValue
        case .fields: fields.templateValue
        default: .absent
        }
    }
}

extension UnionSelectingProperty: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .name: name.templateValue
        case .wireNameLiteral: wireNameLiteral.templateValue
        default: .absent
        }
    }
}

extension SpecOrigin: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .key: key.templateValue
        case .location: location.templateValue
        default: .absent
        }
    }
}

extension SourceLocation: TemplateObject {
    func templateValue(of field: TemplateField) -> TemplateValue {
        switch field {
        case .file: file.templateValue
        case .line: line.templateValue
        case .column: column.templateValue
        default: .absent
        }
    }
}
