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

    /// An `allOf` of a union and objects (jupyterhub's `RequestIdentity`) is a struct of the union's value, coded as the
    /// whole object, and the objects' properties; an inline union is declared after the struct.
    @Test func anAllOfOfAUnionAndObjectsIsAStructHoldingTheUnionsValue() throws {
        let (sdk, diagnostics) = try lowerSchemas("""
                User: {type: object, properties: {name: {type: string}}}
                Service: {type: object, properties: {name: {type: string}, admin: {type: boolean}}}
                Scoped: {type: object, required: [scopes], properties: {scopes: {type: array, items: {type: string}}}}
                RequestIdentity:
                  allOf:
                    - oneOf: [{$ref: '#/components/schemas/User'}, {$ref: '#/components/schemas/Service'}]
                    - $ref: '#/components/schemas/Scoped'
                    - properties: {value: {type: string}}
            """)
        #expect(diagnostics.isEmpty)
        let structure = try #require(sdk.models.first { $0.typeName == "RequestIdentity" }?.structure)
        // The union's value comes first; a property named `value` keeps its name, and the union's takes another.
        #expect(structure.properties.map { "\($0.name): \($0.type) \($0.coding)" } == [
            "value2: RequestIdentityValue wholeObject", "scopes: [String] standard", "value: String? standard",
        ])
        // The members keep what they do not declare, the struct nothing beside them.
        #expect(structure.additionalProperties == nil)
        let union = try #require(sdk.models.first { $0.typeName == "RequestIdentityValue" }?.union)
        #expect(union.cases.map(\.type.description) == ["User", "Service"])
    }

    /// Not an `allOf`, but read where its types are: YAML 1.1's booleans (`on`, `OFF`, `NO`) in an enum of strings are
    /// its strings, as in YAML 1.2 and JSON; `true` is YAML 1.2's boolean, a value of another type, which is a warning.
    @Test func aStringEnumsPlainScalarsAreItsStrings() throws {
        let (sdk, diagnostics) = try lowerSchemas("""
                Switch: {type: string, enum: [on, off, NO]}
                SafetyMode: {enum: [CONTEXTUAL, STRICT, OFF]}
                Answer: {type: string, enum: [maybe, true]}
            """)
        #expect(diagnostics.map(\.description) == [
            "t.yaml:9:42: warning: enum value 'true' is not of the schema's type, string; the values are not declared as cases, and the value is read as its type says",
        ])
        let values = { (name: String) in sdk.models.first { $0.typeName == name }?.enumeration?.cases.map { "\($0.value)" } }
        #expect(values("Switch") == [#"string("on")"#, #"string("off")"#, #"string("NO")"#])
        #expect(values("Answer") == nil)
        #expect(values("SafetyMode") == [#"string("CONTEXTUAL")"#, #"string("STRICT")"#, #"string("OFF")"#])
    }
}
