import Mustache

// The templates read the IR through `MustacheParent`, not through reflection. swift-mustache looks a name
// up with a `Mirror` of every object on its context stack, which enumerates every stored property on every
// lookup; rendering OpenRouter's SDK that way spent most of its time in the Swift runtime. Each IR type
// answers here by a `switch` over its stored properties instead.
//
// Every stored property must be answered, under its own name and with its value as it is (an optional's
// value or nil), exactly as the reflection did: user templates may use any of them.
// `TemplateLookupTests` checks that against a `Mirror` of lowered fixtures.

extension SwiftSDK: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "moduleName": moduleName
        case "client": client
        case "error": error
        case "groups": groups
        case "models": models
        default: nil
        }
    }
}

extension ClientDeclaration: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "access": access
        case "credentialHeaderNamesLiteral": credentialHeaderNamesLiteral
        case "credentialQueryNamesLiteral": credentialQueryNamesLiteral
        case "typeName": typeName
        case "errorTypeName": errorTypeName
        case "docLines": docLines
        case "initDocLines": initDocLines
        case "defaultServerURLLiteral": defaultServerURLLiteral
        case "defaultServerDocLines": defaultServerDocLines
        case "serverURLFunction": serverURLFunction
        case "credentials": credentials
        case "hasCredentials": hasCredentials
        case "securityLiteral": securityLiteral
        case "globalHeaders": globalHeaders
        case "hasGlobalHeaders": hasGlobalHeaders
        case "groups": groups
        case "hasGroups": hasGroups
        case "retryDefaults": retryDefaults
        case "timeoutLiteral": timeoutLiteral
        case "usesEventStreams": usesEventStreams
        case "usesMultipart": usesMultipart
        default: nil
        }
    }
}

extension ServerURLFunction: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "docLines": docLines
        case "parameters": parameters
        case "urlLiteral": urlLiteral
        default: nil
        }
    }
}

extension ServerURLParameter: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "defaultLiteral": defaultLiteral
        default: nil
        }
    }
}

extension CredentialDeclaration: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "origin": origin
        case "arguments": arguments
        case "condition": condition
        case "keyLiteral": keyLiteral
        case "valueExpression": valueExpression
        default: nil
        }
    }
}

extension CredentialArgument: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "defaultClause": defaultClause
        case "documentationLines": documentationLines
        default: nil
        }
    }
}

extension GlobalHeaderDeclaration: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "origin": origin
        case "parameterName": parameterName
        case "headerNameLiteral": headerNameLiteral
        case "documentationLines": documentationLines
        default: nil
        }
    }
}

extension APIGroupReference: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "propertyName": propertyName
        case "typeName": typeName
        case "docLines": docLines
        default: nil
        }
    }
}

extension RetryDefaults: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "docLines": docLines
        case "initialInterval": initialInterval
        case "maxInterval": maxInterval
        case "exponent": exponent
        case "maxElapsedTime": maxElapsedTime
        case "statusCodes": statusCodes
        case "retryConnectionErrors": retryConnectionErrors
        default: nil
        }
    }
}

extension ErrorDeclaration: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "access": access
        case "typeName": typeName
        case "clientTypeName": clientTypeName
        case "docLines": docLines
        case "statusCases": statusCases
        case "hasStatusCases": hasStatusCases
        default: nil
        }
    }
}

extension ErrorStatusCase: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "caseName": caseName
        case "statusCode": statusCode
        case "bodyType": bodyType
        case "docLines": docLines
        default: nil
        }
    }
}

extension APIGroupDeclaration: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "access": access
        case "typeName": typeName
        case "propertyName": propertyName
        case "clientTypeName": clientTypeName
        case "errorTypeName": errorTypeName
        case "tag": tag
        case "docLines": docLines
        case "operations": operations
        case "reference": reference
        default: nil
        }
    }
}

extension OperationDeclaration: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "origin": origin
        case "securityRequirement": securityRequirement
        case "functionName": functionName
        case "docLines": docLines
        case "deprecated": deprecated
        case "httpMethodLiteral": httpMethodLiteral
        case "requestBinding": requestBinding
        case "pathTry": pathTry
        case "pathLiteral": pathLiteral
        case "parameters": parameters
        case "securityLiteral": securityLiteral
        case "acceptLiteral": acceptLiteral
        case "requestItems": requestItems
        case "body": body
        case "returnType": returnType
        case "sendMethod": sendMethod
        case "responseCases": responseCases
        case "responseExamples": responseExamples
        default: nil
        }
    }
}

