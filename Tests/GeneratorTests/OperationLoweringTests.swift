import Foundation
import SDKGenCore
import Testing

/// Decisions of the Lower stage about operations, security and errors that the FeaturesSDK fixture does not show.
///
/// Serialized, and generating off the cooperative pool, to keep the CPU free for the timing-sensitive client tests.
@Suite(.serialized) struct OperationLoweringTests {
    private static func document(paths: String, components: String = "") -> String {
        """
        openapi: 3.1.0
        info: {title: Sample API, version: '1'}
        servers: [{url: 'https://sample.example'}]
        \(paths)
        \(components)
        """
    }

    @Test func aSingleKeyIsCalledAPIKeyAndDefaultsToTheEnvironmentWhereverItIsSent() async throws {
        let output = try await generateSample(Self.document(
            paths: """
                security: [{key: []}]
                paths:
                  /ping: {get: {operationId: ping, responses: {'204': {description: ok}}}}
                """,
            components: """
                components:
                  securitySchemes:
                    key: {type: apiKey, in: query, name: token}
                """))
        let client = try #require(output.files["Sample/Sample.swift"])
        #expect(client.contains(#"apiKey: String? = ProcessInfo.processInfo.environment["SAMPLE_API_KEY"],"#))
        #expect(client.contains(#"credentials["key"] = .query("token", apiKey)"#))
        #expect(client.contains(#"security: [["key"]],"#))
        #expect(output.diagnostics.isEmpty)
    }

    @Test func schemesSentTheSameWayShareOneCredential() async throws {
        let output = try await generateSample(Self.document(
            paths: """
                security: [{apiKey: []}]
                paths:
                  /a: {get: {operationId: a, responses: {'204': {description: ok}}}}
                  /b: {get: {operationId: b, security: [{bearer: []}], responses: {'204': {description: ok}}}}
                """,
            components: """
                components:
                  securitySchemes:
                    apiKey: {type: http, scheme: bearer}
                    bearer: {type: oauth2, flows: {}}
                """))
        let client = try #require(output.files["Sample/Sample.swift"])
        #expect(client.contains("apiKey: String? = ProcessInfo"))
        #expect(!client.contains("bearer: String?"))
        // The operation's own requirement names the same credential, so it sends the client's default.
        let api = try #require(output.files["Sample/APIs/DefaultAPI.swift"])
        #expect(!api.contains("request.security"))
    }

