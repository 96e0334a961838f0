import ArgumentParser
import Foundation
import SDKGenCore

@main
struct SDKGen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sdkgen",
        abstract: "Generates a Swift SDK from an OpenAPI 3.0 or 3.1 document.",
        discussion: """
        Settings come from the command line, then from a configuration file: the one --config names, else \
        sdkgen.yaml in the current folder when there is one (paths in it are relative to its folder; --no-config \
        reads none). Without \
        them, the module is named after the spec's title, the client type after the module (NAMEClient), the \
        output folder is Generated and the templates are sdkgen's own, built in. In this repository, \
        ./sdkgen.yaml makes every command work on spec/modelgates.yaml and Generated/.
        """,
        version: sdkgenVersion,
        subcommands: [Generate.self, Check.self, Lint.self, Diff.self, Conformance.self, RoundTrip.self],
        defaultSubcommand: Generate.self)
}

/// The configuration file and how to read the spec: options of every command.
struct ReadingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("An sdkgen.yaml configuration file; options given on the command line win over its settings. (default: ./sdkgen.yaml when it exists)", valueName: "file"))
    var config: String?

    @Flag(help: "Read no configuration file, not even ./sdkgen.yaml: for scripts and build steps whose settings are all on the command line.")
    var noConfig = false

    @Option(name: .customLong("overlay"), help: ArgumentHelp("An OpenAPI Overlay 1.0 document to apply to the spec before reading it; repeat to apply several, in order, after the configuration's.", valueName: "file"))
    var overlays: [String] = []

    @Option(name: .customLong("allow-ref-root"), help: ArgumentHelp("A folder, besides the spec's own, whose files `$ref`s may name; repeat to allow several.", valueName: "dir"))
    var allowedReferenceRoots: [String] = []

    @Option(name: .customLong("tag"), help: ArgumentHelp("Keep only the operations with this tag (repeatable; with --operation, an operation matching either is kept). Replaces the configuration's filter.", valueName: "tag"))
    var tags: [String] = []

    @Option(name: .customLong("operation"), help: ArgumentHelp("Keep only the operation with this operationId (repeatable). Replaces the configuration's filter.", valueName: "id"))
    var operationIDs: [String] = []

    func validate() throws {
        if noConfig, config != nil { throw ValidationError("--config and --no-config exclude each other") }
    }

    /// The settings of one run: `commandLine` over the configuration file's over the defaults.
    func settings(_ commandLine: GenerationConfig) throws(GenerationError) -> GenerationSettings {
        try GenerationSettings.resolve(commandLine: commandLine, configurationPath: config, lookingIn: noConfig ? nil : "")
    }

    /// These options as the command line's settings, for `GenerationSettings` to merge over the file's.
    var commandLine: GenerationConfig {
        var config = GenerationConfig()
        config.overlays = overlays
        config.allowedReferenceRoots = allowedReferenceRoots
        config.filter = OperationFilter(tags: tags, operationIDs: operationIDs)
        return config
    }

    /// These options as command-line arguments, to print a command that repeats them.
    var arguments: [(name: String, value: String)] {
        var arguments: [(name: String, value: String)] = []
        if let config { arguments.append(("config", config)) }
        if noConfig { arguments.append(("no-config", "")) }
        arguments += overlays.map { ("overlay", $0) } + allowedReferenceRoots.map { ("allow-ref-root", $0) }
        arguments += tags.map { ("tag", $0) } + operationIDs.map { ("operation", $0) }
        return arguments
    }
}

/// Which document to read and how: options of every command that reads one spec.
struct DocumentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The OpenAPI document to read, YAML or JSON. (default: the configuration's spec)", valueName: "file"))
    var spec: String?

    @OptionGroup var reading: ReadingOptions

    /// The settings of one run: the command line over the configuration file over the defaults.
    func settings(_ configure: (inout GenerationConfig) -> Void = { _ in }) throws(GenerationError) -> GenerationSettings {
        var commandLine = reading.commandLine
        commandLine.spec = spec
        configure(&commandLine)
        return try reading.settings(commandLine)
    }
}

/// Options shared by the commands that generate.
struct GenerationOptions: ParsableArguments {
    @OptionGroup var document: DocumentOptions

