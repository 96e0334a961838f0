import AsyncHTTPClient
import FeaturesSDK
import FeaturesSDKAsyncHTTPClient
import Foundation
import Testing

/// The README's AsyncHTTPClient example, compiled here against the generated transport module so that it cannot go
/// stale: the test below checks that the README shows exactly these lines. It is never run.
func readmeTransportExample() async throws {
    // README transport example start
    // A transport over a shared HTTPClient that leaves redirects to the transport.
    let client = FeaturesSDK(bearerAuth: "token", transport: AsyncHTTPClientTransport())

    // Or over your own HTTPClient, which must not follow redirects itself, and which you shut down.
    var configuration = HTTPClient.Configuration()
    configuration.redirectConfiguration = .disallow
    let httpClient = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    let ownClient = FeaturesSDK(bearerAuth: "token", transport: AsyncHTTPClientTransport(client: httpClient))
    // README transport example end
    _ = (client, ownClient)
    try await httpClient.shutdown()
}

@Suite("README")
struct ReadmeTransportExampleTests {
    @Test("README.md shows the compiled AsyncHTTPClient example")
    func readmeShowsTheExample() throws {
        // The check copies this file beside the tests; the README is in the repository that ran it.
        let root = try #require(ProcessInfo.processInfo.environment["SDKGEN_ROOT"], "Scripts/transport-check.sh sets SDKGEN_ROOT")
        let readme = try String(contentsOf: URL(fileURLWithPath: root).appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let start = try #require(source.range(of: "    // README transport example start\n"))
        let end = try #require(source.range(of: "    // README transport example end\n"))
        let body = source[start.upperBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : String($0) }.joined(separator: "\n")
        #expect(readme.contains("```swift\nimport AsyncHTTPClient\nimport FeaturesSDK\nimport FeaturesSDKAsyncHTTPClient\n\n" + body + "```\n"),
                "README.md's AsyncHTTPClient example differs from the one compiled in \(#filePath)")
    }
}
