import Foundation
import SDKGenCore
import Testing

/// A required property that the spec's own examples leave out is generated optional, with a warning at the example,
/// so that the responses the spec shows decode (OpenRouter's model list examples have no `links`).
///
/// Serialized, and generating off the cooperative pool, to keep the CPU free for the timing-sensitive client tests.
@Suite(.serialized) struct ExampleOmissionTests {
    private static func document(_ body: String) -> String {
        """
        openapi: 3.1.0
        info: {title: Sample API, version: '1'}
        servers: [{url: 'https://sample.example'}]
        \(body)
        """
    }

    private static let pageSchemas = """
        components:
          schemas:
            Page:
              oneOf:
                - $ref: '#/components/schemas/LocalPage'
                - $ref: '#/components/schemas/RemotePage'
              discriminator:
                propertyName: _shape
                mapping: {local: '#/components/schemas/LocalPage', remote: '#/components/schemas/RemotePage'}
            LocalPage:
              type: object
              required: [_shape, data, links]
              properties:
                _shape: {type: string, enum: [local]}
                data: {type: array, items: {$ref: '#/components/schemas/Entry'}}
                links: {type: object, properties: {next: {type: string}}}
            RemotePage:
              type: object
              required: [_shape, entries, cursor]
              properties:
                _shape: {type: string, enum: [remote]}
                entries: {type: array, items: {$ref: '#/components/schemas/Entry'}}
                cursor: {type: string}
            Entry:
              type: object
              required: [id, size]
              properties:
                id: {type: string}
                size: {type: integer}
        """