    @Option(name: .long, help: ArgumentHelp("A folder of Mustache templates to render with instead of sdkgen's own, which are built in. (default: the configuration's templates)", valueName: "dir"))
    var templates: String?

    @Option(name: .long, help: ArgumentHelp("The output folder: sources go to OUTPUT/MODULE-NAME/, reference pages to OUTPUT/docs/. (default: the configuration's output, else Generated)", valueName: "dir"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The Swift module name. (default: the configuration's moduleName, else the spec's info.title as a type name: 'ModelGates Analytics API' makes ModelGatesAnalyticsAPI)", valueName: "name"))
    var moduleName: String?

    @Option(name: .long, help: ArgumentHelp("The client type's name; the error enum is NAMEError. A client named like its module hides the module's other types from module-qualified names (MODULE.Model). (default: the configuration's clientName, else the module name followed by Client)", valueName: "name"))
    var clientName: String?

    @Option(help: ArgumentHelp("The access level of the generated declarations: public, package or internal. (default: the configuration's access, else public)", valueName: "level"))
    var access: AccessModifier?

    @Option(help: ArgumentHelp("What structs do with the members of an object that its schema does not declare (where it allows them): keep them in additionalProperties and write them back, or drop them. (default: the configuration's undeclaredProperties, else keep)", valueName: "keep|drop"))
    var undeclaredProperties: UndeclaredProperties?

    @Option(help: ArgumentHelp("What the models conform to: hashable (Set members, dictionary keys, SwiftUI identities), equatable (== only; a large SDK builds about 8% faster) or none (structs and unions neither, the enums of values still Hashable; about a fifth faster). (default: the configuration's modelEquality, else hashable)", valueName: "hashable|equatable|none"))
    var modelEquality: ModelEquality?

    @Option(help: ArgumentHelp("per-declaration: a file per schema (with the types of its inline schemas) and reference pages, for checked-in SDKs; sharded: fixed file names (sdkgen-models-N.swift, …) and no pages, as the build-tool plugin writes. (default: per-declaration)", valueName: "layout"))
    var layout: LayoutName?

    @Option(help: ArgumentHelp("With --layout sharded, how many files the models and the API groups are each spread over.", valueName: "count"))
    var shards = 8

    @Flag(inversion: .prefixedNo, help: "Write a standalone Swift package into the output folder: Package.swift (the library product and the platforms), README.md, .gitignore, the sources in Sources/MODULE/ with a DocC catalog, the reference pages in docs/, and a smoke test target in Tests/. (default: the configuration's package, else no)")
    var package: Bool?

    @Option(name: .customLong("transport"), help: ArgumentHelp("Also write a transport over another HTTP stack, as a module of its own beside the SDK (MODULE-NAMEAsyncHTTPClient/), and with --package its product in Package.swift; repeatable. The SDK itself keeps depending on Foundation alone. Replaces the configuration's transports. (values: \(TransportKind.allCases.map(\.rawValue).joined(separator: ", ")))", valueName: "name"))
    var transports: [TransportKind] = []

    func validate() throws {
        guard shards >= 1 else { throw ValidationError("--shards must be at least 1") }
    }

    /// The settings of one run: the command line over the configuration file over the defaults.
    func settings() throws(GenerationError) -> GenerationSettings {
        try document.settings { commandLine in
            commandLine.templates = templates
            commandLine.output = output
            commandLine.moduleName = moduleName
            commandLine.clientName = clientName
            commandLine.access = access
            commandLine.undeclaredProperties = undeclaredProperties
            commandLine.modelEquality = modelEquality
            commandLine.layout = layout.map { $0 == .sharded ? .sharded(shards: shards) : .perDeclaration }
            commandLine.package = package
            commandLine.transports = transports.isEmpty ? nil : transports
        }
    }
}

extension AccessModifier: ExpressibleByArgument {}
extension UndeclaredProperties: ExpressibleByArgument {}
extension ModelEquality: ExpressibleByArgument {}

extension TransportKind: ExpressibleByArgument {}

/// The `--layout` values.
enum LayoutName: String, ExpressibleByArgument, CaseIterable {
    case perDeclaration = "per-declaration"
    case sharded
}

/// Prints diagnostics as compilers do, on standard error.
func report(_ diagnostics: [Diagnostic]) {
    // Repeated warnings of one kind are grouped: the first few located, then a count.
    for diagnostic in Diagnostic.grouped(diagnostics) {
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

        @Option(help: ArgumentHelp("Also write the files this run reads, besides those the spec's `$ref`s name (the spec, the configuration, the overlays, the templates folder with its subfolders and files), one absolute path a line: for build systems, such as the build-tool plugin, that list a step's inputs.", valueName: "file"))
        var writeInputs: String?

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
            let result = try settings.outputFolder(moduleName: generated.moduleName).write(generated.files)
            if let writeInputs {
                let paths = settings.inputPaths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
                try Data(paths.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: writeInputs))
            }
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
            let spec = settings.generator.specPath
            let templates = settings.generator.templatesPath ?? "sdkgen's built-in templates"
            let differences = settings.outputFolder(moduleName: generated.moduleName).differences(from: generated.files)
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
                if let value { command += value.isEmpty ? " --\(name)" : " --\(name) \(value)" }
            }
            add("spec", options.document.spec)
            for argument in options.document.reading.arguments { add(argument.name, argument.value) }
            add("templates", options.templates)
            add("output", options.output)
            add("module-name", options.moduleName)
            add("client-name", options.clientName)
            add("access", options.access?.rawValue)
            add("undeclared-properties", options.undeclaredProperties?.rawValue)
            add("model-equality", options.modelEquality?.rawValue)
            add("layout", options.layout?.rawValue)
            if options.layout == .sharded { add("shards", String(options.shards)) }
            return command
        }
    }

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reports the spec's defects as file:line:column diagnostics, without generating.",
            discussion: "Exits 1 when there is an error (or, with --strict, any warning).")

        @OptionGroup var document: DocumentOptions

        @Option(name: .long, help: ArgumentHelp("The Swift module name, which some names are made from. (default: the configuration's moduleName, else the spec's info.title as a type name)", valueName: "name"))
        var moduleName: String?

        @Flag(help: "Treat warnings as errors.")
        var strict = false

        func run() throws {
            var specPath = document.spec
            let diagnostics: [Diagnostic]
            do {
                let settings = try document.settings { $0.moduleName = moduleName }
                specPath = settings.generator.specPath
                diagnostics = SDKGenerator.lint(settings.generator)
            } catch {
                diagnostics = error.diagnostics
            }
            report(diagnostics)
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            print("\(specPath ?? "sdkgen lint"): \(errors) error(s), \(warnings) warning(s)")
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
            Swift symbol it touches and the semantic-versioning bump it needs. Both specs are read as generate reads \
            one, with the configuration's overlays, filter, server and retries and the command line's; the two specs \
            replace the configuration's spec. Exits 0, 1 with --fail-on-breaking when a change is breaking, and 2 \
            when a spec is invalid.
            """)

        @Argument(help: ArgumentHelp("The earlier version of the OpenAPI document.", valueName: "old"))
        var oldSpec: String

        @Argument(help: ArgumentHelp("The later version of the OpenAPI document.", valueName: "new"))
        var newSpec: String

        @OptionGroup var reading: ReadingOptions

        @Option(name: .long, help: ArgumentHelp("The Swift module name that symbols are written with. (default: the configuration's moduleName, else the new spec's info.title as a type name)", valueName: "name"))
        var moduleName: String?

        @Option(name: .long, help: ArgumentHelp("The client type's name that symbols are written with. (default: the configuration's clientName, else the module name followed by Client)", valueName: "name"))
        var clientName: String?

        @Option(help: ArgumentHelp("The report's format: `text` (one compiler-style line per change), `markdown` (release-note sections Breaking and Compatible under the version bump) or `json`.", valueName: "format"))
        var format: APIDiffReport.Format = .text

        @Flag(help: "Exit 1 when any change is breaking.")
        var failOnBreaking = false

        func run() throws {
            let diff: APIDiff
            do {
                var commandLine = reading.commandLine
                commandLine.spec = newSpec
                commandLine.moduleName = moduleName
                commandLine.clientName = clientName
                let new = try reading.settings(commandLine).generator
                var old = new
                old.specPath = oldSpec
                diff = try SDKGenerator.diff(old: old, new: new)
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
