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
    /// The size from which libyaml parses on a thread of its own while the tree is built (`YAMLEventProducer`):
    /// below it, starting a thread costs more than the overlap saves.
    package var concurrentParsingThreshold = 128 * 1024

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
        var builder = YAMLTreeBuilder(limits: limits)
        let producer = YAMLEventProducer(input: input, file: file)
        if input.count < concurrentParsingThreshold {
            var chunks: [YAMLEventChunk] = []
            producer.produce { chunks.append($0); return true }
            // The last chunk, and only it, ends the stream.
            for chunk in chunks {
                _ = try Self.build(chunk, into: &builder, file: file)
            }
        } else {
            // libyaml parses on a thread of its own while the tree is built here. The thread reads `input`, so it is
            // joined before this returns, also when the tree's builder stops first.
            let channel = YAMLEventChannel()
            nonisolated(unsafe) let producer = producer
            let parsing = DedicatedThread { producer.produce(channel.send) }
            defer {
                channel.cancel()
                parsing.join()
            }
            while try Self.build(channel.receive(), into: &builder, file: file) {}
        }
        // A stream of only comments and blank lines has no document, hence no root.
        guard let root = builder.root else {
            throw GenerationError([.error("the file is empty", at: SourceLocation(file: file, line: 1, column: 1))])
        }
        return LoadedYAML(root: root, warnings: builder.warnings)
    }

    /// Builds the tree of `chunk`'s events; returns whether the stream goes on after them.
    /// - Throws: The builder's error, or the parse error that ends the stream after the chunk's events.
    private static func build(_ chunk: YAMLEventChunk, into builder: inout YAMLTreeBuilder, file: String) throws(GenerationError) -> Bool {
        try chunk.bytes.withUnsafeBufferPointer { (bytes) throws(GenerationError) in
            for event in chunk.events {
                let location = SourceLocation(file: file, line: event.line, column: event.column)
                switch event.kind {
                case .secondDocument:
                    builder.warn("the file holds more than one YAML document; only the first is read", at: location)
                case .scalar:
                    try builder.scalar(UnsafeBufferPointer(rebasing: bytes[event.bytes]), style: event.style, tag: event.tag,
                                       anchor: event.anchor, at: location)
                case .sequenceStart, .mappingStart:
                    try builder.startCollection(isMapping: event.kind == .mappingStart, anchor: event.anchor, at: location)
                case .collectionEnd:
                    try builder.endCollection()
                case .alias:
                    try builder.alias(event.anchor ?? "", at: location)
                case .streamEnd:
                    // The stream's last event, as a second document's start is: the chunk's `end` says so.
                    break
                }
            }
        }
        switch chunk.end {
        case nil: return true
        case .finished?: return false
        case .failed(let diagnostic)?: throw GenerationError([diagnostic])
        }
    }
}
