import Foundation
import SDKGenCore
import Testing

/// `$ref`s to other files, with the fixture folders under Tests/Fixtures/refs/.
@Suite struct ExternalReferenceTests {
    private static let refs = PackagePaths.root.appendingPathComponent("Tests/Fixtures/refs")

    /// The lowered SDK of a fixture, with its diagnostics printed relative to Tests/Fixtures/refs/.
    private func lower(_ fixture: String, allowedRoots: [String] = []) throws -> SwiftSDK {
        let path = Self.refs.appendingPathComponent(fixture).path
        var options = SDKGenerator.Options(specPath: path, templatesPath: PackagePaths.templates, moduleName: "RefsSDK")
        options.allowedReferenceRoots = allowedRoots
        return try SDKGenerator.generateModel(options).sdk
    }

    /// The printed diagnostics of linting a fixture, paths relative to Tests/Fixtures/refs/.
    private func lint(_ fixture: String, allowedRoots: [String] = []) -> [String] {
        let path = Self.refs.appendingPathComponent(fixture).path
        return SDKGenerator.lint(.init(specPath: path, moduleName: "", allowedReferenceRoots: allowedRoots)).map(Self.relative)
    }

    private static func relative(_ diagnostic: Diagnostic) -> String {
        diagnostic.description.replacingOccurrences(of: refs.path + "/", with: "")
    }

