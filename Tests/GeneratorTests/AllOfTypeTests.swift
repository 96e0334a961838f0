import SDKGenCore
import Testing

/// The types an `allOf` that extends another component gets for the properties it copies from it.
@Suite struct AllOfTypeTests {
    /// A document with `Pet` (whose `owner` is an inline object) and `Cat`, an `allOf` of `Pet` and a property of its
    /// own, in the given order.
    private func lower(catFirst: Bool) throws -> SwiftSDK {
        let pet = """
                Pet:
                  type: object
                  properties:
                    owner: {type: object, properties: {name: {type: string}}}
            """
        let cat = """
                Cat:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                    - properties: {indoor: {type: boolean}}
            """
        let yaml = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
            \(catFirst ? cat + "\n" + pet : pet + "\n" + cat)
            """
        return try SDKGenerator.lower(specBytes: Array(yaml.utf8), file: "t.yaml", moduleName: "M").sdk
    }

    private func propertyTypes(of typeName: String, in sdk: SwiftSDK) throws -> [String] {
        let structure = try #require(sdk.models.first { $0.typeName == typeName }?.structure)
        return structure.properties.map(\.type.description)
    }

    /// `Pet` is declared before `Cat` wherever it stands in the document, so that its `owner`'s type is named after
    /// it and `Cat`'s copy of the property uses that type rather than declaring a `CatOwner`.
    @Test(arguments: [false, true])
    func aPropertyCopiedFromAnExtendedComponentIsThatComponentsType(catFirst: Bool) throws {
        let sdk = try lower(catFirst: catFirst)
        #expect(sdk.models.map(\.typeName) == ["Cat", "Pet", "PetOwner"])
        #expect(try propertyTypes(of: "Cat", in: sdk) == ["PetOwner?", "Bool?"])
        #expect(try propertyTypes(of: "Pet", in: sdk) == ["PetOwner?"])
    }
}
