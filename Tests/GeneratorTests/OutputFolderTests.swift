import Foundation
import SDKGenCore
import Testing

/// How `sdkgen generate` updates an output folder: only what changed is written, so that a build after
/// regenerating recompiles only that.
@Suite struct OutputFolderTests {
    private let files = [
        GeneratedFile(path: "Kit/Kit.swift", contents: "struct Kit {}\n"),
        GeneratedFile(path: "Kit/Models/Pet.swift", contents: "struct Pet {}\n"),
        GeneratedFile(path: "Kit/Models/Deep/Nested.swift", contents: "struct Nested {}\n"),
        GeneratedFile(path: "docs/models/Pet.md", contents: "# Pet\n"),
    ]

    private func modificationDate(_ path: String) throws -> Date {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
    }

    @Test func anUnchangedFileKeepsItsModificationTime() throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = OutputFolder(root: folder.path, ownedFolders: ["Kit", "docs"])
        #expect(try output.write(files).written.count == files.count)
        // Back-dated, so that a rewrite would show whatever the clock's resolution.
        let past = Date(timeIntervalSince1970: 1_000_000_000)
        for file in files {
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: folder.appendingPathComponent(file.path).path)
        }
        var changed = files
        changed[1].contents = "struct Pet { var name: String }\n"
        let report = try output.write(changed)
        #expect(report.written == ["Kit/Models/Pet.swift"])
        #expect(report.unchanged == ["Kit/Kit.swift", "Kit/Models/Deep/Nested.swift", "docs/models/Pet.md"])
        for file in files where file.path != "Kit/Models/Pet.swift" {
            #expect(try modificationDate(folder.appendingPathComponent(file.path).path) == past, "\(file.path)")
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("Kit/Models/Pet.swift"), encoding: .utf8) == changed[1].contents)
    }

    @Test func newAndReplacedFilesHoldTheirContentsAndNoTemporaryFileIsLeft() throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = OutputFolder(root: folder.path, ownedFolders: ["Kit", "docs"])
        // A folder in the way of a file is an error, not something to replace; the other files are written.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Kit/Kit.swift"), withIntermediateDirectories: true)
        #expect(throws: (any Error).self) { try output.write(files) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Kit/Kit.swift"))
        #expect(try output.write(files).written == ["Kit/Kit.swift"])
        var changed = files
        changed[0].contents = "struct Kit { var pets: [Pet] }\n"
        #expect(try output.write(changed).written == ["Kit/Kit.swift"])
        #expect(output.differences(from: changed).isEmpty)
        let left = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        #expect(left.filter { $0.hasSuffix(".sdkgen-partial") } == [])
    }

    @Test func aFileEditedToTheSameSizeIsRewritten() throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = OutputFolder(root: folder.path, ownedFolders: ["Kit", "docs"])
        _ = try output.write(files)
        let pet = folder.appendingPathComponent("Kit/Models/Pet.swift")
        try "struct Cat {}\n".write(to: pet, atomically: false, encoding: .utf8)
        #expect(try output.write(files).written == ["Kit/Models/Pet.swift"])
        #expect(try String(contentsOf: pet, encoding: .utf8) == "struct Pet {}\n")
        #expect(output.differences(from: files).isEmpty)
    }

    @Test func foldersLeftEmptyAreRemovedAndOthersKept() throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = OutputFolder(root: folder.path, ownedFolders: ["Kit", "docs"])
        _ = try output.write(files)
        let notes = folder.appendingPathComponent("Kit/Models/Deep/notes.txt")
        let report = try output.write(files.filter { !$0.path.hasPrefix("Kit/Models") })
        #expect(report.removed == ["Kit/Models/Deep/Nested.swift", "Kit/Models/Pet.swift"])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Kit/Models").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Kit/Kit.swift").path))

        // A folder holding a file the generator does not own stays.
        _ = try output.write(files)
        try "mine\n".write(to: notes, atomically: false, encoding: .utf8)
        _ = try output.write(files.filter { !$0.path.hasPrefix("Kit/Models") })
        #expect(FileManager.default.fileExists(atPath: notes.path))
    }
}
