import SDKGenModel
import SDKGenMustache

/// Documentation as `///` doc comment lines, without indentation: the one place comment syntax is written.
enum DocComment {
    /// The comment lines of `documentation`: its blocks' lines, a blank comment line between two blocks.
    static func lines(_ documentation: Documentation) -> [String] {
        var lines: [String] = []
        for block in documentation.blocks {
            let blockLines = Self.lines(block)
            guard !blockLines.isEmpty else { continue }
            if !lines.isEmpty { lines.append("///") }
            lines += blockLines
        }
        return lines
    }

    /// A `- Parameters:` entry, `///   - name: text`, for an argument documented on its own.
    static func parameterLines(_ name: String, _ text: String?) -> [String] {
        SwiftLiteral.parameterDoc(SwiftName.unescaped(name), text)
    }

    private static func lines(_ block: Documentation.Block) -> [String] {
        switch block {
        case .text(let text):
            return SwiftLiteral.docComment(text)
        case .textEndingWith(let text, let suffix):
            var lines = SwiftLiteral.docComment(text)
            if lines.isEmpty { lines = ["///"] }
            lines[lines.count - 1] += suffix
            return lines
        case .sentences(let text, let width):
            return SwiftLiteral.wrappedDocComment(text, width: width)
        case .listItem(let text):
            return SwiftLiteral.wrappedDocComment(text, continuation: "///   ")
        case .deprecated:
            return ["/// - Warning: Deprecated."]
        case .swiftCode(let code):
            return ["/// ```swift"] + code.map { "/// \($0)" } + ["/// ```"]
        case .parameters(let parameters, let returns, let throwsText):
            var lines = ["/// - Parameters:"]
            for parameter in parameters {
                lines += parameterLines(parameter.name, parameter.text)
            }
            if let returns {
                lines += SwiftLiteral.docComment("- Returns: " + returns)
            }
            if let throwsText {
                lines += SwiftLiteral.wrappedDocComment("- Throws: " + throwsText, continuation: "///   ")
            }
            return lines
        }
    }
}

extension TemplateValue {
    /// Documentation as its doc comment lines.
    static func documentation(_ documentation: Documentation) -> TemplateValue {
        .lines(DocComment.lines(documentation))
    }
}
