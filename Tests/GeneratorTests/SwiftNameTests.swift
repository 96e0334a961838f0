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
}
