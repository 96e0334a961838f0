/// Renders example values from the spec as text for documentation and usage snippets.
enum ExampleText {
    /// A scalar as written; a list or mapping as compact JSON.
    static func plain(_ node: YAMLNode) -> String {
        if let scalar = node.scalar {
            return scalar.value == .null ? "null" : scalar.text
        }
        return json(node)
    }

    /// The node as compact JSON.
    static func json(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return "null"
            case .bool(let value): return value ? "true" : "false"
            case .int, .float: return scalar.text
            case .string(let text): return jsonString(text)
            }
        case .sequence(let items):
            return "[" + items.map(json).joined(separator: ",") + "]"
        case .mapping(let pairs):
            return "{" + pairs.map { jsonString($0.key.scalarText ?? "") + ":" + json($0.value) }.joined(separator: ",") + "}"
        }
    }

    private static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
