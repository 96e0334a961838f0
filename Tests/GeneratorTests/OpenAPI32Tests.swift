import Foundation
import SDKGenCore
import Testing

/// What OpenAPI 3.2 adds to 3.1 that an SDK is made of: the QUERY method and `additionalOperations`, the whole query
/// string as one parameter, `$self`, and examples' `dataValue`; and what sdkgen does not read, said where it stands.
@Suite struct OpenAPI32Tests {
    private static let spec = """
        openapi: 3.2.0
        $self: 'https://example.com/api/openapi.yaml'
        info: {title: Sample API, version: '1'}
        servers: [{url: 'https://sample.example'}]
        paths:
          /pets:
            query:
              operationId: searchPets
              parameters:
                - {$ref: 'https://example.com/api/openapi.yaml#/components/parameters/Filter'}
              requestBody:
                content: {application/json: {schema: {$ref: '#/components/schemas/Search'}}}
              responses:
                '200':
                  description: The pets found.
                  content:
                    application/json:
                      schema: {type: array, items: {$ref: 'https://example.com/api/openapi.yaml#/components/schemas/Pet'}}
                      examples:
                        one: {dataValue: [{name: Rex}]}
            additionalOperations:
              COPY:
                operationId: copyPets
                responses: {'204': {description: Copied.}}
          /events:
            get:
              operationId: streamEvents
              responses:
                '200':
                  description: The events.
                  content:
                    application/jsonl:
                      itemSchema: {$ref: '#/components/schemas/Pet'}
        components:
          parameters:
            Filter:
              name: filter
              in: querystring
              content:
                application/x-www-form-urlencoded:
                  schema:
                    type: object
                    properties:
                      species: {type: string}
                      limit: {type: integer}
          schemas:
            Search: {type: object, properties: {text: {type: string}}}
            Pet: {type: object, required: [name], properties: {name: {type: string}}}
        """

    @Test func aDocumentOf32GeneratesItsOperationsWithTheirMethods() async throws {
        let output = try await generateSample(Self.spec)
        let api = try #require(output.files["Sample/APIs/DefaultAPI.swift"])
        #expect(api.contains(#"method: "QUERY","#))
        #expect(api.contains(#"method: "COPY","#))
        #expect(api.contains("func searchPets("))
        #expect(api.contains("func copyPets("))
        // The whole query string is the object's properties, each a query item, as an exploded form parameter writes them.
        #expect(api.contains("filter: Filter? = nil,"))
        #expect(api.contains(#"try request.addQueryItem("filter", filter, style: .form, explode: true)"#))
        #expect(api.contains("async throws(SampleError) -> [Pet]"))
        // `itemSchema` is said, once, where it stands.
        #expect(output.diagnostics == [
            "spec.yaml:33:27: warning: `itemSchema`, the schema of each item of a stream (OpenAPI 3.2), is not read; the body "
                + "is read as `schema` says, or untyped without one",
        ])
        let runtime = try #require(output.files["Sample/Runtime/APIClient.swift"])
        #expect(runtime.contains(#""TRACE", "QUERY"]"#))
    }

    @Test func anExamplesDataValueIsCheckedAsItsValueIs() async throws {
        let spec = Self.spec.replacingOccurrences(of: "one: {dataValue: [{name: Rex}]}", with: "one: {dataValue: [{age: 3}]}")
        let output = try await generateSample(spec)
        #expect(output.diagnostics.contains { $0.contains("name") && $0.contains("example") })
    }

    @Test func aQueryStringOtherThanAFormIsReadAsOneParameterWithAWarning() async throws {
        let output = try await generateSample("""
            openapi: 3.2.0
            info: {title: Sample API, version: '1'}
            servers: [{url: 'https://sample.example'}]
            paths:
              /pets:
                get:
                  operationId: listPets
                  parameters:
                    - {name: filter, in: querystring, schema: {type: string}}
                  responses: {'204': {description: ok}}
            """)
        #expect(output.diagnostics == [
            "spec.yaml:9:30: warning: parameter 'filter' is the whole query string (`in: querystring`) without the `content` "
                + "OpenAPI requires of it, which sdkgen does not write; it is read as a query parameter named 'filter'",
        ])
    }

    @Test func aVersionAfter32IsRefused() async throws {
        let spec = Self.spec.replacingOccurrences(of: "openapi: 3.2.0", with: "openapi: 3.3.0")
        await #expect(throws: GenerationError.self) { try await generateSample(spec) }
    }
}
