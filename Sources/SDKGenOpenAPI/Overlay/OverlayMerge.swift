import SDKGenBase
import SDKGenJSONPath
import SDKGenYAML

/// How an action's `update` changes a node it targets.
///
/// Overlay 1.0 §"Action Object": "If the `target` selects an object node, the value of this field MUST be
/// an object with the properties and values to merge with the selected node. If the `target` selects an
/// array, the value of this field MUST be an entry to append to the array." and "the properties in the
/// `update` object are recursively merged with the properties in the target object with the same names;
/// new properties are added to the target object."
///
/// Where 1.0 leaves the details open, this follows Overlay 1.1, which spells out the same merge: a list
/// `update` of a targeted list is concatenated with it (not nested as one entry), and within a merge a
/// scalar replaces a scalar, a list is concatenated with a list, a mapping is merged into a mapping, and
/// any other pairing is an error.
package enum OverlayMerge {
    /// Applies `update` to `target`, the node at `path`, which must be a mapping or a sequence.
    package static func apply(_ update: YAMLNode, to target: inout YAMLNode, at path: NodePath, diagnostics: inout Diagnostics) {
        if target.items != nil {
            append(update, to: &target)
        } else if let updatePairs = update.pairs {
            merge(updatePairs, into: &target, at: path, diagnostics: &diagnostics)
        } else {
            diagnostics.error("`update` must be a mapping to merge into the mapping at \(path), found \(update.kindName)", at: update.location)
        }
    }

    /// Appends `update` to the sequence `target`, or its items when it is a sequence itself.
    private static func append(_ update: YAMLNode, to target: inout YAMLNode) {
        guard var items = target.takeItems() else { return }
        if let more = update.items {
            items.append(contentsOf: more)
        } else {
            items.append(update)
        }
        target.content = .sequence(items)
    }

    /// Merges `updatePairs` into the mapping `target`: a new key is added after the existing ones, an
    /// existing key's value is replaced, concatenated with or merged into, as its kind allows.
    private static func merge(_ updatePairs: [YAMLPair], into target: inout YAMLNode, at path: NodePath, diagnostics: inout Diagnostics) {
        guard var pairs = target.takePairs() else { return }
        for pair in updatePairs {
            merge(pair, into: &pairs, at: path, diagnostics: &diagnostics)
        }
        target.content = .mapping(pairs)
    }

    private static func merge(_ pair: YAMLPair, into pairs: inout [YAMLPair], at path: NodePath, diagnostics: inout Diagnostics) {
        guard let name = pair.key.scalarText, let position = pairs.firstIndex(where: { $0.hasName(name) }) else {
            pairs.append(pair)
            return
        }
        let childPath = NodePath(path.steps + [.name(name)])
        switch (pairs[position].value.content, pair.value.content) {
        case (.scalar, .scalar):
            pairs[position].value = pair.value
        case (.sequence, .sequence):
            append(pair.value, to: &pairs[position].value)
        case (.mapping, .mapping(let updatePairs)):
            merge(updatePairs, into: &pairs[position].value, at: childPath, diagnostics: &diagnostics)
        default:
            diagnostics.error("cannot merge \(pair.value.kindName) into \(pairs[position].value.kindName) at \(childPath): an update merges mappings into mappings, lists into lists and scalars into scalars", at: pair.value.location)
        }
    }
}