extension ResponseExample: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "label": label
        case "swiftType": swiftType
        case "json": json
        default: nil
        }
    }
}

extension OperationParameter: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "origin": origin
        case "name": name
        case "type": type
        case "defaultClause": defaultClause
        case "documentationLines": documentationLines
        default: nil
        }
    }
}

extension RequestItem: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "tryPrefix": tryPrefix
        case "method": method
        case "wireNameLiteral": wireNameLiteral
        case "value": value
        case "extraArguments": extraArguments
        default: nil
        }
    }
}

extension RequestBodyDeclaration: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "json": json
        case "form": form
        case "multipart": multipart
        case "raw": raw
        default: nil
        }
    }
}

extension JSONBodyDeclaration: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "value": value
        case "contentTypeLiteral": contentTypeLiteral
        case "extraArguments": extraArguments
        default: nil
        }
    }
}

extension ValueBodyDeclaration: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "value": value
        default: nil
        }
    }
}

extension MultipartBodyDeclaration: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "parts": parts
        default: nil
        }
    }
}

extension RawBodyDeclaration: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "value": value
        case "contentTypeLiteral": contentTypeLiteral
        default: nil
        }
    }
}

extension ResponseCase: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "pattern": pattern
        case "returnExpression": returnExpression
        case "thrownCase": thrownCase
        default: nil
        }
    }
}

extension ModelDeclaration: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "access": access
        case "origin": origin
        case "typeName": typeName
        case "docLines": docLines
        case "structModel": structModel
        case "enumModel": enumModel
        case "unionModel": unionModel
        case "tupleModel": tupleModel
        case "reference": reference
        default: nil
        }
    }
}

extension StructModel: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "properties": properties
        case "initDocLines": initDocLines
        default: nil
        }
    }
}

extension TupleModel: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "elements": elements
        case "parameters": parameters
        case "initDocLines": initDocLines
        case "hasRest": hasRest
        case "restType": restType
        default: nil
        }
    }
}

extension TupleParameter: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "type": type
        case "defaultClause": defaultClause
        default: nil
        }
    }
}

extension PropertyDeclaration: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "origin": origin
        case "name": name
        case "type": type
        case "docLines": docLines
        case "defaultClause": defaultClause
        case "codingKey": codingKey
        case "isIndirect": isIndirect
        default: nil
        }
    }
}

extension EnumModel: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "rawType": rawType
        case "hasStringRawValue": hasStringRawValue
        case "cases": cases
        case "unknownCaseName": unknownCaseName
        default: nil
        }
    }
}

extension EnumCase: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "origin": origin
        case "name": name
        case "valueLiteral": valueLiteral
        case "docLines": docLines
        default: nil
        }
    }
}

extension UnionModel: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "selectingProperties": selectingProperties
        case "hasSelectingProperties": hasSelectingProperties
        case "cases": cases
        case "discriminator": discriminator
        case "isIndirect": isIndirect
        default: nil
        }
    }
}

extension UnionCase: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "selectionConditions": selectionConditions
        case "name": name
        case "type": type
        case "docLines": docLines
        case "discriminatorValueLiterals": discriminatorValueLiterals
        default: nil
        }
    }
}

extension UnionDiscriminator: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "propertyNameLiteral": propertyNameLiteral
        default: nil
        }
    }
}

extension ReferencePage: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "path": path
        case "title": title
        case "overview": overview
        case "operations": operations
        default: nil
        }
    }
}

extension ReferenceOperation: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "anchor": anchor
        case "summary": summary
        case "description": description
        case "usageExample": usageExample
        case "callExample": callExample
        case "parameters": parameters
        case "responseType": responseType
        case "responseLink": responseLink
        case "errors": errors
        default: nil
        }
    }
}

extension ReferenceRow: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "type": type
        case "required": required
        case "description": description
        case "example": example
        default: nil
        }
    }
}

extension ReferenceErrorRow: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "errorCase": errorCase
        case "statusCode": statusCode
        case "contentType": contentType
        default: nil
        }
    }
}

extension ModelReferencePage: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "path": path
        case "title": title
        case "description": description
        case "tableTitle": tableTitle
        case "fields": fields
        default: nil
        }
    }
}

extension UnionSelectingProperty: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "wireNameLiteral": wireNameLiteral
        default: nil
        }
    }
}

extension SpecOrigin: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "key": self.key
        case "location": location
        default: nil
        }
    }
}

extension SourceLocation: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "file": file
        case "line": line
        case "column": column
        default: nil
        }
    }
}
