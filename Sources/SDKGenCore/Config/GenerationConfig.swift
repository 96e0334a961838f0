import Foundation

/// The settings of an `sdkgen.yaml` file, or of a command line: `GenerationSettings` merges the command line's
/// over the file's over the defaults. The CLI reads the file given with `--config` (else `./sdkgen.yaml`), and
/// the build-tool plugin passes the one beside its target's spec.
///
/// ```yaml
/// spec: openapi.yaml          # the CLI's --spec; the plugin finds the target's openapi.yaml itself
/// output: Generated           # the CLI's --output
/// moduleName: ModelGates      # the CLI's --module-name; the plugin compiles into its target's module
/// clientName: ModelGates      # the client type; the module name followed by Client when absent
/// access: public              # public, package or internal
/// filter:
///   tags: [analytics]         # keep operations tagged with one of these…
///   operations: [getModels]   # …or with one of these operationIds
/// overlays: [fixes.overlay.yaml]
/// templates: Templates
/// server: https://staging.example.com/api/v1
/// package: true               # write a standalone Swift package (the CLI's --package)
/// transports: [async-http-client]  # transports written as modules beside the SDK (the CLI's --transport)
/// retries:                    # the shape of the x-sdkgen-retries extension, intervals in milliseconds
///   statusCodes: [429, 503]
///   backoff: {initialInterval: 500, maxInterval: 60000, exponent: 1.5, maxElapsedTime: 3600000}
/// pagination:                 # per operationId, the shape of the x-sdkgen-pagination extension
///   listIssues: {type: linkHeader, outputs: {results: $}}
/// maxMethodParams: 4          # Speakeasy's setting: beyond this many inputs a function takes one request struct
/// undeclaredProperties: keep  # keep (in additionalProperties) or drop the members a schema does not declare
/// modelEquality: hashable     # equatable, or none: structs and unions are neither (builds about a fifth faster)
/// ```
///
/// Paths are relative to the folder holding the file (a command line's, to the current folder). Every key is
/// optional; command-line options win over the file.
public struct GenerationConfig: Sendable {
    public var spec: String?
    public var output: String?
    public var moduleName: String?
    public var clientName: String?
    public var access: AccessModifier?
    public var filter = OperationFilter()
    public var overlays: [String] = []
    public var templates: String?
    /// The server URL that replaces the document's servers.
    public var server: YAMLNode?
    /// Replaces the document's `x-sdkgen-retries` extension.
    public var retries: YAMLNode?
    /// Per `operationId`, the `x-sdkgen-pagination` extension the operation gets.
    public var pagination: YAMLNode?
    /// Replaces the document's `x-speakeasy-max-method-params` extension, as Speakeasy's `maxMethodParams` does.
    public var maxMethodParams: YAMLNode?
    /// Folders besides the spec's own whose files `$ref`s may name: the command line's `--allow-ref-root`; the
    /// file has no such setting.
    public var allowedReferenceRoots: [String] = []
    /// How the files are arranged: the command line's `--layout`; the file has no such setting.
    public var layout: OutputLayout?
    /// Whether to write a standalone Swift package around the sources: `package: true`, or `--package`.
    public var package: Bool?
    /// What structs do with the members their schemas do not declare: `undeclaredProperties: keep` or `drop`, or
    /// `--undeclared-properties`.
    public var undeclaredProperties: UndeclaredProperties?
    /// Whether the models are `Hashable` (`modelEquality: hashable`, the default), `Equatable` only or neither, or
    /// `--model-equality`.
    public var modelEquality: ModelEquality?
    /// The transports to write as modules beside the SDK: `transports: [async-http-client]`, or `--transport`; the
    /// command line's replace the file's.
    public var transports: [TransportKind]?

    public init() {}

    /// The keys the file may have, in the order the documentation lists them.
    static let keys = ["spec", "output", "moduleName", "clientName", "access", "filter", "overlays", "templates", "server", "retries", "pagination", "maxMethodParams", "package", "undeclaredProperties", "modelEquality", "transports"]

