import SDKGenBase
import SDKGenJSONPath
import SDKGenYAML

extension ReferenceBundler {
    /// A node holding a `$ref`, rewritten: a path item replaced by its target, anything else pointed at a
    /// component of the root. `nil` when it stays as written (a reference within the root) or cannot be followed.
    package mutating func rewrite(_ node: YAMLNode, reference: YAMLNode, as slot: Slot, in file: ReferencedFiles.File) -> YAMLNode? {
        guard let text = reference.string else { return nil }
        if let local = selfRelative(text, in: file), let written = Self.replacingReference(in: node, with: local, at: reference.location) {
            // Written as the reference within the file it is, which the later stages follow.
            return rewrite(written, reference: written["$ref"]!, as: slot, in: file) ?? written
        }
        var target = ReferenceTarget(text)
        if slot == .schema, file == files.root, target.kind != .sameFile || target.hasNonPointerFragment,
           let pointer = identifiedSchemaPointer(text) {
            // A schema named by its `$id` or `$anchor`: written as the JSON Pointer to it, which the later stages follow.
            let pointerText = "#/" + pointer.map(JSONPointer.escape).joined(separator: "/")
            guard pointer.count > 3 else { return Self.replacingReference(in: node, with: pointerText, at: reference.location) }
            target = ReferenceTarget(pointerText)
        }
        if slot == .securityScheme {
            // Replaced by its target rather than copied: requirements name schemes, and a copy would be a scheme of its
            // own. A reference within the root stays, for `DocumentReader` to follow.
            if case .sameFile = target.kind, file == files.root { return nil }
            return inline(target, as: .securityScheme, text: text, reference: reference, in: file)
        }
        if slot == .pathItem {
            guard let inlined = inline(target, as: .pathItem, text: text, reference: reference, in: file) else { return nil }
            guard case .mapping(let pairs) = node.content, pairs.count > 1 else { return inlined }
            let siblings = YAMLNode(.mapping(pairs.filter { $0.key.scalarText != "$ref" }), at: node.location)
            return Self.pathItem(inlined, withSiblings: visit(siblings, as: .pathItem, in: file) ?? siblings)
        }
        if slot == .operation {
            return inlineOperation(node, target: target, text: text, reference: reference, in: file)
        }
        if case .sameFile = target.kind, file == files.root, let section = Self.section(of: slot),
           target.pointer.count == 3, target.pointer[0] == "components", target.pointer[1] == section {
            // A component of the root, as written; only a schema that is not there needs anything done, and a pointer
            // percent-encoded whole (`#%2Fcomponents%2Fschemas%2FPet`), which is written as the others are.
            guard slot == .schema, rootComponentNames[section]?.contains(target.pointer[2]) != true else {
                guard text.hasPrefix("#%2") else { return nil }
                return Self.replacingReference(in: node, with: Self.componentReference(section: section, name: target.pointer[2]), at: reference.location)
            }
            let prefix = "/" + target.pointer.map(JSONPointer.escape).joined(separator: "/")
            return unresolvedSchema(node, reference: reference, text: text, detail: "'\(files.root.path)' has no '\(prefix)'")
        }
        pointerMissed = nil
        toleratesMissingPointer = slot == .schema
        let rewritten = internalReference(for: target, text: text, at: reference, as: slot, in: file)
        toleratesMissingPointer = false
        if let missing = pointerMissed.take() {
            return unresolvedSchema(node, reference: reference, text: text, detail: missing)
        }
        guard let rewritten else { return nil }
        return Self.replacingReference(in: node, with: rewritten, at: reference.location)
    }

    /// `#…`, for a `$ref` naming the file it is written in by the file's `$self` (OpenAPI 3.2's URI of a document:
    /// `https://example.com/api/openapi.yaml#/components/schemas/Pet`); `nil` for any other.
    private mutating func selfRelative(_ text: String, in file: ReferencedFiles.File) -> String? {
        let fragmentStart = text.firstIndex(of: "#") ?? text.endIndex
        guard fragmentStart != text.startIndex, case .success(let tree) = files.tree(of: file, diagnostics: &diagnostics),
              let selfURI = tree["$self"]?.string, text[..<fragmentStart] == selfURI else { return nil }
        return fragmentStart == text.endIndex ? "#" : String(text[fragmentStart...])
    }

    /// The mapping `node` with its `$ref` replaced by `reference`, written at `location`.
    private static func replacingReference(in node: YAMLNode, with reference: String, at location: SourceLocation) -> YAMLNode? {
        guard case .mapping(var pairs) = node.content else { return nil }
        for index in pairs.indices where pairs[index].key.scalarText == "$ref" {
            pairs[index].value = YAMLNode(.scalar(YAMLScalar(text: reference, style: .plain, value: .string(reference))), at: location)
        }
        return YAMLNode(.mapping(pairs), at: node.location)
    }

