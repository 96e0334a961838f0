import AnalyticsReport
import AnalyticsSDK
import Foundation

/// Prints a day's usage per model: `analytics-app [YYYY-MM-DD] [--server URL]`, with a management key in
/// `MODELGATES_API_KEY`.
@main
struct AnalyticsApp {
    static func main() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var serverURL = ModelGates.defaultServerURL
        if let flag = arguments.firstIndex(of: "--server"), arguments.indices.contains(flag + 1),
           let url = URL(string: arguments[flag + 1]) {
            serverURL = url
            arguments.removeSubrange(flag...(flag + 1))
        }
        let client = ModelGates(serverURL: serverURL, appTitle: "AnalyticsApp")
        do {
            let report = try await UsageReport.fetch(from: client, date: arguments.first)
            print(report.text)
        } catch {
            FileHandle.standardError.write(Data("analytics-app: \(error)\n".utf8))
            exit(1)
        }
    }
}
