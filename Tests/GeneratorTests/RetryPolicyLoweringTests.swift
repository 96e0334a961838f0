import Foundation
import SDKGenCore
import SDKGenModel
import Testing

/// How Lower reads `x-sdkgen-retries` and `x-speakeasy-retries`, on the document and on operations.
@Suite struct RetryPolicyLoweringTests {
    private static let header = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\nservers: [{url: 'https://x'}]\n"

    /// A document with one `GET /items` whose operation carries `operationYAML` (indented under `get:`), after the
    /// document-level `documentYAML`.
    private static func spec(document documentYAML: String = "", operation operationYAML: String = "") -> String {
        header + documentYAML + """

            paths:
              /items:
                get:
                  operationId: listItems
            \(operationYAML.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n"))
                  responses:
                    '200': {description: OK}

            """
    }

    private func lower(_ yaml: String) throws -> (sdk: SwiftSDK, diagnostics: [String]) {
        let lowered = try SDKGenerator.lower(specBytes: Array(yaml.utf8), file: "t.yaml", moduleName: "M")
        return (lowered.sdk, lowered.diagnostics.map(\.description))
    }

    private func operationPolicy(_ sdk: SwiftSDK) -> RetryPolicy? {
        sdk.groups.flatMap(\.operations).first?.retries
    }

    @Test func withoutAnExtensionTheClientUsesSdkgensDefaultAndSaysSo() throws {
        let (sdk, diagnostics) = try lower(Self.spec())
        #expect(diagnostics.isEmpty)
        let policy = sdk.client.retryDefaults
        #expect(policy.statusCodes == [408, 429, 500, 502, 503, 504] && policy.statusRanges.isEmpty)
        #expect(policy.summary.hasPrefix("sdkgen's default policy, as the spec sets none: wait 0.5 s"))
        #expect(operationPolicy(sdk) == nil)
    }

    @Test func theDocumentsSpeakeasyPolicyIsReadWithRangesAndMilliseconds() throws {
        let (sdk, diagnostics) = try lower(Self.spec(document: """
            x-speakeasy-retries:
              strategy: backoff
              backoff: {initialInterval: 250, maxInterval: 30000, maxElapsedTime: 120000, exponent: 2}
              statusCodes: ['5XX', 429, '503']
              retryConnectionErrors: false

            """))
        #expect(diagnostics.isEmpty)
        let policy = sdk.client.retryDefaults
        #expect(policy.initialInterval == 0.25 && policy.maxInterval == 30 && policy.maxElapsedTime == 120 && policy.exponent == 2)
        // 503 is inside 5XX, so it is not listed on its own.
        #expect(policy.statusCodes == [429] && policy.statusRanges == [5])
        #expect(!policy.retryConnectionErrors)
        #expect(policy.summary.hasPrefix("The policy the spec sets with `x-speakeasy-retries`: wait 0.25 s"))
        #expect(policy.summary.hasSuffix("retry statuses 429 and 5XX."))
    }

    @Test func xSdkgenRetriesWinsOverXSpeakeasyRetries() throws {
        let (sdk, diagnostics) = try lower(Self.spec(document: """
            x-speakeasy-retries: {strategy: backoff, statusCodes: ['5XX']}
            x-sdkgen-retries: {statusCodes: [418], backoff: {jitter: 0.5}}

            """, operation: """
            x-speakeasy-retries: {strategy: backoff, statusCodes: ['4XX']}
            x-sdkgen-retries: {statusCodes: [409]}
            """))
        #expect(diagnostics.isEmpty)
        #expect(sdk.client.retryDefaults.statusCodes == [418] && sdk.client.retryDefaults.statusRanges.isEmpty)
        #expect(sdk.client.retryDefaults.jitter == 0.5)
        let operation = try #require(operationPolicy(sdk))
        #expect(operation.statusCodes == [409] && operation.statusRanges.isEmpty)
    }

    @Test func anOperationsPolicyRefinesTheDocumentsAndIsDocumentedOnTheFunction() throws {
        let (sdk, diagnostics) = try lower(Self.spec(document: """
            x-sdkgen-retries: {backoff: {initialInterval: 100, exponent: 3}, statusCodes: [503]}

            """, operation: """
            x-speakeasy-retries:
              strategy: backoff
              backoff: {initialInterval: 20}
              statusCodes: [5XX]
            """))
        #expect(diagnostics.isEmpty)
        let policy = try #require(operationPolicy(sdk))
        // The keys it leaves out (exponent) are the document's, not sdkgen's.
        #expect(policy.initialInterval == 0.02 && policy.exponent == 3 && policy.statusRanges == [5])
        let function = try #require(sdk.groups.first?.operations.first)
        #expect(function.documentation.blocks.contains(.sentences(policy.summary + " A policy given to the client or the call replaces it.")))
        #expect(policy.summary.hasPrefix("The policy the spec sets for this operation with `x-speakeasy-retries`"))
    }

