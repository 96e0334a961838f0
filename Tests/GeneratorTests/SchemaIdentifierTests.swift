import Foundation
import SDKGenCore
import Testing

/// JSON Schema's other ways for a `$ref` to name a schema than a JSON Pointer (OpenAPI 3.1): its `$id` and its `$anchor`.
@Suite struct SchemaIdentifierTests {
    private static let spec = """
        openapi: 3.1.0
        info: {title: Sample API, version: '1'}
        servers: [{url: 'https://sample.example'}]
        paths:
          /pets:
            get:
              operationId: listPets
              responses:
                '200':
                  description: ok
                  content: {application/json: {schema: {type: array, items: {$ref: 'https://example.com/schemas/pet'}}}}
          /owner:
            get:
              operationId: getOwner
              responses:
                '200': {description: ok, content: {application/json: {schema: {$ref: '#owner'}}}}
        components:
          schemas:
            Pet:
              $id: 'https://example.com/schemas/pet'
              type: object
              required: [name]
              properties:
                name: {type: string}
                owner: {$ref: '#owner'}
                tag: {$ref: 'https://example.com/schemas/pet#tag'}
                default: {type: string, examples: [{$anchor: notASchema}]}
              $defs:
                Owner:
                  $anchor: owner
                  type: object
                  properties:
                    email: {type: string}
                Tag: {$anchor: tag, type: string, enum: [a, b]}
        """

    @Test func aSchemaNamedByItsIDOrAnchorIsTheTypeDeclaredForIt() async throws {
        let output = try await generateSample(Self.spec)
        #expect(output.diagnostics.isEmpty)
        let pet = try #require(output.files["Sample/Models/Pet.swift"])
        #expect(pet.contains("public var owner: Owner?"))
        #expect(pet.contains("public var tag: Tag?"))
        let api = try #require(output.files["Sample/APIs/DefaultAPI.swift"])
        #expect(api.contains("async throws(SampleError) -> [Pet]"))
        #expect(api.contains("async throws(SampleError) -> Owner"))
        // One type for the anchored schema, however many `$ref`s name it.
        #expect(output.files["Sample/Models/Owner2.swift"] == nil)
    }

    @Test func anAnchorNoSchemaHasIsALocatedError() async throws {
        let spec = Self.spec.replacingOccurrences(of: "{$ref: '#owner'}}}}", with: "{$ref: '#notASchema'}}}}")
        await #expect(throws: GenerationError.self) { try await generateSample(spec) }
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("spec.yaml")
        try spec.write(to: file, atomically: true, encoding: .utf8)
        let diagnostics = SDKGenerator.lint(.init(specPath: file.path, moduleName: "Sample")).map(\.description)
        #expect(diagnostics == [
            "\(file.path):16:78: error: '#notASchema' has a fragment that is not a JSON Pointer, nor the `$anchor` of a schema "
                + "under components/schemas; write it as `file.yaml#/path/to/target`",
        ])
    }
}
