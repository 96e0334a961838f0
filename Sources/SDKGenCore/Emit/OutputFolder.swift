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
        var createdFolders: Set<String> = []
        for file in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(file.path)
            let data = Data(file.contents.utf8)
            if fileManager.contents(atPath: url.path) == data {
                report.unchanged.append(file.path)
                continue
            }
            let folder = url.deletingLastPathComponent().path
            if createdFolders.insert(folder).inserted {
                try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            try Self.replace(url.path, with: data)
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

    /// Writes a file's new contents beside it and renames them over it, so that a build reading the folder
    /// meanwhile sees the old file or the new one, never half of one. Unlike `Data.write(options: .atomic)`
    /// it does not flush each file to disk, which made writing an SDK of a few thousand files take seconds.
    private static func replace(_ path: String, with data: Data) throws {
        let temporary = path + ".sdkgen-partial"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CocoaError.error(.fileWriteUnknown, path: temporary, errno: errno) }
        let written = data.withUnsafeBytes { buffer -> Int in
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count <= 0 { return -1 }
                offset += count
            }
            return offset
        }
        let failure = errno
        close(descriptor)
        guard written == data.count, rename(temporary, path) == 0 else {
            let error = written == data.count ? errno : failure
            unlink(temporary)
            throw CocoaError.error(.fileWriteUnknown, path: path, errno: error)
        }
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

extension CocoaError {
    /// A write error naming the file and the system's reason.
    fileprivate static func error(_ code: CocoaError.Code, path: String, errno: Int32) -> CocoaError {
        CocoaError(code, userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
    }
}
