import Foundation
import ModelGates
import Testing

/// The README's SDK example, compiled here so that it cannot go stale: the test below checks that the
/// README shows exactly these lines. It is never run, since it calls the real ModelGates server.
private func readmeExample() async {
    // README example start
    let client = ModelGates(                       // apiKey defaults to $MODELGATES_API_KEY
        httpReferer: "https://myapp.example",      // app attribution headers, sent with every request
        appTitle: "My App",
        appCategories: "cli-agent,cloud-agent")

    do {
        let activity = try await client.analytics.getUserActivity(date: "2025-08-24")
        for item in activity.data {
            print(item.date, item.model, item.requests, item.usage)
        }

        let daily = try await client.analytics.getDailyActivity(
            from: "2025-08-01", to: "2025-08-31",
            options: RequestOptions(retries: .disabled, timeout: 10))
        print(daily.data.map(\.cost.totalCost).reduce(0, +))
    } catch ModelGatesError.forbidden(let body, _) {
        print("a management key is needed:", body.error.message)
    } catch {
        print(error)
    }
    // README example end
}

/// The README's retries recipe, compiled and checked the same way.
private func readmeRetriesRecipe() async throws {
    // README retries recipe start
    let retries = RetryConfig(
        backoff: RetryConfig.Backoff(initialInterval: 0.2, maxInterval: 10, exponent: 2, maxElapsedTime: 120, jitter: 0.5),
        statusCodes: [429, .range(5)],
        retryConnectionErrors: true)
    let client = ModelGates(retries: retries)
    let activity = try await client.analytics.getUserActivity(options: RequestOptions(retries: .disabled))
    // README retries recipe end
    print(activity)
}

@Suite struct ReadmeExampleTests {
    /// README.md, and the lines of this file between `// README <name> start` and `// README <name> end`, unindented.
    private func readmeAndSnippet(_ name: String) throws -> (readme: String, snippet: String) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)

        let start = try #require(source.range(of: "    // README \(name) start\n"))
        let end = try #require(source.range(of: "    // README \(name) end\n"))
        let body = source[start.upperBound..<end.lowerBound]
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : String($0) }
            .joined(separator: "\n")
        return (readme, body)
    }

    @Test func theREADMEShowsTheCompiledExample() throws {
        let (readme, body) = try readmeAndSnippet("example")
        #expect(readme.contains("```swift\nimport ModelGates\n\n" + body + "```\n"), "README.md's SDK example differs from the one compiled in \(#filePath)")
    }

    @Test func theREADMEShowsTheCompiledRetriesRecipe() throws {
        let (readme, body) = try readmeAndSnippet("retries recipe")
        #expect(readme.contains("```swift\n" + body + "```\n"), "README.md's retries recipe differs from the one compiled in \(#filePath)")
    }
}
