import SDKGenBase
import SDKGenModel
import SDKGenMustache

/// How the rendered SDK is arranged into files.
public enum OutputLayout: Sendable, Hashable {
    /// A file per declaration (`MODULE/Models/Pet.swift`, which also holds the types declared for `Pet`'s inline
    /// schemas) and the Markdown reference pages: for SDKs that are checked in and read.
    case perDeclaration
    /// A fixed set of Swift files whose names do not depend on the spec, and no reference pages: for the
    /// build-tool plugin, which must name its outputs before the spec is read. Models and API groups are spread
    /// over `shards` files each by a stable hash of their names, so the compiler can work on them in parallel
    /// and a changed schema recompiles one file of models.
    case sharded(shards: Int)

    /// The files the sharded layout writes under the module folder, whatever the spec holds.
    public static func shardedFileNames(shards: Int) -> [String] {
        ["sdkgen-client.swift", "sdkgen-runtime.swift"]
            + (0..<shards).map { "sdkgen-apis-\($0).swift" }
            + (0..<shards).map { "sdkgen-models-\($0).swift" }
    }

    /// Arranges the per-declaration files `SDKRenderer` produces into this layout.
    package func arrange(_ files: [GeneratedFile], moduleName: String) -> [GeneratedFile] {
        guard case .sharded(let shards) = self else { return files }
        var groups: [String: [GeneratedFile]] = [:]
        for file in files where file.path.hasPrefix(moduleName + "/") {
            let relative = file.path.dropFirst(moduleName.count + 1)
            let parts = relative.split(separator: "/")
            let name: String
            switch parts.count == 2 ? parts[0] : "" {
            case "Models": name = "sdkgen-models-\(Self.shard(of: String(parts[1]), among: shards)).swift"
            case "APIs": name = "sdkgen-apis-\(Self.shard(of: String(parts[1]), among: shards)).swift"
            case "Runtime": name = "sdkgen-runtime.swift"
            default: name = "sdkgen-client.swift"
            }
            groups[name, default: []].append(file)
        }
        return Self.shardedFileNames(shards: shards).map { name in
            GeneratedFile(path: "\(moduleName)/\(name)", contents: SwiftFileCombiner.combine(groups[name] ?? []))
        }
    }

    /// FNV-1a of the file name, which unlike `hashValue` is the same in every process.
    package static func shard(of fileName: String, among shards: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in fileName.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int(hash % UInt64(max(shards, 1)))
    }
}
