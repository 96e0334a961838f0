import Foundation

/// What `Scripts/roundtrip-check.sh` needs from sdkgen to check a generated SDK against instances of its schemas:
/// the bodies the SDK decodes or encodes with a JSON type (each operation's JSON success response, its documented
/// JSON error responses and its JSON request body) and the component schemas it declares a type for, each with the
/// Swift type the SDK uses for it; the document as sdkgen read it (overlays applied, other files bundled in) to
/// find their schemas; and a program that decodes instances with those types, encodes them again and compares the
/// JSON, as `ConformanceProgram` does for the spec's own examples.
public enum RoundTripProgram {
    /// One schema the SDK has a Swift type for.
    public struct Target: Sendable, Hashable {
        /// Names the schema in reports and in the program's input: `chat.createCompletion 200`, `… body`,
        /// `schema ChatMessage`.
        public var label: String
        /// The Swift type the SDK decodes or encodes it as.
        public var swiftType: String
        /// Where the schema is in the document.
        public var subject: Subject
    }

    /// Where a target's schema is in the document.
    public enum Subject: Sendable, Hashable {
        /// The JSON body of the operation `method path` (`GET`, `/users/{id}` as the document writes them): the
        /// response's for a `status` as the document writes it (`200`, `2XX`), else the request's.
        case body(method: String, path: String, status: String?)
        /// The schema `components.schemas[name]`, which the SDK declares a type for.
        case component(name: String)
    }

    /// The program and the manifest for the SDK `options` generate: `source(for:)` and `manifest` of the same
    /// targets.
    public static func generate(_ options: SDKGenerator.Options) throws(GenerationError) -> (program: String, manifest: String) {
        var diagnostics = Diagnostics()
        var loaded = try YAMLLoader().load(contentsOf: options.specPath)
        for overlayPath in options.overlayPaths {
            let overlay = try Overlay.load(contentsOf: overlayPath, diagnostics: &diagnostics)
            try overlay.apply(to: &loaded.root, diagnostics: &diagnostics)
        }
        options.overrides.apply(to: &loaded.root, diagnostics: &diagnostics)
        let root = ReferenceBundler.bundle(loaded.root, file: options.specPath, allowedRoots: options.allowedReferenceRoots,
                                           diagnostics: &diagnostics)
        let sdk = try SDKGenerator.generateModel(options).sdk
        let targets = targets(for: sdk, componentSchemas: componentSchemas(of: root))
        return (source(for: sdk, targets: targets), manifest(document: root, targets: targets))
    }

    /// The bodies of every operation of the SDK, once each (an operation with a streaming and a plain function
    /// appears once), then the component schemas (name and where the document declares it) that one of the
    /// SDK's models is declared for, in the document's order.
    public static func targets(for sdk: SwiftSDK, componentSchemas: [(name: String, location: SourceLocation)]) -> [Target] {
        var targets: [Target] = []
        var seen = Set<Subject>()
        func add(_ target: Target) {
            if seen.insert(target.subject).inserted { targets.append(target) }
        }
        for group in sdk.groups {
            for operation in group.operations {
                // `GET /users/{id}`.
                let parts = operation.origin.key.split(separator: " ", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { continue }
                let name = "\(group.propertyName).\(operation.functionName)"
                if case .json(let argument, _, _)? = operation.body,
                   let parameter = operation.parameters.first(where: { $0.name == argument }) {
                    add(Target(label: "\(name) body", swiftType: parameter.type.nonOptional.description,
                               subject: .body(method: parts[0], path: parts[1], status: nil)))
                }
                var decidedSuccess = false
                for responseCase in operation.responseCases {
                    switch responseCase.outcome {
                    case .returns(.json(let type)) where !decidedSuccess:
                        // The first JSON success decides the result type; others are read as it too.
                        decidedSuccess = true
                        let status = responseCase.statuses.text
                        add(Target(label: "\(name) \(status)", swiftType: type.nonOptional.description,
                                   subject: .body(method: parts[0], path: parts[1], status: status)))
                    case .throwsStatusCase(let statuses, let documentedBody):
                        // The type the operation documents, which the case's union wraps where operations differ.
                        guard let bodyType = documentedBody ?? sdk.error.statusCase(for: statuses)?.bodyType, bodyType != .void,
                              bodyType.nonOptional != .builtin(.string), bodyType.nonOptional != .builtin(.data)
                        else { continue }
                        add(Target(label: "\(name) \(statuses.text)", swiftType: bodyType.nonOptional.description,
                                   subject: .body(method: parts[0], path: parts[1], status: statuses.text)))
                    default:
                        continue
                    }
                }
            }
        }
        // A component's model is declared where the component's schema is written; an inline schema's elsewhere.
        var modelsByLocation: [SourceLocation: String] = [:]
        for model in sdk.models where modelsByLocation[model.origin.location] == nil {
            modelsByLocation[model.origin.location] = model.typeName
        }
        for component in componentSchemas {
            // Optional: a reference to a component whose schema allows null is the type's optional (a schema that
            // does not allow null draws no null, so this accepts nothing more).
            guard let typeName = modelsByLocation[component.location] else { continue }
            add(Target(label: "schema \(component.name)", swiftType: typeName + "?", subject: .component(name: component.name)))
        }
        return targets
    }

    /// Each entry of `components.schemas`: its name and where its schema is written.
    private static func componentSchemas(of root: YAMLNode) -> [(name: String, location: SourceLocation)] {
        guard case .mapping(let pairs)? = root["components"]?["schemas"]?.content else { return [] }
        return pairs.compactMap { pair in
            guard case .scalar(let key) = pair.key.content else { return nil }
            return (key.text, pair.value.location)
        }
    }

    /// A JSON object: `document`, the document as sdkgen read it after its overlays and bundling, and
    /// `targets`: each with `label`, `swiftType`, and `method`, `path` and (for a response) `status`, or
    /// `component`, the name of a component schema.
    private static func manifest(document: YAMLNode, targets: [Target]) -> String {
        let targets: [Any] = targets.map { target in
            var object: [String: Any] = ["label": target.label, "swiftType": target.swiftType]
            switch target.subject {
            case .body(let method, let path, let status):
                object["method"] = method
                object["path"] = path
                if let status { object["status"] = status }
            case .component(let name):
                object["component"] = name
            }
            return object
        }
        let object: [String: Any] = ["document": jsonObject(document), "targets": targets]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The node as Foundation JSON values; keys are their text, and numbers JSON cannot write are strings.
    private static func jsonObject(_ node: YAMLNode) -> Any {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return NSNull()
            case .bool(let value): return value
            case .int(let value): return value
            case .float(let value): return value.isFinite ? value : scalar.text
            case .string(let value): return value
            }
        case .sequence(let items):
            return items.map(jsonObject)
        case .mapping(let pairs):
            var object: [String: Any] = [:]
            for pair in pairs {
                let key: String
                if case .scalar(let scalar) = pair.key.content { key = scalar.text } else { continue }
                if object[key] == nil { object[key] = jsonObject(pair.value) }
            }
            return object
        }
    }