    /// Reads an `sdkgen.yaml` file; an unknown key or a value of the wrong kind is an error at its position.
    public static func load(contentsOf path: String) throws(GenerationError) -> GenerationConfig {
        let loaded = try YAMLLoader().load(contentsOf: path)
        var diagnostics = Diagnostics()
        diagnostics.append(contentsOf: loaded.warnings)
        let folder = (path as NSString).deletingLastPathComponent
        func resolved(_ relative: String) -> String {
            relative.hasPrefix("/") || folder.isEmpty ? relative : (folder as NSString).appendingPathComponent(relative)
        }
        var config = GenerationConfig()
        guard let pairs = loaded.root.pairs else {
            if !loaded.root.isNull {
                diagnostics.error("an sdkgen configuration is a mapping of settings", at: loaded.root.location)
            }
            guard !diagnostics.hasErrors else { throw GenerationError(diagnostics.sorted) }
            return config
        }
        var reader = ConfigValueReader(diagnostics: diagnostics)
        for pair in pairs {
            let key = pair.key.scalarText ?? ""
            let value = pair.value
            switch key {
            case "spec": config.spec = reader.string(value, key).map(resolved)
            case "output": config.output = reader.string(value, key).map(resolved)
            case "moduleName": config.moduleName = reader.identifier(value, key)
            case "clientName": config.clientName = reader.identifier(value, key)
            case "access": config.access = reader.choice(value, key)
            case "filter": config.filter = reader.filter(value)
            case "overlays": config.overlays = reader.strings(value, key).map(resolved)
            case "templates": config.templates = reader.string(value, key).map(resolved)
            case "server":
                if reader.string(value, key) != nil { config.server = value }
            case "package": config.package = reader.bool(value, key)
            case "undeclaredProperties": config.undeclaredProperties = reader.choice(value, key)
            case "modelEquality": config.modelEquality = reader.choice(value, key)
            case "transports": config.transports = reader.transports(value)
            case "retries":
                if value.pairs == nil {
                    reader.diagnostics.error("retries is a mapping shaped like the x-sdkgen-retries extension", at: value.location)
                } else {
                    config.retries = value
                }
            case "pagination": config.pagination = reader.pagination(value)
            case "maxMethodParams":
                if let count = value.int, count >= 0 {
                    config.maxMethodParams = value
                } else {
                    reader.diagnostics.error("maxMethodParams is a non-negative integer, not \(value.scalarText.map { "'\($0)'" } ?? value.kindName)", at: value.location)
                }
            case "hashableModels":
                // The setting before `modelEquality` had three choices.
                let choice = value.scalarText == "false" ? "equatable" : "hashable"
                reader.diagnostics.error("hashableModels is now modelEquality: hashable, equatable or none (write modelEquality: \(choice))", at: pair.key.location)
            default:
                reader.diagnostics.error("unknown setting '\(key)'; the settings are \(keys.joined(separator: ", "))", at: pair.key.location)
            }
        }
        guard !reader.diagnostics.hasErrors else { throw GenerationError(reader.diagnostics.sorted) }
        return config
    }
}

/// Reads typed values out of the configuration, recording an error where a value has the wrong kind.
private struct ConfigValueReader {
    var diagnostics: Diagnostics

    mutating func string(_ node: YAMLNode, _ key: String) -> String? {
        guard let text = node.scalarText, !node.isNull, !text.isEmpty else {
            diagnostics.error("\(key) must be a non-empty string", at: node.location)
            return nil
        }
        return text
    }

    /// One of the cases of `Choice`, named by its raw value.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ key: String) -> Choice? where Choice.RawValue == String {
        guard let text = string(node, key) else { return nil }
        guard let choice = Choice(rawValue: text) else {
            diagnostics.error("\(key) must be one of \(Choice.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'", at: node.location)
            return nil
        }
        return choice
    }

    mutating func bool(_ node: YAMLNode, _ key: String) -> Bool? {
        switch node.isNull ? nil : node.scalarText {
        case "true": return true
        case "false": return false
        default:
            diagnostics.error("\(key) must be true or false", at: node.location)
            return nil
        }
    }

    mutating func identifier(_ node: YAMLNode, _ key: String) -> String? {
        guard let text = string(node, key) else { return nil }
        guard SwiftName.isPlainIdentifier(text) else {
            diagnostics.error("\(key) must be a Swift identifier (letters, digits and underscores, not starting with a digit), not '\(text)'", at: node.location)
            return nil
        }
        return text
    }

    mutating func strings(_ node: YAMLNode, _ key: String) -> [String] {
        guard let items = node.items else {
            diagnostics.error("\(key) must be a list of strings", at: node.location)
            return []
        }
        return items.compactMap { string($0, key) }
    }

    /// A list of transport names, such as `[async-http-client]`.
    mutating func transports(_ node: YAMLNode) -> [TransportKind] {
        guard let items = node.items else {
            diagnostics.error("transports must be a list of transport names: \(TransportKind.allCases.map(\.rawValue).joined(separator: ", "))", at: node.location)
            return []
        }
        return items.compactMap { item in
            guard let name = string(item, "transports") else { return nil }
            guard let kind = TransportKind(rawValue: name) else {
                diagnostics.error("unknown transport '\(name)'; the transports are \(TransportKind.allCases.map(\.rawValue).joined(separator: ", "))", at: item.location)
                return nil
            }
            return kind
        }
    }

    /// A mapping of operationIds to pagination rules shaped like the `x-sdkgen-pagination` extension.
    mutating func pagination(_ node: YAMLNode) -> YAMLNode? {
        guard let pairs = node.pairs else {
            diagnostics.error("pagination must be a mapping of operationIds to pagination rules", at: node.location)
            return nil
        }
        var valid = true
        for pair in pairs {
            let name = "pagination." + (pair.key.scalarText ?? "")
            if PaginationExtension.read(pair.value, name: name, report: { diagnostics.error($0, at: $1) }) == nil {
                valid = false
            }
        }
        return valid ? node : nil
    }

    mutating func filter(_ node: YAMLNode) -> OperationFilter {
        guard let pairs = node.pairs else {
            diagnostics.error("filter must be a mapping with tags and/or operations", at: node.location)
            return OperationFilter()
        }
        var filter = OperationFilter(location: node.location)
        for pair in pairs {
            switch pair.key.scalarText {
            case "tags": filter.tags = strings(pair.value, "filter.tags")
            case "operations": filter.operationIDs = strings(pair.value, "filter.operations")
            default: diagnostics.error("unknown filter '\(pair.key.scalarText ?? "")'; the filters are tags and operations", at: pair.key.location)
            }
        }
        return filter
    }
}
