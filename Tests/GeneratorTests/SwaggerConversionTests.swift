import Foundation
import SDKGenCore
import Testing

/// Swagger 2.0 documents, read as the OpenAPI 3.0 they convert to (`SwaggerConverter`), with the Swagger petstore of
/// Tests/Fixtures/swagger2/.
@Suite struct SwaggerConversionTests {
    private static let petstore = PackagePaths.root.appendingPathComponent("Tests/Fixtures/swagger2/petstore.yaml")

    private func lowered(_ spec: URL) throws -> (sdk: SwiftSDK, diagnostics: [String]) {
        let (sdk, diagnostics) = try SDKGenerator.generateModel(.init(specPath: spec.path, moduleName: "Petstore"))
        return (sdk, diagnostics.map { $0.description.replacingOccurrences(of: spec.deletingLastPathComponent().path + "/", with: "") })
    }

    private func operation(_ name: String, in sdk: SwiftSDK) throws -> OperationDeclaration {
        try #require(sdk.groups.flatMap(\.operations).first { $0.functionName == name })
    }

    @Test func aSwagger2DocumentIsReadAsTheOpenAPI30ItConvertsTo() throws {
        let (sdk, diagnostics) = try lowered(Self.petstore)
        // An operation's `schemes` without the server's is a warning; `deletePet`'s, which has it, draws none.
        #expect(diagnostics == [
            "petstore.yaml:1:10: note: a Swagger 2.0 document: sdkgen reads the OpenAPI 3.0 it converts to",
            "petstore.yaml:97:7: warning: this operation's `schemes` leave out https, the scheme of the server the SDK calls, which it calls for this operation too",
        ])
        // `host`, `basePath` and the first of `schemes`.
        #expect(sdk.client.defaultServerURL == "https://petstore.example.com/v2")
        #expect(sdk.groups.map(\.typeName) == ["PetsAPI", "UsersAPI"])
        #expect(sdk.groups.flatMap(\.operations).map(\.functionName) == ["listPets", "addPet", "getPet", "deletePet", "uploadPhoto", "login"])
        // Query and header parameters typed from their `type`, `format` and `items`; a shared one through its `$ref`.
        #expect(try operation("listPets", in: sdk).parameters.map { "\($0.name): \($0.type)" }
                    == ["limit: Int?", "tags: [String]?", "status: [ListPetsStatusItem]?", "xRequestID: String?"])
        // The path's parameter, and the `body` parameter (a shared one) as the JSON request body.
        #expect(try operation("getPet", in: sdk).parameters.map { "\($0.name): \($0.type)" } == ["petID: Int"])
        #expect(try operation("addPet", in: sdk).parameters.map { "\($0.name): \($0.type)" }.last == "body: NewPet")
        // `formData` fields as a multipart body (a `file` among them) or a form.
        #expect(try operation("uploadPhoto", in: sdk).parameters.map { "\($0.name): \($0.type)" } == ["petID: Int", "body: UploadPhotoRequestBody"])
        #expect(try operation("login", in: sdk).parameters.map { "\($0.name): \($0.type)" } == ["body: LoginRequest"])
        let photo = try #require(sdk.models.first { $0.typeName == "UploadPhotoRequestBody" }?.structure)
        #expect(photo.properties.map { "\($0.name): \($0.type)" } == ["caption: String?", "file: MultipartFile"])
        // Definitions as schemas: `x-nullable` as `nullable`, `allOf` merged.
        let pet = try #require(sdk.models.first { $0.typeName == "Pet" }?.structure)
        #expect(pet.properties.map { "\($0.name): \($0.type)" } == ["id: Int", "name: String", "kind: String", "owner: String?"])
        let dog = try #require(sdk.models.first { $0.typeName == "Dog" }?.structure)
        #expect(dog.properties.map(\.name) == ["id", "name", "kind", "owner", "good"])
        // A shared response through its `$ref`: the 404 carries the definition `Error`.
        #expect(sdk.error.statusCases.map { "\($0.caseName) \($0.bodyType)" }.contains("notFound Error2"))
        // The security definitions: an API key header, OAuth 2.0's access code flow as a bearer token, HTTP basic.
        #expect(sdk.client.credentials.map(\.placement) == [.header("X-API-Key"), .bearer, .basic])
    }

    @Test func theSDKOfASwagger2DocumentCompiles() async throws {
        let sdk = try await generateSample(String(contentsOf: Self.petstore, encoding: .utf8))
        let pets = try #require(sdk.files["Sample/APIs/PetsAPI.swift"])
        // `collectionFormat: multi` is an exploded form, `csv` in a query a form not exploded.
        #expect(pets.contains(#"try request.addQueryItem("tags", tags, style: .form, explode: true)"#))
        #expect(pets.contains(#"try request.addQueryItem("status", status, style: .form, explode: false)"#))
        #expect(pets.contains("request.setMultipartBody(form)"))
        #expect(sdk.files["Sample/APIs/UsersAPI.swift"]?.contains("try request.setFormBody(body)") == true)
        let build = try await buildSample(sdk.files)
        #expect(build.status == 0, "the SDK does not compile:\n\(build.output.suffix(4000))")
        #expect(compilerDiagnostics(in: build.output, containing: "warning:") == [])
    }

    /// Without a `host`, the `basePath` goes in front of every path, and the caller names the server, whatever an
    /// operation's `schemes`; what OpenAPI 3.0 cannot say is a warning at it.
    @Test func withoutAHostTheBasePathPrefixesThePathsAndWhatHasNoFormIsAWarning() async throws {
        let sdk = try await generateSample("""
            swagger: '2.0'
            info: {title: T, version: '1'}
            basePath: /api/
            paths:
              /items:
                get:
                  operationId: listItems
                  schemes: [http]
                  parameters:
                    - {name: ids, in: query, type: array, items: {type: integer}, collectionFormat: tsv}
                  responses:
                    '200': {description: ok}
            """)
        #expect(sdk.diagnostics == [
            "spec.yaml:1:1: note: the document declares no server; the client's serverURL must be given",
            "spec.yaml:1:10: note: a Swagger 2.0 document: sdkgen reads the OpenAPI 3.0 it converts to",
            "spec.yaml:10:89: warning: `collectionFormat: tsv` has no OpenAPI 3.0 form; the values are sent comma-separated",
        ])
        #expect(sdk.files["Sample/APIs/DefaultAPI.swift"]?.contains(#"path: "/api/items""#) == true)
    }

    /// Swagger's default `collectionFormat` is `csv`, not OpenAPI 3.0's exploded `form` for a query; and a `$ref` that
    /// names the document by its file (`./spec.yaml#/definitions/Thing`, as Azure's specs write them) is one within it.
    @Test func anArrayWithoutCollectionFormatIsCommaSeparatedAndTheDocumentMayNameItselfByFile() async throws {
        let sdk = try await generateSample("""
            swagger: '2.0'
            info: {title: T, version: '1'}
            host: example.com
            paths:
              /things:
                get:
                  operationId: listThings
                  parameters:
                    - {name: ids, in: query, type: array, items: {type: string}}
                    - {name: tags, in: query, type: array, items: {type: string}, collectionFormat: multi}
                  responses:
                    '200': {description: ok, schema: {type: array, items: {$ref: './spec.yaml#/definitions/Thing'}}}
            definitions:
              Thing: {type: object, properties: {id: {type: string}}}
            """)
        #expect(sdk.diagnostics == ["spec.yaml:1:10: note: a Swagger 2.0 document: sdkgen reads the OpenAPI 3.0 it converts to"])
        let api = try #require(sdk.files["Sample/APIs/DefaultAPI.swift"])
        #expect(api.contains(#"try request.addQueryItem("ids", ids, style: .form, explode: false)"#))
        #expect(api.contains(#"try request.addQueryItem("tags", tags, style: .form, explode: true)"#))
        #expect(api.contains("async throws(SampleError) -> [Thing]"))
    }

    /// ASP.NET's specs offer `text/json` beside `application/json` (and XML): JSON, the same function, not a `String`.
    @Test func textJSONIsJSONAndAddsNoFunctionBesideApplicationJSON() async throws {
        let sdk = try await generateSample("""
            swagger: '2.0'
            info: {title: T, version: '1'}
            host: example.com
            paths:
              /things:
                get:
                  operationId: getThing
                  produces: [application/json, text/json, text/xml]
                  responses:
                    '200': {description: ok, schema: {$ref: '#/definitions/Thing'}}
              /text-json:
                get:
                  operationId: getTextJSON
                  produces: [text/json]
                  responses:
                    '200': {description: ok, schema: {$ref: '#/definitions/Thing'}}
            definitions:
              Thing: {type: object, properties: {id: {type: string}}}
            """)
        let api = try #require(sdk.files["Sample/APIs/DefaultAPI.swift"])
        let functions = api.split(separator: "\n").filter { $0.hasPrefix("    public func ") }.map { $0.dropFirst(16).prefix { $0 != "(" } }
        // Each twice: without options, in the protocol's extension, and with them.
        #expect(functions == ["getThing", "getThingXML", "getTextJSON", "getThing", "getThingXML", "getTextJSON"])
        #expect(api.contains(#"request.addHeader("Accept", "text/json")"#))
        #expect(api.components(separatedBy: "async throws(SampleError) -> Thing {").count == 5)
    }

    /// A shared response's schema (`#/responses/Problem/schema`) moves into the response's content in 3.0; the `$ref`
    /// follows it there.
    @Test func aReferenceIntoASharedResponsesSchemaFollowsItIntoItsContent() async throws {
        let sdk = try await generateSample("""
            swagger: '2.0'
            info: {title: T, version: '1'}
            host: example.com
            produces: [application/json]
            paths:
              /things:
                get:
                  operationId: getThing
                  responses:
                    '200': {description: ok, schema: {$ref: '#/responses/Problem/schema'}}
            responses:
              Problem: {description: A problem., schema: {$ref: '#/definitions/Problem'}}
            definitions:
              Problem: {type: object, properties: {message: {type: string}}}
            """)
        #expect(sdk.diagnostics == ["spec.yaml:1:10: note: a Swagger 2.0 document: sdkgen reads the OpenAPI 3.0 it converts to"])
        #expect(sdk.files["Sample/APIs/DefaultAPI.swift"]?.contains("async throws(SampleError) -> Problem {") == true)
    }
}
