import Foundation

/// Paths in this repository, found from this file's location so tests run from any working directory.
enum PackagePaths {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // GeneratorTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let spec = root.appendingPathComponent("spec/modelgates.yaml").path
    static let templates = root.appendingPathComponent("Templates").path
    static let generated = root.appendingPathComponent("Generated").path

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sdkgen-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
