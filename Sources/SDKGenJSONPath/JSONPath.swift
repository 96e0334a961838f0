import SDKGenBase
import SDKGenYAML

/// An RFC 9535 JSONPath query, parsed and ready to run over YAML (or JSON) documents.
///
/// The whole RFC is supported: name, wildcard, index, slice and filter selectors in child (`.name`,
/// `[…]`) and descendant (`..name`, `..[…]`) segments; filters with comparisons, `&&`, `||`, `!`,
/// parentheses, existence tests and `@`/`$` queries; and the function extensions `length()`, `count()`,
/// `match()`, `search()` and `value()`, whose regular expressions are RFC 9485 I-Regexps.
///
/// Mapping keys are matched by their text, so `200:` in YAML is the member `'200'`, as in JSON.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    /// The query as written.
    public let text: String
    private let query: JSONPathSyntax.Query

    /// Parses `text`, which must be a whole query starting with `$`.
    /// - Throws: `JSONPathSyntaxError` naming the offset where the text stops being a valid query.
    public init(_ text: String) throws(JSONPathSyntaxError) {
        self.text = text
        self.query = try JSONPathParser.parse(text)
    }

    /// The paths of the nodes the query selects in `root`, in the RFC's order (document order for
    /// descendants, a parent before its children) and with any duplicates the selectors produce
    /// (`$[0,0]` selects one node twice).
    public func select(in root: YAMLNode) -> [NodePath] {
        selections(in: root).map { NodePath($0.path) }
    }

    /// The selected nodes with their paths.
    package func selections(in root: YAMLNode) -> [JSONPathEvaluator.Selection] {
        JSONPathEvaluator(root: root).select(query, from: .init(node: root, path: []), tracksPaths: true)
    }

    public var description: String { text }
}
