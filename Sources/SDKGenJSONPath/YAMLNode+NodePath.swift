import SDKGenBase
import SDKGenYAML

extension YAMLNode {
    /// The node at `path`, or `nil` when the path leads nowhere in this tree.
    public subscript(path: NodePath) -> YAMLNode? {
        var node = self
        for step in path.steps {
            guard let child = node.child(step) else { return nil }
            node = child
        }
        return node
    }

    /// The child one step down.
    package func child(_ step: NodePath.Step) -> YAMLNode? {
        switch (step, content) {
        case (.name(let name), .mapping(let pairs)):
            return pairs.first { $0.hasName(name) }?.value
        case (.index(let index), .sequence(let items)):
            return items.indices.contains(index) ? items[index] : nil
        default:
            return nil
        }
    }

    /// Runs `body` on the node at `steps` in place, or returns `nil` when the steps lead nowhere.
    ///
    /// Each collection on the way is edited without being copied, so an edit costs the path's length, not
    /// the document's size.
    package mutating func modify<Result>(at steps: ArraySlice<NodePath.Step>, _ body: (inout YAMLNode) -> Result) -> Result? {
        guard let step = steps.first else { return body(&self) }
        switch step {
        case .name(let name):
            guard var pairs = takePairs() else { return nil }
            defer { content = .mapping(pairs) }
            guard let position = pairs.firstIndex(where: { $0.hasName(name) }) else { return nil }
            return pairs[position].value.modify(at: steps.dropFirst(), body)
        case .index(let index):
            guard var items = takeItems() else { return nil }
            defer { content = .sequence(items) }
            guard items.indices.contains(index) else { return nil }
            return items[index].modify(at: steps.dropFirst(), body)
        }
    }

    /// Removes the node at `path` from the mapping or sequence holding it; `false` when there is no such
    /// node, or the path is the root's, which nothing holds.
    package mutating func remove(at path: NodePath) -> Bool {
        guard let last = path.steps.last else { return false }
        return modify(at: path.steps.dropLast()) { parent in parent.removeChild(last) } ?? false
    }

    private mutating func removeChild(_ step: NodePath.Step) -> Bool {
        switch step {
        case .name(let name):
            guard var pairs = takePairs() else { return false }
            defer { content = .mapping(pairs) }
            guard let position = pairs.firstIndex(where: { $0.hasName(name) }) else { return false }
            pairs.remove(at: position)
            return true
        case .index(let index):
            guard var items = takeItems() else { return false }
            defer { content = .sequence(items) }
            guard items.indices.contains(index) else { return false }
            items.remove(at: index)
            return true
        }
    }

    /// A mapping's pairs, moved out of the node, which holds an empty placeholder until the caller puts
    /// them back: the caller then holds the array's only reference and edits it without a copy. `nil`, and
    /// no change, when the node is not a mapping.
    package mutating func takePairs() -> [YAMLPair]? {
        guard case .mapping(let pairs) = content else { return nil }
        content = .sequence([])
        return pairs
    }

    /// A sequence's items, moved out of the node as `takePairs()` moves a mapping's.
    package mutating func takeItems() -> [YAMLNode]? {
        guard case .sequence(let items) = content else { return nil }
        content = .sequence([])
        return items
    }
}

extension YAMLPair {
    /// Whether the key's text is `name`, scalar for scalar as RFC 9535 compares names: `String`'s `==`
    /// alone would also match a differently normalized spelling.
    package func hasName(_ name: String) -> Bool {
        guard let key = key.scalarText else { return false }
        return key == name && key.utf8.elementsEqual(name.utf8)
    }
}
