import SDKGenCore
import Testing

/// The properties a schema declares beside its `oneOf`, which every member's value has (GitHub's check run request:
/// `name` and `head_sha` beside one member per `status`). They were dropped from the members' types, so that the
/// SDK could only send them as undeclared members.
@Suite struct UnionSharedPropertiesTests {
    private func properties(of typeName: String, in sdk: SwiftSDK) throws -> [String] {
        let structure = try #require(sdk.models.first { $0.typeName == typeName }?.structure)
        return structure.properties.map { "\($0.name): \($0.type)" }
    }

    @Test func inlineMembersGetTheSharedPropertiesInTheUnionsOrderWithTheirOwnDeclarationsWinning() throws {
        let (sdk, diagnostics) = try lowerSchemas("""
                Run:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                    status: {type: string, enum: [queued, completed]}
                    output: {type: object, properties: {title: {type: string}}}
                  oneOf:
                    - required: [status]
                      properties: {status: {enum: [completed]}, conclusion: {type: string}}
                    - properties: {status: {enum: [queued]}}
            """)
        #expect(diagnostics.isEmpty)
        #expect(try properties(of: "RunOption1", in: sdk) == ["name: String", "status: RunOption1Status", "output: RunOutput?", "conclusion: String?"])
        #expect(try properties(of: "RunOption2", in: sdk) == ["name: String", "status: RunOption2Status?", "output: RunOutput?"])
        // One type for the shared inline object, named after the union; none for the `status` both members declare.
        #expect(sdk.models.map(\.typeName).sorted() == ["Run", "RunOption1", "RunOption1Status", "RunOption2", "RunOption2Status", "RunOutput"])
    }

    @Test func aReferencedMemberWithoutASharedPropertyIsAWarningAtTheMember() throws {
        let (sdk, diagnostics) = try lowerSchemas("""
                Shape:
                  type: object
                  properties:
                    id: {type: string}
                    kind: {type: string}
                  oneOf:
                    - $ref: '#/components/schemas/Circle'
                    - $ref: '#/components/schemas/Square'
                Circle:
                  type: object
                  properties: {kind: {type: string}, radius: {type: number}}
                Square:
                  type: object
                  properties: {id: {type: string}, kind: {type: string}, side: {type: number}}
            """)
        #expect(diagnostics.map(\.description) == [
            "t.yaml:13:11: warning: Shape declares 'id' beside its members, which the member Circle does not; its type keeps it only as an undeclared member",
        ])
        #expect(try properties(of: "Circle", in: sdk) == ["kind: String?", "radius: Double?"])
    }
}
