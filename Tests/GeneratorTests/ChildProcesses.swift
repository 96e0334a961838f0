import Foundation

/// Runs `executable` with `arguments` to its end: its exit status and everything it printed (standard output and
/// error, interleaved).
func runProcess(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// `swift build` of the package in `folder`: its exit status and everything it printed.
///
/// The build runs with one job, and on Linux under the idle scheduling policy (`chrt --idle`), which the compiler
/// processes inherit: at full speed it starves the timing-sensitive client tests that run in the same `swift test`
/// of the CPU (a 0.3 s timeout fired after 25 s). `nice` is no help there, as SwiftPM starts the compiler at the
/// default priority again whatever its own; it is what remains where `chrt` is missing.
func swiftBuild(_ folder: URL) throws -> (status: Int32, output: String) {
    let lowPriority = FileManager.default.isExecutableFile(atPath: "/usr/bin/chrt") ? ["chrt", "--idle", "0"] : ["nice", "-n", "19"]
    return try runProcess(URL(fileURLWithPath: "/usr/bin/env"), lowPriority + ["swift", "build", "--jobs", "1", "--package-path", folder.path,
                                                                               "--scratch-path", folder.appendingPathComponent(".build").path])
}

/// The compiler's diagnostic lines (`/path:line:column: kind: …`) in `output` that contain `text`, each once, at most 10.
func compilerDiagnostics(in output: String, containing text: String) -> [String] {
    let lines = Set(output.split(separator: "\n").map(String.init).filter { $0.contains(text) && $0.hasPrefix("/") })
    return Array(lines.sorted().prefix(10))
}
