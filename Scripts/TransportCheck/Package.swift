// swift-tools-version: 6.1
// The loopback tests of FeaturesSDK (Tests/FeaturesSDKTests) run against another transport: Scripts/transport-check.sh
// generates FeaturesSDK with its transport modules into FeaturesSDK/ beside this manifest, copies the tests into
// Tests/FeaturesSDKTests/ with TestTransport.swift replaced by this folder's, and runs them as TransportTests. A
// package of its own, so that sdkgen's own build stays free of the transports' dependencies (SwiftNIO, AsyncHTTPClient).
import PackageDescription

let package = Package(
    name: "TransportCheck",
    // The tests use Synchronization's Mutex.
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "FeaturesSDK"),
        // Built for its transport alone, which SchemasSDK's lack of `UploadBody` makes smaller.
        .package(path: "SchemasSDK"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .testTarget(
            name: "TransportTests",
            dependencies: [
                .product(name: "FeaturesSDK", package: "FeaturesSDK"),
                .product(name: "FeaturesSDKAsyncHTTPClient", package: "FeaturesSDK"),
                .product(name: "SchemasSDKAsyncHTTPClient", package: "SchemasSDK"),
                // The README's example configures an HTTPClient of its own.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            path: "Tests/FeaturesSDKTests"
        ),
    ]
)
