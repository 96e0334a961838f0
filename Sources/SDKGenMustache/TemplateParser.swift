import SDKGenBase

/// Parses a Mustache template into `TemplateNode`s.
///
/// The syntax: variables `{{name}}`, `{{{name}}}` and `{{&name}}` (all printed as they are: values arrive
/// escaped), dotted names, sections `{{#name}}…{{/name}}` and inverted sections `{{^name}}…{{/name}}`,
/// comments `{{! … }}`, set-delimiter tags `{{=<% %>=}}`, partials `{{> name}}`, the pragma
/// `{{% CONTENT_TYPE: TEXT}}`, and the functions of the position in a list `first()`, `last()`, `index()`,
/// `even()`, `odd()` (and `plusone`, `minusone`, `even`, `odd`, `equalzero` of `index()`).
///
/// Which whitespace is kept follows swift-mustache 2.1.1, which sdkgen rendered with before, step for step, so
/// that every template renders byte for byte as it did: a section, comment, set-delimiter, pragma or partial
/// tag alone on its line (standalone) takes the line's blanks and line break with it. Two of its habits are
/// kept on purpose: the first line of a template is never standalone unless it is blank, in which case it is
/// dropped (swift-mustache parsed every template behind a pragma tag); and after a section, whether the next
/// line starts fresh depends on its opening tag having been standalone, not its closing one. One thing differs
/// on purpose: the blanks before a standalone partial indent every line of the partial, as the Mustache spec
/// has it, where swift-mustache indented only the lines that began a piece of its output.
///
/// Works on `Character`s, as swift-mustache did, so that its tests of characters (`isNewline`,
/// `isWhitespace`) mean the same here.
package struct TemplateParser {
    private let characters: [Character]
    private var position = 0
    private let file: String

    /// A syntax error at a position in the text.
    package struct SyntaxError: Error {
        package var message: String
        package var offset: Int
    }

    private init(_ text: String, file: String) {
        characters = Array(text)
        self.file = file
    }

    /// The template's nodes, or a located `template syntax` diagnostic.
    package static func parse(_ text: String, file: String) -> Result<[TemplateNode], Diagnostic> {
        var parser = TemplateParser(text, file: file)
        do {
            var state = State()
            // swift-mustache parsed each template behind a `{{% CONTENT_TYPE: TEXT}}` tag: standalone when the
            // first line is otherwise blank, which drops that line, and otherwise leaving the first line's tags
            // not at the start of a line.
            state.atLineStart = parser.lineEnds()
            return .success(try parser.parseNodes(state))
        } catch {
            return .failure(.error("template syntax: \(error.message)", at: parser.location(of: error.offset)))
        }
    }

    /// Where in the file the character at `offset` is: lines and columns counted in characters, 1-based.
    private func location(of offset: Int) -> SourceLocation {
        var line = 1, column = 1
        for character in characters[..<min(offset, characters.count)] {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// What the parser knows at a point of the text.
    private struct State {
        /// The section being parsed: its name, functions and where its opening tag starts.
        package var section: (name: String, functions: [String], tagOffset: Int)?
        /// How many sections are open.
        package var depth = 0
        /// Whether only blanks have been read since the start of the line, so that a tag may be standalone.
        package var atLineStart = true
        package var startDelimiter: [Character] = ["{", "{"]
        package var endDelimiter: [Character] = ["}", "}"]
    }

    /// Parses nodes until the end of the text or, inside a section, its closing tag.
    private mutating func parseNodes(_ initialState: State) throws(SyntaxError) -> [TemplateNode] {
        var state = initialState
        var nodes: [TemplateNode] = []
        var blanksBefore: [Character] = []
        func appendText(_ text: [Character]) {
            guard !text.isEmpty else { return }
            let bytes = Array(String(text).utf8)
            if case .text(let previous) = nodes.last {
                nodes[nodes.count - 1] = .text(previous + bytes)
            } else {
                nodes.append(.text(bytes))
            }
        }
        func flushBlanks() {
            appendText(blanksBefore)
            blanksBefore = []
        }

        while position < characters.count {
            if state.atLineStart {
                blanksBefore = read { $0 == " " || $0 == "\t" }
            }
            let (text, tagOffset) = readTextUntilTag(state)
            guard let tagOffset else {
                if position < characters.count {
                    // A line break ends the text.
                    appendText(blanksBefore + text + [characters[position]])
                    position += 1
                    state.atLineStart = true
                    continue
                }
                // The end of the text. Blanks at the start of an unfinished last line are dropped, as
                // swift-mustache did.
                appendText(text.isEmpty ? [] : blanksBefore + text)
                break
            }
            if !text.isEmpty {
                appendText(blanksBefore + text)
                blanksBefore = []
                state.atLineStart = false
            }
            guard position < characters.count, !characters[position].isNewline else {
                let found = position < characters.count ? "a line break" : "the end of the file"
                throw SyntaxError(message: "expected a tag after '\(String(state.startDelimiter))', found \(found)", offset: tagOffset)
            }
            var standalone = false
            switch characters[position] {
            case "#", "^":
                let inverted = characters[position] == "^"
                position += 1
                let (name, functions) = try readName(state, tagOffset: tagOffset)
                let resolved = try Self.resolve(name, functions, offset: tagOffset)
                guard state.depth < Self.maximumDepth else {
                    throw SyntaxError(message: "sections nest more than \(Self.maximumDepth) deep", offset: tagOffset)
                }
                if lineEnds(state) {
                    standalone = true
                } else {
                    flushBlanks()
                }
                var sectionState = state
                sectionState.section = (name, functions, tagOffset)
                sectionState.atLineStart = standalone
                sectionState.depth += 1
                let body = try parseNodes(sectionState)
                nodes.append(inverted ? .invertedSection(resolved, body) : .section(resolved, body))

            case "/":
                position += 1
                let (name, functions) = try readName(state, tagOffset: tagOffset)
                guard let section = state.section, name == section.name, functions == section.functions else {
                    let tag = Self.tagText(name, functions)
                    let message = state.section.map { "'\(String(state.startDelimiter))/\(tag)\(String(state.endDelimiter))' does not close the section '\(Self.tagText($0.name, $0.functions))' opened at \(location(of: $0.tagOffset).lineAndColumn)" }
                        ?? "'\(String(state.startDelimiter))/\(tag)\(String(state.endDelimiter))' closes no section"
                    throw SyntaxError(message: message, offset: tagOffset)
                }
                if !lineEnds(state) {
                    flushBlanks()
                }
                return nodes

            case "!":
                position += 1
                guard let end = find(state.endDelimiter) else {
                    throw SyntaxError(message: "comment is not closed with '\(String(state.endDelimiter))'", offset: tagOffset)
                }
                position = end + state.endDelimiter.count
                standalone = lineEnds(state)

            case "{":
                flushBlanks()
                position += 1
                let (name, functions) = try readName(state, tagOffset: tagOffset)
                guard position < characters.count, characters[position] == "}" else {
                    throw SyntaxError(message: "'\(String(state.startDelimiter)){' must close with '}\(String(state.endDelimiter))'", offset: tagOffset)
                }
                position += 1
                nodes.append(.variable(try Self.resolve(name, functions, offset: tagOffset)))

            case "&":
                flushBlanks()
                position += 1
                let (name, functions) = try readName(state, tagOffset: tagOffset)
                nodes.append(.variable(try Self.resolve(name, functions, offset: tagOffset)))

            case ">":
                position += 1
                skipWhitespace()
                if position < characters.count, characters[position] == "*" {
                    throw SyntaxError(message: "dynamic partials ('>*') are not supported", offset: tagOffset)
                }
                let name = String(read { Self.partialNameCharacters.contains($0) })
                skipWhitespace()
                try readEndDelimiter(state, tagOffset: tagOffset, what: "partial name")
                let location = location(of: tagOffset)
                if lineEnds(state) {
                    standalone = true
                    // The blanks before it indent each line of the partial instead.
                    nodes.append(.partial(name: name, indentation: String(blanksBefore), location: location))
                } else {
                    appendText(blanksBefore)
                    nodes.append(.partial(name: name, indentation: "", location: location))
                }
                blanksBefore = []

            case "<", "$":
                throw SyntaxError(message: "template inheritance ('\(characters[position])' tags) is not supported", offset: tagOffset)

            case "=":
                position += 1
                try readDelimiters(&state, tagOffset: tagOffset)
                standalone = lineEnds(state)

            case "%":
                position += 1
                try readPragma(state, tagOffset: tagOffset)
                standalone = lineEnds(state)

            default:
                flushBlanks()
                let (name, functions) = try readName(state, tagOffset: tagOffset)
                nodes.append(.variable(try Self.resolve(name, functions, offset: tagOffset)))
            }
            state.atLineStart = standalone
        }
        if let section = state.section {
            throw SyntaxError(message: "section '\(Self.tagText(section.name, section.functions))' is not closed", offset: section.tagOffset)
        }
        return nodes
    }

    /// Reads text up to a line break (left unread), the end of the text, or a tag's start delimiter (read).
    /// Returns the text and, when a tag starts, the offset of its delimiter.
    private mutating func readTextUntilTag(_ state: State) -> (text: [Character], tagOffset: Int?) {
        let start = position
        let delimiterStart = state.startDelimiter[0]
        while position < characters.count {
            let character = characters[position]
            if character == "\n" || character == "\r\n" {
                break
            }
            if character == delimiterStart, matches(state.startDelimiter, at: position) {
                let text = Array(characters[start..<position])
                let tagOffset = position
                position += state.startDelimiter.count
                return (text, tagOffset)
            }
            position += 1
        }
        return (Array(characters[start..<position]), nil)
    }

    /// Whether the tag just read is standalone: at the start of its line (as far as `state` knows) and followed
    /// by nothing but blanks up to a line break, which is then read, or the end of the text.
    private mutating func lineEnds(_ state: State) -> Bool {
        state.atLineStart && lineEnds()
    }

    /// Whether only blanks follow up to a line break, which is then read with them, or the text ends here.
    private mutating func lineEnds() -> Bool {
        if position == characters.count { return true }
        var end = position
        while end < characters.count, characters[end] == " " || characters[end] == "\t" { end += 1 }
        guard end < characters.count, characters[end].isNewline else { return false }
        position = end + 1
        return true
    }

    /// A tag's name and the functions around it: `first()` is `("", ["first"])`, `a(b(c))` is `("c", ["a", "b"])`.
    private mutating func readName(_ state: State, tagOffset: Int) throws(SyntaxError) -> (String, [String]) {
        skipWhitespace()
        let text = read { Self.nameCharacters.contains($0) }
        skipWhitespace()
        try readEndDelimiter(state, tagOffset: tagOffset, what: "name")
        let notACall = SyntaxError(message: "'\(String(text))' is not a name or a function call such as 'first()'", offset: tagOffset)
        guard text.contains("(") else {
            if text.contains(")") { throw notACall }
            return (String(text), [])
        }
        // `f(g(name))`: names followed by `(`, a name, then as many `)` as there were `(`, and nothing after.
        var functions: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "("), !rest[..<open].contains(")") {
            functions.append(String(rest[..<open]))
            rest = rest[(open + 1)...]
        }
        let argument = rest.prefix { $0 != ")" }
        let closing = rest.dropFirst(argument.count)
        guard !functions.isEmpty, closing.count == functions.count, closing.allSatisfy({ $0 == ")" }) else {
            throw notACall
        }
        return (String(argument), functions)
    }

    private mutating func readEndDelimiter(_ state: State, tagOffset: Int, what: String) throws(SyntaxError) {
        guard matches(state.endDelimiter, at: position) else {
            let found = position < characters.count && !characters[position].isNewline ? "'\(characters[position])'" : "the end of the line"
            throw SyntaxError(message: "expected '\(String(state.endDelimiter))' after the tag's \(what), found \(found); a \(what) may hold letters, digits and \(what == "name" ? ". - _ ? * ( )" : ". - _ ? * ( ) /")", offset: tagOffset)
        }
        position += state.endDelimiter.count
    }

    /// `{{=<% %>=}}`: the new delimiters, which hold until the end of the section they are set in.
    private mutating func readDelimiters(_ state: inout State, tagOffset: Int) throws(SyntaxError) {
        let invalid = SyntaxError(message: "a set-delimiter tag is '\(String(state.startDelimiter))=START END=\(String(state.endDelimiter))', with delimiters without blanks or '='", offset: tagOffset)
        skipWhitespace()
        let start = read { !$0.isWhitespace }
        skipWhitespace()
        let end = read { $0 != "=" && !$0.isWhitespace }
        skipWhitespace()
        guard !start.isEmpty, !end.isEmpty, position < characters.count, characters[position] == "=" else { throw invalid }
        position += 1
        guard matches(state.endDelimiter, at: position) else { throw invalid }
        position += state.endDelimiter.count
        state.startDelimiter = start
        state.endDelimiter = end
    }

    /// `{{% CONTENT_TYPE: TEXT}}`, which is what sdkgen always renders, so it changes nothing.
    private mutating func readPragma(_ state: State, tagOffset: Int) throws(SyntaxError) {
        let pragmaCharacters = Self.nameCharacters.subtracting(["(", ")"])
        skipWhitespace()
        let variable = String(read { pragmaCharacters.contains($0) })
        skipWhitespace()
        var value = ""
        if position < characters.count, characters[position] == ":" {
            position += 1
            skipWhitespace()
            value = String(read { pragmaCharacters.contains($0) })
            skipWhitespace()
        }
        guard variable == "CONTENT_TYPE", value == "TEXT", matches(state.endDelimiter, at: position) else {
            throw SyntaxError(message: "the only pragma is '\(String(state.startDelimiter))% CONTENT_TYPE: TEXT\(String(state.endDelimiter))': sdkgen prints values as they are, never HTML-escaped", offset: tagOffset)
        }
        position += state.endDelimiter.count
    }

    /// What a name refers to, or an error for a function sdkgen does not offer.
    private static func resolve(_ name: String, _ functions: [String], offset: Int) throws(SyntaxError) -> TemplateName {
        guard functions.isEmpty else {
            guard name.isEmpty else {
                throw SyntaxError(message: "'\(tagText(name, functions))': functions apply only to the position in a list, such as 'first()'; sdkgen offers no functions of values", offset: offset)
            }
            // Innermost first: `plusone(index())` is index, then plusone.
            var resolved: [PositionFunction] = []
            for (depth, function) in functions.reversed().enumerated() {
                let allowed: Set<PositionFunction> = depth == 0 ? [.first, .last, .index, .even, .odd] : [.plusone, .minusone, .even, .odd, .equalzero]
                guard let known = PositionFunction(rawValue: function), allowed.contains(known) else {
                    throw SyntaxError(message: "unknown function '\(function)' in '\(tagText(name, functions))': the functions are first(), last(), index(), even() and odd(), and plusone, minusone, even, odd and equalzero of index()", offset: offset)
                }
                resolved.append(known)
            }
            return .position(resolved)
        }
        let fromTop = name.first == "."
        let parts = name.split(separator: ".")
        if name == "." || parts.isEmpty { return .top }
        let fields = parts.map(String.init)
        return fromTop ? .pathFromTop(fields) : .path(fields)
    }

    /// A tag's name as written, for messages: `first()`, `a.b`.
    private static func tagText(_ name: String, _ functions: [String]) -> String {
        functions.reduce(into: name) { text, function in text = "\(function)(\(text))" }
    }

    /// Sections may nest this deep, which no template needs, so that parsing and rendering one cannot exhaust
    /// the stack.
    package static let maximumDepth = 100

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = nameCharacters.union(["/"])

    private mutating func read(while predicate: (Character) -> Bool) -> [Character] {
        let start = position
        while position < characters.count, predicate(characters[position]) { position += 1 }
        return Array(characters[start..<position])
    }

    private mutating func skipWhitespace() {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    private func matches(_ delimiter: [Character], at offset: Int) -> Bool {
        guard offset + delimiter.count <= characters.count else { return false }
        return characters[offset..<(offset + delimiter.count)].elementsEqual(delimiter)
    }

    /// The offset of the next `delimiter` from the current position.
    private func find(_ delimiter: [Character]) -> Int? {
        var offset = position
        while offset + delimiter.count <= characters.count {
            if matches(delimiter, at: offset) { return offset }
            offset += 1
        }
        return nil
    }
}

extension SourceLocation {
    /// `line:column`, for a message that points at another place in the same file.
    fileprivate var lineAndColumn: String { "\(line):\(column)" }
}
