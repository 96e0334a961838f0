import SDKGenBase
import SDKGenJSONPath
import SDKGenYAML

extension Overlay {
    /// Applies the actions to `document` in order, each to the result of the one before, as the Overlay
    /// Specification requires (so one action can remove what a later one re-creates).
    ///
    /// Nodes an update brings in keep their places in the overlay file, so later diagnostics about them
    /// point there. A target that selects nothing is a warning at the target. Errors (a target selecting a
    /// scalar, an update that does not fit its target) are all reported, then end in a throw carrying all of
    /// `diagnostics`.
    public func apply(to document: inout YAMLNode, diagnostics: inout Diagnostics) throws(GenerationError) {
        var problems = Diagnostics()
        for action in actions {
            Self.apply(action, to: &document, diagnostics: &problems)
        }
        diagnostics.append(contentsOf: problems.all)
        if problems.hasErrors { throw GenerationError(diagnostics.sorted) }
    }

    private static func apply(_ action: Action, to document: inout YAMLNode, diagnostics: inout Diagnostics) {
        guard let paths = targetPaths(of: action, in: document, diagnostics: &diagnostics) else { return }
        if action.remove {
            remove(paths, from: &document)
        } else if let update = action.update {
            for path in paths {
                _ = document.modify(at: path.steps[...]) { node in
                    OverlayMerge.apply(update, to: &node, at: path, diagnostics: &diagnostics)
                }
            }
        }
    }

    /// The paths of the nodes the action targets, or `nil` when it has nothing to do or must not be done.
    ///
    /// Only paths leave this function, not the nodes: a node still referenced while the document is
    /// edited would make the edit copy it.
    private static func targetPaths(of action: Action, in document: YAMLNode, diagnostics: inout Diagnostics) -> [NodePath]? {
        let selections = action.target.selections(in: document)
        guard !selections.isEmpty else {
            diagnostics.warning("the target '\(action.target)' selects nothing, so the action has no effect", at: action.targetLocation)
            return nil
        }
        // Overlay 1.0: "The result of the `target` JSONPath expression MUST be zero or more objects or
        // arrays (not primitive types or `null` values)."
        var isValid = true
        for selection in selections {
            if selection.node.scalar != nil {
                diagnostics.error("the target '\(action.target)' selects \(selection.node.kindName) at \(NodePath(selection.path)); Overlay 1.0 actions apply to mappings and lists, so target the one holding it", at: action.targetLocation)
                isValid = false
            } else if action.remove && selection.path.isEmpty {
                diagnostics.error("the target '\(action.target)' selects the document's root, which cannot be removed", at: action.targetLocation)
                isValid = false
            }
        }
        return isValid ? selections.map { NodePath($0.path) } : nil
    }

    /// Removes the nodes at `paths`, deepest and last first, so that no removal shifts the index of an
    /// item still to be removed or removes the parent of one; a path selected twice is removed once.
    private static func remove(_ paths: [NodePath], from document: inout YAMLNode) {
        for path in Set(paths).sorted(by: { removalPrecedes($1.steps, $0.steps) }) {
            _ = document.remove(at: path)
        }
    }

    /// An order in which a node comes before its descendants and an item before the later items of its
    /// sequence: the reverse of the order removals must follow. Names are in text order, since removing a
    /// key moves no other.
    private static func removalPrecedes(_ left: [NodePath.Step], _ right: [NodePath.Step]) -> Bool {
        for (leftStep, rightStep) in zip(left, right) where leftStep != rightStep {
            switch (leftStep, rightStep) {
            case let (.index(leftIndex), .index(rightIndex)): return leftIndex < rightIndex
            case let (.name(leftName), .name(rightName)): return leftName < rightName
            // Steps into the same node are of one kind; any fixed order does for the others.
            case (.index, .name): return true
            case (.name, .index): return false
            }
        }
        return left.count < right.count
    }
}
