import Foundation
import SDKGenCore
import Testing

/// Where a model's doc comments come from. A schema's description documents its own type, in its own file;
/// a `$ref` to it carries only its own (OpenAPI 3.1 sibling) description, so that editing one schema's
/// description changes that schema's files and no others. A component that declares no type (an alias)
/// has no file: a `$ref` to it is documented by its description.
@Suite struct ModelDocumentationTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: Pets, version: '1'}
        paths: {}
        components:
          schemas:
            Pet:
              description: An animal living with people.
              type: object
              properties:
                name: {type: string, description: What it answers to.}
            Owner:
              type: object
              properties:
                pet: {$ref: '#/components/schemas/Pet'}
                favourite:
                  $ref: '#/components/schemas/Pet'
                  description: The one they like best.
                since: {$ref: '#/components/schemas/Timestamp'}
            Timestamp: {type: string, description: 'Seconds since 1970, as text.'}
            Animal:
              oneOf:
                - $ref: '#/components/schemas/Pet'
                - {type: string, description: A wild animal's name.}
        """

    private func generate(_ spec: String) throws -> [String: String] {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("spec.yaml")
        try spec.write(to: file, atomically: true, encoding: .utf8)
        let output = try SDKGenerator.generate(.init(specPath: file.path, templatesPath: PackagePaths.templates, moduleName: "Pets"))
        return Dictionary(uniqueKeysWithValues: output.files.map { ($0.path, $0.contents) })
    }

    @Test func aReferenceIsDocumentedByItsOwnDescriptionOnly() throws {
        let files = try generate(Self.spec)
        let owner = try #require(files["Pets/Models/Owner.swift"])
        #expect(owner.contains("    /// The one they like best.\n    public var favourite: Pet?"))
        #expect(owner.contains("Sendable {\n    /// See ``Pet``.\n    public var pet: Pet?"), "`pet` points at its type's docs")
        #expect(!owner.contains("An animal living with people."))
        #expect(owner.contains("    /// Seconds since 1970, as text.\n    public var since: String?"))
        #expect(try #require(files["Pets/Models/Pet.swift"]).contains("/// An animal living with people.\npublic struct Pet"))
        let animal = try #require(files["Pets/Models/Animal.swift"])
        #expect(!animal.contains("An animal living with people."))
        #expect(animal.contains("/// A wild animal's name."))
        let ownerPage = try #require(files["docs/models/Owner.md"])
        #expect(ownerPage.contains("The one they like best."))
        #expect(!ownerPage.contains("An animal living with people."))
    }

    @Test func editingASchemasDescriptionChangesOnlyThatSchemasFiles() throws {
        let before = try generate(Self.spec)
        let after = try generate(Self.spec.replacingOccurrences(of: "An animal living with people.", with: "A companion."))
        let changed = Set(before.keys.filter { before[$0] != after[$0] })
        #expect(changed == ["Pets/Models/Pet.swift", "docs/models/Pet.md"])
    }
}
