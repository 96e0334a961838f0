import Foundation
import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// The document-level form of `x-speakeasy-name-override`: a list of `{operationId: regex, methodNameOverride:
/// name}` that names the function of every operation whose `operationId` the regular expression matches (the
/// first entry that matches wins). An operation's own `x-speakeasy-name-override` wins over these.
package struct MethodNameOverrides {
    private var rules: [(pattern: NSRegularExpression, name: String)] = []

    package init() {}

    /// Reads the document's list; an entry of the wrong shape, or whose pattern is no regular expression, is a
    /// warning and is skipped.
    package init(_ document: OpenAPIDocument, diagnostics: inout Diagnostics) {
        guard let node = document.extensions[SpeakeasyExtension.nameOverride] else { return }
        guard let items = node.items else {
            diagnostics.warning("\(SpeakeasyExtension.nameOverride) at the root should be a list of {operationId, methodNameOverride}, found \(node.kindName); it is ignored", at: node.location)
            return
        }
        for item in items {
            guard let pattern = item["operationId"]?.string, let name = item["methodNameOverride"]?.string, !name.isEmpty else {
                diagnostics.warning("\(SpeakeasyExtension.nameOverride): an entry needs an `operationId` pattern and a `methodNameOverride` name; it is ignored", at: item.location)
                continue
            }
            guard let expression = try? NSRegularExpression(pattern: pattern) else {
                diagnostics.warning("\(SpeakeasyExtension.nameOverride): '\(pattern)' is not a regular expression; the entry is ignored", at: item["operationId"]?.location ?? item.location)
                continue
            }
            rules.append((expression, name))
        }
    }

    /// The name the first matching entry gives an operation with this `operationId`.
    package func name(for operationID: String) -> String? {
        let range = NSRange(operationID.startIndex..., in: operationID)
        return rules.first { $0.pattern.firstMatch(in: operationID, range: range) != nil }?.name
    }
}
