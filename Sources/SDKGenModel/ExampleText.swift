import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// Renders example values from the spec as text for documentation and usage snippets.
package enum ExampleText {
    /// A scalar as written; a list or mapping as compact JSON.
    package static func plain(_ node: YAMLNode) -> String {
        if let scalar = node.scalar {
            return scalar.value == .null ? "null" : scalar.text
        }
        return json(node)
    }

    /// An example as the model keeps it: its plain text, and what kind of scalar it is.
    package static func value(_ node: YAMLNode) -> ExampleValue {
        let kind: ExampleValue.Kind = switch node.scalar?.value {
        case .string?: .string
        case .int(let value)?: .integer(value)
        case .float(let value)?: .number(value)
        case .bool(let value)?: .bool(value)
        case .null?: .null
        case nil: .structured
        }
        return ExampleValue(text: plain(node), kind: kind)
    }

    /// The node as compact JSON.
    package static func json(_ node: YAMLNode) -> String {
        var result = ""
        appendJSON(node, to: &result)
        return result
    }

    /// Appends to one buffer: building each level as a string of its own and joining them copied every
    /// nested value once per level, which showed on the large examples of big specs.
    private static func appendJSON(_ node: YAMLNode, to result: inout String) {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: result += "null"
            case .bool(let value): result += value ? "true" : "false"
            case .int, .float: result += scalar.text
            case .string(let text): appendJSONString(text, to: &result)
            }
        case .sequence(let items):
            result += "["
            for (index, item) in items.enumerated() {
                if index > 0 { result += "," }
                appendJSON(item, to: &result)
            }
            result += "]"
        case .mapping(let pairs):
            result += "{"
            for (index, pair) in pairs.enumerated() {
                if index > 0 { result += "," }
                appendJSONString(pair.key.scalarText ?? "", to: &result)
                result += ":"
                appendJSON(pair.value, to: &result)
            }
            result += "}"
        }
    }

    private static func appendJSONString(_ text: String, to result: inout String) {
        result += "\""
        // Most strings need no escape: their UTF-8 has no control character, quote or backslash.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            result += text
            result += "\""
            return
        }
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
        result += "\""
    }
}
