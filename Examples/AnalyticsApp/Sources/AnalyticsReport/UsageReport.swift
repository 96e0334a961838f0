import AnalyticsSDK

/// One day's usage per model, summed over the endpoints that served it.
package struct UsageReport: Sendable, Equatable {
    /// A model's requests and cost for the day.
    package struct Line: Sendable, Equatable {
        package var model: String
        package var requests: Int
        package var usage: Double
    }

    /// Lines ordered by cost, the most expensive first (then by model, so the order is stable).
    package var lines: [Line]

    /// Fetches the activity of `date` (the last 30 days when `nil`) and sums it per model.
    package static func fetch(from client: ModelGates, date: String?) async throws(ModelGatesError) -> UsageReport {
        let activity = try await client.analytics.getUserActivity(date: date)
        var byModel: [String: Line] = [:]
        for item in activity.data {
            byModel[item.model, default: Line(model: item.model, requests: 0, usage: 0)].requests += item.requests
            byModel[item.model, default: Line(model: item.model, requests: 0, usage: 0)].usage += item.usage
        }
        let lines = byModel.values.sorted { ($0.usage, $1.model) > ($1.usage, $0.model) }
        return UsageReport(lines: lines)
    }

    /// The report as a table: model, requests and cost in dollars.
    package var text: String {
        let width = max(5, lines.map(\.model.count).max() ?? 0)
        func padded(_ text: String) -> String { text + String(repeating: " ", count: width - text.count) }
        var rows = ["\(padded("model"))  requests  cost (USD)"]
        for line in lines {
            let requests = String(line.requests)
            rows.append("\(padded(line.model))  \(String(repeating: " ", count: max(0, 8 - requests.count)))\(requests)  \(Self.dollars(line.usage))")
        }
        return rows.joined(separator: "\n")
    }

    private static func dollars(_ value: Double) -> String {
        let cents = Int((value * 100).rounded())
        let fraction = String(cents % 100)
        return "\(cents / 100).\(fraction.count == 1 ? "0" + fraction : fraction)"
    }
}
