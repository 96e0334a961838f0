import SDKGenBase

/// Resolves scalar text to a value: YAML 1.2's core schema, widened with the YAML 1.1 forms OpenAPI
/// authors still write (`yes`/`no`/`on`/`off`, `0755` octal, `1_000`).
///
/// Works on the scalar's UTF-8 bytes as libyaml hands them over, because almost every scalar in a spec is
/// a plain string, and a look at its first byte (or, for short ones, one table lookup) settles that without
/// any `String` work.
package enum ScalarResolver {
    /// The tag a scalar was written with, reduced to what resolution needs.
    package enum Tag: Equatable {
        /// No tag: plain scalars are resolved, quoted and block scalars are strings.
        case none
        /// `!`, which YAML defines as "a string, whatever it looks like".
        case nonSpecific
        case str, int, float, bool, null
        /// Any other tag (`!!binary`, `!custom`): ignored, the scalar resolves as if untagged.
        case other

        /// The tag for libyaml's tag text; libyaml has already expanded `!!int` to `tag:yaml.org,2002:int`.
        package init(_ tag: String) {
            switch tag {
            case "!": self = .nonSpecific
            case "tag:yaml.org,2002:str": self = .str
            case "tag:yaml.org,2002:int": self = .int
            case "tag:yaml.org,2002:float": self = .float
            case "tag:yaml.org,2002:bool": self = .bool
            case "tag:yaml.org,2002:null": self = .null
            default: self = .other
            }
        }

        /// The tag as written in YAML's shorthand (`!!int`), for diagnostics.
        package var name: String {
            switch self {
            case .none: "untagged"
            case .nonSpecific: "!"
            case .str: "!!str"
            case .int: "!!int"
            case .float: "!!float"
            case .bool: "!!bool"
            case .null: "!!null"
            case .other: "custom-tagged"
            }
        }
    }

    /// The value of a scalar, or `nil` when an explicit core tag (`!!int`, say) does not fit the text.
    package static func resolve(_ bytes: UnsafeBufferPointer<UInt8>, text: String, style: YAMLScalar.Style, tag: Tag) -> YAMLScalar.Value? {
        switch tag {
        case .none, .other:
            return style == .plain ? implicitValue(bytes, text: text) : .string(text)
        case .nonSpecific, .str:
            return .string(text)
        case .null:
            return bytes.isEmpty || word(bytes) == .null ? .null : nil
        case .bool:
            if let value = word(bytes), case .bool = value { return value }
            return nil
        case .int:
            return integer(bytes, text: text)
        case .float:
            if let value = word(bytes), case .float = value { return value }
            switch integer(bytes, text: text) ?? float(bytes, text: text) {
            case .int(let value)?: return .float(Double(value))
            case let value?: return value
            case nil: return nil
            }
        }
    }

    /// The value of an untagged plain scalar.
    private static func implicitValue(_ bytes: UnsafeBufferPointer<UInt8>, text: String) -> YAMLScalar.Value {
        guard let first = bytes.first else { return .null }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            return integer(bytes, text: text) ?? float(bytes, text: text) ?? .string(text)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return word(bytes) ?? integer(bytes, text: text) ?? float(bytes, text: text) ?? .string(text)
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
             UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            return word(bytes) ?? .string(text)
        default:
            return .string(text)
        }
    }

    // MARK: Words

    /// The null, bool, infinity and NaN spellings, keyed by their bytes packed into an integer (none is
    /// longer than five bytes), so a lookup needs neither a `String` nor Unicode-aware comparison.
    private static let words: [UInt64: YAMLScalar.Value] = {
        var words: [UInt64: YAMLScalar.Value] = [:]
        func add(_ spellings: [String], _ value: YAMLScalar.Value) {
            for spelling in spellings {
                words[packed(spelling.utf8)!] = value
            }
        }
        add(["~", "null", "Null", "NULL"], .null)
        // YAML 1.1's yes/no/on/off too, as OpenAPI files written for 1.1 parsers use them; its `y` and `n`
        // stay strings, since they are far more often a literal letter (an enum case, say).
        add(["true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"], .bool(true))
        add(["false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"], .bool(false))
        let infinities = [".inf", ".Inf", ".INF"]
        add(infinities + infinities.map { "+" + $0 }, .float(.infinity))
        add(infinities.map { "-" + $0 }, .float(-.infinity))
        add([".nan", ".NaN", ".NAN"], .float(.nan))
        return words
    }()

    /// The special word `bytes` spells, if any.
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLScalar.Value? {
        packed(bytes).flatMap { words[$0] }
    }

    /// Up to five bytes as one integer; longer text is never a special word.
    private static func packed(_ bytes: some Collection<UInt8>) -> UInt64? {
        guard !bytes.isEmpty, bytes.count <= 5 else { return nil }
        return bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    // MARK: Numbers

    /// An integer: decimal, `0x` hex, `0o` octal (YAML 1.2) or `0`-prefixed octal (YAML 1.1), with an
    /// optional sign and, as YAML 1.1 allows, underscores between digits.
    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>, text: String) -> YAMLScalar.Value? {
        let isNegative = bytes.first == UInt8(ascii: "-")
        let unsigned = isNegative || bytes.first == UInt8(ascii: "+") ? bytes.dropFirst() : bytes[...]
        if unsigned.starts(with: "0x".utf8) {
            return integer(unsigned.dropFirst(2), radix: 16, isNegative: isNegative, text: text)
        }
        if unsigned.starts(with: "0o".utf8) {
            return integer(unsigned.dropFirst(2), radix: 8, isNegative: isNegative, text: text)
        }
        // `0755` is octal; digits that are not octal (`08`) fall through to decimal.
        if unsigned.count > 1, unsigned.first == UInt8(ascii: "0"),
           let value = integer(unsigned.dropFirst(), radix: 8, isNegative: isNegative, text: text) {
            return value
        }
        return integer(unsigned, radix: 10, isNegative: isNegative, text: text)
    }

    /// A float: digits [. digits] [e [sign] digits] with an optional sign, a dot or exponent required and
    /// at least one digit before or after the dot (`1.5`, `.5`, `1.`, `1e3`).
    private static func float(_ bytes: UnsafeBufferPointer<UInt8>, text: String) -> YAMLScalar.Value? {
        var index = bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") ? 1 : 0
        var digits = skipDigits(bytes, &index)
        var hasDotOrExponent = false
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            hasDotOrExponent = true
            index += 1
            digits += skipDigits(bytes, &index)
        }
        guard digits > 0 else { return nil }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            hasDotOrExponent = true
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard skipDigits(bytes, &index) > 0 else { return nil }
        }
        guard hasDotOrExponent, index == bytes.count else { return nil }
        return Double(withoutUnderscores(text)).map(YAMLScalar.Value.float)
    }

    /// Moves past digits and underscores (an underscore only after a digit); returns the number of digits.
    private static func skipDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Int {
        var digits = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
            } else if byte != UInt8(ascii: "_") || digits == 0 {
                break
            }
            index += 1
        }
        return digits
    }

    /// The integer the digits spell in `radix`; one beyond Int64 becomes the nearest `Double`, so a huge
    /// `maximum:` in a schema still loads (its exact text stays in `YAMLScalar.text`).
    private static func integer(_ digits: Slice<UnsafeBufferPointer<UInt8>>, radix: UInt64, isNegative: Bool, text: String) -> YAMLScalar.Value? {
        var magnitude: UInt64 = 0
        var overflowed = false
        var approximation = 0.0
        var sawDigit = false
        for byte in digits {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(byte - UInt8(ascii: "A") + 10)
            case UInt8(ascii: "_") where sawDigit: continue
            default: return nil
            }
            guard digit < radix else { return nil }
            sawDigit = true
            approximation = approximation * Double(radix) + Double(digit)
            let (shifted, overflow1) = magnitude.multipliedReportingOverflow(by: radix)
            let (sum, overflow2) = shifted.addingReportingOverflow(digit)
            overflowed = overflowed || overflow1 || overflow2
            magnitude = sum
        }
        guard sawDigit else { return nil }

        let limit = isNegative ? UInt64(Int.max) + 1 : UInt64(Int.max)
        guard overflowed || magnitude > limit else {
            return .int(isNegative ? Int(truncatingIfNeeded: 0 &- magnitude) : Int(magnitude))
        }
        // strtod rounds a decimal correctly; other radixes are rare enough for the running approximation.
        if radix == 10, let value = Double(withoutUnderscores(text)) { return .float(value) }
        return .float(isNegative ? -approximation : approximation)
    }

    private static func withoutUnderscores(_ text: String) -> String {
        text.contains("_") ? text.replacing("_", with: "") : text
    }
}
