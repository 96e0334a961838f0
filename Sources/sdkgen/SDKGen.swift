import ArgumentParser
import Foundation
import SDKGenCore

@main
struct SDKGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sdkgen",
        abstract: "Generates a Swift SDK from an OpenAPI 3.0 or 3.1 document.",
        discussion: """
        With no options, every command works on this repository's layout: spec/modelgates.yaml and \
        Templates/ generate the ModelGates SDK into Generated/ (sources in Generated/ModelGates/, \
        reference pages in Generated/docs/).
        """,
        subcommands: [Generate.self, Check.self, Lint.self, Conformance.self],
        defaultSubcommand: Generate.self)
}

/// Options shared by the commands that generate.
struct GenerationOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The OpenAPI document to read, YAML or JSON.", valueName: "file"))
    var spec = "spec/modelgates.yaml"

    @Option(name: .customLong("overlay"), help: ArgumentHelp("An OpenAPI Overlay 1.0 document to apply to the spec before reading it; repeat to apply several, in order.", valueName: "file"))
    var overlays: [String] = []

    @Option(name: .customLong("allow-ref-root"), help: ArgumentHelp("A folder, besides the spec's own, whose files `$ref`s may name; repeat to allow several.", valueName: "dir"))
    var allowedReferenceRoots: [String] = []

    @Option(name: .long, help: ArgumentHelp("The folder of Mustache templates to render with.", valueName: "dir"))
    var templates = "Templates"

    @Option(name: .long, help: ArgumentHelp("The output folder: sources go to OUTPUT/MODULE-NAME/, reference pages to OUTPUT/docs/.", valueName: "dir"))
    var output = "Generated"

    @Option(name: .long, help: ArgumentHelp("The Swift module (and client type) name.", valueName: "name"))
    var moduleName = "ModelGates"

    var generatorOptions: SDKGenerator.Options {
        SDKGenerator.Options(specPath: spec, templatesPath: templates, moduleName: moduleName, overlayPaths: overlays,
                             allowedReferenceRoots: allowedReferenceRoots)
    }

    var outputFolder: OutputFolder {
        OutputFolder(root: output, ownedFolders: [moduleName, "docs"])
    }
}

/// Prints diagnostics as compilers do, on standard error.
func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
    }
}

extension SDKGen {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generates the SDK and writes the files that changed.",
            discussion: "Files whose contents are unchanged are left alone, modification time included; generated files that are no longer produced are removed.")

        @OptionGroup var options: GenerationOptions

        @Flag(name: .shortAndLong, help: "Print each file written or removed.")
        var verbose = false

        func run() throws {
            let generated: SDKGenerator.Output
            do {
                generated = try SDKGenerator.generate(options.generatorOptions)
            } catch {
                report(error.diagnostics)
                throw ExitCode.failure
            }
            report(generated.diagnostics)
            let result = try options.outputFolder.write(generated.files)
            if verbose {
                for path in result.written { print("wrote \(path)") }
                for path in result.removed { print("removed \(path)") }
            }
            print("\(options.output): \(result.written.count) written, \(result.unchanged.count) unchanged, \(result.removed.count) removed")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Checks that the output folder is what the spec and templates generate.",
            discussion: "Exits 0 when in sync, 1 on drift (printing a unified diff and the command that fixes it), and 2 when the spec is invalid.")

        @OptionGroup var options: GenerationOptions

        @Option(help: ArgumentHelp("Print at most this many lines of diff.", valueName: "lines"))
        var maxDiffLines = 200

        func run() throws {
            let generated: SDKGenerator.Output
            do {
                generated = try SDKGenerator.generate(options.generatorOptions)
            } catch {
                report(error.diagnostics)
                throw ExitCode(2)
            }
            let differences = options.outputFolder.differences(from: generated.files)
            guard !differences.isEmpty else {
                print("\(options.output) is up to date with \(options.spec) and \(options.templates).")
                return
            }
            print("\(options.output) differs from what \(options.spec) and \(options.templates) generate (\(differences.count) file(s)):")
            for difference in differences {
                print("  \(difference.kind.rawValue): \(difference.path)")
            }
            let diff = differences.map(\.diff).joined()
            let lines = diff.split(separator: "\n", omittingEmptySubsequences: false)
            print(lines.prefix(maxDiffLines).joined(separator: "\n"))
            if lines.count > maxDiffLines {
                print("… \(lines.count - maxDiffLines) more diff lines not shown")
            }
            print("To update it, run: \(regenerateCommand)")
            throw ExitCode.failure
        }

        private var regenerateCommand: String {
            var command = "swift run sdkgen generate"
            // Parsed from no arguments, since reading an option of a plain `GenerationOptions()` traps.
            let defaults = (try? GenerationOptions.parse([])) ?? options
            if options.spec != defaults.spec { command += " --spec \(options.spec)" }
            for overlay in options.overlays { command += " --overlay \(overlay)" }
            for root in options.allowedReferenceRoots { command += " --allow-ref-root \(root)" }
            if options.templates != defaults.templates { command += " --templates \(options.templates)" }
            if options.output != defaults.output { command += " --output \(options.output)" }
            if options.moduleName != defaults.moduleName { command += " --module-name \(options.moduleName)" }
            return command
        }
    }

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reports the spec's defects as file:line:column diagnostics, without generating.",
            discussion: "Exits 1 when there is an error (or, with --strict, any warning).")

        @Option(name: .long, help: ArgumentHelp("The OpenAPI document to read, YAML or JSON.", valueName: "file"))
        var spec = "spec/modelgates.yaml"

        @Option(name: .customLong("overlay"), help: ArgumentHelp("An OpenAPI Overlay 1.0 document to apply to the spec before reading it; repeat to apply several, in order.", valueName: "file"))
        var overlays: [String] = []

        @Option(name: .customLong("allow-ref-root"), help: ArgumentHelp("A folder, besides the spec's own, whose files `$ref`s may name; repeat to allow several.", valueName: "dir"))
        var allowedReferenceRoots: [String] = []

        @Flag(help: "Treat warnings as errors.")
        var strict = false

        func run() throws {
            let diagnostics = SDKGenerator.lint(specPath: spec, overlayPaths: overlays, allowedReferenceRoots: allowedReferenceRoots)
            report(diagnostics)
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            print("\(spec): \(errors) error(s), \(warnings) warning(s)")
            if errors > 0 || (strict && warnings > 0) {
                throw ExitCode.failure
            }
        }
    }

    struct Conformance: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Writes a program that checks the generated SDK against the spec's JSON response examples.",
            discussion: """
            The program (a main.swift importing the SDK module) decodes every JSON example of a response with the \
            SDK's type for it, encodes the value again and compares the JSON. Build it in a package with the SDK and \
            run it: it prints each failure and a count, and exits 1 when an example fails. Scripts/corpus-check.sh \
            does this for the OpenRouter spec.
            """)

        @OptionGroup var options: GenerationOptions

        @Option(name: .customLong("program"), help: ArgumentHelp("Where to write the program; standard output when absent.", valueName: "file"))
        var programPath: String?

        func run() throws {
            let source: String
            do {
                source = try SDKGenerator.conformanceProgram(options.generatorOptions)
            } catch {
                report(error.diagnostics)
                throw ExitCode.failure
            }
            if let programPath {
                try Data(source.utf8).write(to: URL(fileURLWithPath: programPath))
            } else {
                print(source, terminator: "")
            }
        }
    }
}
