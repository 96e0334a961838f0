import SDKGenBase
import SDKGenJSONPath
import SDKGenYAML

/// Makes one document of a spec split over several files, before it is read.
///
/// A `$ref` to another file (`common.yaml#/components/schemas/Error`, `./schemas/pet.yaml`) is replaced by a
/// reference to a component of the root document that holds a copy of its target, so every later stage
/// sees internal references only. The copy is named after what it is in its file (`Error`), or after the
/// file for a whole-file reference (`pet`); a name the root already uses for something else gets the file's
/// stem in front (`common_Error`), then a number. The same target is copied once, however many files refer
/// to it. References inside a copied file resolve relative to that file, so its own `#/…` references copy
/// their targets too. Path items (`paths: {/pets: {$ref: …}}`, internal or external) are replaced by their
/// target, since OpenAPI 3.0 has no section for them, and so are security schemes in other files, since
/// requirements name schemes: a copy would be a scheme of its own. Operations' callbacks are followed into
/// other files as the other components are.
///
/// Nodes keep the locations of the file they come from, so later diagnostics point into that file. Remote
/// references (`https://…`) and files outside the root spec's folder (or a folder the user allows) are
/// located errors: generation never touches the network, and a spec cannot make sdkgen read other files.
public struct ReferenceBundler {
    /// What a position of the document holds, which decides the components section of a copied target.
    package enum Slot {
        case document, pathItem, operation, parameter, requestBody, response, header, mediaType, schema, example
        /// An operation's callback (expressions → path items), and a security scheme.
        case callback, securityScheme
    }

    /// One `$ref` target: a file and a pointer into it.
    package struct TargetKey: Hashable {
        package var canonicalPath: String
        package var pointer: [String]
        package var section: String
    }

    /// A copied target whose own references are still to be rewritten.
    package struct PendingCopy {
        package var section: String
        package var name: String
        package var node: YAMLNode
        package var slot: Slot
        package var file: ReferencedFiles.File
    }

    package var files: ReferencedFiles
    package let originalRoot: YAMLNode
    package var diagnostics = Diagnostics()
    /// The name given to each copied target.
    package var copies: [TargetKey: String] = [:]
    /// Component names in use per section, the root's own first.
    package var takenNames: [String: Set<String>] = [:]
    /// The root document's own component names per section, as written: a `$ref` to one needs nothing done.
    package let rootComponentNames: [String: Set<String>]
    package var pending: [PendingCopy] = []
    /// The finished copies, per section, in the order they were first referenced.
    private var finished: [String: [YAMLPair]] = [:]
    private var sectionOrder: [String] = []
    /// The path items being inlined, to notice a `$ref` cycle among them.
    package var inlining: [TargetKey] = []
    /// Where a path item cycle was reported: the same `$ref` is met again from each entry into the cycle.
    package var reportedCycles: Set<SourceLocation> = []
    /// While a schema `$ref` is followed: a pointer that names nothing is not an error but noted in
    /// `pointerMissed`, so that it becomes a warning and `{}` instead of stopping generation.
    package var toleratesMissingPointer = false
    /// What `node(at:)` did not find, when `toleratesMissingPointer` is set.
    package var pointerMissed: String?
    /// The root's schemas by their `$id` and `$anchor`, gathered when a `$ref` first needs them.
    package var schemaIdentifiers: [String: [String]]?

    /// The document with every external reference and path item reference replaced; `diagnostics` receives
    /// the problems, located where the `$ref` is written or in the file it points into.
    /// - Parameters:
    ///   - file: The path of the root document, which relative references start from.
    ///   - allowedRoots: Folders beside the root document's own that referenced files may be in.
    public static func bundle(_ root: YAMLNode, file: String, allowedRoots: [String] = [], diagnostics: inout Diagnostics) -> YAMLNode {
        var bundler = ReferenceBundler(root: root, file: file, allowedRoots: allowedRoots)
        let result = bundler.run()
        diagnostics.append(contentsOf: bundler.diagnostics.all)
        return result
    }

    private init(root: YAMLNode, file: String, allowedRoots: [String]) {
        files = ReferencedFiles(rootPath: file, rootTree: root, allowedRoots: allowedRoots)
        originalRoot = root
        var rootComponentNames: [String: Set<String>] = [:]
        for pair in root["components"]?.pairs ?? [] {
            // The first of a duplicated section, as a JSON Pointer resolves it.
            guard let section = pair.key.scalarText, rootComponentNames[section] == nil else { continue }
            rootComponentNames[section] = Set((pair.value.pairs ?? []).compactMap(\.key.scalarText))
        }
        self.rootComponentNames = rootComponentNames
        takenNames = rootComponentNames
    }

