import Foundation
import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

extension InterpolatedText {
    /// The pieces of a path or server URL template: its text, with each `{name}` that `argument` knows replaced by
    /// the argument it names; any other `{name}` stays text.
    package static func components(of template: String, argument: (String) -> (name: String, encoding: PathValueEncoding)?) -> [InterpolatedText] {
        var components: [InterpolatedText] = []
        var text = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            text += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            if let (argumentName, encoding) = argument(name) {
                if !text.isEmpty { components.append(.text(text)) }
                text = ""
                components.append(.argument(argumentName, encoding))
            } else {
                text += "{\(name)}"
            }
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        if !text.isEmpty { components.append(.text(text)) }
        return components
    }

    /// A path's literal text with what a URL path cannot hold percent-encoded (`#`, `?`, a space, non-ASCII); a `%` is
    /// taken to be encoded already.
    package static func percentEncodedPathText(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: pathTextAllowed) ?? text
    }

    private static let pathTextAllowed = CharacterSet.urlPathAllowed.union(CharacterSet(charactersIn: "%"))
}
