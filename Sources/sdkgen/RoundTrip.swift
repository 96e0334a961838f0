import ArgumentParser
import Foundation
import SDKGenCore

extension SDKGen {
    /// What Scripts/roundtrip-check.sh needs: the SDK's JSON bodies and declared component schemas with their
    /// Swift types and the document they come from, and a program that decodes and re-encodes instances of them (see `RoundTripProgram`).
    struct RoundTrip: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "round-trip",
            abstract: "Writes the program and manifest Scripts/roundtrip-check.sh checks a generated SDK with.",
            discussion: """
            The manifest (JSON) holds the document as sdkgen read it, overlays applied, and each JSON body the SDK \
            decodes or encodes (success and error responses, request bodies) and each component schema it declares \
            a type for, with its label and Swift type. The \
            program (a main.swift importing the SDK module) reads lines `label<TAB>json`, decodes each with the \
            label's type, encodes it again and compares the JSON as `sdkgen conformance` does.
            """,
            shouldDisplay: false)

        @OptionGroup var options: GenerationOptions

        @Option(name: .customLong("program"), help: ArgumentHelp("Where to write the program.", valueName: "file"))
        var programPath: String

        @Option(name: .customLong("manifest"), help: ArgumentHelp("Where to write the manifest.", valueName: "file"))
        var manifestPath: String

        func run() throws {
            let program: String
            let manifest: String
            do {
                (program, manifest) = try RoundTripProgram.generate(try options.settings().generator)
            } catch {
                report(error.diagnostics)
                throw ExitCode.failure
            }
            try Data(program.utf8).write(to: URL(fileURLWithPath: programPath))
            try Data(manifest.utf8).write(to: URL(fileURLWithPath: manifestPath))
        }
    }
}
