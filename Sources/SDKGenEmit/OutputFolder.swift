import Foundation
import SDKGenBase
import SDKGenView

/// The Emit stage: puts generated files into an output folder, or compares the folder with them.
///
/// The folder's generated parts (the module folder and `docs/`) belong to the generator: files there
/// that are no longer generated are removed. A file whose contents are unchanged is not rewritten, so
/// its modification time stays and an incremental build has nothing to do. A changed file is replaced
/// through a temporary file and a rename, so that a build reading meanwhile never sees half of it; a new
/// file is written in place.
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
        // Reading and comparing a few thousand files is most of what an unchanged regeneration does, so it
        // runs on every core; the results keep the files' order.
        let paths = files.map { path(of: $0.path) }
        let onDisk = Array(files.indices).concurrentMap { Self.file(at: paths[$0], comparedWith: files[$0].contents) }
        var report = WriteReport()
        var changed: [Int] = []
        var createdFolders: Set<String> = []
        for index in files.indices {
            if onDisk[index] == .same {
                report.unchanged.append(files[index].path)
                continue
            }
            let folder = Self.folder(of: paths[index])
            if createdFolders.insert(folder).inserted {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            changed.append(index)
        }
        // Each file goes to its own path, so they can be written at once; the first failure, in the files'
        // order, is the one reported. Each core writes a run of consecutive files, so mostly in other folders
        // than the others: creating a file locks its folder, and cores taking turns in one folder wait.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let runs = (0..<cores).map { core in changed[(changed.count * core / cores)..<(changed.count * (core + 1) / cores)] }
        let failures = runs.concurrentMap { run -> (any Error)? in
            var firstFailure: (any Error)?
            for index in run {
                do {
                    if onDisk[index] == .missing {
                        try Self.create(paths[index], with: files[index].contents)
                    } else {
                        try Self.replace(paths[index], with: files[index].contents)
                    }
                } catch {
                    firstFailure = firstFailure ?? error
                }
            }
            return firstFailure
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        report.written = changed.map { files[$0].path }

        let listing = listOwnedFolders()
        let generated = Set(files.map(\.path))
        for path in listing.files where !generated.contains(path) {
            try FileManager.default.removeItem(atPath: self.path(of: path))
            report.removed.append(path)
        }
        // Deepest first, so that a folder holding only empty folders goes too. `rmdir` removes a folder only
        // when it is empty.
        for folder in listing.folders.sorted(by: >) {
            rmdir(self.path(of: folder))
        }
        return report
    }

    /// The folder a file's path is in: the path up to its last `/`. (Foundation's `deletingLastPathComponent`
    /// took most of the time of writing an SDK's files on Linux.)
    package static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `relativePath` under the root.
    private func path(of relativePath: String) -> String {
        root.isEmpty || root.hasSuffix("/") ? root + relativePath : root + "/" + relativePath
    }

    /// What is at a path, compared with the contents it should hold.
    private enum OnDisk {
        /// Nothing.
        case missing
        /// Something else: other contents, or not a regular file.
        case different
        /// A regular file holding exactly the contents.
        case same
    }

    /// What the file at `path` holds, compared with `contents`. Sizes are compared first, so a changed file is
    /// usually told without being read.
    private static func file(at path: String, comparedWith contents: String) -> OnDisk {
        var status = stat()
        guard stat(path, &status) == 0 else { return errno == ENOENT ? .missing : .different }
        guard (status.st_mode & S_IFMT) == S_IFREG else { return .different }
        var contents = contents
        let same = contents.withUTF8 { expected in
            guard Int(status.st_size) == expected.count else { return false }
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { return false }
            defer { close(descriptor) }
            // One byte more than expected is asked for, to notice a file that grew since the `stat`.
            var buffer = [UInt8](repeating: 0, count: expected.count + 1)
            var total = 0
            while total < buffer.count {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + total, $0.count - total) }
                if count <= 0 { break }
                total += count
            }
            return total == expected.count && buffer.withUnsafeBytes { actual in
                expected.isEmpty || memcmp(actual.baseAddress!, expected.baseAddress!, expected.count) == 0
            }
        }
        return same ? .same : .different
    }

    /// Writes a file that did not exist in place. Unlike replacing one, this needs no temporary file and
    /// rename, which cost as much again as writing on this Linux file system, in a run that creates thousands of
    /// files; no build can have read a file that was not there. If one has appeared meanwhile, it is replaced.
    private static func create(_ path: String, with contents: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { return try replace(path, with: contents) }
            throw CocoaError.error(.fileWriteUnknown, path: path, errno: errno)
        }
        var contents = contents
        let complete = contents.withUTF8 { buffer in Self.write(buffer, to: descriptor) }
        let failure = errno
        close(descriptor)
        guard complete else {
            unlink(path)
            throw CocoaError.error(.fileWriteUnknown, path: path, errno: failure)
        }
    }

    /// Writes all of `buffer` to the open file; false when a write fails, with `errno` saying why.
    private static func write(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if count <= 0 { return false }
            offset += count
        }
        return true
    }

    /// Writes a file's new contents beside it and renames them over it, so that a build reading the folder
    /// meanwhile sees the old file or the new one, never half of one. Unlike `Data.write(options: .atomic)`
    /// it does not flush each file to disk, which made writing an SDK of a few thousand files take seconds.
    private static func replace(_ path: String, with contents: String) throws {
        let temporary = path + ".sdkgen-partial"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CocoaError.error(.fileWriteUnknown, path: temporary, errno: errno) }
        var contents = contents
        let complete = contents.withUTF8 { buffer in Self.write(buffer, to: descriptor) }
        let failure = errno
        close(descriptor)
        guard complete, rename(temporary, path) == 0 else {
            let error = complete ? errno : failure
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
        listOwnedFolders().files
    }

    /// The `.swift` and `.md` files in the owned folders, sorted, and every folder inside them; paths relative
    /// to `root`.
    private func listOwnedFolders() -> (files: [String], folders: [String]) {
        var files: [String] = []
        var folders: [String] = []
        for owned in ownedFolders {
            let listing = FolderListing(of: path(of: owned))
            files += listing.files.filter { $0.hasSuffix(".swift") || $0.hasSuffix(".md") }.map { "\(owned)/\($0)" }
            folders += listing.folders.map { "\(owned)/\($0)" }
        }
        return (files.sorted(), folders)
    }
}

extension CocoaError {
    /// A write error naming the file and the system's reason.
    fileprivate static func error(_ code: CocoaError.Code, path: String, errno: Int32) -> CocoaError {
        CocoaError(code, userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
    }
}
