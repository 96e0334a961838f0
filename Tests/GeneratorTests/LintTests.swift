import Foundation
import SDKGenCore
import Testing

@Suite struct LintTests {
    private func lint(_ yaml: String) throws -> [String] {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("spec.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        // Lint reports what generate would, so a document without `servers` gets that note too; these documents are
        // about other defects and leave it out.
        return SDKGenerator.lint(.init(specPath: file.path, moduleName: ""))
            .map { $0.description.replacingOccurrences(of: file.path, with: "spec.yaml") }
            .filter { !$0.hasSuffix("note: the document declares no server; the client's serverURL must be given") }
    }

    /// A server URL that is a path alone is legal (the server the document is served from): a note, and the client's
    /// default keeps the path that the caller's `serverURL` must end with; one that is no URL at all is a warning.
    @Test func aRelativeServerURLIsANoteAndKeepsItsPath() throws {
        func document(server: String) -> String {
            "openapi: 3.0.3\ninfo: {title: x, version: '1'}\nservers: [{url: '\(server)'}]\npaths: {}\n"
        }
        #expect(try lint(document(server: "/api/v1")) == [
            "spec.yaml:3:11: note: the server URL '/api/v1' is relative to where the document is served; the client's serverURL must be given, ending with that path",
        ])
        let sdk = try SDKGenerator.lower(specBytes: Array(document(server: "/api/v1").utf8), file: "spec.yaml", moduleName: "M").sdk
        #expect(sdk.client.defaultServerURL == "http://localhost/api/v1")
        #expect(try lint(document(server: "ftp://files")) == [
            "spec.yaml:3:11: warning: the server URL 'ftp://files' is not an absolute http(s) URL; the client's serverURL must be given",
        ])
    }

    /// A security scheme written as a `$ref` is the scheme it names (`SampleCompilationTests`); one that names nothing
    /// is a warning at the reference.
    @Test func aSecuritySchemeReferenceToNothingIsAWarning() throws {
        #expect(try lint("""
            openapi: 3.0.3
            info: {title: x, version: '1'}
            servers: [{url: 'https://example.com'}]
            paths: {}
            components:
              securitySchemes:
                alias: {$ref: '#/components/securitySchemes/missing'}
            """) == ["spec.yaml:7:19: warning: cannot resolve the security scheme '#/components/securitySchemes/missing'; the scheme is ignored"])
    }

    @Test func aYAMLSyntaxErrorIsLocated() throws {
        let diagnostics = try lint("openapi: 3.1.0\ninfo:\n  title: x\n  version: [1\npaths: {}\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hasPrefix("spec.yaml:5:") == true)
        #expect(diagnostics.first?.contains(": error: ") == true)
    }

    /// Swagger 2.0 is converted (`SwaggerConversionTests`); 1.2 is refused.
    @Test func swagger2IsReadAndOlderSwaggerRefused() throws {
        #expect(try lint("swagger: '2.0'\ninfo: {title: x, version: '1'}\npaths: {}\n")
                    == ["spec.yaml:1:10: note: a Swagger 2.0 document: sdkgen reads the OpenAPI 3.0 it converts to"])
        #expect(try lint("swagger: '1.2'\ninfo: {title: x, version: '1'}\npaths: {}\n")
                    == ["spec.yaml:1:10: error: this is a Swagger 1.2 document; sdkgen reads Swagger 2.0 and OpenAPI 3.0 to 3.2"])
    }

    @Test func undeclaredPathParametersAreErrorsAndASchemaReferenceToNothingIsAWarning() throws {
        let diagnostics = try lint("""
            openapi: 3.1.0
            info: {title: x, version: '1'}
            paths:
              /items/{id}:
                get:
                  operationId: getItem
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Missing'
            """)
        #expect(diagnostics == [
            "spec.yaml:6:7: error: path parameter '{id}' of '/items/{id}' is not declared by 'getItem'",
            "spec.yaml:13:23: warning: '#/components/schemas/Missing' does not resolve to anything: 'spec.yaml' has no '/components/schemas/Missing'; the value is read as JSONValue",
        ])
    }

    /// A field written where OpenAPI does not define it would be lost in silence: Ceph's media types say `type` for
    /// `schema`, a misspelt `requestbody` drops the body. Extensions are anywhere's.
    @Test func aFieldAnObjectDoesNotDefineIsAWarningAtIt() throws {
        let diagnostics = try lint("""
            openapi: 3.1.0
            info: {title: x, version: '1'}
            paths:
              /items:
                post:
                  operationId: createItem
                  requestbody: {content: {application/json: {schema: {type: object}}}}
                  x-internal: true
                  responses:
                    '200':
                      description: ok
                      contents: {}
                      content:
                        application/json:
                          type: object
            """)
        #expect(diagnostics == [
            "spec.yaml:7:7: warning: 'requestbody' is not a field of an operation object (`requestBody` is); it is ignored",
            "spec.yaml:12:11: warning: 'contents' is not a field of a response object; it is ignored",
            "spec.yaml:15:15: warning: 'type' is not a field of a media type object; it is ignored",
        ])
    }

    @Test func aRequiredNameWithNoPropertyIsAWarningAtTheName() throws {
        let diagnostics = try lint("""
            openapi: 3.1.0
            info: {title: x, version: '1'}
            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  required: [name, ghost]
                  properties:
                    name: {type: string}
            """)
        #expect(diagnostics == ["spec.yaml:8:24: warning: required property 'ghost' is not among the schema's properties; it is ignored"])
    }

    /// A dictionary of itself declares no type Swift could name it by, and the warning says so rather than that the
    /// schema declares no type (it says `type: object`).
    @Test func aDictionaryOfItselfIsAWarningThatSaysWhy() throws {
        let diagnostics = try lint("""
            openapi: 3.0.3
            info: {title: x, version: '1'}
            paths:
              /tree:
                get:
                  operationId: getTree
                  responses:
                    '200':
                      description: ok
                      content: {application/json: {schema: {$ref: '#/components/schemas/Tree'}}}
            components:
              schemas:
                Tree:
                  type: object
                  additionalProperties: {$ref: '#/components/schemas/Tree'}
            """)
        #expect(diagnostics == ["spec.yaml:15:36: warning: '#/components/schemas/Tree' contains itself only through arrays, dictionaries or references, with no struct or enum of its own to hold it; the value is decoded as JSONValue"])
    }

    /// An `allOf` of a union and an object is declared (`AllOfTypeTests`) where every member of the union is an object;
    /// where one is not, the warning says what sdkgen declares rather than that the members are of other kinds.
    @Test(arguments: [("{type: object, properties: {kind: {type: string}, b: {type: integer}}}", false), ("{type: string}", true)])
    func anAllOfOfAUnionAndAnObjectIsAWarningOnlyWhereAMemberIsNoObject(secondMember: String, isWarned: Bool) throws {
        let diagnostics = try lint("""
            openapi: 3.0.3
            info: {title: x, version: '1'}
            servers: [{url: 'https://example.com'}]
            paths:
              /identity:
                get:
                  operationId: getIdentity
                  responses:
                    '200':
                      description: ok
                      content: {application/json: {schema: {$ref: '#/components/schemas/Identity'}}}
            components:
              schemas:
                A: {type: object, properties: {kind: {type: string}, a: {type: string}}}
                B: \(secondMember)
                Identity:
                  allOf:
                    - oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]
                    - type: object
                      properties:
                        session: {type: string}
            """)
        #expect(diagnostics == (isWarned ? ["spec.yaml:17:7: warning: allOf combines a oneOf or anyOf with other schemas, which sdkgen declares only for one union of objects and objects with properties beside it; the value is decoded as JSONValue"] : []))
    }

    /// Legal input that once drew warnings: an `allOf` member requiring a property another member declares (making an
    /// inherited property required), and a specification extension among an operation's responses.
    @Test func anInheritedRequiredPropertyAndAnExtensionAmongTheResponsesAreNotWarnedAbout() throws {
        let diagnostics = try lint("""
            openapi: 3.0.3
            info: {title: x, version: '1'}
            paths:
              /child:
                get:
                  operationId: getChild
                  responses:
                    '200':
                      description: ok
                      content: {application/json: {schema: {$ref: '#/components/schemas/Child'}}}
                    x-internal-note: answered from the cache
            components:
              schemas:
                Base:
                  type: object
                  properties:
                    id: {type: string}
                Child:
                  allOf:
                    - $ref: '#/components/schemas/Base'
                    - type: object
                      required: [id]
                      properties:
                        name: {type: string}
            """)
        #expect(diagnostics == [])
    }

    @Test func aThreeZeroExclusiveMinimumInAThreeOneDocumentIsAWarning() throws {
        let diagnostics = try lint("""
            openapi: 3.1.0
            info: {title: x, version: '1'}
            paths: {}
            components:
              schemas:
                Price:
                  type: number
                  minimum: 0
                  exclusiveMinimum: true
            """)
        #expect(diagnostics == ["spec.yaml:9:25: warning: `exclusiveMinimum: true` is OpenAPI 3.0 syntax; in a 3.1 document `exclusiveMinimum` is the bound itself. It is read as 3.0 meant it"])
    }

    @Test func anIntegerBoundWrittenAsAFloatAndAnUnknownKeywordAreWarnings() throws {
        let diagnostics = try lint("""
            openapi: 3.0.3
            info: {title: x, version: '1'}
            paths: {}
            components:
              schemas:
                Name:
                  type: string
                  maxLength: 64.0
                  x-ok: true
                  colour: blue
            """)
        #expect(diagnostics == [
            "spec.yaml:8:18: warning: `maxLength` should be an integer, found 64.0; it is read as 64",
            "spec.yaml:10:7: warning: unknown schema keyword 'colour' is ignored",
        ])
    }

    @Test func anUnknownFormatIsANoteAtTheFormat() throws {
        let diagnostics = try lint("""
            openapi: 3.1.0
            info: {title: x, version: '1'}
            paths: {}
            components:
              schemas:
                Event:
                  type: object
                  properties:
                    at: {type: string, format: date-tme}
                    id: {type: string, format: uuid}
                    seen: {type: integer, format: unixtime}
                    kind: {type: string, format: sf-token}
            """)
        #expect(diagnostics == ["spec.yaml:9:36: note: unknown format 'date-tme' is ignored; the value is read as its type says"])
    }

    @Test func aNullMemberOfAUnionIsLegalAndNotReported() throws {
        let diagnostics = try lint("""
            openapi: 3.1.0
            info: {title: x, version: '1'}
            paths: {}
            components:
              schemas:
                Reasoning:
                  anyOf:
                    - type: string
                    - type: 'null'
            """)
        #expect(diagnostics == [])
    }

    @Test func theModelGatesSpecIsClean() {
        #expect(SDKGenerator.lint(.init(specPath: PackagePaths.spec, moduleName: "")).isEmpty)
    }
}
