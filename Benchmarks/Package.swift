// swift-tools-version: 6.1
// The benchmark harness's own package, outside the main package's dependency graph. It has no targets:
// it exists so that swift-openapi-generator's command-line tool, the baseline that Benchmarks/run.sh
// measures sdkgen against, builds from a pinned version:
//     swift build -c release --product swift-openapi-generator --package-path Benchmarks
import PackageDescription

let package = Package(
    name: "sdkgen-benchmarks",
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
    ],
    targets: []
)
