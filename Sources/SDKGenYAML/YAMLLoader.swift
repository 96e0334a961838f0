import CYAML
import SDKGenBase

/// The result of loading one file.
public struct LoadedYAML: Sendable {
    /// The first document's root node.
    public var root: YAMLNode
    /// Problems that did not stop the load (duplicate keys, a second document), in document order.
    public var warnings: [Diagnostic]

    public init(root: YAMLNode, warnings: [Diagnostic]) {
        self.root = root
        self.warnings = warnings
    }
}

/// Loads YAML 1.1/1.2 into a `YAMLNode` tree with libyaml's event parser, and JSON with `JSONReader`.
///
/// Every node carries its 1-based position. Aliases are expanded (as shared copies), merge keys applied,
/// and plain scalars resolved to null, bool, int, float or string. Hostile input (alias bombs, deep
/// nesting, bad bytes) ends in a located error, never a crash or a hang.
public struct YAMLLoader: Sendable {
    /// Bounds on what one file may make the loader do.
    public struct Limits: Hashable, Sendable {
        /// Most nodes a document may expand to, an alias counting as a full copy of its anchor's subtree.
        public var maxNodes: Int
        /// Most levels of nested collections.
        public var maxDepth: Int
        /// Largest file, in bytes.
        public var maxBytes: Int

        public init(maxNodes: Int = 5_000_000, maxDepth: Int = 512, maxBytes: Int = 256 * 1024 * 1024) {
            self.maxNodes = maxNodes
            self.maxDepth = maxDepth
            self.maxBytes = maxBytes
        }

        /// Far above any real API description: GitHub's, at 3 MB, expands to about 140,000 nodes.
        public static let `default` = Limits()
    }

    public var limits: Limits

    public init(limits: Limits = .default) {
        self.limits = limits
    }

    /// Reads and loads the file at `path`; `path` is also the file named in diagnostics.
    public func load(contentsOf path: String) throws(GenerationError) -> LoadedYAML {
        try load(readFile(atPath: path, maxBytes: limits.maxBytes), file: path)
    }

    /// Parses `bytes` (YAML 1.1/1.2, UTF-8 or UTF-16 with a byte order mark, or JSON) into a node tree.
    ///
    /// JSON (a `.json` file, or text starting with `{` or `[`) is read strictly by `JSONReader`, since
    /// libyaml's YAML 1.1 rules refuse valid JSON (surrogate pair escapes) and accept invalid JSON
    /// (trailing commas, comments). Of YAML, only the stream's first document is read; a second one is a warning.
    /// - Parameter file: The path diagnostics name.
    /// - Throws: `GenerationError` holding one located error diagnostic.
    public func load(_ bytes: [UInt8], file: String) throws(GenerationError) -> LoadedYAML {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard bytes.count <= limits.maxBytes else {
            throw GenerationError([.error("the file is \(bytes.count) bytes, more than the limit of \(limits.maxBytes)", at: start)])
        }
        // Checked here because an empty array may have no base address to give libyaml.
        guard !bytes.isEmpty else {
            throw GenerationError([.error("the file is empty", at: start)])
        }
        if JSONReader.isJSON(bytes, file: file) {
            return try bytes.withUnsafeBufferPointer { (buffer) throws(GenerationError) -> LoadedYAML in
                var reader = JSONReader(buffer, file: file, limits: limits)
                return try reader.read()
            }
        }
        return try bytes.withUnsafeBufferPointer { (buffer) throws(GenerationError) -> LoadedYAML in
            try parse(buffer, file: file)
        }
    }