    /// `#/components/SECTION/NAME` for the target, copying it into the root on first use; `nil` after
    /// reporting why it cannot be followed.
    package mutating func internalReference(for target: ReferenceTarget, text: String, at reference: YAMLNode, as slot: Slot,
                                    in file: ReferencedFiles.File) -> String? {
        guard let section = Self.section(of: slot), let targetFile = locate(target, text: text, at: reference, from: file) else { return nil }
        if targetFile == files.root, target.pointer.count == 3, target.pointer[0] == "components", target.pointer[1] == section {
            return Self.componentReference(section: section, name: target.pointer[2])
        }
        let key = TargetKey(canonicalPath: targetFile.canonicalPath, pointer: target.pointer, section: section)
        if let name = copies[key] {
            return Self.componentReference(section: section, name: name)
        }
        guard let node = node(at: target, text: text, in: targetFile, referencedAt: reference) else { return nil }
        let name = claimName(for: target, in: targetFile, section: section)
        copies[key] = name
        pending.append(PendingCopy(section: section, name: name, node: node, slot: slot, file: targetFile))
        return Self.componentReference(section: section, name: name)
    }

    /// A schema whose `$ref` resolves to nothing: a located warning, and the schema without its `$ref`
    /// (`{}` and whatever is written beside it), which any value fits, so the rest of the SDK is generated.
    private mutating func unresolvedSchema(_ node: YAMLNode, reference: YAMLNode, text: String, detail: String) -> YAMLNode {
        diagnostics.warning("'\(text)' does not resolve to anything: \(detail); the value is read as JSONValue", at: reference.location)
        let pairs = node.pairs?.filter { $0.key.scalarText != "$ref" } ?? []
        return YAMLNode(.mapping(pairs), at: node.location)
    }

    /// An operation object that is a `$ref` (`get: {$ref: resources/keys/keys_get.yml}`), which OpenAPI does
    /// not define but Redocly CLI and swagger-cli follow: replaced by its target, with a note.
    private mutating func inlineOperation(_ node: YAMLNode, target: ReferenceTarget, text: String, reference: YAMLNode,
                                          in file: ReferencedFiles.File) -> YAMLNode? {
        guard let targetFile = locate(target, text: text, at: reference, from: file) else { return nil }
        let key = TargetKey(canonicalPath: targetFile.canonicalPath, pointer: target.pointer, section: "operations")
        if inlining.contains(key) {
            guard reportedCycles.insert(reference.location).inserted else { return nil }
            diagnostics.error("'\(text)' is a `$ref` cycle that never reaches an operation", at: reference.location)
            return nil
        }
        guard let target = self.node(at: target, text: text, in: targetFile, referencedAt: reference) else { return nil }
        diagnostics.note("a `$ref` on an operation object is not standard OpenAPI; sdkgen follows it, as Redocly CLI and swagger-cli do", at: reference.location)
        inlining.append(key)
        defer { inlining.removeLast() }
        let inlined = visit(target, as: .operation, in: targetFile) ?? target
        guard case .mapping(let pairs) = node.content, pairs.count > 1 else { return inlined }
        let siblings = YAMLNode(.mapping(pairs.filter { $0.key.scalarText != "$ref" }), at: node.location)
        return Self.pathItem(inlined, withSiblings: visit(siblings, as: .operation, in: file) ?? siblings)
    }

    /// The path item or security scheme a `$ref` names, its own references rewritten; a cycle of such references is
    /// an error.
    private mutating func inline(_ target: ReferenceTarget, as slot: Slot, text: String, reference: YAMLNode, in file: ReferencedFiles.File) -> YAMLNode? {
        guard let targetFile = locate(target, text: text, at: reference, from: file), let section = Self.section(of: slot) else { return nil }
        let key = TargetKey(canonicalPath: targetFile.canonicalPath, pointer: target.pointer, section: section)
        if let start = inlining.firstIndex(of: key) {
            let names = (inlining[start...] + [key]).map { $0.pointer.last ?? ReferencedFiles.stem(of: $0.canonicalPath) }
            guard reportedCycles.insert(reference.location).inserted else { return nil }
            let what = slot == .pathItem ? "a path item" : "a security scheme"
            diagnostics.error("'\(text)' is a `$ref` cycle (\(names.joined(separator: " → "))) that never reaches \(what)", at: reference.location)
            return nil
        }
        guard let node = node(at: target, text: text, in: targetFile, referencedAt: reference) else { return nil }
        inlining.append(key)
        defer { inlining.removeLast() }
        return visit(node, as: slot, in: targetFile) ?? node
    }

    /// A path item `$ref`'s target with the fields written beside the `$ref` (a `summary`, `parameters`, an operation)
    /// added; where both have a field, the one beside the `$ref` wins, as the nearer one.
    private static func pathItem(_ target: YAMLNode, withSiblings node: YAMLNode) -> YAMLNode {
        guard case .mapping(let siblings) = node.content, case .mapping(var pairs) = target.content else { return target }
        for sibling in siblings {
            if let index = pairs.firstIndex(where: { $0.key.scalarText == sibling.key.scalarText }) {
                pairs[index] = sibling
            } else {
                pairs.append(sibling)
            }
        }
        return YAMLNode(.mapping(pairs), at: target.location)
    }

