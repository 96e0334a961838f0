import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// Turns names from a spec (`api_key_hash`, `HTTP-Referer`, `2fa`) into Swift identifiers that follow the
/// Swift API Design Guidelines (`apiKeyHash`, `httpReferer`, `_2fa`) and can never be anything but an
/// identifier: every character outside `[A-Za-z0-9_]` is dropped, and keywords are escaped.
public enum SwiftName {
    /// Acronyms, and how they are written after the first word (`userID`, `baseURL`, `APIKey`).
    package static let acronyms: [String: String] = [
        "id": "ID", "ids": "IDs", "url": "URL", "urls": "URLs", "uri": "URI", "uris": "URIs", "api": "API",
        "apis": "APIs", "http": "HTTP", "https": "HTTPS", "json": "JSON", "xml": "XML", "html": "HTML",
        "uuid": "UUID", "uuids": "UUIDs", "ip": "IP", "jwt": "JWT", "sql": "SQL", "tls": "TLS", "ssl": "SSL",
        "dns": "DNS", "sdk": "SDK", "ttl": "TTL", "utc": "UTC",
    ]

    /// The words of a name: split at anything not a letter or digit, and at case changes
    /// (`getUserActivity` → get, User, Activity; `HTTPReferer` → HTTP, Referer).
    public static func words(_ name: String) -> [String] {
        name.isAllASCII ? asciiWords(Array(name.utf8)) : unicodeWords(name)
    }

    /// `words(_:)` for any name.
    package static func unicodeWords(_ name: String) -> [String] {
        var words: [String] = []
        var current: [Character] = []
        let characters = Array(name)
        func flush() {
            if !current.isEmpty { words.append(String(current)) }
            current.removeAll(keepingCapacity: true)
        }
        for (index, character) in characters.enumerated() {
            guard character.isASCII, character.isLetter || character.isNumber else {
                flush()
                continue
            }
            if let previous = current.last {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let startsWord = character.isUppercase && (previous.isLowercase || previous.isNumber)
                // The last capital of a run starts a new word when a lowercase letter follows: HTTPReferer.
                let endsAcronym = character.isUppercase && previous.isUppercase && (next?.isLowercase ?? false)
                if startsWord || endsAcronym { flush() }
            }
            current.append(character)
        }
        flush()
        return words
    }

    /// `unicodeWords(_:)` for an ASCII name, on its bytes rather than its Characters, which is several times
    /// faster; the rules are the same.
    package static func asciiWords(_ bytes: [UInt8]) -> [String] {
        var words: [String] = []
        // The current word is always the bytes from `wordStart` up to the one being looked at.
        var wordStart = 0
        func flush(upTo end: Int) {
            if end > wordStart { words.append(String(decoding: bytes[wordStart..<end], as: UTF8.self)) }
        }
        for (index, byte) in bytes.enumerated() {
            guard isUppercase(byte) || isLowercase(byte) || isDigit(byte) else {
                flush(upTo: index)
                wordStart = index + 1
                continue
            }
            if index > wordStart {
                let previous = bytes[index - 1]
                let nextIsLowercase = index + 1 < bytes.count && isLowercase(bytes[index + 1])
                let startsWord = isUppercase(byte) && (isLowercase(previous) || isDigit(previous))
                let endsAcronym = isUppercase(byte) && isUppercase(previous) && nextIsLowercase
                if startsWord || endsAcronym {
                    flush(upTo: index)
                    wordStart = index
                }
            }
        }
        flush(upTo: bytes.count)
        return words
    }

    /// A name for a property, parameter, case or function: `lowerCamelCase`, escaped when a keyword.
    public static func member(_ name: String) -> String {
        let words = words(name)
        guard let first = words.first else { return "value" }
        var result = first.lowercased()
        for word in words.dropFirst() {
            result += capitalized(word)
        }
        return escaped(startingWithLetter(result))
    }

    /// A name for a stored value, a property or an argument: `member(_:)`, but `selfValue` for `self`, which as a
    /// parameter would hide `self` in the initializer that assigns it.
    public static func storedMember(_ name: String) -> String {
        let member = member(name)
        return member == "`self`" ? "selfValue" : member
    }

    /// A name for a type: `UpperCamelCase`, never a keyword.
    public static func type(_ name: String) -> String {
        let words = words(name)
        guard !words.isEmpty else { return "Value" }
        return startingWithLetter(words.map(capitalized).joined())
    }

    private static func isUppercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    private static func isLowercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// A word of a type name: a known acronym as it is spelled (`URL`), else with its first letter in capitals.
    private static func capitalized(_ word: String) -> String {
        word.isAllASCII ? asciiCapitalized(word) : unicodeCapitalized(word)
    }

    /// `capitalized(_:)` for any word.
    package static func unicodeCapitalized(_ word: String) -> String {
        if let acronym = acronyms[word.lowercased()] {
            return acronym
        }
        guard let first = word.first else { return word }
        // A capitalised run that is no known acronym (`URGENT_FLAG`) reads as a plain word.
        let rest = word.dropFirst().allSatisfy { !$0.isLowercase } ? word.dropFirst().lowercased() : String(word.dropFirst())
        return first.uppercased() + rest
    }

    /// `capitalized(_:)` for an ASCII word, on its bytes: the same steps as `unicodeCapitalized`'s without asking each
    /// Character its Unicode properties (making names was about a fifth of lowering GitHub's operations).
    package static func asciiCapitalized(_ word: String) -> String {
        func lowercased(_ byte: UInt8) -> UInt8 { isUppercase(byte) ? byte + 0x20 : byte }
        let bytes = Array(word.utf8)
        let lower = bytes.map(lowercased)
        if let acronym = acronyms[String(decoding: lower, as: UTF8.self)] {
            return acronym
        }
        guard let first = bytes.first else { return word }
        let rest = bytes.dropFirst().contains(where: isLowercase) ? bytes.dropFirst() : lower.dropFirst()
        return String(decoding: [isLowercase(first) ? first - 0x20 : first] + rest, as: UTF8.self)
    }

    private static func startingWithLetter(_ name: String) -> String {
        guard let first = name.first, first.isNumber else { return name }
        return "_" + name
    }

    /// `name` with backticks when Swift reserves it.
    public static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// Whether `name` can name a module or type as written: ASCII letters, digits and underscores, not starting
    /// with a digit, and no keyword.
    public static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return !keywords.contains(name) && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
    }

    /// `name` without backticks, for places that build new names from it.
    public static func unescaped(_ name: String) -> String {
        name.hasPrefix("`") ? String(name.dropFirst().dropLast()) : name
    }

    /// Keywords that cannot be used as a member name without backticks.
    package static let keywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "private", "precedencegroup",
        "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case",
        "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat",
        "return", "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil", "self", "Self",
        "super", "throws", "true", "try", "Type", "Protocol", "_", "package", "some", "any", "async", "actor",
    ]
}
