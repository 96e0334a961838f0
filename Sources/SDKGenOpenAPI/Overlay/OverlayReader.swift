import SDKGenBase
import SDKGenJSONPath
import SDKGenYAML

/// Checks an overlay's tree against the Overlay 1.0 schema while building an `Overlay`.
package struct OverlayReader {
    package var diagnostics = Diagnostics()

    package mutating func read(_ root: YAMLNode) -> Overlay? {
        guard let pairs = root.pairs else {
            diagnostics.error("expected an Overlay document (a mapping with `overlay`, `info` and `actions`), found \(root.kindName)", at: root.location)
            return nil
        }
        guard let versionNode = root["overlay"] else {
            diagnostics.error("not an Overlay document: the `overlay` version key is missing", at: root.location)
            return nil
        }
        let version = versionNode.scalarText ?? ""
        let parts = version.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "1", parts[1] == "0", !parts[2].isEmpty, parts[2].allSatisfy({ ("0"..."9").contains($0) }) else {
            diagnostics.error("sdkgen applies Overlay Specification 1.0 documents (`overlay: 1.0.0`); this one is `\(versionNode.scalarText ?? versionNode.kindName)`", at: versionNode.location)
            return nil
        }
        // After the version, so that a document that is not an overlay at all gets one error, not a
        // warning for each of its fields.
        warnAboutUnknownFields(pairs, known: ["overlay", "info", "extends", "actions"], in: "an Overlay document")
        let (title, overlayVersion) = readInfo(root["info"], at: root.location)
        let extends = root["extends"].flatMap { string($0, field: "extends") }
        guard let actionsNode = root["actions"] else {
            diagnostics.error("the overlay has no `actions`", at: root.location)
            return nil
        }
        guard let items = actionsNode.items else {
            diagnostics.error("`actions` must be a list of actions, found \(actionsNode.kindName)", at: actionsNode.location)
            return nil
        }
        guard !items.isEmpty else {
            diagnostics.error("`actions` is empty; an overlay holds at least one action", at: actionsNode.location)
            return nil
        }
        let actions = items.compactMap { readAction($0) }
        return Overlay(version: version, title: title, overlayVersion: overlayVersion, extends: extends, actions: actions)
    }

    /// `info`'s title and version, which the specification requires and nothing here uses.
    private mutating func readInfo(_ info: YAMLNode?, at location: SourceLocation) -> (String?, String?) {
        guard let info else {
            diagnostics.warning("the overlay has no `info` (with `title` and `version`), which the Overlay Specification requires", at: location)
            return (nil, nil)
        }
        guard let pairs = info.pairs else {
            diagnostics.warning("`info` should be a mapping with `title` and `version`, found \(info.kindName); it is ignored", at: info.location)
            return (nil, nil)
        }
        warnAboutUnknownFields(pairs, known: ["title", "version"], in: "`info`")
        var fields: [String?] = []
        for field in ["title", "version"] {
            guard let node = info[field] else {
                diagnostics.warning("`info` has no `\(field)`, which the Overlay Specification requires", at: info.location)
                fields.append(nil)
                continue
            }
            fields.append(string(node, field: "info.\(field)"))
        }
        return (fields[0], fields[1])
    }

    private mutating func readAction(_ node: YAMLNode) -> Overlay.Action? {
        guard let pairs = node.pairs else {
            diagnostics.error("an action must be a mapping with a `target`, found \(node.kindName)", at: node.location)
            return nil
        }
        warnAboutUnknownFields(pairs, known: ["target", "description", "update", "remove"], in: "an action")
        guard let targetNode = node["target"] else {
            diagnostics.error("the action has no `target`", at: node.location)
            return nil
        }
        guard let text = targetNode.string else {
            diagnostics.error("`target` must be a JSONPath query string, found \(targetNode.kindName)", at: targetNode.location)
            return nil
        }
        let target: JSONPath
        do {
            target = try JSONPath(text)
        } catch {
            diagnostics.error(error.description, at: targetNode.location)
            return nil
        }
        var remove = false
        if let removeNode = node["remove"] {
            guard let value = removeNode.bool else {
                diagnostics.error("`remove` must be true or false, found \(removeNode.kindName)", at: removeNode.location)
                return nil
            }
            remove = value
        }
        let update = node["update"]
        if remove, let update {
            diagnostics.warning("the action removes its target, so its `update` has no effect", at: update.location)
        } else if !remove, update == nil {
            diagnostics.warning("the action has neither `update` nor `remove: true`, so it does nothing", at: node.location)
        }
        let description = node["description"].flatMap { string($0, field: "description") }
        return Overlay.Action(target: target, targetLocation: targetNode.location, description: description, update: update, remove: remove)
    }

    /// A field's string, or `nil` with a warning when it is something else.
    private mutating func string(_ node: YAMLNode, field: String) -> String? {
        guard let text = node.scalarText, !node.isNull else {
            diagnostics.warning("`\(field)` should be a string, found \(node.kindName); it is ignored", at: node.location)
            return nil
        }
        return text
    }

    /// Warns about fields the specification does not define; `x-` extensions are allowed anywhere.
    private mutating func warnAboutUnknownFields(_ pairs: [YAMLPair], known: Set<String>, in place: String) {
        for pair in pairs {
            guard let key = pair.key.scalarText, !known.contains(key), !key.hasPrefix("x-") else { continue }
            diagnostics.warning("`\(key)` is not a field of \(place) in Overlay 1.0; it is ignored", at: pair.key.location)
        }
    }
}
