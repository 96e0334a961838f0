import SDKGenBase
import SDKGenJSONPath
import SDKGenYAML

/// A `$ref` string taken apart: the file it names (if any) and the JSON Pointer of its fragment.
package struct ReferenceTarget: Hashable {
    /// What kind of place a `$ref` points at.
    package enum Kind: Hashable {
        /// `#/…`: the referring file itself.
        case sameFile
        /// `other.yaml#/…` or `./schemas/pet.yaml`: a path, relative to the referring file or absolute.
        case file(path: String)
        /// `http://…`, `https://…`: never fetched.
        case remote
        /// Any other URL scheme (`file:`, `ftp:`, `urn:`).
        case unsupportedScheme(String)
    }

    package var kind: Kind
    /// The decoded tokens of the fragment's pointer; empty for the whole file.
    package var pointer: [String]
    /// Whether the fragment is something other than a JSON Pointer (`#Pet`, a plain-name anchor).
    package var hasNonPointerFragment: Bool

    package init(_ text: String) {
        let fragmentStart = text.firstIndex(of: "#")
        let location = String(text[..<(fragmentStart ?? text.endIndex)])
        let fragment = fragmentStart.map { String(text[text.index(after: $0)...]) } ?? ""

        hasNonPointerFragment = !fragment.isEmpty && !fragment.hasPrefix("/")
        pointer = fragment.hasPrefix("/") ? fragment.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map { JSONPointer.unescape(String($0)) } : []

        if location.isEmpty {
            kind = .sameFile
        } else if let scheme = Self.scheme(of: location) {
            let lowercased = scheme.lowercased()
            kind = lowercased == "http" || lowercased == "https" ? .remote : .unsupportedScheme(scheme)
        } else {
            kind = .file(path: location.removingPercentEncoding ?? location)
        }
    }

    /// The URI scheme of `location` (RFC 3986: a letter, then letters, digits, `+`, `-`, `.`, then `:`), if
    /// it has one. A single letter before the colon is a Windows drive, not a scheme.
    private static func scheme(of location: String) -> String? {
        guard let colon = location.firstIndex(of: ":") else { return nil }
        let scheme = location[..<colon]
        guard scheme.count > 1, let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return String(scheme)
    }

    /// The fragment as a `$ref` writes it: `#/components/schemas/Pet`.
    package var fragmentText: String {
        pointer.isEmpty ? "" : "#/" + pointer.map(JSONPointer.escape).joined(separator: "/")
    }
}
