import Foundation

/// The Emit stage: puts generated files into an output folder, or compares the folder with them.
///
/// The folder's generated parts (the module folder and `docs/`) belong to the generator: files there
/// that are no longer generated are removed. A file whose contents are unchanged is not rewritten, so
/// its modification time stays and an incremental build has nothing to do.
public struct OutputFolder: Sendable {
    public var root: String
    /// Folders under `root` whose every `.swift` and `.md` file is generated.
    public var ownedFolders: [String]

    public init(root: String, ownedFolders: [String]) {
        self.root = root
        self.ownedFolders = ownedFolders
    }

    /// What writing changed.
    public struct WriteReport: Sendable {
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
    }

    /// How the folder differs from the generated files.
    public struct Difference: Sendable {
        public enum Kind: String, Sendable { case missing, changed, extra }
        public var path: String
        public var kind: Kind
        /// A unified diff from what is on disk to what would be generated.
        public var diff: String
    }

    public func write(_ files: [GeneratedFile]) throws -> WriteReport {
        let fileManager = FileManager.default
        var report = WriteReport()
        for file in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(file.path)
            let data = Data(file.contents.utf8)
            if fileManager.contents(atPath: url.path) == data {
                report.unchanged.append(file.path)
                continue
            }
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
            report.written.append(file.path)
        }
        let generated = Set(files.map(\.path))
        for path in existingGeneratedFiles() where !generated.contains(path) {
            try fileManager.removeItem(atPath: (root as NSString).appendingPathComponent(path))
            report.removed.append(path)
        }
        removeEmptyFolders()
        return report
    }

    public func differences(from files: [GeneratedFile]) -> [Difference] {
        var differences: [Difference] = []
        for file in files {
            let path = (root as NSString).appendingPathComponent(file.path)
            guard let data = FileManager.default.contents(atPath: path) else {
                differences.append(Difference(path: file.path, kind: .missing, diff: UnifiedDiff.make(
                    old: "", new: file.contents, oldName: "/dev/null", newName: "b/\(file.path)")))
                continue
            }
            let current = String(decoding: data, as: UTF8.self)
            if current != file.contents {
                differences.append(Difference(path: file.path, kind: .changed, diff: UnifiedDiff.make(
                    old: current, new: file.contents, oldName: "a/\(file.path)", newName: "b/\(file.path)")))
            }
        }
        let generated = Set(files.map(\.path))
        for path in existingGeneratedFiles() where !generated.contains(path) {
            let current = FileManager.default.contents(atPath: (root as NSString).appendingPathComponent(path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            differences.append(Difference(path: path, kind: .extra, diff: UnifiedDiff.make(
                old: current, new: "", oldName: "a/\(path)", newName: "/dev/null")))
        }
        return differences.sorted { $0.path < $1.path }
    }

    /// Paths, relative to `root`, of the `.swift` and `.md` files in the owned folders.
    private func existingGeneratedFiles() -> [String] {
        ownedFolders.flatMap { folder -> [String] in
            let path = (root as NSString).appendingPathComponent(folder)
            let entries = FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? []
            return entries.filter { $0.hasSuffix(".swift") || $0.hasSuffix(".md") }.map { "\(folder)/\($0)" }
        }.sorted()
    }

    private func removeEmptyFolders() {
        let fileManager = FileManager.default
        for folder in ownedFolders {
            let path = (root as NSString).appendingPathComponent(folder)
            let entries = (fileManager.enumerator(atPath: path)?.allObjects as? [String] ?? []).sorted(by: >)
            for entry in entries {
                let full = (path as NSString).appendingPathComponent(entry)
                var isDirectory: ObjCBool = false
                if fileManager.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue,
                   (try? fileManager.contentsOfDirectory(atPath: full))?.isEmpty == true {
                    try? fileManager.removeItem(atPath: full)
                }
            }
        }
    }
}
