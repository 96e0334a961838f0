/// The fields OpenAPI 3.0, 3.1 and 3.2 define for the objects whose fields an SDK is made of, where a field written
/// wrongly would be lost in silence (a body, a schema, a response): `requestbody`, or a media type's `type` meant as
/// its `schema`. Extensions (`x-…`) are fields of any object.
package enum OpenAPIObjectKind: String {
    case pathItem = "a path item", operation = "an operation", parameter = "a parameter", requestBody = "a request body"
    case mediaType = "a media type", response = "a response", header = "a header"

    /// The fields OpenAPI defines for the object.
    package var fields: Set<String> {
        switch self {
        case .pathItem:
            Set(["$ref", "summary", "description", "servers", "parameters", "additionalOperations"] + HTTPMethod.pathItemFields.map(\.rawValue))
        case .operation:
            ["tags", "summary", "description", "externalDocs", "operationId", "parameters", "requestBody", "responses", "callbacks",
             "deprecated", "security", "servers"]
        case .parameter:
            ["name", "in", "description", "required", "deprecated", "allowEmptyValue", "style", "explode", "allowReserved", "schema",
             "example", "examples", "content"]
        case .requestBody:
            ["description", "content", "required"]
        case .mediaType:
            ["schema", "example", "examples", "encoding", "itemSchema", "itemEncoding", "prefixEncoding"]
        case .response:
            ["summary", "description", "headers", "content", "links"]
        case .header:
            ["description", "required", "deprecated", "allowEmptyValue", "style", "explode", "allowReserved", "schema", "example",
             "examples", "content"]
        }
    }
}
