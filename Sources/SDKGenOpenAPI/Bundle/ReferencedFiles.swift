#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SDKGenBase
import SDKGenJSONPath
import SDKGenYAML

/// The files `$ref`s point into: where each one is, whether it may be read, and its tree, loaded once.
package struct ReferencedFiles {
    /// A file as the pipeline knows it.
    package struct File: Hashable {
        /// The path diagnostics name: the referring file's folder joined with the `$ref`'s path.
        package var path: String
        /// The path with symbolic links and `..` resolved, which identifies the file.
        package var canonicalPath: String
    }

    /// Why a referenced file could not be used.
    package enum Failure: Error {
        /// A located diagnostic would need the `$ref`'s location, which the caller has.
        case unreadable(String)
        case outsideRoots(canonicalPath: String)
        /// The file was read but is not YAML; its diagnostics are located in it and reported already.
        case invalid
    }

    package let root: File
    /// Canonical folders that referenced files must be inside: the root spec's folder and any the user allows.
    package let allowedRoots: [String]
    private var trees: [String: Result<YAMLNode, Failure>] = [:]

    package init(rootPath: String, rootTree: YAMLNode, allowedRoots: [String]) {
        let folder = Self.folder(of: rootPath)
        root = File(path: rootPath, canonicalPath: Self.canonical(rootPath) ?? Self.normalized(rootPath))
        self.allowedRoots = ([folder] + allowedRoots).map { Self.canonical($0) ?? Self.normalized($0) }
        trees[root.canonicalPath] = .success(rootTree)
    }

    /// The file `path` (from a `$ref` in `referrer`) names, checked to be inside an allowed root.
    package func locate(_ path: String, from referrer: File) -> Result<File, Failure> {
        let joined = path.hasPrefix("/") ? path : Self.folder(of: referrer.path) + "/" + path
        let display = Self.normalized(joined)
        guard let canonical = Self.canonical(display) else {
            let reason = "could not read '\(display)': \(String(cString: strerror(errno)))"
            // A missing file outside the roots is refused as outside: where it would be says more than that it is not there.
            if let wouldBe = Self.canonicalOfMissing(display), !isAllowed(wouldBe) {
                return .failure(.outsideRoots(canonicalPath: wouldBe))
            }
            return .failure(.unreadable(reason))
        }
        guard isAllowed(canonical) else {
            return .failure(.outsideRoots(canonicalPath: canonical))
        }
        return .success(File(path: display, canonicalPath: canonical))
    }

    /// Whether a canonical path is inside an allowed root.
    private func isAllowed(_ canonicalPath: String) -> Bool {
        allowedRoots.contains { canonicalPath == $0 || canonicalPath.hasPrefix($0 == "/" ? "/" : $0 + "/") }
    }

    /// The canonical path a missing file would have: its nearest existing folder's, followed by the rest of `path`.
    private static func canonicalOfMissing(_ path: String) -> String? {
        var missing: [String] = []
        var existing = path
        while canonical(existing) == nil {
            let parent = folder(of: existing)
            guard parent != existing else { return nil }
            missing.insert(String(existing.dropFirst(parent == "/" ? 1 : parent.count + 1)), at: 0)
            existing = parent
        }
        return canonical(existing).map { base in ([base == "/" ? "" : base] + missing).joined(separator: "/") }
    }

    /// The tree of `file`, loaded on first use; its load warnings and errors go to `diagnostics` once.
    package mutating func tree(of file: File, diagnostics: inout Diagnostics) -> Result<YAMLNode, Failure> {
        if let known = trees[file.canonicalPath] { return known }
        let result: Result<YAMLNode, Failure>
        do {
            let loaded = try YAMLLoader().load(contentsOf: file.path)
            diagnostics.append(contentsOf: loaded.warnings)
            // A Swagger 2.0 file (Azure's specs refer to each other's parameters and definitions) is read as the
            // OpenAPI 3.0 it converts to, as the root is; `ReferenceBundler` points `#/definitions/…` into its components.
            result = .success(SwaggerConverter.convert(loaded.root, file: file.path, diagnostics: &diagnostics))
        } catch {
            let located = error.diagnostics.filter { $0.location != nil }
            diagnostics.append(contentsOf: located)
            // Reading failed before there was any text to point into: the caller says where it was referenced.
            result = located.isEmpty ? .failure(.unreadable(error.diagnostics.first?.message ?? "could not read '\(file.path)'")) : .failure(.invalid)
        }
        trees[file.canonicalPath] = result
        return result
    }

    // MARK: Paths

    /// The folder part of `path`: `.` for a bare file name.
    package static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The name of the file without its last extension: `pet` for `schemas/pet.yaml`.
    package static func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// `path` with `.` and empty components removed and `a/..` folded, so diagnostics name files plainly.
    package static func normalized(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." {
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", isAbsolute {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return isAbsolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// The absolute path with every symbolic link resolved, or `nil` (with `errno` set) when there is no such file.
    package static func canonical(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
