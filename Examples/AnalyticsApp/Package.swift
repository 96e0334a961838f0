// swift-tools-version: 6.1
import PackageDescription

// An app that uses sdkgen's build-tool plugin: Sources/AnalyticsSDK holds only openapi.yaml (a copy of the
// ModelGates spec) and sdkgen.yaml; `swift build` generates the SDK and compiles it into AnalyticsSDK.
let package = Package(
    name: "AnalyticsApp",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "sdkgen", path: "../.."),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .target(
            name: "AnalyticsSDK",
            plugins: [.plugin(name: "SDKGenPlugin", package: "sdkgen")]
        ),
        .target(
            name: "AnalyticsReport",
            dependencies: ["AnalyticsSDK"]
        ),
        .executableTarget(
            name: "analytics-app",
            dependencies: ["AnalyticsReport", "AnalyticsSDK"]
        ),
        .testTarget(
            name: "AnalyticsAppTests",
            dependencies: [
                "AnalyticsReport",
                "AnalyticsSDK",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
    ]
)