    @Test func strategyNoneDisablesRetriesForTheOperation() throws {
        let (sdk, diagnostics) = try lower(Self.spec(operation: "x-speakeasy-retries: {strategy: none}"))
        #expect(diagnostics.isEmpty)
        let policy = try #require(operationPolicy(sdk))
        #expect(policy.statusCodes.isEmpty && policy.statusRanges.isEmpty && !policy.retryConnectionErrors)
        #expect(policy.summary.hasSuffix("retry nothing."))
    }

    @Test func malformedValuesAreLocatedWarningsAndIgnored() throws {
        let (sdk, diagnostics) = try lower(Self.spec(document: """
            x-speakeasy-retries:
              strategy: backoff
              statusCodes: [6XX, 5xx, teapot, 42]
              retryConnectionErrors: sometimes
              backoff: {jitter: 2}

            """, operation: """
            x-speakeasy-retries: {strategy: linear}
            x-sdkgen-retries: [500]
            """))
        #expect(diagnostics == [
            "t.yaml:6:17: warning: x-speakeasy-retries: 6XX is neither an HTTP status code (100 to 599) nor a range of them (1XX to 5XX); it is ignored",
            "t.yaml:6:27: warning: x-speakeasy-retries: teapot is neither an HTTP status code (100 to 599) nor a range of them (1XX to 5XX); it is ignored",
            "t.yaml:6:35: warning: x-speakeasy-retries: 42 is neither an HTTP status code (100 to 599) nor a range of them (1XX to 5XX); it is ignored",
            "t.yaml:7:26: warning: x-speakeasy-retries: `retryConnectionErrors` should be true or false, found sometimes; it is ignored",
            "t.yaml:8:21: warning: x-speakeasy-retries: `jitter` is a fraction of the wait, from 0 to 1, found 2; the default, 0.25, is used",
            "t.yaml:15:25: warning: x-sdkgen-retries should be a mapping (strategy, backoff, statusCodes, retryConnectionErrors), found a list; it is ignored",
        ])
        // `5xx` is read as the range; the rest keeps sdkgen's default.
        #expect(sdk.client.retryDefaults.statusRanges == [5] && sdk.client.retryDefaults.statusCodes.isEmpty)
        #expect(sdk.client.retryDefaults.retryConnectionErrors && sdk.client.retryDefaults.jitter == 0.25)
        // The operation's sdkgen extension wins and is malformed: the operation keeps the client's policy.
        #expect(operationPolicy(sdk) == nil)
    }

    @Test func anUnknownStrategyIgnoresTheExtension() throws {
        let (sdk, diagnostics) = try lower(Self.spec(operation: "x-speakeasy-retries: {strategy: linear, statusCodes: [500]}"))
        #expect(diagnostics == [
            "t.yaml:9:39: warning: x-speakeasy-retries: the strategy `linear` is not one sdkgen knows (`backoff`, `none`); the extension is ignored",
        ])
        #expect(operationPolicy(sdk) == nil)
    }

    static let openRouter = PackagePaths.root.deletingLastPathComponent().appendingPathComponent("shared/specs/real/openrouter.yaml")

    /// The real OpenRouter spec's document-level `x-speakeasy-retries`, `statusCodes: ['5XX']`, was ignored with a
    /// warning; it is now the client's default.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: openRouter.path),
                   "needs ../shared/specs/real/openrouter.yaml beside the package (a fresh clone has no ../shared)"))
    func theOpenRouterSpecsSpeakeasyPolicyIsTheDefault() async throws {
        let bytes = try Array(Data(contentsOf: Self.openRouter))
        let lowered = try await offTheCooperativePool {
            try SDKGenerator.lower(specBytes: bytes, file: "openrouter.yaml", moduleName: "OpenRouter")
        }
        #expect(!lowered.diagnostics.contains { $0.message.contains("retries") })
        let policy = lowered.sdk.client.retryDefaults
        #expect(policy.statusRanges == [5] && policy.statusCodes.isEmpty && policy.retryConnectionErrors)
        #expect(policy.source == "The policy the spec sets with `x-speakeasy-retries`")
    }
}