    private mutating func run() -> YAMLNode {
        var root = visit(originalRoot, as: .document, in: files.root) ?? originalRoot
        // Copies are rewritten one after another rather than nested, so a long chain of files cannot
        // exhaust the stack; copying one may queue more.
        while !pending.isEmpty {
            let copy = pending.removeFirst()
            let node = visit(copy.node, as: copy.slot, in: copy.file) ?? copy.node
            let key = YAMLNode(.scalar(YAMLScalar(text: copy.name, style: .plain, value: .string(copy.name))), at: copy.node.location)
            if finished[copy.section] == nil { sectionOrder.append(copy.section) }
            finished[copy.section, default: []].append(YAMLPair(key: key, value: node))
        }
        if !finished.isEmpty { root = addingCopies(to: root) }
        return root
    }

    /// `root` with the copies appended to their `components` sections, which are created when missing.
    private func addingCopies(to root: YAMLNode) -> YAMLNode {
        guard case .mapping(var pairs) = root.content else { return root }
        let componentsIndex = pairs.firstIndex { $0.key.scalarText == "components" }
        var components = componentsIndex.flatMap { pairs[$0].value.pairs } ?? []
        for section in sectionOrder {
            let added = finished[section] ?? []
            if let index = components.firstIndex(where: { $0.key.scalarText == section }), case .mapping(let existing) = components[index].value.content {
                components[index].value.content = .mapping(existing + added)
            } else {
                components.removeAll { $0.key.scalarText == section }
                components.append(YAMLPair(key: Self.stringNode(section, at: root.location), value: YAMLNode(.mapping(added), at: root.location)))
            }
        }
        let componentsNode = YAMLNode(.mapping(components), at: componentsIndex.map { pairs[$0].value.location } ?? root.location)
        if let componentsIndex {
            pairs[componentsIndex].value = componentsNode
        } else {
            pairs.append(YAMLPair(key: Self.stringNode("components", at: root.location), value: componentsNode))
        }
        return YAMLNode(.mapping(pairs), at: root.location)
    }

