import SDKGenBase
import SDKGenYAML

/// Reading the `x-speakeasy-*` extensions of specs written for Speakeasy's generator, with the meaning Speakeasy
/// documents for each. sdkgen's own `x-sdkgen-*` extension wins where a spec has both.
///
/// A value of the wrong type is a located warning and is read as absent; keys sdkgen does not read stay silent,
/// as they are legal in any spec.
public enum SpeakeasyExtension {
    public static let ignore = "x-speakeasy-ignore"
    public static let nameOverride = "x-speakeasy-name-override"
    public static let group = "x-speakeasy-group"
    public static let globals = "x-speakeasy-globals"
    public static let deprecationMessage = "x-speakeasy-deprecation-message"
    public static let maxMethodParams = "x-speakeasy-max-method-params"
    public static let sseSentinel = "x-speakeasy-sse-sentinel"
    public static let streamRequestField = "x-speakeasy-stream-request-field"
    public static let enums = "x-speakeasy-enums"
    public static let unknownValues = "x-speakeasy-unknown-values"

    /// The string under `key`, or `nil` after a warning when it is there but no string (or an empty one).
    public static func string(_ key: String, in extensions: Extensions, diagnostics: inout Diagnostics) -> String? {
        guard let node = extensions[key] else { return nil }
        guard let text = node.string, !text.isEmpty else {
            diagnostics.warning("\(key) should be a non-empty string, found \(node.scalarText.map { "'\($0)'" } ?? node.kindName); it is ignored", at: node.location)
            return nil
        }
        return text
    }

    /// Whether `x-speakeasy-ignore` is `true`; a value that is no Boolean is warned about and read as `false`.
    public static func isIgnored(_ extensions: Extensions, diagnostics: inout Diagnostics) -> Bool {
        guard let node = extensions[ignore] else { return false }
        guard let value = node.bool else {
            diagnostics.warning("\(ignore) should be true or false, found \(node.scalarText.map { "'\($0)'" } ?? node.kindName); it is ignored", at: node.location)
            return false
        }
        return value
    }

    /// `x-speakeasy-max-method-params`: the number of arguments a function may take before it takes one request
    /// struct instead; `nil` after a warning when it is no non-negative integer.
    public static func maxMethodParameters(_ extensions: Extensions, diagnostics: inout Diagnostics) -> Int? {
        guard let node = extensions[maxMethodParams] else { return nil }
        guard let value = node.int, value >= 0 else {
            diagnostics.warning("\(maxMethodParams) should be a non-negative integer, found \(node.scalarText.map { "'\($0)'" } ?? node.kindName); it is ignored", at: node.location)
            return nil
        }
        return value
    }
}
