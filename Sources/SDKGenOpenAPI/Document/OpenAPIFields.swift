/// The fields OpenAPI 3.0, 3.1 and 3.2 define for the objects whose fields an SDK is made of, where a field written
/// wrongly would be lost in silence (a body, a schema, a response): `requestbody`, or a media type's `type` meant as
/// its `schema`. Extensions (`x-…`) are fields of any object.
package enum OpenAPIObjectKind: String {
    case pathItem = "a path item", operation = "an operation", parameter = "a parameter", requestBody = "a request body"
    case mediaType = "a media type", response = "a response", header = "a header"

    /// The fields OpenAPI defines for the object.
    package var fields: Set<String> {
        switch self {
        case .pathItem: Self.pathItemFields
        case .operation: Self.operationFields
        case .parameter: Self.parameterFields
        case .requestBody: Self.requestBodyFields
        case .mediaType: Self.mediaTypeFields
        case .response: Self.responseFields
        case .header: Self.headerFields
        }
    }

    // Made once: they are asked for at every path item, operation, parameter, media type and response of a document.
    private static let pathItemFields = Set(["$ref", "summary", "description", "servers", "parameters", "additionalOperations"]
                                            + HTTPMethod.pathItemFields.map(\.rawValue))
    private static let operationFields: Set<String> = [
        "tags", "summary", "description", "externalDocs", "operationId", "parameters", "requestBody", "responses", "callbacks",
        "deprecated", "security", "servers",
    ]
    private static let parameterFields = headerFields.union(["name", "in"])
    private static let headerFields: Set<String> = [
        "description", "required", "deprecated", "allowEmptyValue", "style", "explode", "allowReserved", "schema", "example",
        "examples", "content",
    ]
    private static let requestBodyFields: Set<String> = ["description", "content", "required"]
    private static let mediaTypeFields: Set<String> = ["schema", "example", "examples", "encoding", "itemSchema", "itemEncoding", "prefixEncoding"]
    private static let responseFields: Set<String> = ["summary", "description", "headers", "content", "links"]
}
