import ModelGates
import Synchronization
import Testing

/// An app's function that takes the API group's protocol, so that its tests can give it a fake.
func totalRequests(on date: String, analytics: some AnalyticsAPIProtocol) async throws(ModelGatesError) -> Int {
    let activity = try await analytics.getUserActivity(date: date)
    return activity.data.map(\.requests).reduce(0, +)
}

/// Answers from canned values and records the dates it was asked for; no network.
final class FakeAnalytics: AnalyticsAPIProtocol {
    let askedDates = Mutex<[String?]>([])

    func getUserActivity(
        date: String?,
        apiKeyHash: String?,
        userID: String?,
        options: RequestOptions
    ) async throws(ModelGatesError) -> ActivityResponse {
        askedDates.withLock { $0.append(date) }
        let item = ActivityItem(
            date: date ?? "", model: "m", modelPermaslug: "m-1", endpointID: "e", providerName: "p", usage: 0.5,
            byokUsageInference: 0, requests: 21, promptTokens: 1, completionTokens: 1, reasoningTokens: 0
        )
        return ActivityResponse(data: [item, item])
    }

    func getDailyActivity(
        days: Int?,
        from: String?,
        to: String?,
        projectID: String?,
        apiKeyID: String?,
        options: RequestOptions
    ) async throws(ModelGatesError) -> DailyActivityResponse {
        throw .invalidRequest("not used")
    }
}

@Suite("API group protocols")
struct FakeAPITests {
    @Test("app code written against the group's protocol is tested with a fake, without a network")
    func fake() async throws {
        let fake = FakeAnalytics()
        #expect(try await totalRequests(on: "2025-08-24", analytics: fake) == 42)
        #expect(fake.askedDates.withLock { $0 } == ["2025-08-24"])
    }

    @Test("the client's group conforms, so the same app code takes it")
    func clientConforms() {
        let analytics: any AnalyticsAPIProtocol = ModelGates(apiKey: "k").analytics
        #expect(analytics is AnalyticsAPI)
    }
}
