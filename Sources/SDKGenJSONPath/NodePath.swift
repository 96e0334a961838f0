import SDKGenBase
import SDKGenYAML

/// Where a node stands in a document: the member names and array indexes that lead to it from the root.
///
/// JSONPath queries answer with these rather than with the nodes themselves, because `YAMLNode` is a
/// value: an overlay edits the tree by following a path into it.
public struct NodePath: Hashable, Sendable, CustomStringConvertible {
    /// One step down: into a mapping's value by its key's text, or into a sequence's item by position.
    public enum Step: Hashable, Sendable {
        case name(String)
        case index(Int)
    }

    public var steps: [Step]

    public init(_ steps: [Step] = []) {
        self.steps = steps
    }

    /// The RFC 9535 normalized path (`$['store']['book'][0]`), which names exactly one node.
    public var description: String {
        var text = "$"
        for step in steps {
            switch step {
            case .name(let name): text += "['\(Self.escaped(name))']"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// A member name escaped as RFC 9535 §2.7 prescribes for normalized paths.
    private static func escaped(_ name: String) -> String {
        var text = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "'": text += "\\'"
            case "\\": text += "\\\\"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}
