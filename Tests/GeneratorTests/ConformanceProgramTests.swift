import Foundation
import SDKGenCore
import Testing

/// The program `sdkgen conformance` writes checks request-body examples beside response examples, each kind
/// counted apart.
@Suite struct ConformanceProgramTests {
    private static let spec = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        servers: [{url: 'https://example.com'}]
        paths:
          /pets:
            post:
              operationId: createPet
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Pet'}
                    example: {name: Rex}
                    examples:
                      tagged: {value: {name: Tom, tags: [cat]}}
                  application/merge-patch+json:
                    schema: {$ref: '#/components/schemas/PetPatch'}
                    example: {tags: null}
                  application/x-www-form-urlencoded:
                    schema: {$ref: '#/components/schemas/Pet'}
                    example: {name: Form}
              responses:
                '201':
                  description: created
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Pet'}
                      example: {name: Rex, id: 1}
          /pets/{id}/tags:
            put:
              operationId: setTags
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer}}
              requestBody:
                content:
                  application/json:
                    schema: {type: array, items: {type: string}, example: [a, b]}
              responses:
                '204': {description: set}
        components:
          schemas:
            Pet:
              type: object
              required: [name]
              properties:
                id: {type: integer}
                name: {type: string}
                tags: {type: array, items: {type: string}}
            PetPatch:
              type: object
              properties:
                tags: {type: [array, 'null'], items: {type: string}}
        """

    @Test func requestBodyExamplesAreCheckedAndCountedApartFromResponseExamples() throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("spec.yaml")
        try Self.spec.write(to: file, atomically: true, encoding: .utf8)
        let program = try SDKGenerator.conformanceProgram(.init(specPath: file.path, templatesPath: PackagePaths.templates, moduleName: "Sample"))
        let checks = program.split(separator: "\n").filter { $0.hasPrefix("checker.check(") }
        #expect(checks == [
            #"checker.check(.request, "createPet request", Pet.self, "{\"name\":\"Rex\"}")"#,
            #"checker.check(.request, "createPet request tagged", Pet.self, "{\"name\":\"Tom\",\"tags\":[\"cat\"]}")"#,
            #"checker.check(.response, "createPet 201", Pet.self, "{\"name\":\"Rex\",\"id\":1}")"#,
            // The form body is no JSON the encoder writes, so its example is not checked.
            #"checker.check(.request, "createPet request application/merge-patch+json", PetPatch.self, "{\"tags\":null}")"#,
            #"checker.check(.request, "setTags request", [String].self, "[\"a\",\"b\"]")"#,
        ])
        #expect(program.contains(#"print("\(passed[body] ?? 0) of \(tried[body] ?? 0) \(body) examples decoded and re-encoded to equal JSON")"#))
    }
}
