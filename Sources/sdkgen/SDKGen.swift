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
        subcommands: [Generate.self, Check.self, Lint.self, Diff.self, Conformance.self],
        defaultSubcommand: Generate.self)
}

/// Options that say which document to read and how: shared by every command that reads a spec.
struct DocumentOptions: ParsableArguments {
    @Option(help: ArgumentHelp("An sdkgen.yaml configuration file; options given on the command line win over its settings.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("The OpenAPI document to read, YAML or JSON. (default: spec/modelgates.yaml)", valueName: "file"))
    var spec: String?

    @Option(name: .customLong("overlay"), help: ArgumentHelp("An OpenAPI Overlay 1.0 document to apply to the spec before reading it; repeat to apply several, in order, after the configuration's.", valueName: "file"))
    var overlays: [String] = []

    @Option(name: .customLong("allow-ref-root"), help: ArgumentHelp("A folder, besides the spec's own, whose files `$ref`s may name; repeat to allow several.", valueName: "dir"))
    var allowedReferenceRoots: [String] = []

    @Option(name: .customLong("tag"), help: ArgumentHelp("Keep only the operations with this tag (repeatable; with --operation, an operation matching either is kept).", valueName: "tag"))
    var tags: [String] = []

    @Option(name: .customLong("operation"), help: ArgumentHelp("Keep only the operation with this operationId (repeatable).", valueName: "id"))
    var operationIDs: [String] = []

    /// The configuration file's settings; none when no file is given.
    func configuration() throws(GenerationError) -> GenerationConfig {
        try config.map { path throws(GenerationError) in try GenerationConfig.load(contentsOf: path) } ?? GenerationConfig()
    }

    /// How to read the document: the command line over the configuration `file` over the defaults. Templates
    /// and module name are left for the commands that generate.
    func readingOptions(_ file: GenerationConfig) -> SDKGenerator.Options {
        var options = SDKGenerator.Options(
            specPath: spec ?? file.spec ?? "spec/modelgates.yaml", templatesPath: "", moduleName: "",
            overlayPaths: file.overlays + overlays, allowedReferenceRoots: allowedReferenceRoots)
        options.filter = tags.isEmpty && operationIDs.isEmpty ? file.filter : OperationFilter(tags: tags, operationIDs: operationIDs)
        options.overrides = DocumentOverrides(server: file.server, retries: file.retries)
        return options
    }

    /// These options as command-line arguments, to print a command that repeats them.
    var arguments: [(name: String, value: String)] {
        var arguments: [(name: String, value: String)] = []
        if let config { arguments.append(("config", config)) }
        if let spec { arguments.append(("spec", spec)) }
        arguments += overlays.map { ("overlay", $0) } + allowedReferenceRoots.map { ("allow-ref-root", $0) }
        arguments += tags.map { ("tag", $0) } + operationIDs.map { ("operation", $0) }
        return arguments
    }
}

/// Options shared by the commands that generate.
struct GenerationOptions: ParsableArguments {
    @OptionGroup var document: DocumentOptions

    @Option(name: .long, help: ArgumentHelp("The folder of Mustache templates to render with. (default: the configuration's, else --default-templates)", valueName: "dir"))
    var templates: String?

    @Option(help: ArgumentHelp("The templates folder used when neither --templates nor the configuration names one; the plugins pass sdkgen's own. (default: Templates)", valueName: "dir"))
    var defaultTemplates = "Templates"

    @Option(name: .long, help: ArgumentHelp("The output folder: sources go to OUTPUT/MODULE-NAME/, reference pages to OUTPUT/docs/. (default: Generated)", valueName: "dir"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The Swift module name. (default: ModelGates)", valueName: "name"))
    var moduleName: String?

    @Option(name: .long, help: ArgumentHelp("The client type's name. (default: the module name)", valueName: "name"))
    var clientName: String?

    @Option(help: ArgumentHelp("The access level of the generated declarations: public, package or internal. (default: public)", valueName: "level"))
    var access: AccessModifier?

    @Option(help: ArgumentHelp("per-declaration: a file per schema (with the types of its inline schemas) and reference pages, for checked-in SDKs; sharded: fixed file names (sdkgen-models-N.swift, …) and no pages, as the build-tool plugin writes.", valueName: "layout"))
    var layout: LayoutName = .perDeclaration

    @Option(help: ArgumentHelp("With --layout sharded, how many files the models and the API groups are each spread over.", valueName: "count"))
    var shards = 8

    func validate() throws {
        guard shards >= 1 else { throw ValidationError("--shards must be at least 1") }
    }

    /// The settings of one run: the command line over the configuration file over the defaults.
    func settings() throws(GenerationError) -> GenerationSettings {
        let file = try document.configuration()
        var generator = document.readingOptions(file)
        generator.templatesPath = templates ?? file.templates ?? defaultTemplates
        generator.moduleName = moduleName ?? file.moduleName ?? "ModelGates"
        generator.clientName = clientName ?? file.clientName
        generator.access = access ?? file.access ?? .public
        generator.layout = layout == .sharded ? .sharded(shards: shards) : .perDeclaration
        return GenerationSettings(generator: generator, output: output ?? file.output ?? "Generated")
    }
}

extension AccessModifier: ExpressibleByArgument {}

/// The `--layout` values.
enum LayoutName: String, ExpressibleByArgument, CaseIterable {
    case perDeclaration = "per-declaration"
    case sharded
}

/// What a command generates, and where to.
struct GenerationSettings {
    var generator: SDKGenerator.Options
    var output: String

    var outputFolder: OutputFolder {
        let owned = generator.layout == .perDeclaration ? [generator.moduleName, "docs"] : [generator.moduleName]
        return OutputFolder(root: output, ownedFolders: owned)
    }
}

/// Prints diagnostics as compilers do, on standard error.
func report(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
    }
}

/// How `check` reports.
enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    /// Compiler-style diagnostics and a unified diff.
    case text
    /// GitHub Actions workflow commands, which annotate the spec and the drifted files, then the diff in a folded group.
    case github
}

extension APIDiffReport.Format: ExpressibleByArgument {}

extension SDKGen {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generates the SDK and writes the files that changed.",
            discussion: "Files whose contents are unchanged are left alone, modification time included; generated files that are no longer produced are removed.")

        @OptionGroup var options: GenerationOptions

        @Flag(name: .shortAndLong, help: "Print each file written or removed.")
        var verbose = false

        func run() throws {
            let settings: GenerationSettings
            let generated: SDKGenerator.Output
            do {
                settings = try options.settings()
                generated = try SDKGenerator.generate(settings.generator)
            } catch {
                report(error.diagnostics)
                throw ExitCode.failure
            }
            report(generated.diagnostics)
            let result = try settings.outputFolder.write(generated.files)
            if verbose {
                for path in result.written { print("wrote \(path)") }
                for path in result.removed { print("removed \(path)") }
            }
            print("\(settings.output): \(result.written.count) written, \(result.unchanged.count) unchanged, \(result.removed.count) removed")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Checks that the output folder is what the spec and templates generate.",
            discussion: "Exits 0 when in sync, 1 on drift (printing a unified diff and the command that fixes it), and 2 when the spec is invalid.")

        @OptionGroup var options: GenerationOptions

        @Option(help: ArgumentHelp("Print at most this many lines of diff.", valueName: "lines"))
        var maxDiffLines = 200

        @Option(help: ArgumentHelp("How to report: `text` prints diagnostics and a diff; `github` prints GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`) for the spec's errors and each drifted file, then the diff in a folded group.", valueName: "format"))
        var format: CheckFormat = .text

        func run() throws {
            let settings: GenerationSettings
            let generated: SDKGenerator.Output
            do {
                settings = try options.settings()
                generated = try SDKGenerator.generate(settings.generator)
            } catch {
                switch format {
                case .text: report(error.diagnostics)
                case .github: error.diagnostics.forEach { print(GitHubAnnotation.command(for: $0)) }
                }
                throw ExitCode(2)
            }
            let spec = settings.generator.specPath, templates = settings.generator.templatesPath
            let differences = settings.outputFolder.differences(from: generated.files)
            guard !differences.isEmpty else {
                print("\(settings.output) is up to date with \(spec) and \(templates).")
                return
            }
            if format == .github {
                for difference in differences {
                    print(GitHubAnnotation.drift(difference, outputRoot: settings.output, fix: regenerateCommand))
                }
                print("::group::Diff of \(settings.output) (\(differences.count) file(s))")
            } else {
                print("\(settings.output) differs from what \(spec) and \(templates) generate (\(differences.count) file(s)):")
                for difference in differences {
                    print("  \(difference.kind.rawValue): \(difference.path)")
                }
            }
            let diff = differences.map(\.diff).joined()
            let lines = diff.split(separator: "\n", omittingEmptySubsequences: false)
            print(lines.prefix(maxDiffLines).joined(separator: "\n"))
            if lines.count > maxDiffLines {
                print("… \(lines.count - maxDiffLines) more diff lines not shown")
            }
            if format == .github { print("::endgroup::") }
            print("To update it, run: \(regenerateCommand)")
            throw ExitCode.failure
        }

        /// The `generate` command with the options this check was given.
        private var regenerateCommand: String {
            var command = "swift run sdkgen generate"
            func add(_ name: String, _ value: String?) {
                if let value { command += " --\(name) \(value)" }
            }
            for argument in options.document.arguments { add(argument.name, argument.value) }
            add("templates", options.templates)
            if options.defaultTemplates != "Templates" { add("default-templates", options.defaultTemplates) }
            add("output", options.output)
            add("module-name", options.moduleName)
            add("client-name", options.clientName)
            add("access", options.access?.rawValue)
            if options.layout == .sharded { add("layout", "sharded"); add("shards", String(options.shards)) }
            return command
        }
    }

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reports the spec's defects as file:line:column diagnostics, without generating.",
            discussion: "Exits 1 when there is an error (or, with --strict, any warning).")

        @OptionGroup var document: DocumentOptions

        @Flag(help: "Treat warnings as errors.")
        var strict = false

        func run() throws {
            var specPath = document.spec ?? "spec/modelgates.yaml"
            let diagnostics: [Diagnostic]
            do {
                let options = document.readingOptions(try document.configuration())
                specPath = options.specPath
                diagnostics = SDKGenerator.lint(options)
            } catch {
                diagnostics = error.diagnostics
            }
            report(diagnostics)
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            print("\(specPath): \(errors) error(s), \(warnings) warning(s)")
            if errors > 0 || (strict && warnings > 0) {
                throw ExitCode.failure
            }
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reports what changed in the generated SDK's API between two versions of a spec.",
            discussion: """
            Compares the SDKs the two specs generate: functions, arguments, results, security, models, properties and \
            enum values, each change classified as breaking (code written against the old SDK may stop compiling, or \
            its requests be refused) or compatible, located in the new spec (the old one for removals), with the \
            Swift symbol it touches and the semantic-versioning bump it needs. Exits 0, 1 with --fail-on-breaking when \
            a change is breaking, and 2 when a spec is invalid.
            """)

        @Argument(help: ArgumentHelp("The earlier version of the OpenAPI document.", valueName: "old"))
        var oldSpec: String

        @Argument(help: ArgumentHelp("The later version of the OpenAPI document.", valueName: "new"))
        var newSpec: String

        @Option(name: .long, help: ArgumentHelp("The Swift module (and client type) name that symbols are written with.", valueName: "name"))
        var moduleName = "ModelGates"

        @Option(help: ArgumentHelp("The report's format: `text` (one compiler-style line per change), `markdown` (release-note sections Breaking and Compatible under the version bump) or `json`.", valueName: "format"))
        var format: APIDiffReport.Format = .text

        @Flag(help: "Exit 1 when any change is breaking.")
        var failOnBreaking = false

        func run() throws {
            let diff: APIDiff
            do {
                diff = try SDKGenerator.diff(oldSpecPath: oldSpec, newSpecPath: newSpec, moduleName: moduleName)
            } catch {
                report(error.diagnostics)
                throw ExitCode(2)
            }
            print(APIDiffReport.render(diff, format: format, oldName: oldSpec, newName: newSpec), terminator: "")
            let status = diff.exitStatus(failOnBreaking: failOnBreaking)
            if status != 0 { throw ExitCode(status) }
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
                source = try SDKGenerator.conformanceProgram(options.settings().generator)
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
