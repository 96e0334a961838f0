import SDKGenBase

/// Builds a `YAMLNode` tree from a stream of parser events: resolves aliases, applies merge keys, reports
/// duplicate keys and enforces the loader's limits.
///
/// Open collections live on an explicit stack rather than the call stack, so no input, however deeply
/// nested, can overflow the thread's stack while it is read.
package struct YAMLTreeBuilder {
    /// A collection that has started and not yet ended.
    private struct Frame {
        package enum Kind { case sequence, mapping }

        /// What a mapping's next node is.
        package enum Next {
            case key
            /// The value of `pendingKey`.
            case value
            /// The value of a `<<` key, merged into the mapping.
            case mergeValue
            /// The value of a repeated key, read (for its errors and limits) and dropped.
            case droppedValue
        }

        /// Mappings merged in by `<<` keys, and where in `pairs` their pairs go.
        package struct Merge {
            package var position: Int
            package var sources: [[YAMLPair]]
        }

        package let kind: Kind
        package let location: SourceLocation
        package let anchor: String?
        /// `expandedNodes` when the collection started, so its expanded size is the difference at its end.
        package let expandedNodesAtStart: Int
        /// The nesting depth of the deepest child that is itself a collection.
        package var childDepth = 0
        package var items: [YAMLNode] = []
        package var pairs: [YAMLPair] = []
        package var next = Next.key
        package var pendingKey: YAMLNode?
        /// The line of each scalar key in `pairs`, by text, once there are too many pairs to search.
        package var keyLines: [String: Int] = [:]
        package var merges: [Merge] = []

        /// Notes that the key `text` on `line` comes next, unless a key in `pairs` has that text already;
        /// then returns that key's line. Repeated keys never reach `pairs`, so its keys are distinct.
        package mutating func recordKey(_ text: String, line: Int) -> Int? {
            // Most mappings in an API description have a handful of keys, where comparing strings beats
            // hashing them; past that, a dictionary keeps each lookup O(1).
            let linearSearchLimit = 8
            if pairs.count < linearSearchLimit {
                return pairs.first { $0.key.scalarText == text }?.key.location.line
            }
            if keyLines.isEmpty {
                for pair in pairs {
                    if let text = pair.key.scalarText { keyLines[text] = pair.key.location.line }
                }
            }
            // One hash lookup for a new key, the common case; a repeated key's first line is put back.
            guard let firstLine = keyLines.updateValue(line, forKey: text) else { return nil }
            keyLines[text] = firstLine
            return firstLine
        }
    }

    /// A completed anchored node, with what an alias of it adds to the document.
    private struct Anchor {
        package var node: YAMLNode
        /// Nodes in the subtree, counting alias copies, so an alias adds them without walking the node.
        package var expandedSize: Int
        /// Levels of collections in the subtree (0 for a scalar).
        package var depth: Int
    }

    private let limits: YAMLLoader.Limits
    private var stack: [Frame] = []
    private var anchors: [String: Anchor] = [:]
    /// Nodes of the document so far, each alias counting as a full copy of its anchor's subtree.
    private var expandedNodes = 0
    /// Warnings so far, in document order.
    private(set) var warnings: [Diagnostic] = []
    /// The document's root, once its last event is in.
    private(set) var root: YAMLNode?

    package init(limits: YAMLLoader.Limits) {
        self.limits = limits
    }

    // MARK: Events

    /// Adds a scalar whose UTF-8 bytes are `bytes`.
    package mutating func scalar(_ bytes: UnsafeBufferPointer<UInt8>, style: YAMLScalar.Style, tag: ScalarResolver.Tag, anchor: String?, at location: SourceLocation) throws(GenerationError) {
        // No need to validate again (and `String(validating:)` is several times slower): libyaml's reader
        // rejects input that is not UTF-8 or UTF-16, and its scanner rejects escapes of surrogates and of
        // code points past U+10FFFF, so every scalar it produces is valid UTF-8 and nothing is repaired.
        let text = String(decoding: bytes, as: UTF8.self)
        guard let value = ScalarResolver.resolve(bytes, text: text, style: style, tag: tag) else {
            throw error("'\(text)' is not a valid \(tag.name) value", at: location)
        }
        try count(1, at: location)
        let node = YAMLNode(.scalar(YAMLScalar(text: text, style: style, value: value)), at: location)
        if let anchor {
            anchors[anchor] = Anchor(node: node, expandedSize: 1, depth: 0)
        }
        let isMergeKey = style == .plain && tag == .none && text == "<<"
        try add(node, depth: 0, isMergeKey: isMergeKey)
    }

    /// Adds a scalar already resolved (the JSON reader's: JSON has no tags, anchors or merge keys).
    package mutating func scalar(_ scalar: YAMLScalar, at location: SourceLocation) throws(GenerationError) {
        try count(1, at: location)
        try add(YAMLNode(.scalar(scalar), at: location), depth: 0, isMergeKey: false)
    }

    /// Opens a sequence or mapping; its children follow, then `endCollection`.
    package mutating func startCollection(isMapping: Bool, anchor: String?, at location: SourceLocation) throws(GenerationError) {
        guard stack.count < limits.maxDepth else {
            throw error("YAML nests deeper than \(limits.maxDepth) levels", at: location)
        }
        try count(1, at: location)
        stack.append(Frame(kind: isMapping ? .mapping : .sequence, location: location, anchor: anchor, expandedNodesAtStart: expandedNodes - 1))
    }

    /// Closes the innermost open collection.
    package mutating func endCollection() throws(GenerationError) {
        let frame = stack.removeLast()
        let node: YAMLNode
        switch frame.kind {
        case .sequence:
            node = YAMLNode(.sequence(frame.items), at: frame.location)
        case .mapping:
            node = YAMLNode(.mapping(frame.merges.isEmpty ? frame.pairs : Self.merged(frame)), at: frame.location)
        }
        let depth = frame.childDepth + 1
        if let anchor = frame.anchor {
            anchors[anchor] = Anchor(node: node, expandedSize: expandedNodes - frame.expandedNodesAtStart, depth: depth)
        }
        try add(node, depth: depth, isMergeKey: false)
    }

    /// Adds a copy of the node anchored as `name`.
    package mutating func alias(_ name: String, at location: SourceLocation) throws(GenerationError) {
        // The most recent anchor of the name is the one an alias names, which may be that of a collection still open.
        if let open = stack.last(where: { $0.anchor == name }) {
            throw error("alias '*\(name)' is inside the node it names ('&\(name)' at line \(open.location.line), column \(open.location.column)): a structure that contains itself, which JSON cannot hold", at: location)
        }
        guard let anchor = anchors[name] else {
            throw error("unknown alias '*\(name)': no anchor '&\(name)' is defined before it", at: location)
        }
        try count(anchor.expandedSize, at: location)
        // Copies of copies can nest an anchor's subtree deeper than any collection written in the file.
        guard stack.count + anchor.depth <= limits.maxDepth else {
            throw error("YAML nests deeper than \(limits.maxDepth) levels (through alias '*\(name)')", at: location)
        }
        // The copy is the anchored node itself, which shares its storage; only its position is the alias's.
        var node = anchor.node
        node.location = location
        try add(node, depth: anchor.depth, isMergeKey: false)
    }

    /// Records a warning about the stream rather than a node.
    package mutating func warn(_ message: String, at location: SourceLocation) {
        warnings.append(.warning(message, at: location))
    }

    // MARK: Tree

    private mutating func count(_ nodes: Int, at location: SourceLocation) throws(GenerationError) {
        expandedNodes += nodes
        guard expandedNodes <= limits.maxNodes else {
            throw error("YAML expands to more than \(limits.maxNodes) nodes (alias expansion bomb?)", at: location)
        }
    }

    /// Puts a completed node into the innermost open collection, or makes it the root.
    private mutating func add(_ node: consuming YAMLNode, depth: Int, isMergeKey: Bool) throws(GenerationError) {
        let top = stack.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        stack[top].childDepth = max(stack[top].childDepth, depth)
        switch stack[top].kind {
        case .sequence:
            stack[top].items.append(node)
        case .mapping:
            switch stack[top].next {
            case .key:
                if isMergeKey {
                    stack[top].next = .mergeValue
                } else if isRepeated(node, inMappingAt: top) {
                    stack[top].next = .droppedValue
                } else {
                    stack[top].pendingKey = node
                    stack[top].next = .value
                }
            case .value:
                // `take` moves the key out rather than copying it.
                let key = stack[top].pendingKey.take()!
                stack[top].pairs.append(YAMLPair(key: key, value: node))
                stack[top].next = .key
            case .mergeValue:
                let sources = try mergeSources(node)
                stack[top].merges.append(Frame.Merge(position: stack[top].pairs.count, sources: sources))
                stack[top].next = .key
            case .droppedValue:
                stack[top].next = .key
            }
        }
    }

    /// Records a key written in the mapping at `index` in the stack; if it repeats one, warns and returns true.
    private mutating func isRepeated(_ key: YAMLNode, inMappingAt index: Int) -> Bool {
        // Keys that are not scalars are kept as they are; nothing in OpenAPI compares them.
        guard let text = key.scalarText,
              let firstLine = stack[index].recordKey(text, line: key.location.line)
        else { return false }
        warnings.append(.warning("duplicate key '\(text)'; the first, at line \(firstLine), is used", at: key.location))
        return true
    }

    /// The mappings a merge key's value holds: one mapping, or a sequence of them.
    private func mergeSources(_ value: YAMLNode) throws(GenerationError) -> [[YAMLPair]] {
        let message = "the value of a merge key '<<' must be a mapping or a list of mappings"
        switch value.content {
        case .mapping(let pairs):
            return [pairs]
        case .sequence(let items):
            var sources: [[YAMLPair]] = []
            for item in items {
                guard let pairs = item.pairs else { throw error(message, at: item.location) }
                sources.append(pairs)
            }
            return sources
        case .scalar:
            throw error(message, at: value.location)
        }
    }

    /// A mapping's pairs with its merged mappings' pairs in place of their `<<` keys. A key written in the
    /// mapping wins wherever it is written; among merged mappings, the earlier one wins.
    private static func merged(_ frame: Frame) -> [YAMLPair] {
        var keys = Set(frame.pairs.lazy.compactMap(\.key.scalarText))
        var pairs: [YAMLPair] = []
        var next = 0
        for merge in frame.merges {
            pairs.append(contentsOf: frame.pairs[next..<merge.position])
            next = merge.position
            for source in merge.sources {
                for pair in source {
                    if let text = pair.key.scalarText {
                        guard keys.insert(text).inserted else { continue }
                    }
                    pairs.append(pair)
                }
            }
        }
        pairs.append(contentsOf: frame.pairs[next...])
        return pairs
    }

    private func error(_ message: String, at location: SourceLocation) -> GenerationError {
        GenerationError([.error(message, at: location)])
    }
}
