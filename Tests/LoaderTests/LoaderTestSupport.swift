import SDKGenCore

/// The file name every test document is loaded as.
let testFile = "t.yaml"

/// Loads `text` as `t.yaml`.
func load(_ text: String, limits: YAMLLoader.Limits = .default) throws(GenerationError) -> LoadedYAML {
    try load(Array(text.utf8), limits: limits)
}

func load(_ bytes: [UInt8], limits: YAMLLoader.Limits = .default) throws(GenerationError) -> LoadedYAML {
    try YAMLLoader(limits: limits).load(bytes, file: testFile)
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