    @Test func aRequiredPropertyAResponseExampleLeavesOutIsOptionalWithAWarningAtTheExample() async throws {
        let output = try await generateSample(Self.document("""
            paths:
              /pages:
                get:
                  operationId: getPage
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Page'}
                          example:
                            data:
                              - {id: a, size: 1}
            \(Self.pageSchemas)
            """))
        // The example has no discriminator: it is read as the member that knows its keys.
        #expect(output.diagnostics.contains(
            "spec.yaml:15:17: warning: this example leaves out '_shape' and 'links', which its schema requires; they are "
                + "generated optional so that values like the example decode"))
        #expect(output.diagnostics.filter { $0.contains("leaves out") }.count == 1)
        let local = try #require(output.files["Sample/Models/LocalPage.swift"])
        #expect(local.contains("public var shape: LocalPageShape?"))
        #expect(local.contains("public var links: LocalPageLinks?"))
        #expect(local.contains("public var data: [Entry]\n"))
        #expect(local.contains("/// The spec marks this property required, but its own examples leave it out, so it is optional here."))
        // Nothing leaves out the other member's properties, nor the entries' own.
        let remote = try #require(output.files["Sample/Models/RemotePage.swift"])
        #expect(remote.contains("public var shape: RemotePageShape\n"))
        #expect(remote.contains("public var cursor: String\n"))
        #expect(try #require(output.files["Sample/Models/Entry.swift"]).contains("public var size: Int\n"))
    }

    @Test func theDiscriminatorValueNamesTheMemberAnExampleIsCheckedAgainst() async throws {
        let output = try await generateSample(Self.document("""
            paths:
              /pages:
                get:
                  operationId: getPage
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Page'}
                          examples:
                            remote:
                              value: {_shape: remote, entries: [{id: a}]}
            \(Self.pageSchemas)
            """))
        #expect(output.diagnostics.contains(
            "spec.yaml:16:26: warning: this example leaves out 'cursor', which its schema requires; it is generated optional "
                + "so that values like the example decode"))
        #expect(output.diagnostics.contains(
            "spec.yaml:16:53: warning: this example leaves out 'size', which its schema requires; it is generated optional "
                + "so that values like the example decode"))
        #expect(try #require(output.files["Sample/Models/RemotePage.swift"]).contains("public var cursor: String?"))
        #expect(try #require(output.files["Sample/Models/LocalPage.swift"]).contains("public var links: LocalPageLinks\n"))
    }

    @Test func schemaExamplesAndReferencedComponentExamplesCountAndCompleteOnesChangeNothing() async throws {
        let output = try await generateSample(Self.document("""
            paths:
              /entries:
                post:
                  operationId: addEntry
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Entry'}
                        examples:
                          small: {$ref: '#/components/examples/SmallEntry'}
                  responses:
                    '204': {description: ok}
            components:
              examples:
                SmallEntry:
                  value: {id: a, size: 1}
              schemas:
                Entry:
                  type: object
                  required: [id, size, owner]
                  properties:
                    id: {type: string}
                    size: {type: integer}
                    owner:
                      type: object
                      required: [name, team]
                      example: {name: Ann}
                      properties:
                        name: {type: string}
                        team: {type: string}
            """))
        let omissions = output.diagnostics.filter { $0.contains("leaves out") }
        #expect(omissions == [
            "spec.yaml:19:14: warning: this example leaves out 'owner', which its schema requires; it is generated optional "
                + "so that values like the example decode",
            "spec.yaml:30:20: warning: this example leaves out 'team', which its schema requires; it is generated optional "
                + "so that values like the example decode",
        ])
        let entry = try #require(output.files["Sample/Models/Entry.swift"])
        #expect(entry.contains("public var owner: EntryOwner?"))
        #expect(entry.contains("public var size: Int\n"))
        // The inline owner schema's type is in Entry.swift too.
        let owner = try #require(entry.components(separatedBy: "public struct EntryOwner:").last)
        #expect(owner.contains("public var team: String?"))
        #expect(owner.contains("public var name: String\n"))
    }

    @Test(arguments: [UndeclaredProperties.keep, .drop])
    func aMemberAnExampleHasThatItsSchemaDoesNotDeclareIsOneWarningAtTheFirstExampleWithItUnlessKept(
        _ undeclaredProperties: UndeclaredProperties
    ) async throws {
        let output = try await generateSample(Self.document("""
            paths:
              /alerts:
                get:
                  operationId: listAlerts
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {type: array, items: {$ref: '#/components/schemas/Alert'}}
                          example:
                            - {state: open, fixed_at: null}
                            - {state: fixed, fixed_at: '2020-02-14T12:29:18Z', labels: {a: b}, meta: {x: 1}}
            components:
              schemas:
                Alert:
                  type: object
                  properties:
                    state: {type: string}
                    labels: {type: object, additionalProperties: {type: string}}
                    meta:
                      type: object
                      properties: {id: {type: integer}}
                      additionalProperties: false
            """), undeclaredProperties: undeclaredProperties)
        // Once per schema and member, at the first example's key; a dictionary's keys are its own. Kept members are
        // no loss; a forbidden one is the example's fault either way.
        let dropped = "spec.yaml:15:33: warning: this example has 'fixed_at', which its schema does not declare; with "
            + "`undeclaredProperties: drop` the generated type does not keep it, so a value like the example loses it when decoded"
        let forbidden = "spec.yaml:16:91: warning: this example has 'x', which its schema forbids (`additionalProperties: false`): "
            + "the example is at fault, and the generated type does not keep it"
        #expect(output.diagnostics.filter { $0.contains("which its schema") } == (undeclaredProperties == .drop ? [dropped, forbidden] : [forbidden]))
    }

    @Test func aMemberOnlyAnotherPartOfTheSchemaDeclaresIsNoWarning() async throws {
        let output = try await generateSample(Self.document("""
            paths:
              /runs:
                post:
                  operationId: createRun
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties: {name: {type: string}, status: {type: string}}
                          oneOf:
                            - {properties: {status: {enum: [done]}}, additionalProperties: true}
                            - {properties: {status: {enum: [queued]}}, additionalProperties: true}
                        example: {name: build, status: queued}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            allOf:
                              - {$ref: '#/components/schemas/Run'}
                              - {type: object, properties: {log: {type: string}}}
                          example: {name: build, log: ok}
            components:
              schemas:
                Run:
                  type: object
                  properties: {name: {type: string}}
            """))
        #expect(!output.diagnostics.contains { $0.contains("which its schema") })
    }
}
