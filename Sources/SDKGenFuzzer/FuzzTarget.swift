import SDKGenCore

/// One fuzz input through Load → Document → Lint → Lower, checking what must hold for every input.
enum FuzzTarget {
    /// The path diagnostics name. Its folder does not exist, so a `$ref` to another file can only fail to load.
    static let file = "/nonexistent-sdkgen-fuzz/input.yaml"

    /// Runs `bytes` through the pipeline. A crash, a hang or a trapped invariant is a finding; a thrown
    /// `GenerationError` is the expected answer to bad input.
    static func run(_ bytes: [UInt8]) {
        do {
            let result = try SDKGenerator.lower(specBytes: bytes, file: file, moduleName: "FuzzSDK")
            checkLocated(result.diagnostics)
        } catch {
            checkLocated(error.diagnostics)
            precondition(error.diagnostics.contains { $0.severity == .error }, "a GenerationError without an error: \(error)")
        }
    }

    /// Every diagnostic about the input points into it: the house rule is `file:line:column: error: …`.
    private static func checkLocated(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            guard let location = diagnostic.location, location.line >= 1, location.column >= 1 else {
                preconditionFailure("a diagnostic without a valid location: \(diagnostic)")
            }
        }
    }
}
