import Foundation
import SDKGenCore

/// Generates an SDK named `Sample` from a document written to a temporary `spec.yaml`, off the cooperative pool;
/// returns its files by path and its diagnostics, with the file's path shortened to `spec.yaml`.
func generateSample(_ yaml: String, undeclaredProperties: UndeclaredProperties = .keep) async throws -> (files: [String: String], diagnostics: [String]) {
    let folder = try PackagePaths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("spec.yaml")
    try yaml.write(to: file, atomically: true, encoding: .utf8)
    let output = try await offTheCooperativePool {
        var options = SDKGenerator.Options(specPath: file.path, templatesPath: PackagePaths.templates, moduleName: "Sample")
        options.undeclaredProperties = undeclaredProperties
        return try SDKGenerator.generate(options)
    }
    let files = Dictionary(uniqueKeysWithValues: output.files.map { ($0.path, $0.contents) })
    return (files, output.diagnostics.map { $0.description.replacingOccurrences(of: file.path, with: "spec.yaml") })
}

/// Builds the `Sample` module of `generateSample`'s files in a package of its own; the build's exit status and output.
func buildSample(_ files: [String: String]) async throws -> (status: Int32, output: String) {
    let folder = try PackagePaths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for (path, contents) in files where path.hasPrefix("Sample/") {
        let file = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: file, atomically: true, encoding: .utf8)
    }
    try """
        // swift-tools-version: 6.1
        import PackageDescription

        let package = Package(name: "Sample", platforms: [.macOS(.v15)], targets: [.target(name: "Sample", path: "Sample")])
        """.write(to: folder.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
    return try await offTheCooperativePool { try swiftBuild(folder) }
}