    /// The file a reference names, when it may be read; otherwise `nil` after a located error.
    private mutating func locate(_ target: ReferenceTarget, text: String, at reference: YAMLNode, from file: ReferencedFiles.File) -> ReferencedFiles.File? {
        switch target.kind {
        case .sameFile:
            return file
        case .remote:
            diagnostics.error("'\(text)' is a remote reference, and sdkgen never reads from the network; save the file beside the spec and refer to it by a relative path", at: reference.location)
            return nil
        case .unsupportedScheme(let scheme):
            diagnostics.error("'\(text)' is a '\(scheme):' URL; sdkgen follows `$ref`s to files by their path only", at: reference.location)
            return nil
        case .file(let path):
            switch files.locate(path, from: file) {
            case .success(let located):
                return located
            case .failure(.outsideRoots(let canonicalPath)):
                let roots = files.allowedRoots.map { "'\($0)'" }.joined(separator: ", ")
                diagnostics.error("'\(text)' points outside the spec's folder, to '\(canonicalPath)'; only files under \(roots) are read (allow another folder with --allow-ref-root)", at: reference.location)
                return nil
            case .failure(.unreadable(let reason)):
                diagnostics.error(reason, at: reference.location)
                return nil
            case .failure(.invalid):
                return nil
            }
        }
    }

    /// The node a reference's pointer names in `file`; `nil` after a located error when there is none.
    private mutating func node(at target: ReferenceTarget, text: String, in file: ReferencedFiles.File, referencedAt reference: YAMLNode) -> YAMLNode? {
        guard !target.hasNonPointerFragment else {
            let anchor = file == files.root ? ", nor the `$anchor` of a schema under components/schemas" : ""
            diagnostics.error("'\(text)' has a fragment that is not a JSON Pointer\(anchor); write it as `file.yaml#/path/to/target`", at: reference.location)
            return nil
        }
        let tree: YAMLNode
        switch files.tree(of: file, diagnostics: &diagnostics) {
        case .success(let loaded):
            tree = loaded
        case .failure(.unreadable(let reason)):
            diagnostics.error(reason, at: reference.location)
            return nil
        case .failure:
            // The file's own errors are reported, located in it.
            return nil
        }
        var node = tree
        var target = target
        if let section = target.pointer.first, tree[section] == nil, let converted = SwaggerConverter.componentSections[section], tree["components"]?[converted] != nil {
            // A Swagger 2.0 file's section, which its conversion moved (`#/definitions/Pet` → `#/components/schemas/Pet`).
            target.pointer = ["components", converted] + target.pointer.dropFirst()
        }
        for (depth, token) in target.pointer.enumerated() {
            let next: YAMLNode?
            if let pairs = node.pairs {
                next = pairs.first { $0.key.scalarText == token }?.value
            } else if let items = node.items, let index = Int(token), items.indices.contains(index) {
                next = items[index]
            } else {
                next = nil
            }
            guard let next else {
                let prefix = "/" + target.pointer[...depth].map(JSONPointer.escape).joined(separator: "/")
                if toleratesMissingPointer {
                    pointerMissed = "'\(file.path)' has no '\(prefix)'"
                } else {
                    diagnostics.error("'\(text)' points at nothing: '\(file.path)' has no '\(prefix)'", at: reference.location)
                }
                return nil
            }
            node = next
        }
        return node
    }

    /// A name for a copied component that no other component of its section has: what its file calls
    /// it, else that with the file's stem in front, else that and a number.
    private mutating func claimName(for target: ReferenceTarget, in file: ReferencedFiles.File, section: String) -> String {
        let stem = ReferencedFiles.stem(of: file.path)
        let last = target.pointer.last.flatMap { $0.isEmpty ? nil : $0 }
        let base: String
        switch last {
        case nil: base = stem
        case let token? where token.allSatisfy(\.isNumber): base = "\(stem)_\(token)"
        case let token? where Self.schemaKeywords.contains(token) && target.pointer.count > 1:
            // `#/components/parameters/state/schema` is the `state` parameter's schema: `state_schema`.
            base = "\(target.pointer[target.pointer.count - 2])_\(token)"
        case let token?: base = token
        }
        var candidates = [base]
        if base != stem, !base.hasPrefix(stem + "_") { candidates.append("\(stem)_\(base)") }
        var taken = takenNames[section, default: []]
        var name = candidates.first { !taken.contains($0) }
        var counter = 2
        while name == nil {
            let numbered = "\(candidates.last!)_\(counter)"
            if !taken.contains(numbered) { name = numbered }
            counter += 1
        }
        taken.insert(name!)
        takenNames[section] = taken
        return name!
    }

    /// Keys that hold a schema without naming it, so a pointer ending in one is named by what holds it.
    private static let schemaKeywords: Set<String> = [
        "schema", "items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else",
    ]

    package static func componentReference(section: String, name: String) -> String {
        "#/components/\(section)/\(JSONPointer.escape(name))"
    }
}
