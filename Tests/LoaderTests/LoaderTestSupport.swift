import SDKGenCore
import Testing

/// The file name every test document is loaded as.
let testFile = "t.yaml"

/// Loads `text` as `t.yaml`.
func load(_ text: String, limits: YAMLLoader.Limits = .default) throws(GenerationError) -> LoadedYAML {
    try load(Array(text.utf8), limits: limits)
}

/// Loads `bytes` twice, parsing on the loading thread and on a thread of its own (as files of 128 KiB and more are),
/// and expects the same tree, warnings or errors from both.
func load(_ bytes: [UInt8], limits: YAMLLoader.Limits = .default) throws(GenerationError) -> LoadedYAML {
    var serial = YAMLLoader(limits: limits)
    serial.concurrentParsingThreshold = .max
    var concurrent = YAMLLoader(limits: limits)
    concurrent.concurrentParsingThreshold = 0
    let loaded = Result { () throws(GenerationError) in try serial.load(bytes, file: testFile) }
    let loadedConcurrently = Result { () throws(GenerationError) in try concurrent.load(bytes, file: testFile) }
    switch (loaded, loadedConcurrently) {
    case (.success(let one), .success(let other)):
        // Compared as printed when not equal, since a NaN scalar equals itself only there.
        #expect(one.root == other.root || String(reflecting: one.root) == String(reflecting: other.root),
                "parsing on another thread loads another tree")
        #expect(one.warnings == other.warnings)
    case (.failure(let one), .failure(let other)):
        #expect(one.diagnostics == other.diagnostics)
    default:
        Issue.record("parsing on another thread: \(loadedConcurrently), on the loading thread: \(loaded)")
    }
    return try loaded.get()
}

/// The root of `text` loaded as `t.yaml`.
func root(_ text: String) throws -> YAMLNode {
    try load(text).root
}

/// The printed diagnostics of a load that must fail, or `nil` when it succeeds.
func loadError(_ text: String, limits: YAMLLoader.Limits = .default) -> [String]? {
    loadError(Array(text.utf8), limits: limits)
}

func loadError(_ bytes: [UInt8], limits: YAMLLoader.Limits = .default) -> [String]? {
    do {
        _ = try load(bytes, limits: limits)
        return nil
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// The resolved value of the scalar `text` written as the value of a mapping key.
func value(of text: String) throws -> YAMLScalar.Value? {
    try root("k: \(text)\n")["k"]?.scalar?.value
}

extension YAMLNode {
    /// `line:column` of the node, for compact position assertions.
    var position: String { "\(location.line):\(location.column)" }
}
