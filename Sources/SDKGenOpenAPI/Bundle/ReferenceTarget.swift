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
        let location: String
        (location, pointer, hasNonPointerFragment) = text.isAllASCII ? Self.asciiParts(text) : Self.unicodeParts(text)
        if location.isEmpty {
            kind = .sameFile
        } else if let scheme = Self.scheme(of: location) {
            let lowercased = scheme.lowercased()
            kind = lowercased == "http" || lowercased == "https" ? .remote : .unsupportedScheme(scheme)
        } else {
            kind = .file(path: location.removingPercentEncoding ?? location)
        }
    }

    /// The text before the fragment, the fragment's pointer and whether the fragment is something else.
    package typealias Parts = (location: String, pointer: [String], hasNonPointerFragment: Bool)

    /// The parts of any `$ref`.
    package static func unicodeParts(_ text: String) -> Parts {
        let fragmentStart = text.firstIndex(of: "#")
        let location = String(text[..<(fragmentStart ?? text.endIndex)])
        let fragment = fragmentStart.map { String(text[text.index(after: $0)...]) } ?? ""
        if let pointer = percentEncodedPointer(fragment) {
            return (location, pointer, false)
        }
        let pointer = fragment.hasPrefix("/")
            ? fragment.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map { JSONPointer.unescape(String($0)) } : []
        return (location, pointer, !fragment.isEmpty && !fragment.hasPrefix("/"))
    }

    /// The tokens of a fragment whose pointer is percent-encoded whole, `%2Fcomponents%2Fschemas%2FPet` (RFC 6901's
    /// URI form, where the decoded text is the pointer); `nil` for any other fragment.
    private static func percentEncodedPointer(_ fragment: String) -> [String]? {
        guard fragment.hasPrefix("%2F") || fragment.hasPrefix("%2f"), let decoded = fragment.removingPercentEncoding else { return nil }
        return decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map { JSONPointer.unescapeTildes(String($0)) }
    }

    /// `unicodeParts(_:)` of an ASCII `$ref` (almost every one: GitHub's spec has 20,000), on its bytes; the same steps.
    package static func asciiParts(_ text: String) -> Parts {
        let bytes = Array(text.utf8)
        let slash = UInt8(ascii: "/")
        let fragmentStart = bytes.firstIndex(of: UInt8(ascii: "#"))
        let location = String(decoding: bytes[..<(fragmentStart ?? bytes.count)], as: UTF8.self)
        let fragment = fragmentStart.map { bytes[($0 + 1)...] } ?? []
        if fragment.first == UInt8(ascii: "%"), let pointer = percentEncodedPointer(String(decoding: fragment, as: UTF8.self)) {
            return (location, pointer, false)
        }
        let pointer = fragment.first == slash
            ? fragment.dropFirst().split(separator: slash, omittingEmptySubsequences: false).map { JSONPointer.unescape(String(decoding: $0, as: UTF8.self)) }
            : []
        return (location, pointer, !fragment.isEmpty && fragment.first != slash)
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