    private static func stringNode(_ text: String, at location: SourceLocation) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(text: text, style: .plain, value: .string(text))), at: location)
    }

    // MARK: - Walking

    /// The node with its references rewritten, or `nil` when nothing in it changed (most of a document).
    package mutating func visit(_ node: YAMLNode, as slot: Slot, in file: ReferencedFiles.File) -> YAMLNode? {
        guard let pairs = node.pairs else { return nil }
        if let reference = node["$ref"], slot != .document, slot != .mediaType {
            return rewrite(node, reference: reference, as: slot, in: file)
        }
        var changed = false
        var result = pairs
        for (index, pair) in pairs.enumerated() {
            guard let key = pair.key.scalarText else { continue }
            if let replacement = visitChild(pair.value, key: key, of: slot, in: file) {
                result[index].value = replacement
                changed = true
            }
        }
        return changed ? YAMLNode(.mapping(result), at: node.location) : nil
    }

    /// The value of `key` in an object of kind `slot`, rewritten, or `nil` when unchanged.
    private mutating func visitChild(_ value: YAMLNode, key: String, of slot: Slot, in file: ReferencedFiles.File) -> YAMLNode? {
        switch (slot, key) {
        case (.document, "paths"), (.document, "webhooks"):
            return visitEntries(value, as: .pathItem, in: file)
        case (.document, "components"):
            return visitComponents(value, in: file)
        case (.document, "x-sdkgen-globals"), (.document, "x-speakeasy-globals"):
            return visitChildren(value, in: file) { key in key == "parameters" ? .list(.parameter) : nil }
        case (.pathItem, "parameters"), (.operation, "parameters"):
            return visitItems(value, as: .parameter, in: file)
        case (.pathItem, _) where HTTPMethod(pathItemKey: key) != nil:
            return visit(value, as: .operation, in: file)
        case (.pathItem, "additionalOperations"):
            return visitEntries(value, as: .operation, in: file)
        case (.operation, "requestBody"):
            return visit(value, as: .requestBody, in: file)
        case (.operation, "responses"):
            return visitEntries(value, as: .response, in: file)
        case (.operation, "callbacks"):
            return visitEntries(value, as: .callback, in: file)
        case (.callback, _):
            return visit(value, as: .pathItem, in: file)
        case (.parameter, "schema"), (.header, "schema"), (.mediaType, "schema"):
            return visit(value, as: .schema, in: file)
        case (.parameter, "content"), (.header, "content"), (.requestBody, "content"), (.response, "content"):
            return visitEntries(value, as: .mediaType, in: file)
        case (.parameter, "examples"), (.header, "examples"), (.mediaType, "examples"):
            return visitEntries(value, as: .example, in: file)
        case (.response, "headers"):
            return visitHeaders(value, in: file)
        case (.mediaType, "encoding"):
            return mapValues(value) { bundler, _, encoding in
                bundler.mapValues(encoding) { bundler, key, child in key == "headers" ? bundler.visitHeaders(child, in: file) : nil }
            }
        case (.schema, "properties"), (.schema, "$defs"), (.schema, "definitions"), (.schema, "patternProperties"),
             (.schema, "dependentSchemas"):
            return visitEntries(value, as: .schema, in: file)
        case (.schema, "allOf"), (.schema, "oneOf"), (.schema, "anyOf"), (.schema, "prefixItems"):
            return visitItems(value, as: .schema, in: file)
        case (.schema, "items"):
            return value.items != nil ? visitItems(value, as: .schema, in: file) : visit(value, as: .schema, in: file)
        case (.schema, "additionalProperties"), (.schema, "not"), (.schema, "if"), (.schema, "then"), (.schema, "else"),
             (.schema, "contains"), (.schema, "propertyNames"), (.schema, "unevaluatedItems"), (.schema, "unevaluatedProperties"):
            return visit(value, as: .schema, in: file)
        case (.schema, "discriminator"):
            return visitDiscriminator(value, in: file)
        default:
            // Examples, defaults, enums, extensions and everything else are data, whatever keys they hold.
            return nil
        }
    }

    /// What the value under a key holds, for `visitChildren`.
    private enum ChildShape {
        case entries(Slot), list(Slot)
    }

    /// The values of a mapping whose keys say what they hold.
    private mutating func visitChildren(_ node: YAMLNode, in file: ReferencedFiles.File, shape: (String) -> ChildShape?) -> YAMLNode? {
        mapValues(node) { bundler, key, child in
            switch shape(key) {
            case .entries(let slot)?: bundler.visitEntries(child, as: slot, in: file)
            case .list(let slot)?: bundler.visitItems(child, as: slot, in: file)
            case nil: nil
            }
        }
    }

    private mutating func visitComponents(_ node: YAMLNode, in file: ReferencedFiles.File) -> YAMLNode? {
        mapValues(node) { bundler, section, child in
            guard let slot = Self.slot(ofSection: section) else { return nil }
            return bundler.visitEntries(child, as: slot, in: file)
        }
    }

    /// The headers of a response or an encoding, but for `Content-Type`, which OpenAPI says is ignored there: its
    /// `$ref` is not followed, so that a file missing behind it stops nothing (`DocumentReader` drops it too).
    private mutating func visitHeaders(_ node: YAMLNode, in file: ReferencedFiles.File) -> YAMLNode? {
        mapValues(node) { bundler, name, header in
            Header.isIgnored(name) ? nil : bundler.visit(header, as: .header, in: file)
        }
    }

    /// Each value of a mapping visited as `slot`.
    private mutating func visitEntries(_ node: YAMLNode, as slot: Slot, in file: ReferencedFiles.File) -> YAMLNode? {
        mapValues(node) { bundler, _, child in bundler.visit(child, as: slot, in: file) }
    }

    /// Each item of a sequence visited as `slot`.
    private mutating func visitItems(_ node: YAMLNode, as slot: Slot, in file: ReferencedFiles.File) -> YAMLNode? {
        guard var items = node.items else { return nil }
        var changed = false
        for index in items.indices {
            if let replacement = visit(items[index], as: slot, in: file) {
                items[index] = replacement
                changed = true
            }
        }
        return changed ? YAMLNode(.sequence(items), at: node.location) : nil
    }

    /// The mapping with `transform` applied to each value, or `nil` when no value changed.
    private mutating func mapValues(_ node: YAMLNode, _ transform: (inout Self, String, YAMLNode) -> YAMLNode?) -> YAMLNode? {
        guard var pairs = node.pairs else { return nil }
        var changed = false
        for index in pairs.indices {
            guard let key = pairs[index].key.scalarText else { continue }
            if let replacement = transform(&self, key, pairs[index].value) {
                pairs[index].value = replacement
                changed = true
            }
        }
        return changed ? YAMLNode(.mapping(pairs), at: node.location) : nil
    }

    /// A discriminator's `mapping` values are references too; they are rewritten as the schemas' are, so
    /// they still match the `oneOf` members.
    private mutating func visitDiscriminator(_ node: YAMLNode, in file: ReferencedFiles.File) -> YAMLNode? {
        mapValues(node) { bundler, key, mapping in
            guard key == "mapping" else { return nil }
            return bundler.mapValues(mapping) { bundler, _, value in
                guard let text = value.string, text.contains("/") || text.contains("#") else { return nil }
                let target = ReferenceTarget(text)
                // A bare schema name (`Cat`) is not a reference; same-file references in the root stay.
                if case .sameFile = target.kind, file == bundler.files.root { return nil }
                guard let rewritten = bundler.internalReference(for: target, text: text, at: value, as: .schema, in: file) else { return nil }
                return Self.stringNode(rewritten, at: value.location)
            }
        }
    }

    package static func slot(ofSection section: String) -> Slot? {
        switch section {
        case "schemas": .schema
        case "parameters": .parameter
        case "responses": .response
        case "requestBodies": .requestBody
        case "headers": .header
        case "examples": .example
        case "pathItems": .pathItem
        case "callbacks": .callback
        case "securitySchemes": .securityScheme
        default: nil
        }
    }

    package static func section(of slot: Slot) -> String? {
        switch slot {
        case .schema: "schemas"
        case .parameter: "parameters"
        case .response: "responses"
        case .requestBody: "requestBodies"
        case .header: "headers"
        case .example: "examples"
        case .pathItem: "pathItems"
        case .callback: "callbacks"
        case .securityScheme: "securitySchemes"
        case .document, .operation, .mediaType: nil
        }
    }
}
