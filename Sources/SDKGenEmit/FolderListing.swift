import Foundation
import SDKGenBase
import SDKGenView

/// The files and folders under a folder, found with `readdir`, which tells a folder from a file without a
/// `stat` per entry. Foundation's directory enumerator stats every entry, and listing an output folder of
/// a few thousand files with it took longer than comparing their contents.
package struct FolderListing {
    /// Paths relative to the listed folder, in no particular order.
    package var files: [String] = []
    package var folders: [String] = []

    /// Lists everything under `path`; empty when it is not a readable folder. Symbolic links are listed as
    /// files and not followed.
    package init(of path: String) {
        list(path, relative: "")
    }

    private mutating func list(_ path: String, relative: String) {
        guard let stream = opendir(path) else { return }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let full = path + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            if Self.isFolder(entry.pointee.d_type, path: full) {
                folders.append(relativePath)
                list(full, relative: relativePath)
            } else {
                files.append(relativePath)
            }
        }
    }

    /// Whether an entry is a folder (not a link to one); file systems that do not fill `d_type` in are asked
    /// with `lstat`.
    private static func isFolder(_ type: UInt8, path: String) -> Bool {
        if type != UInt8(DT_UNKNOWN) { return type == UInt8(DT_DIR) }
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }
}
