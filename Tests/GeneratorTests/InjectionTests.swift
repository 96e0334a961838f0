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

        let clean = try await offTheCooperativePool { try swiftBuild(folder) }
        #expect(clean.status == 0, "the generated SDK does not compile:\n\(clean.output.suffix(4000))")
        #expect(compilerDiagnostics(in: clean.output, containing: "warning:") == [])

        // A file in the module that uses the marker: it must not find one, wherever the spec tried to put it.
        try "func useInjectedMarker() { _ = injectedMarker }\n"
            .write(to: folder.appendingPathComponent("InjectionSDK/UsesMarker.swift"), atomically: true, encoding: .utf8)
        let probe = try await offTheCooperativePool { try swiftBuild(folder) }
        #expect(probe.status != 0)
        #expect(compilerDiagnostics(in: probe.output, containing: "error:").allSatisfy { $0.contains("UsesMarker.swift:1:32: error: cannot find 'injectedMarker' in scope") })
        #expect(!compilerDiagnostics(in: probe.output, containing: "error:").isEmpty)
    }
}