    @Test func unsupportedSchemesAreNamedOnceAndSentWithout() async throws {
        let output = try await generateSample(Self.document(
            paths: """
                security: [{digest: []}]
                paths:
                  /a: {get: {operationId: a, responses: {'204': {description: ok}}}}
                  /b: {get: {operationId: b, security: [{digest: []}, {}], responses: {'204': {description: ok}}}}
                """,
            components: """
                components:
                  securitySchemes:
                    digest: {type: http, scheme: digest}
                """))
        #expect(output.diagnostics == [
            "spec.yaml:10:13: warning: HTTP 'digest' authentication (scheme 'digest') is not supported; requests are sent without it",
        ])
        let client = try #require(output.files["Sample/Sample.swift"])
        #expect(client.contains("credentials: [:],"))
        #expect(client.contains("security: [],"))
    }

    @Test func errorBodiesThatOperationsDocumentDifferentlyAreAUnionEachOperationWrapsItsOwnIn() async throws {
        let output = try await generateSample(Self.document(
            paths: """
                paths:
                  /a: {get: {operationId: a, responses: {'204': {description: ok}, '400': {$ref: '#/components/responses/Problem'}}}}
                  /b: {get: {operationId: b, responses: {'204': {description: ok}, '400': {$ref: '#/components/responses/Problem'}}}}
                  /c:
                    get:
                      operationId: c
                      responses:
                        '204': {description: ok}
                        '400': {description: other, content: {application/json: {schema: {$ref: '#/components/schemas/Other'}}}}
                  /d: {get: {operationId: d, responses: {'204': {description: ok}, '400': {description: no body}}}}
                """,
            components: """
                components:
                  responses:
                    Problem:
                      description: A problem.
                      content: {application/json: {schema: {type: object, properties: {message: {type: string}}}}}
                  schemas:
                    Other: {type: object, properties: {code: {type: integer}}}
                """))
        #expect(output.diagnostics.isEmpty)
        let error = try #require(output.files["Sample/SampleError.swift"])
        #expect(error.contains("case badRequest(BadRequestBody, ResponseMetadata)"))
        // The type most operations document first, each case saying which operations document its type.
        let union = try #require(output.files["Sample/Models/BadRequestBody.swift"])
        #expect(union.contains("""
            /// The body of the error case `badRequest` (HTTP 400), whose type depends on the operation.
            public enum BadRequestBody: Codable, Hashable, Sendable {
                /// Documented by a and b.
                case problem(Problem)
                /// Documented by c.
                case other(Other)
            """))
        // One type for the response component, however many operations use it.
        #expect(output.files["Sample/Models/Problem.swift"] != nil)
        #expect(output.files["Sample/Models/Problem2.swift"] == nil)
        let api = try #require(output.files["Sample/APIs/DefaultAPI.swift"])
        #expect(api.components(separatedBy: "throw response.error(BadRequestBody.problem, SampleError.badRequest)").count == 3)
        #expect(api.components(separatedBy: "throw response.error(BadRequestBody.other, SampleError.badRequest)").count == 2)
        // Without a documented body, whichever member the body decodes as.
        #expect(api.components(separatedBy: "throw response.error(SampleError.badRequest)").count == 2)
    }

    /// A `type: object` multipart body, or one without a schema, names no parts: the caller does (the FeaturesSDK's `uploadParts` sends them). One
    /// whose schema is no object has no parts to name, which a warning says at its media type.
    @Test func aMultipartBodyNamingNoPartsTakesTheCallersAndOneThatIsNoObjectIsWarnedAbout() async throws {
        let output = try await generateSample(Self.document(paths: """
            paths:
              /parts:
                post:
                  operationId: upload
                  requestBody: {content: {multipart/form-data: {schema: {type: object}}}}
                  responses: {'204': {description: ok}}
              /text:
                post:
                  operationId: sendText
                  requestBody: {content: {multipart/form-data: {schema: {type: string}}}}
                  responses: {'204': {description: ok}}
              /any:
                post:
                  operationId: uploadAny
                  requestBody: {required: true, content: {multipart/form-data: {}}}
                  responses: {'204': {description: ok}}
            """))
        #expect(output.diagnostics == [
            "spec.yaml:13:31: warning: the multipart body's schema is not an object, whose properties would be the parts; the operation is sent without a body",
        ])
        let api = try #require(output.files["Sample/APIs/DefaultAPI.swift"])
        // Not required, so optional; `nil` adds no part.
        #expect(api.contains("""
                    body: [String: MultipartValue]? = nil,
                    options: RequestOptions = RequestOptions()
            """))
        #expect(api.contains("        form.addParts(body)\n"))
        // Without a schema too, required.
        #expect(api.contains("""
                    body: [String: MultipartValue],
                    options: RequestOptions = RequestOptions()
            """))
        #expect(output.files["Sample/Runtime/MultipartValue.swift"]?.contains("public enum MultipartValue: Sendable, Hashable, ExpressibleByStringLiteral") == true)
    }

    /// A path template's own text is sent as written: a `#` or a space in it is no fragment or gap in the URL.
    @Test func aPathsLiteralTextIsPercentEncoded() async throws {
        let output = try await generateSample(Self.document(paths: """
            paths:
              /notes/#drafts/{id}/a b:
                get:
                  operationId: getDraft
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses: {'204': {description: ok}}
            """))
        let api = try #require(output.files["Sample/APIs/DefaultAPI.swift"])
        #expect(api.contains(#"path: "/notes/%23drafts/\(id.percentEncoded)/a%20b""#))
        #expect(api.contains(#"pathTemplate: "/notes/#drafts/{id}/a b""#))
    }

    /// OpenAPI makes a `writeOnly` property's `required` apply to requests alone: a response never holds it, and one
    /// leaving it out must decode.
    @Test func aRequiredWriteOnlyPropertyIsOptional() async throws {
        let output = try await generateSample(Self.document(
            paths: """
                paths:
                  /users:
                    post:
                      operationId: createUser
                      requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/User'}}}}
                      responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/User'}}}}}
                """,
            components: """
                components:
                  schemas:
                    User:
                      type: object
                      required: [name, password]
                      properties:
                        name: {type: string}
                        password: {type: string, writeOnly: true}
                """))
        let user = try #require(output.files["Sample/Models/User.swift"])
        #expect(user.contains("public var name: String\n"))
        #expect(user.contains("public var password: String?\n"))
        #expect(user.contains(#"self.password = try container.decodeIfPresent(String.self, forKey: "password")"#))
    }

    @Test func anOperationWithoutAnythingToAddBuildsItsRequestAsAConstant() async throws {
        let output = try await generateSample(Self.document(paths: """
            paths:
              /ping: {delete: {operationId: ping, responses: {'204': {description: ok}}}}
            """))
        let api = try #require(output.files["Sample/APIs/DefaultAPI.swift"])
        #expect(api.contains("""
                let request = APIRequest(
                    operation: OperationInfo(
                        operationID: "ping",
                        group: "DefaultAPI",
                        function: "ping",
                        method: "DELETE",
                        pathTemplate: "/ping"
                    ),
                    path: "/ping"
                )
        """))
    }

    @Test func runtimeFilesForUnusedFeaturesAreLeftOut() async throws {
        let output = try await generateSample(Self.document(paths: """
            paths:
              /ping: {get: {operationId: ping, responses: {'204': {description: ok}}}}
            """))
        #expect(output.files["Sample/Runtime/APIClient.swift"] != nil)
        #expect(output.files["Sample/Runtime/ServerSentEvents.swift"] == nil)
        #expect(output.files["Sample/Runtime/MultipartFile.swift"] == nil)
        #expect(output.files["Sample/Runtime/StreamingURLSession.swift"] == nil)
        #expect(output.files["Sample/Runtime/HTTPTransport.swift"]?.contains("func stream") == false)
    }

    @Test func aPropertysConstEnumDefaultAndReadOrWriteOnlyGoIntoItsDocComment() async throws {
        let (files, _) = try await generateSample(Self.document(paths: "paths: {}", components: """
            components:
              schemas:
                Chore:
                  type: object
                  required: [id, priority]
                  properties:
                    id: {type: string, readOnly: true, description: The job's identifier.}
                    priority: {type: integer, enum: [1, 2, 3]}
                    ratio: {type: number, enum: [0.5, 1.5]}
                    retries: {type: integer, default: 3}
                    secret: {type: string, writeOnly: true}
                    kind: {type: string, const: batch}
            """))
        let job = try #require(files["Sample/Models/Chore.swift"])
        #expect(job.contains("""
                /// The job's identifier.
                ///
                /// Read-only: set by the server and ignored in requests.
                public var id: String
            """))
        // An integer enum is a type of its own, with the values as cases; other non-string enums are listed.
        #expect(job.contains("    public var priority: ChorePriority\n"))
        #expect(job.contains("    /// One of `0.5`, `1.5`.\n    public var ratio: Double?\n"))
        #expect(job.contains("    /// When absent, the server uses `3`.\n    public var retries: Int?\n"))
        #expect(job.contains("    /// Write-only: sent in requests and never returned.\n    public var secret: String?\n"))
        #expect(job.contains("    /// Always `\"batch\"`.\n    public var kind: String?\n"))
    }

    @Test func aDocumentWithoutOperationsBuildsNoUnusedClientPipeline() async throws {
        let (files, _) = try await generateSample(Self.document(paths: "paths: {}", components: """
            security: [{key: []}]
            components:
              securitySchemes:
                key: {type: http, scheme: bearer}
              schemas:
                Record: {type: object, properties: {id: {type: string}}}
            """))
        let client = try #require(files["Sample/Sample.swift"])
        // An unused `let client = APIClient(…)` would be a compiler warning in the user's build.
        #expect(!client.contains("APIClient("))
        #expect(!client.contains("var credentials"))
        #expect(files["Sample/Models/Record.swift"] != nil)
    }
}
