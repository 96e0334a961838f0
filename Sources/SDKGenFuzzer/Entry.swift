import Foundation

#if FUZZING
import CLibFuzzer

/// Built by Scripts/fuzz.sh with `-DFUZZING -sanitize=fuzzer`: hands the command line to libFuzzer's driver,
/// which fuzzes `FuzzTarget.run`. (libFuzzer's own `main` is not used: SwiftPM links an executable's entry
/// point under its own name, which `@main` provides.)
@main
enum Fuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzTarget.run(Array(UnsafeBufferPointer(start: data, count: size)))
            return 0
        }
        exit(status)
    }
}
#else

/// Without `-DFUZZING` (the ordinary build): replays the files, or every file of the folders, given as
/// arguments through the fuzz target, one line per file. This runs a crash input found by Scripts/fuzz.sh
/// under a debugger, and keeps the target compiling in every `swift build`.
@main
enum Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard !arguments.isEmpty else {
            print("usage: SDKGenFuzzer FILE-OR-FOLDER…  (replays fuzz inputs; build with Scripts/fuzz.sh to fuzz)")
            exit(2)
        }
        var count = 0
        for path in arguments.flatMap(files) {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): could not read")
                exit(1)
            }
            print("\(path): \(data.count) bytes", terminator: "")
            FuzzTarget.run(Array(data))
            print(", ok")
            count += 1
        }
        print("\(count) input(s) replayed")
    }

    /// `path` itself, or the regular files in it (recursively, sorted) when it is a folder.
    private static func files(_ path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let enumerator = FileManager.default.enumerator(atPath: path)
        var found: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            let full = (path as NSString).appendingPathComponent(relative)
            var isSubfolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isSubfolder), !isSubfolder.boolValue {
                found.append(full)
            }
        }
        return found.sorted()
    }
}
#endif
