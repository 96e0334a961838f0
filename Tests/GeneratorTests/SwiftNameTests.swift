@testable import SDKGenCore
import Testing

@Suite struct SwiftNameTests {
    @Test(arguments: [
        ("api_key_hash", "apiKeyHash"), ("user_id", "userID"), ("apiKeyId", "apiKeyID"), ("projectId", "projectID"),
        ("HTTP-Referer", "httpReferer"), ("getUserActivity", "getUserActivity"), ("model_permaslug", "modelPermaslug"),
        ("byok_usage_inference", "byokUsageInference"), ("Bad Request", "badRequest"), ("URGENT_FLAG", "urgentFlag"),
        ("default", "`default`"), ("self", "`self`"), ("2fa", "_2fa"), ("base-url", "baseURL"), ("ids", "ids"),
        ("user ids", "userIDs"), ("x-rate-limit", "xRateLimit"), ("", "value"), ("***", "value"),
        ("é_name", "name"), ("a`b", "aB"),
    ])
    func memberNames(_ input: String, _ expected: String) {
        #expect(SwiftName.member(input) == expected)
    }

    @Test(arguments: [
        ("ActivityItem", "ActivityItem"), ("activity_item", "ActivityItem"), ("api key", "APIKey"),
        ("ModelGates", "ModelGates"), ("Analytics", "Analytics"), ("2xx-body", "_2xxBody"), ("", "Value"),
    ])
    func typeNames(_ input: String, _ expected: String) {
        #expect(SwiftName.type(input) == expected)
    }

    @Test func typeNamesAreUniqueIgnoringCaseAndNeverShadowFoundation() {
        var names = NameRegistry(reserving: ["ModelGates"])
        #expect(names.claim("Item") == "Item")
        #expect(names.claim("item") == "item2")
        #expect(names.claim("Data") == "Data2")
        #expect(names.claim("ModelGates") == "ModelGates2")
    }

    /// A schema named with a leading digit makes `_1824` of its type and of a property or a union case alike; inside
    /// the declaration the member would hide the type, so the member is `_1824Value` and the SDK compiles.
    @Test func aMemberIsNeverSpelledLikeTheTypeItHolds() async throws {
        let sdk = try await generateSample("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            servers: [{url: 'https://example.com'}]
            paths:
              /audience:
                get:
                  responses:
                    '200':
                      description: OK
                      content: {application/json: {schema: {$ref: '#/components/schemas/Holder'}}}
            components:
              schemas:
                '18_24': {type: object, properties: {a: {type: string}}}
                '25_34': {type: object, properties: {b: {type: integer}}}
                Holder:
                  type: object
                  properties:
                    '18_24': {$ref: '#/components/schemas/18_24'}
                    audience:
                      oneOf:
                        - $ref: '#/components/schemas/18_24'
                        - $ref: '#/components/schemas/25_34'
            """)
        #expect(sdk.diagnostics.isEmpty, "\(sdk.diagnostics)")
        let holder = try #require(sdk.files["Sample/Models/Holder.swift"])
        for declaration in ["public var _1824Value: _1824?", "case _1824Value(_1824)", "case _2534Value(_2534)"] {
            #expect(holder.contains(declaration), "Holder.swift lacks \(declaration)")
        }
        let build = try await buildSample(sdk.files)
        #expect(build.status == 0, "the SDK does not compile:\n\(build.output.suffix(4000))")
        #expect(compilerDiagnostics(in: build.output, containing: "warning:") == [])
    }
}
