import Foundation
import SDKGenCore
import Testing

/// What `sdkgen check` relies on: comparing an output folder with a fresh generation.
@Suite struct CheckTests {
    /// A copy of the spec with one description changed must show up as drift, with a diff naming the change.
    @Test func anEditedDescriptionIsReportedAsDriftWithADiff() throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = try String(contentsOfFile: PackagePaths.spec, encoding: .utf8)
        let original = "Filter by org member user ID. Only applicable for organization accounts."
        #expect(spec.contains(original))
        let edited = folder.appendingPathComponent("edited.yaml")
        try spec.replacingOccurrences(of: original, with: "The member whose activity to return.").write(to: edited, atomically: true, encoding: .utf8)

        let output = try SDKGenerator.generate(.init(specPath: edited.path, templatesPath: PackagePaths.templates, moduleName: "ModelGates"))
        let differences = OutputFolder(root: PackagePaths.generated, ownedFolders: ["ModelGates", "docs"]).differences(from: output.files)

        #expect(Set(differences.map(\.path)) == ["ModelGates/APIs/AnalyticsAPI.swift", "docs/sdks/analytics/README.md"])
        let diff = differences.map(\.diff).joined()
        #expect(diff.contains("-    ///   - userID: \(original)"))
        #expect(diff.contains("+    ///   - userID: The member whose activity to return."))
    }

    @Test func writingTwiceRewritesNothingAndRemovesStaleFiles() throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try SDKGenerator.generate(.init(specPath: PackagePaths.spec, templatesPath: PackagePaths.templates, moduleName: "ModelGates"))
        let target = OutputFolder(root: folder.path, ownedFolders: ["ModelGates", "docs"])

        let first = try target.write(output.files)
        #expect(first.written.count == output.files.count)

        let stale = folder.appendingPathComponent("ModelGates/Models/Removed.swift")
        try "struct Removed {}\n".write(to: stale, atomically: true, encoding: .utf8)
        let keptByUser = folder.appendingPathComponent("README.txt")
        try "mine\n".write(to: keptByUser, atomically: true, encoding: .utf8)

        let second = try target.write(output.files)
        #expect(second.written.isEmpty)
        #expect(second.unchanged.count == output.files.count)
        #expect(second.removed == ["ModelGates/Models/Removed.swift"])
        #expect(FileManager.default.fileExists(atPath: keptByUser.path))
        #expect(target.differences(from: output.files).isEmpty)
    }
}
