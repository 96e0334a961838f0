import Foundation
import SDKGenCore
import SDKGenYAML
import Testing

/// The SDK generated from the OpenRouter description with its six overlays, whose `x-speakeasy-*` extensions give
/// the official SDKs' shape, against the official Go SDK's methods and signatures in `../shared/reference/`.
@Suite struct SpeakeasyParityTests {
    static let reference = PackagePaths.root.deletingLastPathComponent().appendingPathComponent("shared/reference")
    static let hasReference = OverlayTests.hasSharedSpecs
        && FileManager.default.fileExists(atPath: reference.appendingPathComponent("openrouter-go-sdk-signatures.txt").path)

    /// A method of the official Go SDK: `APIKeys.Create` and the names of its arguments besides `ctx` and `opts`.
    struct GoMethod {
        var group: String
        var name: String
        var arguments: [String]
    }

    static func goMethods() throws -> [GoMethod] {
        let text = try String(contentsOf: reference.appendingPathComponent("openrouter-go-sdk-signatures.txt"), encoding: .utf8)
        return text.split(separator: "\n").map { line in
            // func (s *APIKeys) Create(ctx context.Context, request operations.CreateKeysRequest, opts ...operations.Option) (…)
            let receiver = line.split(separator: "*", maxSplits: 1)[1].prefix { $0 != ")" }
            let afterReceiver = line.split(separator: ") ", maxSplits: 1)[1]
            let name = afterReceiver.prefix { $0 != "(" }
            let argumentList = afterReceiver.dropFirst(name.count + 1).prefix { $0 != ")" }
            let arguments = argumentList.split(separator: ", ").map { String($0.prefix { $0 != " " }) }
                .filter { $0 != "ctx" && $0 != "opts" }
            return GoMethod(group: String(receiver), name: String(name), arguments: arguments)
        }
    }

    /// Where the Swift SDK differs from a Go method: `nil` when the group has the function with the same arguments.
    static func difference(_ method: GoMethod, in sdk: SwiftSDK) -> String? {
        guard let group = sdk.groups.first(where: { $0.propertyName.lowercased() == method.group.lowercased() }) else {
            return "no group `\(method.group)`"
        }
        let candidates = group.operations.filter { $0.functionName.lowercased() == method.name.lowercased() && !$0.isStreaming }
        guard let operation = candidates.first else {
            return "no function `\(group.propertyName).\(method.name)`: " + group.operations.map(\.functionName).joined(separator: ", ")
        }
        let swiftArguments = operation.parameters
        let parameterNames = Set(swiftArguments.filter { $0.origin.key != "body" }.map { $0.name.lowercased() })
        let matches = swiftArguments.count == method.arguments.count && zip(swiftArguments, method.arguments).allSatisfy { swift, go in
            if swift.origin.key == "body" {
                // Go names the body by its type (`chatRequest`, `requestBody`), or `request` when it is the only input.
                return !parameterNames.contains(go.lowercased())
            }
            return swift.name.lowercased() == go.lowercased()
        }
        return matches ? nil : "arguments (\(swiftArguments.map(\.name).joined(separator: ", "))) where Go has (\(method.arguments.joined(separator: ", ")))"
    }

    static func openRouterSDK() async throws -> SwiftSDK {
        let overlayPaths = try OverlayTests.openRouterOverlays()
        return try await offTheCooperativePool {
            var options = SDKGenerator.Options(specPath: OverlayTests.openRouterSpec, moduleName: "OpenRouter", overlayPaths: overlayPaths)
            // openrouter-speakeasy-gen.yaml's `maxMethodParams: 4`, as sdkgen.yaml's `maxMethodParams` gives it.
            options.overrides.maxMethodParams = try YAMLLoader().load(Array("4".utf8), file: "sdkgen.yaml").root
            return try SDKGenerator.generateModel(options).sdk
        }
    }

    /// The methods the Swift SDK cannot match, with what the comparison finds; why is said beside each.
    static let knownDifferences: [String: String] = [
        // The overlay adds the tag `beta.responses` as a second tag of `/responses`: Speakeasy puts an operation in
        // the group of every tag and nests dotted ones (`client.Beta.Responses`); sdkgen uses the first tag only.
        "BetaResponses.Send": "no group `BetaResponses`",
        // sdkgen sends a multipart body's fields as arguments of their own; Speakeasy takes one struct.
        "Files.Upload": "arguments (file, workspaceID, provider) where Go has (requestBody, workspaceID, provider)",
        // The operation's own security (a bearer token other than the client's) is an argument in Go; in sdkgen
        // the client's credentials are sent.
        "Models.ListForUser": "arguments (offset, limit) where Go has (security, offset, limit)",
        // Speakeasy makes a function per request media type (JSON and multipart); sdkgen takes the first one.
        "STT.CreateTranscriptionMultipart": "no function `stt.CreateTranscriptionMultipart`: createTranscription",
    ]

    @Test(.enabled(if: hasReference, "needs ../shared/reference and ../shared/specs/real beside the package"))
    func theOpenRouterSDKHasTheOfficialSDKsMethods() async throws {
        let sdk = try await Self.openRouterSDK()
        let methods = try Self.goMethods()
        #expect(methods.count == 97)
        var differences: [String: String] = [:]
        for method in methods {
            if let difference = Self.difference(method, in: sdk) {
                differences["\(method.group).\(method.name)"] = difference
            }
        }
        #expect(differences == Self.knownDifferences)
        #expect(sdk.client.globalHeaders.map(\.headerName) == ["HTTP-Referer", "X-Title"])
    }
}
