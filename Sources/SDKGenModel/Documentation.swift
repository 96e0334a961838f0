/// What a declaration's documentation says, as the spec and sdkgen word it: the View stage writes it as a doc
/// comment, so the model holds no comment syntax.
///
/// The blocks are paragraphs, in order; a doc comment separates them with a blank comment line.
public struct Documentation: Sendable, Hashable, ExpressibleByArrayLiteral {
    public var blocks: [Block]

    public init(_ blocks: [Block]) {
        self.blocks = blocks
    }

    public init(arrayLiteral blocks: Block...) {
        self.blocks = blocks
    }

    /// No documentation.
    public static let none = Documentation([])

    public enum Block: Sendable, Hashable {
        /// Text from the spec (or containing some), its lines kept as written.
        case text(String)
        /// Text from the spec with something sdkgen adds to its last line, such as an error case's `(HTTP 404)`.
        case textEndingWith(String, suffix: String)
        /// Sentences sdkgen writes, wrapped to lines of at most `width` characters.
        case sentences(String, width: Int = 120)
        /// A list item such as `- Note: …`, wrapped, its continuation lines indented under it.
        case listItem(String)
        /// `- Warning: Deprecated.`
        case deprecated
        /// A Swift code listing.
        case swiftCode([String])
        /// `- Parameters:` with an entry each, then `- Returns:` and `- Throws:` when given.
        case parameters([Parameter], returns: String? = nil, throws: String? = nil)
    }

    /// A `- Parameters:` entry: an argument's name and what the spec says of it.
    public struct Parameter: Sendable, Hashable {
        public var name: String
        public var text: String?

        public init(_ name: String, _ text: String?) {
            self.name = name
            self.text = text
        }
    }
}
