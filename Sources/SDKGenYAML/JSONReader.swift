import SDKGenBase

/// Reads JSON strictly, as RFC 8259 defines it, into the same `YAMLNode` tree the YAML loader builds.
///
/// libyaml reads JSON as YAML 1.1, which refuses valid JSON (a surrogate pair written `\ud83d\udc4d`) and
/// accepts invalid JSON (a trailing comma, a comment, a single-quoted string); this reader does neither.
/// Every node carries its 1-based line and column (columns count characters, as libyaml's do); strings are
/// `.doubleQuoted` scalars, numbers, `true`, `false` and `null` `.plain` ones. A syntax error inside an
/// array or object names where that array or object began. Collections are tracked on an explicit stack
/// and bounded by `Limits.maxDepth`, so no input can overflow the thread's stack.
package struct JSONReader {
    /// An array or object that has begun and not yet ended.
    private struct Open {
        var isObject: Bool
        var location: SourceLocation
    }

    /// What the reader expects next.
    private enum Expect {
        /// A value (the document's, an array element, or an object member's).
        case value
        /// An array's first element or its `]`.
        case firstElement
        /// An object's first key or its `}`.
        case firstKey
        /// A key after a comma.
        case key
        /// The `:` after a key.
        case colon
        /// A `,` or the closing bracket, after a value inside a collection.
        case separator
        /// Nothing but whitespace, after the document's value.
        case end
    }

    private let input: UnsafeBufferPointer<UInt8>
    private let file: String
    private let limits: YAMLLoader.Limits
    private var index = 0
    private var line = 1
    private var column = 1
    private var open: [Open] = []
    private var builder: YAMLTreeBuilder

    package init(_ input: UnsafeBufferPointer<UInt8>, file: String, limits: YAMLLoader.Limits) {
        self.input = input
        self.file = file
        self.limits = limits
        self.builder = YAMLTreeBuilder(limits: limits)
    }

    /// Whether `bytes` from `file` are read as JSON: a `.json` file, or text whose first character (after
    /// whitespace and a UTF-8 byte order mark) opens an object or an array.
    package static func isJSON(_ bytes: [UInt8], file: String) -> Bool {
        if file.lowercased().hasSuffix(".json") { return true }
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count, isWhitespace(bytes[index]) { index += 1 }
        return index < bytes.count && (bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "["))
    }

    /// Reads the whole input.
    /// - Throws: `GenerationError` with one located error.
    package mutating func read() throws(GenerationError) -> LoadedYAML {
        if input.starts(with: [0xEF, 0xBB, 0xBF]) {
            index = 3
        } else if input.starts(with: [0xFE, 0xFF]) || input.starts(with: [0xFF, 0xFE]) {
            throw failure("the file is UTF-16 text; JSON must be UTF-8 (RFC 8259, section 8.1)", at: here)
        }
        var expect = Expect.value
        while true {
            skipWhitespace()
            guard index < input.count else {
                if expect == .end { break }
                if let innermost = open.last {
                    throw failure("could not parse JSON: the file ends inside the \(name(innermost)) that starts at \(position(innermost.location)); it is never closed", at: here)
                }
                throw failure("the file is empty", at: SourceLocation(file: file, line: 1, column: 1))
            }
            let byte = input[index]
            let location = here
            switch expect {
            case .end:
                throw failure("could not parse JSON: \(describe(byte)) after the document's value; a JSON file holds one value", at: location)
            case .value, .firstElement:
                if expect == .firstElement, byte == UInt8(ascii: "]") {
                    advance()
                    try close()
                    expect = afterValue
                    continue
                }
                try value(byte, at: location)
                expect = open.last.map { _ in .separator } ?? .end
                // A collection just opened wants its first element or key.
                if byte == UInt8(ascii: "[") { expect = .firstElement }
                if byte == UInt8(ascii: "{") { expect = .firstKey }
            case .firstKey, .key:
                if byte == UInt8(ascii: "}") {
                    if expect == .key {
                        throw failure("could not parse JSON: a comma before '}'; JSON allows no trailing comma\(inside)", at: location)
                    }
                    advance()
                    try close()
                    expect = afterValue
                    continue
                }
                guard byte == UInt8(ascii: "\"") else {
                    if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "'") {
                        throw unexpected(byte, at: location)
                    }
                    throw failure("could not parse JSON: expected a key in double quotes, found \(describe(byte))\(inside)", at: location)
                }
                try string(at: location)
                expect = .colon
            case .colon:
                guard byte == UInt8(ascii: ":") else {
                    throw failure("could not parse JSON: expected ':' after the key, found \(describe(byte))\(inside)", at: location)
                }
                advance()
                expect = .value
            case .separator:
                let innermost = open[open.count - 1]
                let closing = innermost.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if byte == UInt8(ascii: ",") {
                    advance()
                    expect = innermost.isObject ? .key : .value
                    if !innermost.isObject {
                        // `[1, 2,]`: say it is the trailing comma, not the bracket, that is wrong.
                        skipWhitespace()
                        if index < input.count, input[index] == UInt8(ascii: "]") {
                            throw failure("could not parse JSON: a comma before ']'; JSON allows no trailing comma\(inside)", at: location)
                        }
                    }
                } else if byte == closing {
                    advance()
                    try close()
                    expect = afterValue
                } else {
                    let expected = innermost.isObject ? "',' or '}' after a member" : "',' or ']' after an element"
                    throw failure("could not parse JSON: expected \(expected), found \(describe(byte))\(inside)", at: location)
                }
            }
        }
        guard let root = builder.root else {
            throw failure("the file is empty", at: SourceLocation(file: file, line: 1, column: 1))
        }
        return LoadedYAML(root: root, warnings: builder.warnings)
    }

    /// What follows a completed value: a separator inside a collection, the end of input outside one.
    private var afterValue: Expect { open.isEmpty ? .end : .separator }

    /// Reads a value starting with `byte`: a scalar whole, a collection's opening bracket.
    private mutating func value(_ byte: UInt8, at location: SourceLocation) throws(GenerationError) {
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard open.count < limits.maxDepth else {
                throw failure("JSON nests deeper than \(limits.maxDepth) levels", at: location)
            }
            let isObject = byte == UInt8(ascii: "{")
            advance()
            open.append(Open(isObject: isObject, location: location))
            try builder.startCollection(isMapping: isObject, anchor: nil, at: location)
        case UInt8(ascii: "\""):
            try string(at: location)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try number(at: location)
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            for (word, value) in [("true", YAMLScalar.Value.bool(true)), ("false", .bool(false)), ("null", .null)]
            where input[index...].starts(with: word.utf8) && !isWordCharacter(at: index + word.utf8.count) {
                advance(by: word.utf8.count)
                try builder.scalar(YAMLScalar(text: word, style: .plain, value: value), at: location)
                return
            }
            throw unexpected(byte, at: location)
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
            if byte == UInt8(ascii: "]"), open.last?.isObject == false {
                throw failure("could not parse JSON: a comma before ']'; JSON allows no trailing comma\(inside)", at: location)
            }
            throw failure("could not parse JSON: expected a value, found \(describe(byte))\(inside)", at: location)
        default:
            throw unexpected(byte, at: location)
        }
    }

    /// An error for a character that cannot start a value, saying what JSON does not allow when it is one
    /// of the usual relaxations (comments, single quotes, bare words).
    private func unexpected(_ byte: UInt8, at location: SourceLocation) -> GenerationError {
        let detail: String
        switch byte {
        case UInt8(ascii: "/"), UInt8(ascii: "#"):
            detail = "JSON allows no comments"
        case UInt8(ascii: "'"):
            detail = "JSON strings are written in double quotes"
        case UInt8(ascii: "+"), UInt8(ascii: "."):
            detail = "a JSON number starts with '-' or a digit"
        default:
            detail = "expected a value, found \(describe(byte))"
        }
        return failure("could not parse JSON: \(detail)\(inside)", at: location)
    }

    /// Closes the innermost collection.
    private mutating func close() throws(GenerationError) {
        open.removeLast()
        try builder.endCollection()
    }

    // MARK: Scalars

    /// Reads a string from its opening quote (at `index`) and adds it: a key or a value, as the builder's
    /// state says.
    private mutating func string(at location: SourceLocation) throws(GenerationError) {
        advance()
        var bytes: [UInt8] = []
        var isASCII = true
        while true {
            guard index < input.count else {
                throw failure("could not parse JSON: the string that starts at \(position(location)) is never closed", at: here)
            }
            let byte = input[index]
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                let text: String
                if isASCII {
                    text = String(decoding: bytes, as: UTF8.self)
                } else {
                    guard let valid = String(validating: bytes, as: UTF8.self) else {
                        throw failure("could not read JSON: the string that starts at \(position(location)) is not valid UTF-8", at: location)
                    }
                    text = valid
                }
                try builder.scalar(YAMLScalar(text: text, style: .doubleQuoted, value: .string(text)), at: location)
                return
            case UInt8(ascii: "\\"):
                let escapeLocation = here
                advance()
                guard index < input.count else { continue }
                let escaped = input[index]
                advance()
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(escaped)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try unicodeEscape(at: escapeLocation)
                    bytes.append(contentsOf: String(Character(scalar)).utf8)
                    if !scalar.isASCII { isASCII = false }
                default:
                    throw failure("could not parse JSON: '\\\(describeCharacter(escaped))' is not a JSON escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", at: escapeLocation)
                }
            case 0x00..<0x20:
                let what = byte == 0x0A || byte == 0x0D ? "a line break" : "the control character U+00\(hexDigits(byte))"
                throw failure("could not parse JSON: \(what) inside the string that starts at \(position(location)); JSON strings escape it", at: here)
            default:
                if byte >= 0x80 { isASCII = false }
                bytes.append(byte)
                advance()
            }
        }
    }

    /// The character of a `\uXXXX` escape whose `u` has been read, and of the low surrogate's escape after
    /// it when it is a high surrogate.
    private mutating func unicodeEscape(at location: SourceLocation) throws(GenerationError) -> Unicode.Scalar {
        let escaped = try UTF16Escape.scalar(try hexQuad(at: location)) { () throws(GenerationError) -> UInt32? in
            guard input[index...].starts(with: "\\u".utf8) else { return nil }
            let lowLocation = here
            advance(by: 2)
            return try hexQuad(at: lowLocation)
        }
        switch escaped {
        case .success(let scalar):
            return scalar
        case .failure(let fault):
            throw failure(fault == .unpairedHighSurrogate
                ? "could not parse JSON: the escape of a UTF-16 high surrogate is not followed by a low surrogate's"
                : "could not parse JSON: the escape of a UTF-16 low surrogate without a high surrogate before it", at: location)
        }
    }

    /// The four hexadecimal digits after `\u`.
    private mutating func hexQuad(at location: SourceLocation) throws(GenerationError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < input.count, let digit = hexValue(input[index]) else {
                throw failure("could not parse JSON: '\\u' must be followed by four hexadecimal digits", at: location)
            }
            value = value << 4 | digit
            advance()
        }
        return value
    }

    /// Reads a number, checked against RFC 8259's grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func number(at location: SourceLocation) throws(GenerationError) {
        let start = index
        var isInteger = true
        func digits(_ reader: inout JSONReader) -> Int {
            var count = 0
            while reader.index < reader.input.count, isDigit(reader.input[reader.index]) {
                reader.advance()
                count += 1
            }
            return count
        }
        if input[index] == UInt8(ascii: "-") { advance() }
        let integerStart = index
        guard digits(&self) > 0 else {
            throw failure("could not parse JSON: a number needs a digit after '-'", at: location)
        }
        if input[integerStart] == UInt8(ascii: "0"), index - integerStart > 1 {
            throw failure("could not parse JSON: a number cannot start with 0 followed by digits", at: location)
        }
        if index < input.count, input[index] == UInt8(ascii: ".") {
            isInteger = false
            advance()
            guard digits(&self) > 0 else {
                throw failure("could not parse JSON: a number needs a digit after '.'", at: location)
            }
        }
        if index < input.count, input[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            advance()
            if index < input.count, input[index] == UInt8(ascii: "+") || input[index] == UInt8(ascii: "-") { advance() }
            guard digits(&self) > 0 else {
                throw failure("could not parse JSON: a number needs a digit in its exponent", at: location)
            }
        }
        if isWordCharacter(at: index) {
            throw failure("could not parse JSON: \(describe(input[index])) inside a number", at: here)
        }
        let text = String(decoding: input[start..<index], as: UTF8.self)
        let value: YAMLScalar.Value
        if isInteger, let integer = Int(text) {
            value = .int(integer)
        } else if let double = Double(text) {
            value = .float(double)
        } else {
            throw failure("could not parse JSON: the number \(text) is out of range", at: location)
        }
        try builder.scalar(YAMLScalar(text: text, style: .plain, value: value), at: location)
    }

    // MARK: Position

    /// The location of the byte at `index`.
    private var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    /// Moves past one byte of input, keeping the line and column (in characters) up to date.
    private mutating func advance() {
        let byte = input[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte == UInt8(ascii: "\r") {
            // A CR LF pair is one line break; the LF then only resets the column.
            if index < input.count, input[index] == UInt8(ascii: "\n") { line -= 1 }
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func advance(by count: Int) {
        for _ in 0..<count { advance() }
    }

    private mutating func skipWhitespace() {
        while index < input.count, Self.isWhitespace(input[index]) { advance() }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// Whether the byte at `position` continues a word or number (so `truex` and `1a` are refused).
    private func isWordCharacter(at position: Int) -> Bool {
        guard position < input.count else { return false }
        let byte = input[position]
        return byte >= 0x80 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || isDigit(byte)
    }

    // MARK: Messages

    /// ` (in the array that starts at line 15, column 10)`, naming the innermost open collection.
    private var inside: String {
        guard let innermost = open.last else { return "" }
        return " (in the \(name(innermost)) that starts at \(position(innermost.location)))"
    }

    private func name(_ open: Open) -> String { open.isObject ? "object" : "array" }

    private func position(_ location: SourceLocation) -> String {
        "line \(location.line), column \(location.column)"
    }

    /// A byte as the messages name it: `'x'`, or the character's code.
    private func describe(_ byte: UInt8) -> String {
        "'\(describeCharacter(byte))'"
    }

    private func describeCharacter(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F, byte != UInt8(ascii: "'") { return String(UnicodeScalar(byte)) }
        if byte == UInt8(ascii: "'") { return "'" }
        return "\\x" + hexDigits(byte)
    }

    private func hexDigits(_ byte: UInt8) -> String {
        let text = String(byte, radix: 16, uppercase: true)
        return text.count == 1 ? "0" + text : text
    }

    private func failure(_ message: String, at location: SourceLocation) -> GenerationError {
        GenerationError([.error(message, at: location)])
    }
}

private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
}

private func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
}
