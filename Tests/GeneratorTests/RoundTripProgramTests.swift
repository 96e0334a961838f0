import Foundation
import SDKGenCore
import Testing

/// `sdkgen round-trip`'s subjects: the operations' JSON bodies and the component schemas the SDK declares a type
/// for, each with the Swift type the program decodes it as, the same in the program and in the manifest.
@Suite struct RoundTripProgramTests {
    private static let spec = """
        openapi: 3.0.3
        info: {title: Shop, version: '1'}
        paths:
          /pets:
            post:
              operationId: createPet
              tags: [pets]
              requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
              responses:
                '200': {description: The pet., content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}}
        components:
          schemas:
            Pet:
              type: object
              required: [name]
              properties:
                name: {type: string}
                kind: {$ref: '#/components/schemas/Kind'}
                tag: {type: object, properties: {label: {type: string}}}
            Kind: {type: string, enum: [cat, dog]}
            a/b: {type: object, properties: {c: {type: integer}}}
            Name: {type: string}
            Names: {type: array, items: {$ref: '#/components/schemas/Name'}}
        """

    private func generated() async throws -> (program: String, targets: [[String: String]]) {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("spec.yaml")
        try Self.spec.write(to: file, atomically: true, encoding: .utf8)
        let (program, manifest) = try await offTheCooperativePool {
            try RoundTripProgram.generate(.init(specPath: file.path, moduleName: "Shop"))
        }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(manifest.utf8)) as? [String: Any])
        let targets = try #require(object["targets"] as? [[String: String]])
        return (program, targets)
    }

    @Test func componentSchemasWithDeclaredTypesAreSubjects() async throws {
        let (program, targets) = try await generated()
        let components = targets.filter { $0["component"] != nil }
        // Name and Names are aliases (String, [String]) and Pet's inline `tag` is no component: no subject.
        #expect(components.map { $0["label"] ?? "" } == ["schema Pet", "schema Kind", "schema a/b"])
        #expect(components.map { $0["swiftType"] ?? "" } == ["Pet?", "Kind?", "AB?"])
        #expect(components.map { $0["component"] ?? "" } == ["Pet", "Kind", "a/b"])
        #expect(program.contains(#"case "schema a/b": checker.check(label, AB?.self, json)"#))
    }

    @Test func operationBodiesComeFirstWithTheirOperation() async throws {
        let (program, targets) = try await generated()
        let bodies = targets.filter { $0["component"] == nil }
        #expect(bodies.map { $0["label"] ?? "" } == ["pets.createPet body", "pets.createPet 200"])
        #expect(bodies.allSatisfy { $0["method"] == "POST" && $0["path"] == "/pets" && $0["swiftType"] == "Pet" })
        #expect(bodies.map { $0["status"] } == [nil, "200"])
        #expect(program.contains(#"case "pets.createPet 200": checker.check(label, Pet.self, json)"#))
    }
}
