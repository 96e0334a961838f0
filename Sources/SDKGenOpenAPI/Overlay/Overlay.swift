import SDKGenBase
import SDKGenJSONPath
import SDKGenYAML

/// An OpenAPI Overlay 1.0 document: an ordered list of actions that edit a document after it is loaded
/// and before it is read, each selecting nodes with an RFC 9535 JSONPath `target`.
///
/// Reading is tolerant where the Overlay Specification's rules do not change what the overlay does (a
/// missing `info`, an unknown field: warnings), and strict where they do (no actions, a target that is
/// not a valid JSONPath, a `remove` that is not a boolean: errors).
public struct Overlay: Sendable {
    /// One edit: what to change (`target`) and how (`update` or `remove`).
    public struct Action: Sendable {
        public var target: JSONPath
        /// Where the `target` value is written, for the diagnostics about what it selects.
        public var targetLocation: SourceLocation
        public var description: String?
        /// Merged into each selected mapping, or appended to each selected sequence.
        public var update: YAMLNode?
        /// Removes each selected node from the mapping or sequence holding it; `update` is then ignored.
        public var remove: Bool

        public init(target: JSONPath, targetLocation: SourceLocation, description: String? = nil, update: YAMLNode? = nil, remove: Bool = false) {
            self.target = target
            self.targetLocation = targetLocation
            self.description = description
            self.update = update
            self.remove = remove
        }
    }

    /// The `overlay` version, `1.0.x`.
    public var version: String
    public var title: String?
    /// `info.version`, the overlay's own version.
    public var overlayVersion: String?
    /// The document the overlay was written for; informative only, since the caller chooses the document.
    public var extends: String?
    /// Applied in order, each to the result of the one before.
    public var actions: [Action]

    public init(version: String, title: String?, overlayVersion: String?, extends: String?, actions: [Action]) {
        self.version = version
        self.title = title
        self.overlayVersion = overlayVersion
        self.extends = extends
        self.actions = actions
    }

    /// Loads and reads the overlay at `path`; `diagnostics` receives every warning, and errors end in a
    /// throw carrying all of `diagnostics`.
    public static func load(contentsOf path: String, diagnostics: inout Diagnostics) throws(GenerationError) -> Overlay {
        let loaded: LoadedYAML
        do {
            loaded = try YAMLLoader().load(contentsOf: path)
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
            throw GenerationError(diagnostics.sorted)
        }
        diagnostics.append(contentsOf: loaded.warnings)
        return try read(loaded.root, diagnostics: &diagnostics)
    }

    /// Reads an overlay from its loaded tree; `diagnostics` receives every warning, and errors end in a
    /// throw carrying all of `diagnostics`. Every invalid target is reported, not just the first.
    public static func read(_ root: YAMLNode, diagnostics: inout Diagnostics) throws(GenerationError) -> Overlay {
        var reader = OverlayReader()
        let overlay = reader.read(root)
        diagnostics.append(contentsOf: reader.diagnostics.all)
        guard let overlay, !reader.diagnostics.hasErrors else { throw GenerationError(diagnostics.sorted) }
        return overlay
    }
}
