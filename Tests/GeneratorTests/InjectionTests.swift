import Foundation
import SDKGenCore
import Testing

/// Tests/Fixtures/injection.yaml puts comment ends, string ends, raw-string delimiters, interpolations,
/// backticks, line breaks, bidirectional controls and keywords into every string that reaches generated
/// Swift, each trying to declare `func injectedMarker()` at top level. The generated SDK, and the
/// conformance program that embeds the spec's examples, must compile with no warnings, and the marker
/// must not exist.
@Suite struct InjectionTests {
    private static let spec = PackagePaths.root.appendingPathComponent("Tests/Fixtures/injection.yaml").path

    @Test func hostileStringsCannotInjectCode() async throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = SDKGenerator.Options(specPath: Self.spec, templatesPath: PackagePaths.templates, moduleName: "InjectionSDK")
        let generated = try SDKGenerator.generate(options)
        #expect(generated.diagnostics.filter { $0.severity == .error }.isEmpty)
        _ = try OutputFolder(root: folder.path, ownedFolders: ["InjectionSDK", "docs"]).write(generated.files)
        let conformance = folder.appendingPathComponent("Conformance")
        try FileManager.default.createDirectory(at: conformance, withIntermediateDirectories: true)
        try SDKGenerator.conformanceProgram(options).write(to: conformance.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)
        try """
            // swift-tools-version: 6.1
            import PackageDescription

            let package = Package(
                name: "Injection",
                platforms: [.macOS(.v15)],
                targets: [
                    .target(name: "InjectionSDK", path: "InjectionSDK"),
                    .executableTarget(name: "Conformance", dependencies: ["InjectionSDK"], path: "Conformance"),
                ]
            )
            """.write(to: folder.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)

        let clean = try await offTheCooperativePool { try Self.swiftBuild(folder) }
        #expect(clean.status == 0, "the generated SDK does not compile:\n\(clean.output.suffix(4000))")
        #expect(Self.lines(of: clean.output, containing: "warning:") == [])

        // A file in the module that uses the marker: it must not find one, wherever the spec tried to put it.
        try "func useInjectedMarker() { _ = injectedMarker }\n"
            .write(to: folder.appendingPathComponent("InjectionSDK/UsesMarker.swift"), atomically: true, encoding: .utf8)
        let probe = try await offTheCooperativePool { try Self.swiftBuild(folder) }
        #expect(probe.status != 0)
        #expect(Self.lines(of: probe.output, containing: "error:").allSatisfy { $0.contains("UsesMarker.swift:1:32: error: cannot find 'injectedMarker' in scope") })
        #expect(!Self.lines(of: probe.output, containing: "error:").isEmpty)
    }

    /// `swift build` of the package in `folder`: its exit status and everything it printed.
    ///
    /// The build runs at the lowest CPU priority, with one job: at full speed it starves the timing-sensitive
    /// client tests that run in the same `swift test` of the CPU.
    private static func swiftBuild(_ folder: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["nice", "-n", "19", "swift", "build", "--jobs", "1", "--package-path", folder.path, "--scratch-path", folder.appendingPathComponent(".build").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The compiler's diagnostic lines (`/path:line:column: kind: …`) that contain `text`, each once, at most 10.
    private static func lines(of output: String, containing text: String) -> [String] {
        let lines = Set(output.split(separator: "\n").map(String.init).filter { $0.contains(text) && $0.hasPrefix("/") })
        return Array(lines.sorted().prefix(10))
    }
}