    /// A spec written to a fresh folder with `files` beside it; returns the lint diagnostics, relative to the folder.
    private func lint(spec: String, files: [String: String] = [:]) throws -> [String] {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files.merging(["api.yaml": spec], uniquingKeysWith: { $1 }) {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let canonical = URL(fileURLWithPath: folder.path).resolvingSymlinksInPath().path
        return SDKGenerator.lint(.init(specPath: folder.appendingPathComponent("api.yaml").path, moduleName: "")).map {
            $0.description.replacingOccurrences(of: folder.path + "/", with: "").replacingOccurrences(of: canonical, with: "FOLDER")
        }
    }

    private static func spec(schemaReference: String) -> String {
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /a:
            get:
              operationId: getA
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: '\(schemaReference)'
        """
    }

    @Test func aSpecSplitOverFilesGeneratesOneSDK() throws {
        let sdk = try lower("split/api.yaml")
        // `Error` is the root's own (renamed as Swift's `Error` is taken); common.yaml's gets its file's name.
        #expect(sdk.models.map(\.typeName) == ["CommonError", "Error2", "ErrorDetail", "Pet", "Tag"])
        let pet = try #require(sdk.models.first { $0.typeName == "Pet" }?.structure)
        #expect(pet.properties.map(\.type.description) == ["String", "Tag?", "CommonError?"])
        let error = try #require(sdk.models.first { $0.typeName == "CommonError" }?.structure)
        // common.yaml's `#/components/schemas/ErrorDetail` resolved in common.yaml, not in the root.
        #expect(error.properties.map(\.type.description) == ["Int", "ErrorDetail?"])
        let operations = sdk.groups.flatMap(\.operations).map(\.functionName)
        // /pets/{id} is a path item in paths/pet-by-id.yaml, with an operation written beside the `$ref`.
        #expect(operations == ["listPets", "getPet", "deletePet"])
    }

    @Test func anOperationRefIsFollowedWithANote() throws {
        let sdk = try lower("pointers/api.yaml")
        let operations = sdk.groups.flatMap(\.operations)
        #expect(operations.map(\.functionName) == ["getKey", "listPets", "getBroken"])
        #expect(lint("pointers/api.yaml").first == "pointers/api.yaml:7:13: note: a `$ref` on an operation object is not standard OpenAPI; sdkgen follows it, as Redocly CLI and swagger-cli do")
    }

    @Test func aRefMayBeAnyPointerAndOneToNothingIsAWarning() throws {
        let sdk = try lower("pointers/api.yaml")
        // A pointer into a parameter and into a property are typed as what they reach.
        #expect(sdk.models.map(\.typeName).contains("StateSchema"))
        #expect(sdk.models.map(\.typeName).contains("Owner"))
        let pet = try #require(sdk.models.first { $0.typeName == "Pet" }?.structure)
        // Pet's own `owner` is the type the pointer to it declares: one type, not a second copy `PetOwner`.
        #expect(pet.properties.map(\.type.description) == ["String", "StateSchema?", "Owner?", "JSONValue?"])
        #expect(!sdk.models.map(\.typeName).contains("PetOwner"))
        #expect(Array(lint("pointers/api.yaml").dropFirst()) == [
            "pointers/api.yaml:34:23: warning: '#/components/schemas/DoesNotExist' does not resolve to anything: 'pointers/api.yaml' has no '/components/schemas/DoesNotExist'; the value is read as JSONValue",
            "pointers/api.yaml:56:17: warning: '#/components/schemas/Pet/properties/missing' does not resolve to anything: 'pointers/api.yaml' has no '/components/schemas/Pet/properties/missing'; the value is read as JSONValue",
        ])
    }

    /// kin-openapi keeps them so: a security scheme is the one its file holds (under the name the root gives it, with no
    /// second scheme beside it), and a callback, or a callback's path item, in another file is followed as a schema is.
    @Test func aSecuritySchemeAndCallbacksInOtherFilesAreFollowed() throws {
        let sdk = try lower("elsewhere/api.yaml")
        #expect(sdk.client.credentials.map(\.key) == ["ApiKey"])
        #expect(sdk.client.credentials.first?.placement == .header("X-API-Key"))
        let events = try #require(sdk.webhooks?.events)
        #expect(events.map(\.eventName) == ["paid", "refunded"])
        #expect(events.map { $0.payload?.type.description } == ["Payment?", "Payment?"])
        #expect(lint("elsewhere/api.yaml") == [])
    }

    /// Azure's specs are Swagger 2.0 files that refer to each other's parameters and definitions (and to themselves by
    /// file): each file is read as the OpenAPI 3.0 it converts to, and `#/definitions/…` points into its components.
    @Test func swagger2FilesReferToEachOthersParametersAndDefinitions() throws {
        let sdk = try lower("swagger-split/api.json")
        let operation = try #require(sdk.groups.flatMap(\.operations).first { $0.functionName == "getNetwork" })
        #expect(operation.parameters.map { "\($0.name): \($0.type)" } == ["name: String", "apiVersion: String"])
        #expect(sdk.error.statusCases.map { "\($0.caseName): \($0.bodyType)" } == ["defaultError: Error2"])
        #expect(lint("swagger-split/api.json") == [
            "swagger-split/api.json:2:14: note: a Swagger 2.0 document: sdkgen reads the OpenAPI 3.0 it converts to",
            "swagger-split/common.json:2:14: note: a Swagger 2.0 document: sdkgen reads the OpenAPI 3.0 it converts to",
        ])
    }

    @Test func aCycleOfSecuritySchemeReferencesIsAnError() throws {
        let spec = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              securitySchemes:
                Key: {$ref: 'security.yaml#/A'}
            """
        let diagnostics = try lint(spec: spec, files: ["security.yaml": "A: {$ref: '#/B'}\nB: {$ref: '#/A'}\n"])
        #expect(diagnostics == ["security.yaml:2:11: error: '#/A' is a `$ref` cycle (A → B → A) that never reaches a security scheme"])
    }

    @Test func diagnosticsPointIntoTheFileTheyAreAbout() {
        #expect(lint("split/api.yaml") == ["split/schemas/tag.yaml:3:3: warning: unknown schema keyword 'colour' is ignored"])
    }

    @Test func aFileOutsideTheSpecsFolderIsRefused() {
        // The message names canonical paths, printed here relative to Tests/Fixtures/refs/.
        #expect(lint("confined/inside/api.yaml") == [
            "confined/inside/api.yaml:17:23: error: '../outside.yaml#/Secret' points outside the spec's folder, to 'confined/outside.yaml'; only files under 'confined/inside' are read (allow another folder with --allow-ref-root)",
        ])
    }

    @Test func anAllowedRootLetsTheSpecReferToIt() throws {
        let sdk = try lower("confined/inside/api.yaml", allowedRoots: [Self.refs.appendingPathComponent("confined").path])
        #expect(sdk.groups.flatMap(\.operations).count == 1)
        #expect(lint("confined/inside/api.yaml", allowedRoots: [Self.refs.appendingPathComponent("confined").path]) == [])
    }

    @Test func aSymbolicLinkThatLeavesTheFolderIsRefused() throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.spec(schemaReference: "link.yaml#/Secret").write(to: folder.appendingPathComponent("api.yaml"), atomically: true, encoding: .utf8)
        let outside = Self.refs.appendingPathComponent("confined/outside.yaml").resolvingSymlinksInPath().path
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.yaml").path, withDestinationPath: outside)
        let diagnostics = SDKGenerator.lint(.init(specPath: folder.appendingPathComponent("api.yaml").path, moduleName: "")).map {
            $0.description.replacingOccurrences(of: folder.path + "/", with: "")
        }
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("api.yaml:13:23: error: 'link.yaml#/Secret' points outside the spec's folder, to '\(outside)'; only files under '") == true)
    }

    @Test func anAbsolutePathIsRefused() throws {
        let diagnostics = try lint(spec: Self.spec(schemaReference: "/etc/hosts"))
        #expect(diagnostics == [
            "api.yaml:13:23: error: '/etc/hosts' points outside the spec's folder, to '/etc/hosts'; only files under 'FOLDER' are read (allow another folder with --allow-ref-root)",
        ])
    }

    @Test("a remote reference is refused without touching the network", arguments: ["https://example.com/pet.yaml#/Pet", "http://10.0.0.1/pet.yaml"])
    func remoteReference(reference: String) throws {
        let diagnostics = try lint(spec: Self.spec(schemaReference: reference))
        #expect(diagnostics == [
            "api.yaml:13:23: error: '\(reference)' is a remote reference, and sdkgen never reads from the network; save the file beside the spec and refer to it by a relative path",
        ])
    }

    @Test func aMissingFileIsLocatedAtTheReference() throws {
        let diagnostics = try lint(spec: Self.spec(schemaReference: "schemas/missing.yaml"))
        #expect(diagnostics == ["api.yaml:13:23: error: could not read 'schemas/missing.yaml': No such file or directory"])
    }

    /// Where a missing file would be is checked before whether it is there: outside the folder, however many `..`.
    @Test("a missing file outside the spec's folder is refused as outside", arguments: ["../missing.yaml", "../../../../../../../../../../../common/defs.json"])
    func aMissingFileOutsideTheFolderIsRefusedAsOutside(reference: String) throws {
        let diagnostics = try lint(spec: Self.spec(schemaReference: reference))
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("api.yaml:13:23: error: '\(reference)' points outside the spec's folder, to '/") == true)
        #expect(diagnostics.first?.contains(reference.hasSuffix("defs.json") ? "to '/common/defs.json'" : "/missing.yaml'; only files under 'FOLDER' are read") == true)
    }

    /// OpenAPI says a response's or an encoding's `Content-Type` header is ignored (the media type says it): a file
    /// missing behind one stopped generation; the same `$ref` under another header still does.
    @Test func aContentTypeHeaderIsIgnoredWithTheFileBehindIt() throws {
        func spec(headerName: String) -> String {
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            servers: [{url: 'https://example.com'}]
            paths:
              /a:
                post:
                  operationId: upload
                  requestBody:
                    content:
                      multipart/form-data:
                        schema: {type: object, properties: {file: {type: string, format: binary}}}
                        encoding:
                          file:
                            headers:
                              \(headerName): {$ref: 'headers/missing.yaml'}
                  responses:
                    '200':
                      description: ok
                      headers:
                        \(headerName): {$ref: 'headers/missing.yaml'}
            """
        }
        #expect(try lint(spec: spec(headerName: "Content-Type")) == [])
        #expect(try lint(spec: spec(headerName: "X-Rate-Limit")) == [
            "api.yaml:15:40: error: could not read 'headers/missing.yaml': No such file or directory",
            "api.yaml:20:34: error: could not read 'headers/missing.yaml': No such file or directory",
        ])
    }

    @Test func aPointerToNothingNamesWhatIsMissing() throws {
        let diagnostics = try lint(spec: Self.spec(schemaReference: "common.yaml#/components/schemas/Eror"),
                                   files: ["common.yaml": "components:\n  schemas:\n    Error: {type: string}\n"])
        #expect(diagnostics == [
            "api.yaml:1:1: note: the document declares no server; the client's serverURL must be given",
            "api.yaml:13:23: warning: 'common.yaml#/components/schemas/Eror' does not resolve to anything: 'common.yaml' has no '/components/schemas/Eror'; the value is read as JSONValue",
        ])
    }

    @Test func aReferencedFileThatIsNotYAMLIsLocatedInThatFile() throws {
        let diagnostics = try lint(spec: Self.spec(schemaReference: "bad.yaml"), files: ["bad.yaml": "type: [string\n"])
        #expect(diagnostics == ["bad.yaml:2:1: error: could not parse YAML: did not find expected ',' or ']' (while parsing a flow sequence that started at line 1, column 7)"])
    }

    @Test func eachFileIsCopiedOnceHoweverOftenItIsReferred() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                A: {$ref: 'pet.yaml'}
                B: {$ref: './pet.yaml'}
                C: {$ref: 'sub/../pet.yaml'}
            """
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try spec.write(to: folder.appendingPathComponent("api.yaml"), atomically: true, encoding: .utf8)
        try "type: object\nproperties:\n  name: {type: string}\n".write(to: folder.appendingPathComponent("pet.yaml"), atomically: true, encoding: .utf8)
        let options = SDKGenerator.Options(specPath: folder.appendingPathComponent("api.yaml").path, templatesPath: PackagePaths.templates, moduleName: "M")
        let sdk = try SDKGenerator.generateModel(options).sdk
        // A, B and C are aliases of one `pet` type.
        #expect(sdk.models.map(\.typeName) == ["Pet"])
    }

    @Test func aCycleOfWholeFileReferencesIsAnError() {
        #expect(lint("cycle/api.yaml") == [
            "cycle/a.yaml:1:7: error: '#/components/schemas/b' is a `$ref` cycle (b → a → b) that never declares a type",
            "cycle/api.yaml:15:23: error: '#/components/schemas/a' is a `$ref` cycle (a → b → a) that never declares a type",
            "cycle/b.yaml:1:7: error: '#/components/schemas/a' is a `$ref` cycle (a → b → a) that never declares a type",
        ])
    }

    /// RFC 6901 writes a pointer in a URI fragment percent-encoded; encoded whole (`#%2Fcomponents%2Fschemas%2F…`) it
    /// is still a pointer, and a token may be encoded alone (`User%20Record`, `~1users~1%7Bid%7D`).
    @Test func aPercentEncodedPointerIsFollowed() async throws {
        let sdk = try await generateSample("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            servers: [{url: 'https://example.com'}]
            paths:
              /users/{id}:
                get:
                  operationId: getUser
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: OK
                      content: {application/json: {schema: {$ref: '#%2Fcomponents%2Fschemas%2FUser%20Record'}}}
              /again/{id}:
                get:
                  operationId: getAgain
                  parameters:
                    - $ref: '#/paths/~1users~1%7Bid%7D/get/parameters/0'
                  responses:
                    '200':
                      description: OK
                      content: {application/json: {schema: {$ref: '#/components/schemas/User%20Record'}}}
            components:
              schemas:
                User Record: {type: object, properties: {name: {type: string}}}
            """)
        #expect(sdk.diagnostics.isEmpty, "\(sdk.diagnostics)")
        let api = try #require(sdk.files["Sample/APIs/DefaultAPI.swift"])
        #expect(api.contains(") async throws(SampleError) -> UserRecord {"))
        #expect(api.contains("func getAgain(\n        id: String,"))
    }
}
