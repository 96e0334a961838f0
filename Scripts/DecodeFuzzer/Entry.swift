import Foundation

#if FUZZING
import CLibFuzzer

/// Built by `Scripts/fuzz.sh --target decode` with `-DFUZZING -sanitize=fuzzer`: hands the command line to
/// libFuzzer's driver, which fuzzes `DecodeTarget.run` (as Sources/SDKGenFuzzer does for the generator).
@main
enum Fuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            DecodeTarget.run(Array(UnsafeBufferPointer(start: data, count: size)))
            return 0
        }
        exit(status)
    }
}
#else

/// Without `-DFUZZING`: replays the files given as arguments through the target, one line per file.
@main
enum Replay {
    static func main() {
        let paths = CommandLine.arguments.dropFirst()
        guard !paths.isEmpty else {
            print("usage: DecodeFuzzer FILE…  (replays decoding fuzz inputs)")
            exit(2)
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): could not read")
                exit(1)
            }
            DecodeTarget.run(Array(data))
            print("\(path): ok")
        }
    }
}
#endif