    private func parse(_ input: UnsafeBufferPointer<UInt8>, file: String) throws(GenerationError) -> LoadedYAML {
        let start = SourceLocation(file: file, line: 1, column: 1)
        // The parser and event live at allocated addresses: a `var` passed as `&parser` is only promised a
        // stable address for the length of one call, and libyaml's state spans many.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else {
            throw GenerationError([.error("could not parse YAML: out of memory", at: start)])
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, input.baseAddress, input.count)

        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }
        var builder = YAMLTreeBuilder(limits: limits)
        var documents = 0
        events: while true {
            guard yaml_parser_parse(parser, event) != 0 else {
                throw GenerationError([parseError(parser.pointee, input: input, file: file)])
            }
            defer { yaml_event_delete(event) }
            let data = event.pointee.data
            // Computed, since end events have no use for a location.
            var location: SourceLocation { self.location(event.pointee.start_mark, file: file) }
            switch event.pointee.type {
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    builder.warn("the file holds more than one YAML document; only the first is read", at: location)
                    break events
                }
            case YAML_SCALAR_EVENT:
                try builder.scalar(
                    UnsafeBufferPointer(start: data.scalar.value, count: data.scalar.length),
                    style: style(data.scalar.style),
                    tag: data.scalar.tag.map { ScalarResolver.Tag(string($0)) } ?? .none,
                    anchor: data.scalar.anchor.map(string),
                    at: location)
            case YAML_SEQUENCE_START_EVENT:
                try builder.startCollection(isMapping: false, anchor: data.sequence_start.anchor.map(string), at: location)
            case YAML_MAPPING_START_EVENT:
                try builder.startCollection(isMapping: true, anchor: data.mapping_start.anchor.map(string), at: location)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try builder.endCollection()
            case YAML_ALIAS_EVENT:
                try builder.alias(string(data.alias.anchor), at: location)
            case YAML_STREAM_END_EVENT:
                break events
            default:
                // Stream start and document end carry nothing the tree needs.
                break
            }
        }

        // A stream of only comments and blank lines has no document, hence no root.
        guard let root = builder.root else {
            throw GenerationError([.error("the file is empty", at: start)])
        }
        return LoadedYAML(root: root, warnings: builder.warnings)
    }

    // MARK: libyaml

    /// libyaml's 0-based mark as a 1-based location.
    private func location(_ mark: yaml_mark_t, file: String) -> SourceLocation {
        SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    private func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// A tag or anchor name, which libyaml has checked to be UTF-8.
    private func string(_ cString: UnsafeMutablePointer<yaml_char_t>) -> String {
        String(cString: cString)
    }

    /// The diagnostic for the error that stopped `parser`.
    private func parseError(_ parser: yaml_parser_t, input: UnsafeBufferPointer<UInt8>, file: String) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        switch parser.error {
        case YAML_READER_ERROR:
            // The reader reports a byte offset and the offending value, not a line and column.
            let offset = min(Int(parser.problem_offset), input.count)
            let at = Self.location(ofByte: offset, in: input, file: file)
            let value = Int(parser.problem_value)
            if problem == "control characters are not allowed" {
                let name = value == 0 ? "a NUL byte" : "the control character \(Self.hex(value, digits: 4, prefix: "U+"))"
                return .error("could not read YAML: the file contains \(name), which YAML does not allow", at: at)
            }
            let detail = value >= 0 ? "\(problem) \(Self.hex(value, digits: 2, prefix: "0x"))" : problem
            return .error("could not read YAML: the file is not valid UTF-8 or UTF-16 text (\(detail) at byte \(offset))", at: at)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            var message = "could not parse YAML: \(problem)"
            if let context = parser.context {
                let mark = parser.context_mark
                message += " (\(String(cString: context)) that started at line \(Int(mark.line) + 1), column \(Int(mark.column) + 1))"
            }
            // libyaml names a tab in the indentation only in some positions; say it in the others too.
            if problem == "found character that cannot start any token",
               Self.byte(atCharacter: Int(parser.problem_mark.index), in: input) == UInt8(ascii: "\t") {
                message += "; YAML does not allow tabs for indentation, use spaces"
            }
            return .error(message, at: location(parser.problem_mark, file: file))
        default:
            return .error("could not parse YAML: \(problem)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// The line and column of the byte at `offset`, counting columns in characters as libyaml does.
    private static func location(ofByte offset: Int, in input: UnsafeBufferPointer<UInt8>, file: String) -> SourceLocation {
        var line = 1
        var column = 1
        var previous: UInt8 = 0
        for byte in input[min(byteOrderMarkLength(input), offset)..<offset] {
            if byte == UInt8(ascii: "\n") {
                // A CR LF pair is one line break.
                if previous != UInt8(ascii: "\r") { line += 1 }
                column = 1
            } else if byte == UInt8(ascii: "\r") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Not a UTF-8 continuation byte, so the start of a character.
                column += 1
            }
            previous = byte
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The first byte of the character at `index`, libyaml's mark index, which counts characters (a CR LF
    /// pair as two) from after any byte order mark.
    private static func byte(atCharacter index: Int, in input: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var characters = -1
        for byte in input[byteOrderMarkLength(input)...] where byte & 0xC0 != 0x80 {
            characters += 1
            if characters == index { return byte }
        }
        return nil
    }

    /// The length of a UTF-8 byte order mark at the start of `input`, which libyaml skips without counting.
    private static func byteOrderMarkLength(_ input: UnsafeBufferPointer<UInt8>) -> Int {
        input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    private static func hex(_ value: Int, digits: Int, prefix: String) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return prefix + String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
