import SDKGenBase
import SDKGenYAML

/// Parses RFC 9535 JSONPath text into `JSONPathSyntax`, checking that filters are well-typed (§2.4.3).
///
/// A recursive-descent parser over the query's Unicode scalars, following the RFC's ABNF rule by rule.
/// Errors name the scalar offset they stopped at and what would have been valid there.
package struct JSONPathParser {
    private typealias Syntax = JSONPathSyntax

    /// What a filter's operand turned out to be, before it is known whether it is compared, tested or
    /// passed to a function.
    private enum Operand {
        case literal(Syntax.Literal)
        case query(Syntax.FilterQuery)
        case valueFunction(Syntax.ValueFunction, name: String)
        case logicalFunction(Syntax.LogicalFunction, name: String)
    }

    /// The function extensions by name, with how many arguments each takes.
    private enum Function: String, CaseIterable {
        case length, count, match, search, value

        package var arity: Int {
            switch self {
            case .length, .count, .value: 1
            case .match, .search: 2
            }
        }
    }

    /// Deepest nesting of parentheses and filters; far beyond any real query, and low enough that a hostile
    /// one cannot exhaust the stack.
    private static let maxNesting = 64
    /// I-JSON's exact integer range, which RFC 9535 requires of indexes and slice bounds.
    private static let maxInteger = 9_007_199_254_740_991

    private let text: String
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var nesting = 0
    /// Where the last `.name` shorthand began and ended, to suggest quoting when a name runs on with a
    /// character shorthands do not allow (`.x-rate-limit`).
    private var shorthand: Range<Int>?

    private init(_ text: String) {
        self.text = text
        self.scalars = Array(text.unicodeScalars)
    }

    /// The query `text`, which must start with `$`.
    package static func parse(_ text: String) throws(JSONPathSyntaxError) -> JSONPathSyntax.Query {
        var parser = JSONPathParser(text)
        return try parser.parseRootQuery()
    }

    // MARK: Queries and segments

    private mutating func parseRootQuery() throws(JSONPathSyntaxError) -> Syntax.Query {
        guard consume("$") else { throw error("a JSONPath query starts with '$'") }
        let query = try parseSegments()
        guard position == scalars.count else {
            throw error("expected a segment ('.name', '..name' or '[…]') or the end of the query")
        }
        return query
    }

    /// Segments, each after optional blanks; stops before blanks that no segment follows, which belong to
    /// whatever comes next in a filter.
    private mutating func parseSegments() throws(JSONPathSyntaxError) -> Syntax.Query {
        var segments: [Syntax.Segment] = []
        while true {
            let start = position
            skipBlanks()
            guard peek == "." || peek == "[" else {
                position = start
                return Syntax.Query(segments: segments)
            }
            segments.append(try parseSegment())
        }
    }

    private mutating func parseSegment() throws(JSONPathSyntaxError) -> Syntax.Segment {
        if consume("[") {
            return Syntax.Segment(isDescendant: false, selectors: try parseBracketedSelection())
        }
        advance()  // "."
        if consume(".") {
            if consume("[") {
                return Syntax.Segment(isDescendant: true, selectors: try parseBracketedSelection())
            }
            guard let selector = parseShorthand() else {
                throw error("expected a member name, '*' or '[' after '..'")
            }
            return Syntax.Segment(isDescendant: true, selectors: [selector])
        }
        guard let selector = parseShorthand() else {
            throw error("expected a member name or '*' after '.'")
        }
        return Syntax.Segment(isDescendant: false, selectors: [selector])
    }

    /// `*` or a member name written without quotes.
    private mutating func parseShorthand() -> Syntax.Selector? {
        if consume("*") { return .wildcard }
        guard let first = peek, Self.isNameFirst(first) else { return nil }
        let start = position
        while let scalar = peek, Self.isNameFirst(scalar) || Self.isDigit(scalar) { advance() }
        shorthand = start..<position
        return .name(string(start..<position))
    }

    /// The selectors after `[`, through the closing `]`.
    private mutating func parseBracketedSelection() throws(JSONPathSyntaxError) -> [Syntax.Selector] {
        var selectors: [Syntax.Selector] = []
        while true {
            skipBlanks()
            selectors.append(try parseSelector())
            skipBlanks()
            if consume("]") { return selectors }
            guard consume(",") else {
                if case .filter? = selectors.last {
                    throw error("expected a comparison operator, '&&', '||', ',' or ']'")
                }
                throw error("expected ',' or ']'")
            }
        }
    }

    private mutating func parseSelector() throws(JSONPathSyntaxError) -> Syntax.Selector {
        switch peek {
        case "'", "\"":
            return .name(try parseStringLiteral())
        case "*":
            advance()
            return .wildcard
        case "?":
            advance()
            skipBlanks()
            return .filter(try parseLogicalOr())
        case let scalar? where scalar == "-" || scalar == ":" || Self.isDigit(scalar):
            return try parseIndexOrSlice()
        default:
            throw error("expected a selector: a quoted name, '*', an index, a slice or a '?' filter")
        }
    }

    private mutating func parseIndexOrSlice() throws(JSONPathSyntaxError) -> Syntax.Selector {
        let start = peek == ":" ? nil : try parseInteger()
        let afterStart = position
        skipBlanks()
        guard consume(":") else {
            position = afterStart
            // `start` is only nil when the selector began with ':', which the guard consumed.
            return .index(start ?? 0)
        }
        skipBlanks()
        let end = startsInteger ? try parseInteger() : nil
        skipBlanks()
        var step: Int?
        if consume(":") {
            skipBlanks()
            step = startsInteger ? try parseInteger() : nil
        }
        return .slice(start: start, end: end, step: step)
    }

    private var startsInteger: Bool {
        guard let scalar = peek else { return false }
        return scalar == "-" || Self.isDigit(scalar)
    }

    /// `0` or an optionally negative integer without leading zeros, within I-JSON's exact range.
    private mutating func parseInteger() throws(JSONPathSyntaxError) -> Int {
        let start = position
        let isNegative = consume("-")
        guard let first = peek, Self.isDigit(first) else { throw error("expected a digit") }
        if first == "0" {
            advance()
            if isNegative { throw error("'-0' is not an integer here; write 0", at: start) }
            if let next = peek, Self.isDigit(next) { throw error("an integer has no leading zeros", at: start) }
            return 0
        }
        var value = 0
        while let scalar = peek, Self.isDigit(scalar) {
            value = value * 10 + Int(scalar.value - 48)
            guard value <= Self.maxInteger else {
                throw error("the integer is out of the range ±\(Self.maxInteger)", at: start)
            }
            advance()
        }
        return isNegative ? -value : value
    }

    // MARK: Filters

    private mutating func parseLogicalOr() throws(JSONPathSyntaxError) -> Syntax.LogicalExpression {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maxNesting else {
            throw error("the filter nests more than \(Self.maxNesting) levels deep")
        }
        var operands = [try parseLogicalAnd()]
        while consumeAfterBlanks("||") {
            skipBlanks()
            operands.append(try parseLogicalAnd())
        }
        return operands.count == 1 ? operands[0] : .or(operands)
    }

    private mutating func parseLogicalAnd() throws(JSONPathSyntaxError) -> Syntax.LogicalExpression {
        var operands = [try parseBasicExpression()]
        while consumeAfterBlanks("&&") {
            skipBlanks()
            operands.append(try parseBasicExpression())
        }
        return operands.count == 1 ? operands[0] : .and(operands)
    }

    /// A parenthesized expression, a comparison or a test, any but a comparison possibly negated.
    private mutating func parseBasicExpression() throws(JSONPathSyntaxError) -> Syntax.LogicalExpression {
        if consume("!") {
            skipBlanks()
            if consume("(") { return .not(try parseParenthesized()) }
            let start = position
            return .not(try test(parseOperand(), at: start))
        }
        if consume("(") { return try parseParenthesized() }
        let start = position
        let operand = try parseOperand()
        let afterOperand = position
        skipBlanks()
        guard let comparison = parseComparisonOperator() else {
            position = afterOperand
            return try test(operand, at: start)
        }
        let left = try comparable(operand, at: start, operator: comparison)
        skipBlanks()
        let rightStart = position
        let right = try comparable(parseOperand(), at: rightStart, operator: comparison)
        return .comparison(left, comparison, right)
    }

    /// The rest of `( … )`, after the opening parenthesis.
    private mutating func parseParenthesized() throws(JSONPathSyntaxError) -> Syntax.LogicalExpression {
        skipBlanks()
        let expression = try parseLogicalOr()
        skipBlanks()
        guard consume(")") else { throw error("expected a comparison operator, '&&', '||' or ')'") }
        return expression
    }

    private mutating func parseComparisonOperator() -> Syntax.ComparisonOperator? {
        // Two-character operators first, so `<=` is not read as `<`.
        let operators: [Syntax.ComparisonOperator] = [.equal, .notEqual, .lessOrEqual, .greaterOrEqual, .less, .greater]
        return operators.first { consume($0.rawValue) }
    }

    /// A literal, a query, or a function call.
    private mutating func parseOperand() throws(JSONPathSyntaxError) -> Operand {
        switch peek {
        case "@", "$":
            let isRelative = peek == "@"
            advance()
            return .query(Syntax.FilterQuery(isRelative: isRelative, query: try parseSegments()))
        case "'", "\"":
            return .literal(.string(try parseStringLiteral()))
        case let scalar? where scalar == "-" || Self.isDigit(scalar):
            return .literal(.number(try parseNumber()))
        case let scalar? where Self.isLowercase(scalar):
            let start = position
            while let scalar = peek, Self.isLowercase(scalar) || Self.isDigit(scalar) || scalar == "_" { advance() }
            let name = string(start..<position)
            if peek == "(" { return try parseFunctionCall(name, at: start) }
            switch name {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "null": return .literal(.null)
            default: throw error("expected a literal (a quoted string, a number, true, false or null), a query or a function call", at: start)
            }
        default:
            throw error("expected a query ('@…' or '$…'), a literal, a function call, '(' or '!'")
        }
    }

    /// The rest of `name( … )`, from the opening parenthesis, with its arguments checked against the
    /// function's parameter types.
    private mutating func parseFunctionCall(_ name: String, at start: Int) throws(JSONPathSyntaxError) -> Operand {
        guard let function = Function(rawValue: name) else {
            let known = Function.allCases.map { "\($0.rawValue)()" }.joined(separator: ", ")
            throw error("unknown function '\(name)()'; the functions are \(known)", at: start)
        }
        advance()  // "("
        skipBlanks()
        var arguments: [(operand: Operand, start: Int)] = []
        if !consume(")") {
            while true {
                let argumentStart = position
                if peek == "!" || peek == "(" {
                    throw error("\(name)() takes values and queries, not logical expressions")
                }
                arguments.append((try parseOperand(), argumentStart))
                skipBlanks()
                if consume(")") { break }
                guard consume(",") else {
                    if parseComparisonOperator() != nil || peek == "&" || peek == "|" {
                        throw error("\(name)() takes values and queries, not comparisons or logical expressions", at: argumentStart)
                    }
                    throw error("expected ',' or ')'")
                }
                skipBlanks()
            }
        }
        guard arguments.count == function.arity else {
            let expected = function.arity == 1 ? "1 argument" : "\(function.arity) arguments"
            throw error("\(name)() takes \(expected), found \(arguments.count)", at: start)
        }
        func value(_ index: Int) throws(JSONPathSyntaxError) -> Syntax.Comparable {
            try comparable(arguments[index].operand, at: arguments[index].start) { subject in
                "\(subject) cannot be an argument of \(name)(), which takes a value"
            }
        }
        func nodes(_ index: Int) throws(JSONPathSyntaxError) -> Syntax.FilterQuery {
            guard case .query(let query) = arguments[index].operand else {
                throw error("the argument of \(name)() must be a query ('@…' or '$…')", at: arguments[index].start)
            }
            return query
        }
        switch function {
        case .length: return .valueFunction(.length(try value(0)), name: name)
        case .count: return .valueFunction(.count(try nodes(0)), name: name)
        case .value: return .valueFunction(.value(try nodes(0)), name: name)
        case .match: return .logicalFunction(.match(try value(0), try value(1)), name: name)
        case .search: return .logicalFunction(.search(try value(0), try value(1)), name: name)
        }
    }

    /// `operand` as one side of `comparison`: a literal, a singular query, or a function returning a value.
    private func comparable(_ operand: Operand, at start: Int, operator comparison: Syntax.ComparisonOperator) throws(JSONPathSyntaxError) -> Syntax.Comparable {
        try comparable(operand, at: start) { subject in "\(subject) cannot be compared with '\(comparison.rawValue)'" }
    }

    /// `operand` where a ValueType is needed; `problem` phrases what is wrong with a subject that is not one.
    private func comparable(_ operand: Operand, at start: Int, problem: (String) -> String) throws(JSONPathSyntaxError) -> Syntax.Comparable {
        switch operand {
        case .literal(let literal):
            return .literal(literal)
        case .query(let query):
            guard query.isSingular else {
                throw error(problem("a query that can select several nodes (one with '..', '*', a slice, a filter or several selectors)") + "; only names and indexes select a single value", at: start)
            }
            return .query(query)
        case .valueFunction(let function, _):
            return .function(function)
        case .logicalFunction(_, let name):
            throw error(problem("\(name)(), which gives a logical result,"), at: start)
        }
    }

    /// `operand` standing alone as a test: a query (does it select anything?) or a logical function.
    private func test(_ operand: Operand, at start: Int) throws(JSONPathSyntaxError) -> Syntax.LogicalExpression {
        switch operand {
        case .query(let query):
            return .exists(query)
        case .logicalFunction(let function, _):
            return .test(function)
        case .valueFunction(_, let name):
            throw error("\(name)() gives a value, not a logical result; compare it, as in \(name)(…) > 0", at: start)
        case .literal:
            throw error("a literal is not a test; compare it with '==', '!=', '<', '<=', '>' or '>='", at: start)
        }
    }

    // MARK: Literals

    /// A single- or double-quoted string with RFC 9535's escapes.
    private mutating func parseStringLiteral() throws(JSONPathSyntaxError) -> String {
        guard let quote = peek else { throw error("expected a quoted string") }
        advance()
        var value = String.UnicodeScalarView()
        while true {
            guard let scalar = peek else { throw error("expected the closing \(quote) of the string") }
            switch scalar {
            case quote:
                advance()
                return String(value)
            case "\\":
                advance()
                value.append(try parseEscape(quote: quote))
            case "\u{00}"..."\u{1F}":
                throw error("a control character in a string must be escaped, as \\u\(Self.hex4(scalar.value))")
            default:
                value.append(scalar)
                advance()
            }
        }
    }

    /// The character an escape stands for, after its backslash.
    private mutating func parseEscape(quote: Unicode.Scalar) throws(JSONPathSyntaxError) -> Unicode.Scalar {
        let escapes: [Unicode.Scalar: Unicode.Scalar] = ["b": "\u{08}", "f": "\u{0C}", "n": "\n", "r": "\r", "t": "\t", "/": "/", "\\": "\\", quote: quote]
        guard let scalar = peek else { throw error("expected an escape after '\\'") }
        if let escaped = escapes[scalar] {
            advance()
            return escaped
        }
        guard scalar == "u" else {
            throw error("expected an escape: \\b, \\f, \\n, \\r, \\t, \\/, \\\\, \\\(quote) or \\uXXXX")
        }
        let start = position - 1
        advance()
        let escaped = try UTF16Escape.scalar(try parseHex4()) { () throws(JSONPathSyntaxError) -> UInt32? in
            guard consume("\\"), consume("u") else { return nil }
            return try parseHex4()
        }
        switch escaped {
        case .success(let scalar): return scalar
        case .failure(.unpairedHighSurrogate): throw error("a high surrogate escape must be followed by a low surrogate escape (\\uDC00 to \\uDFFF)", at: start)
        case .failure(.loneLowSurrogate): throw error("a low surrogate escape must follow a high surrogate escape", at: start)
        }
    }

    private mutating func parseHex4() throws(JSONPathSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let scalar = peek, scalar.isASCII, let digit = Int(String(scalar), radix: 16) else {
                throw error("expected 4 hexadecimal digits after \\u")
            }
            value = value * 16 + UInt32(digit)
            advance()
        }
        return value
    }

    /// A JSON number: `-`, an integer part without leading zeros, a fraction and an exponent.
    private mutating func parseNumber() throws(JSONPathSyntaxError) -> Double {
        let start = position
        _ = consume("-")
        guard let first = peek, Self.isDigit(first) else { throw error("expected a digit") }
        advance()
        if first == "0", let next = peek, Self.isDigit(next) {
            throw error("a number has no leading zeros", at: start)
        }
        skipDigits()
        if consume(".") {
            guard let next = peek, Self.isDigit(next) else { throw error("expected a digit after '.'") }
            skipDigits()
        }
        if consume("e") || consume("E") {
            _ = consume("+") || consume("-")
            guard let next = peek, Self.isDigit(next) else { throw error("expected a digit in the exponent") }
            skipDigits()
        }
        // The text is a valid JSON number, which `Double` always parses (to ±infinity when out of range).
        return Double(string(start..<position)) ?? .nan
    }

    private mutating func skipDigits() {
        while let scalar = peek, Self.isDigit(scalar) { advance() }
    }

    // MARK: Scanning

    private var peek: Unicode.Scalar? {
        position < scalars.count ? scalars[position] : nil
    }

    private mutating func advance() {
        position += 1
    }

    /// Consumes `literal` when the text continues with it.
    private mutating func consume(_ literal: String) -> Bool {
        var index = position
        for scalar in literal.unicodeScalars {
            guard index < scalars.count, scalars[index] == scalar else { return false }
            index += 1
        }
        position = index
        return true
    }

    /// Consumes blanks and `literal`, or nothing when `literal` does not follow the blanks.
    private mutating func consumeAfterBlanks(_ literal: String) -> Bool {
        let start = position
        skipBlanks()
        if consume(literal) { return true }
        position = start
        return false
    }

    /// RFC 9535's blank: space, tab, line feed, carriage return.
    private mutating func skipBlanks() {
        while let scalar = peek, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { advance() }
    }

    private func string(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    private func error(_ message: String, at offset: Int? = nil) -> JSONPathSyntaxError {
        let offset = offset ?? position
        var message = message
        // A shorthand name cut short by a character it may not hold: the author meant a longer name.
        if let shorthand, shorthand.upperBound == offset, offset < scalars.count, !" \t\n\r.[]".unicodeScalars.contains(scalars[offset]) {
            var end = offset
            while end < scalars.count, !" \t\n\r.[],()=!<>&|".unicodeScalars.contains(scalars[end]) { end += 1 }
            let name = string(shorthand.lowerBound..<end).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
            message += "; a member name with characters other than letters, digits and '_' must be quoted, as in ['\(name)']"
        }
        return JSONPathSyntaxError(query: text, offset: offset, message: message)
    }

    // MARK: Character classes

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    private static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar)
    }

    /// ALPHA, `_`, or any non-ASCII scalar (a `Unicode.Scalar` is never a surrogate).
    private static func isNameFirst(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_" || scalar.value >= 0x80
    }

    private static func hex4(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
