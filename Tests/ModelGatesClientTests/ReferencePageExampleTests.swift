import Foundation
import ModelGates
import Testing

/// The usage examples of the reference pages in `Generated/docs/sdks/`, compiled here so that they cannot go stale:
/// the test below checks that the pages show exactly these programs, and every one of them. They are never run,
/// since they call the real ModelGates server.
private enum ReferencePageExamples {
    static func getUserActivity() async {
        // example start
        // `apiKey` is read from the MODELGATES_API_KEY environment variable.
        let client = ModelGates(
            httpReferer: "<value>",
            appTitle: "<value>",
            appCategories: "<value>"
        )

        do {
            let response = try await client.analytics.getUserActivity(date: "2025-08-24", apiKeyHash: "abc123def456...", userID: "user_abc123")
            print(response)
        } catch ModelGatesError.badRequest(let body, let metadata) {
            print("status \(metadata.statusCode):", body)
        } catch {
            print(error)
        }
        // example end
    }

    static func getDailyActivity() async {
        // example start
        // `apiKey` is read from the MODELGATES_API_KEY environment variable.
        let client = ModelGates(
            httpReferer: "<value>",
            appTitle: "<value>",
            appCategories: "<value>"
        )

        do {
            let response = try await client.analytics.getDailyActivity(days: 7, from: "2025-08-01", to: "2025-08-31", projectID: "proj_abc123", apiKeyID: "key_abc123")
            print(response)
        } catch ModelGatesError.badRequest(let body, let metadata) {
            print("status \(metadata.statusCode):", body)
        } catch {
            print(error)
        }
        // example end
    }
}

@Suite struct ReferencePageExampleTests {
    @Test func everyGroupPageShowsACompiledExample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let compiled = Set(source.components(separatedBy: "        // example start\n").dropFirst().map { piece in
            piece.components(separatedBy: "        // example end\n")[0]
                .split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix("        ") ? String($0.dropFirst(8)) : String($0) }
                .joined(separator: "\n")
        })

        let pagesFolder = root.appendingPathComponent("Generated/docs/sdks")
        let groups = try FileManager.default.contentsOfDirectory(atPath: pagesFolder.path).sorted()
        var shown: [String] = []
        for group in groups {
            let page = try String(contentsOf: pagesFolder.appendingPathComponent("\(group)/README.md"), encoding: .utf8)
            for block in page.components(separatedBy: "```swift\nimport ModelGates\n\n").dropFirst() {
                let example = block.components(separatedBy: "```\n")[0]
                #expect(compiled.contains(example), "the example on \(group)'s page is not compiled in \(#filePath):\n\(example)")
                shown.append(example)
            }
        }
        #expect(!shown.isEmpty)
        #expect(Set(shown) == compiled, "the compiled examples and the pages' examples differ")
    }
}
