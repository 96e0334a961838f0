// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "sdkgen",
    // The generated SDK's runtime needs iOS 16, macOS 13, tvOS 16 and watchOS 9 (ContinuousClock and
    // Task.sleep(for:); typed throws and the other language features need no OS support), and the packages sdkgen
    // writes declare exactly those (Scripts/availability-check.sh holds the runtime to them). SwiftPM declares
    // platforms per package, and the generator's own targets need macOS 15 (Synchronization's Mutex), so this
    // package, and the ModelGates product with it, says macOS 15.
    platforms: [.macOS(.v15), .iOS(.v16), .tvOS(.v16), .watchOS(.v9)],
    products: [
        .executable(name: "sdkgen", targets: ["sdkgen"]),
        .library(name: "SDKGenCore", targets: ["SDKGenCore"]),
        // Generates an SDK from a target's openapi.yaml at build time.
        .plugin(name: "SDKGenPlugin", targets: ["SDKGenPlugin"]),
        // `swift package --allow-writing-to-package-directory generate-sdk` regenerates checked-in sources.
        .plugin(name: "GenerateSDK", targets: ["GenerateSDK"]),
        .executable(name: "SDKGenFuzzer", targets: ["SDKGenFuzzer"]),
        // The SDK generated from spec/modelgates.yaml, checked in under Generated/.
        .library(name: "ModelGates", targets: ["ModelGates"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // The pipeline's stages, one module each. A module depends only on the stages before it, so the
        // compiler refuses a stage that reaches back: Load → (JSONPath) → OpenAPI → Model → View → Emit.
        .target(name: "SDKGenBase"),
        .target(name: "SDKGenYAML", dependencies: ["SDKGenBase", "CYAML"]),
        .target(name: "SDKGenJSONPath", dependencies: ["SDKGenYAML"]),
        .target(name: "SDKGenOpenAPI", dependencies: ["SDKGenYAML", "SDKGenJSONPath"]),
        .target(name: "SDKGenModel", dependencies: ["SDKGenOpenAPI"]),
        .target(name: "SDKGenMustache", dependencies: ["SDKGenBase"]),
        .target(name: "SDKGenView", dependencies: ["SDKGenModel", "SDKGenMustache"]),
        .target(name: "SDKGenDiff", dependencies: ["SDKGenModel", "SDKGenView"]),
        .target(name: "SDKGenEmit", dependencies: ["SDKGenView"]),
        // The library: the configuration merge and the pipeline that runs the stages, re-exporting them.
        .target(
            name: "SDKGenCore",
            dependencies: ["SDKGenEmit", "SDKGenDiff", "SDKGenTemplates"]
        ),
        // sdkgen's own templates, compiled in so that the tool works from any folder and when copied alone:
        // the EmbedTemplates plugin turns Templates/ into a Swift source at every build where it changed, so
        // Templates/ stays the one copy.
        .target(
            name: "SDKGenTemplates",
            plugins: ["EmbedTemplates"]
        ),
        .plugin(
            name: "EmbedTemplates",
            capability: .buildTool(),
            dependencies: ["TemplateEmbedder"]
        ),
        .executableTarget(name: "TemplateEmbedder"),
        .executableTarget(
            name: "sdkgen",
            dependencies: [
                "SDKGenCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .plugin(
            name: "SDKGenPlugin",
            capability: .buildTool(),
            dependencies: ["sdkgen"]
        ),
        .plugin(
            name: "GenerateSDK",
            capability: .command(
                intent: .custom(verb: "generate-sdk", description: "Regenerates checked-in SDK sources with sdkgen generate."),
                permissions: [.writeToPackageDirectory(reason: "sdkgen writes the generated SDK into the package.")]
            ),
            dependencies: ["sdkgen"]
        ),
        // Feeds bytes through Load → Document → Lint → Lower. Built with `-DFUZZING -sanitize=fuzzer` by
        // Scripts/fuzz.sh it is a libFuzzer target; the ordinary build replays the files given as arguments.
        .executableTarget(
            name: "SDKGenFuzzer",
            dependencies: ["SDKGenCore", "CLibFuzzer"]
        ),
        // Declares libFuzzer's driver function for SDKGenFuzzer.
        .target(name: "CLibFuzzer"),
        .target(
            name: "ModelGates",
            path: "Generated/ModelGates"
        ),
        // SDKs generated from the fixture specs in Tests/Fixtures/, checked in and held by golden tests like
        // Generated/: every operation construct (FeaturesSDK) and every schema construct (SchemasSDK).
        .target(
            name: "FeaturesSDK",
            path: "Tests/Fixtures/Generated/Features/FeaturesSDK"
        ),
        .target(
            name: "SchemasSDK",
            path: "Tests/Fixtures/Generated/Schemas/SchemasSDK"
        ),
        .testTarget(
            name: "LoaderTests",
            dependencies: ["SDKGenCore"]
        ),
        .testTarget(
            name: "GeneratorTests",
            dependencies: ["SDKGenCore", "SDKGenTemplates"]
        ),
        .testTarget(
            name: "ModelGatesClientTests",
            dependencies: [
                "ModelGates",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .testTarget(
            name: "SchemasSDKTests",
            dependencies: ["SchemasSDK"]
        ),
        .testTarget(
            name: "FeaturesSDKTests",
            dependencies: [
                "FeaturesSDK",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
    ]
)
