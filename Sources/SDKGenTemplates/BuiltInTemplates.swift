import Foundation

/// sdkgen's own Mustache templates, compiled into the tool from the repository's `Templates/` folder.
///
/// `embeddedTemplateFiles` is written at build time by the EmbedTemplates plugin (Plugins/EmbedTemplates), so
/// `Templates/` is the only copy and the two cannot drift. Being in the binary, rather than a resource bundle
/// found next to it, they are there wherever the executable is copied.
public enum BuiltInTemplates {
    /// Each template's path under `Templates/` (such as `Runtime/APIClient.mustache`) and its text, sorted by path.
    public static let files: [(path: String, text: String)] = embeddedTemplateFiles.map { (decoded($0.path), decoded($0.text)) }

    /// The text a base64 literal of TemplateEmbedder's holds.
    private static func decoded(_ base64: String) -> String {
        String(decoding: Data(base64Encoded: base64) ?? Data(), as: UTF8.self)
    }
}