    /// The `main.swift` of a program importing the SDK. It reads the file named by its argument, whose lines are
    /// `label<TAB>json`, decodes each JSON with the label's type, encodes the value again and compares the two:
    /// equal up to key order, absent optionals and number spelling. It prints `FAIL label<TAB>why<TAB>json` for each
    /// failure, then `RESULT label tried passed` for each label, and exits 0.
    private static func source(for sdk: SwiftSDK, targets: [Target]) -> String {
        var lines = [
            "// Generated by sdkgen: decodes and re-encodes instances of \(sdk.moduleName)'s JSON bodies.",
            "",
            "import Foundation",
            "import \(sdk.moduleName)",
            "",
            "func check(_ checker: inout RoundTripChecker, _ label: String, _ json: String) -> Bool {",
            "    switch label {",
        ]
        for target in targets {
            lines.append("    case \(SwiftLiteral.string(target.label)): checker.check(label, \(target.swiftType).self, json)")
        }
        lines += [
            "    default: return false",
            "    }",
            "    return true",
            "}",
            "",
            "RoundTripChecker.main(check)",
        ]
        return lines.joined(separator: "\n") + "\n\n" + checkerSource + "\n" + JSONDifferenceSource.source
    }

    private static let checkerSource = #"""
    /// Decodes each instance, encodes it again and compares the JSON.
    struct RoundTripChecker {
        private var tried: [String: Int] = [:]
        private var passed: [String: Int] = [:]
        private var order: [String] = []
        private let decoder = JSONCoding.makeDecoder()
        private let encoder = JSONCoding.makeEncoder()

        static func main(_ check: (inout RoundTripChecker, String, String) -> Bool) -> Never {
            var checker = RoundTripChecker()
            guard CommandLine.arguments.count == 2, let data = FileManager.default.contents(atPath: CommandLine.arguments[1]) else {
                print("usage: \(CommandLine.arguments[0]) INSTANCES-FILE")
                exit(2)
            }
            for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                guard let tab = line.firstIndex(of: "\t") else { continue }
                let label = String(line[..<tab])
                if !check(&checker, label, String(line[line.index(after: tab)...])) {
                    print("UNKNOWN \(label)")
                }
            }
            for label in checker.order {
                print("RESULT \(label)\t\(checker.tried[label, default: 0])\t\(checker.passed[label, default: 0])")
            }
            exit(0)
        }

        mutating func check<Value: Codable>(_ label: String, _ type: Value.Type, _ json: String) {
            if tried[label] == nil { order.append(label) }
            tried[label, default: 0] += 1
            do {
                let value = try decoder.decode(Value.self, from: Data(json.utf8))
                let encoded = try encoder.encode(value)
                let original = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
                let reencoded = try JSONSerialization.jsonObject(with: encoded, options: [.fragmentsAllowed])
                if let difference = jsonDifference(original, reencoded, at: "$") {
                    print("FAIL \(label)\tre-encoded JSON differs at \(difference)\t\(json.prefix(300))")
                } else {
                    passed[label, default: 0] += 1
                }
            } catch {
                print("FAIL \(label)\t\(String(describing: error).prefix(400).replacingOccurrences(of: "\n", with: " "))\t\(json.prefix(300))")
            }
        }
    }
    """#
}
