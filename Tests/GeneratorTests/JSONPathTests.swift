import SDKGenCore
import Testing

/// RFC 9535 JSONPath over loaded YAML/JSON: the RFC's own examples (its §1.5 bookstore and the tables of
/// §2.3 to §2.6), comparison semantics, functions, and located syntax errors.
@Suite struct JSONPathTests {
    static func document(_ json: String) throws -> YAMLNode {
        try YAMLLoader().load(Array(json.utf8), file: "document.json").root
    }

    /// The normalized paths `query` selects in `json`.
    static func paths(_ query: String, _ json: String) throws -> [String] {
        try JSONPath(query).select(in: document(json)).map(\.description)
    }

    /// The syntax error `query` raises.
    static func syntaxError(_ query: String) -> JSONPathSyntaxError? {
        do {
            _ = try JSONPath(query)
            return nil
        } catch {
            return error
        }
    }

    // MARK: RFC 9535 §1.5, Table 2

    static let bookstore = """
        { "store": {
            "book": [
              { "category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95 },
              { "category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99 },
              { "category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8.99 },
              { "category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8", "price": 22.99 }
            ],
            "bicycle": { "color": "red", "price": 399 }
          }
        }
        """

    @Test(arguments: [
        ("$.store.book[*].author", ["$['store']['book'][0]['author']", "$['store']['book'][1]['author']", "$['store']['book'][2]['author']", "$['store']['book'][3]['author']"]),
        ("$..author", ["$['store']['book'][0]['author']", "$['store']['book'][1]['author']", "$['store']['book'][2]['author']", "$['store']['book'][3]['author']"]),
        ("$.store.*", ["$['store']['book']", "$['store']['bicycle']"]),
        ("$.store..price", ["$['store']['book'][0]['price']", "$['store']['book'][1]['price']", "$['store']['book'][2]['price']", "$['store']['book'][3]['price']", "$['store']['bicycle']['price']"]),
        ("$..book[2]", ["$['store']['book'][2]"]),
        ("$..book[2].author", ["$['store']['book'][2]['author']"]),
        ("$..book[2].publisher", []),
        ("$..book[-1]", ["$['store']['book'][3]"]),
        ("$..book[0,1]", ["$['store']['book'][0]", "$['store']['book'][1]"]),
        ("$..book[:2]", ["$['store']['book'][0]", "$['store']['book'][1]"]),
        ("$..book[?@.isbn]", ["$['store']['book'][2]", "$['store']['book'][3]"]),
        ("$..book[?@.price<10]", ["$['store']['book'][0]", "$['store']['book'][2]"]),
    ])
    func bookstore(query: String, expected: [String]) throws {
        #expect(try Self.paths(query, Self.bookstore) == expected)
    }

    @Test func everyMemberAndElementOfTheBookstore() throws {
        let all = try Self.paths("$..*", Self.bookstore)
        // store, book, bicycle, 4 books, their 4 + 4 + 5 + 5 members, and the bicycle's 2.
        #expect(all.count == 27)
        #expect(all.prefix(4) == ["$['store']", "$['store']['book']", "$['store']['bicycle']", "$['store']['book'][0]"])
    }

    @Test func aSelectedPathLeadsToItsNode() throws {
        let document = try Self.document(Self.bookstore)
        let path = try #require(JSONPath("$..book[?@.price > 20].author").select(in: document).first)
        #expect(document[path]?.string == "J. R. R. Tolkien")
    }

    // MARK: Selectors, RFC 9535 §2.3

    @Test(arguments: [
        ("$.o['j j']", ["$['o']['j j']"]),
        ("$.o['j j']['k.k']", ["$['o']['j j']['k.k']"]),
        (#"$.o["j j"]["k.k"]"#, ["$['o']['j j']['k.k']"]),
        (#"$["'"]["@"]"#, [#"$['\'']['@']"#]),
    ])
    func nameSelector(query: String, expected: [String]) throws {
        #expect(try Self.paths(query, #"{"o": {"j j": {"k.k": 3}}, "'": {"@": 2}}"#) == expected)
    }

    @Test(arguments: [
        ("$[*]", ["$['o']", "$['a']"]),
        ("$.o[*]", ["$['o']['j']", "$['o']['k']"]),
        ("$.o[*, *]", ["$['o']['j']", "$['o']['k']", "$['o']['j']", "$['o']['k']"]),
        ("$.a[*]", ["$['a'][0]", "$['a'][1]"]),
        ("$.a.*", ["$['a'][0]", "$['a'][1]"]),
        ("$.a[0].*", []),
    ])
    func wildcardSelector(query: String, expected: [String]) throws {
        #expect(try Self.paths(query, #"{"o": {"j": 1, "k": 2}, "a": [5, 3]}"#) == expected)
    }

    @Test(arguments: [
        ("$[1]", ["$[1]"]),
        ("$[-2]", ["$[0]"]),
        ("$[2]", []),
        ("$[-3]", []),
        ("$[ 0 , 1 ]", ["$[0]", "$[1]"]),
    ])
    func indexSelector(query: String, expected: [String]) throws {
        #expect(try Self.paths(query, #"["a", "b"]"#) == expected)
    }

    @Test(arguments: [
        ("$[1:3]", ["$[1]", "$[2]"]),
        ("$[5:]", ["$[5]", "$[6]"]),
        ("$[1:5:2]", ["$[1]", "$[3]"]),
        ("$[5:1:-2]", ["$[5]", "$[3]"]),
        ("$[::-1]", ["$[6]", "$[5]", "$[4]", "$[3]", "$[2]", "$[1]", "$[0]"]),
        ("$[::0]", []),
        ("$[-2:]", ["$[5]", "$[6]"]),
        ("$[:-5]", ["$[0]", "$[1]"]),
        ("$[100:]", []),
        ("$[-100:2]", ["$[0]", "$[1]"]),
        ("$[ 1 : 3 : 1 ]", ["$[1]", "$[2]"]),
        ("$[:2:-1]", ["$[6]", "$[5]", "$[4]", "$[3]"]),
        ("$[0:2, 5]", ["$[0]", "$[1]", "$[5]"]),
    ])
    func sliceSelector(query: String, expected: [String]) throws {
        #expect(try Self.paths(query, #"["a", "b", "c", "d", "e", "f", "g"]"#) == expected)
    }

    @Test func indexesAndSlicesSelectNothingFromAMapping() throws {
        #expect(try Self.paths("$[0]", #"{"0": 1}"#) == [])
        #expect(try Self.paths("$[0:1]", #"{"0": 1}"#) == [])
        #expect(try Self.paths("$.a", "5") == [])
    }

    static let filterDocument = """
        {"a": [3, 5, 1, 2, 4, 6, {"b": "j"}, {"b": "k"}, {"b": {}}, {"b": "kilo"}],
         "o": {"p": 1, "q": 2, "r": 3, "s": 5, "t": {"u": 6}},
         "e": "f"}
        """

    /// RFC 9535 §2.3.5.3, Table 12.
    @Test(arguments: [
        ("$.a[?@.b == 'kilo']", ["$['a'][9]"]),
        ("$.a[?(@.b == 'kilo')]", ["$['a'][9]"]),
        ("$.a[?@>3.5]", ["$['a'][1]", "$['a'][4]", "$['a'][5]"]),
        ("$.a[?@.b]", ["$['a'][6]", "$['a'][7]", "$['a'][8]", "$['a'][9]"]),
        ("$[?@.*]", ["$['a']", "$['o']"]),
        ("$[?@[?@.b]]", ["$['a']"]),
        ("$.o[?@<3, ?@<3]", ["$['o']['p']", "$['o']['q']", "$['o']['p']", "$['o']['q']"]),
        (#"$.a[?@<2 || @.b == "k"]"#, ["$['a'][2]", "$['a'][7]"]),
        (#"$.a[?match(@.b, "[jk]")]"#, ["$['a'][6]", "$['a'][7]"]),
        (#"$.a[?search(@.b, "[jk]")]"#, ["$['a'][6]", "$['a'][7]", "$['a'][9]"]),
        ("$.o[?@>1 && @<4]", ["$['o']['q']", "$['o']['r']"]),
        ("$.o[?@.u || @.x]", ["$['o']['t']"]),
        ("$.a[?@.b == $.x]", ["$['a'][0]", "$['a'][1]", "$['a'][2]", "$['a'][3]", "$['a'][4]", "$['a'][5]"]),
        ("$.a[?@ == @]", (0..<10).map { "$['a'][\($0)]" }),
        ("$.a[?!@.b]", (0..<6).map { "$['a'][\($0)]" }),
        ("$.a[?!(@.b == 'kilo' || @ > 1)]", ["$['a'][2]", "$['a'][6]", "$['a'][7]", "$['a'][8]"]),
    ])
    func filterSelector(query: String, expected: [String]) throws {
        #expect(try Self.paths(query, Self.filterDocument) == expected)
    }

    // MARK: Comparisons, RFC 9535 §2.3.5.2 (Table 11)

    /// Whether `expression` holds, evaluated as a filter over `{"obj": …, "arr": …}`, whose two members
    /// the filter selects together or not at all since the expression does not depend on `@`.
    static func holds(_ expression: String) throws -> Bool {
        let selected = try paths("$[?\(expression)]", #"{"obj": {"x": "y"}, "arr": [2, 3]}"#)
        return !selected.isEmpty
    }

    @Test(arguments: [
        ("$.absent1 == $.absent2", true),
        ("$.absent1 <= $.absent2", true),
        ("$.absent == 'g'", false),
        ("$.absent1 != $.absent2", false),
        ("$.absent != 'g'", true),
        ("1 <= 2", true),
        ("1 > 2", false),
        ("13 == '13'", false),
        ("'a' <= 'b'", true),
        ("'a' > 'b'", false),
        ("$.obj == $.arr", false),
        ("$.obj != $.arr", true),
        ("$.obj == $.obj", true),
        ("$.obj != $.obj", false),
        ("$.arr == $.arr", true),
        ("$.arr != $.arr", false),
        ("$.obj == 17", false),
        ("$.obj != 17", true),
        ("$.obj <= $.arr", false),
        ("$.obj < $.arr", false),
        ("$.obj <= $.obj", true),
        ("$.arr <= $.arr", true),
        ("1 <= $.arr", false),
        ("1 >= $.arr", false),
        ("1 > $.arr", false),
        ("1 < $.arr", false),
        ("true <= true", true),
        ("true > true", false),
    ])
    func comparisonTable(expression: String, expected: Bool) throws {
        #expect(try Self.holds(expression) == expected)
    }

    @Test(arguments: [
        ("1 == 1.0", true), ("1 == 1e0", true), ("-0 == 0", true), ("1.5 == 15e-1", true),
        ("true == 1", false), ("false == 0", false), ("null == null", true), ("null < null", false),
        ("null <= 1", false), (#"'x' == "x""#, true), ("'' < 'a'", true), ("'a' < 'é'", true),
        ("'ab' < 'b'", true), ("$.arr[0] < $.arr[1]", true), ("$.arr[-1] == 3", true),
        ("$.obj.x == 'y'", true), ("$['obj']['x'] != 'y'", false),
    ])
    func comparisonSemantics(expression: String, expected: Bool) throws {
        #expect(try Self.holds(expression) == expected)
    }

    @Test func structuredValuesAreEqualByContentNotOrder() throws {
        let same = #"[{"a": {"p": 1, "q": [1, {"x": 2}]}, "b": {"q": [1, {"x": 2}], "p": 1.0}}]"#
        let different = #"[{"a": {"p": 1}, "b": {"p": 1, "q": 2}}]"#
        #expect(try Self.paths("$[?@.a == @.b]", same) == ["$[0]"])
        #expect(try Self.paths("$[?@.a == @.b]", different) == [])
        #expect(try Self.paths("$[?@.a != @.b]", different) == ["$[0]"])
    }

    // MARK: Descendants, RFC 9535 §2.5.2.3

    static let descendantDocument = #"{"o": {"j": 1, "k": 2}, "a": [5, 3, [{"j": 4}, {"k": 6}]]}"#

    @Test(arguments: [
        ("$..j", ["$['o']['j']", "$['a'][2][0]['j']"]),
        ("$..[0]", ["$['a'][0]", "$['a'][2][0]"]),
        ("$..o", ["$['o']"]),
        ("$.o..[*, *]", ["$['o']['j']", "$['o']['k']", "$['o']['j']", "$['o']['k']"]),
        ("$.a..[0, 1]", ["$['a'][0]", "$['a'][1]", "$['a'][2][0]", "$['a'][2][1]"]),
        ("$..[?@.j]", ["$['o']", "$['a'][2][0]"]),
    ])
    func descendantSegment(query: String, expected: [String]) throws {
        #expect(try Self.paths(query, Self.descendantDocument) == expected)
    }

    @Test func descendantWildcardsVisitParentsBeforeChildrenInDocumentOrder() throws {
        let expected = [
            "$['o']", "$['a']", "$['o']['j']", "$['o']['k']", "$['a'][0]", "$['a'][1]", "$['a'][2]",
            "$['a'][2][0]", "$['a'][2][1]", "$['a'][2][0]['j']", "$['a'][2][1]['k']",
        ]
        #expect(try Self.paths("$..*", Self.descendantDocument) == expected)
        #expect(try Self.paths("$..[*]", Self.descendantDocument) == expected)
    }

    // MARK: Null, RFC 9535 §2.6.1

    @Test(arguments: [
        ("$.a", ["$['a']"]),
        ("$.a[0]", []),
        ("$.a.d", []),
        ("$.b[0]", ["$['b'][0]"]),
        ("$.b[*]", ["$['b'][0]"]),
        ("$.b[?@]", ["$['b'][0]"]),
        ("$.b[?@==null]", ["$['b'][0]"]),
        ("$.c[?@.d==null]", []),
        ("$.null", ["$['null']"]),
    ])
    func nullIsAValueNotAbsence(query: String, expected: [String]) throws {
        #expect(try Self.paths(query, #"{"a": null, "b": [null], "c": [{}], "null": 1}"#) == expected)
    }

    // MARK: Functions, RFC 9535 §2.4

    static let functionDocument = """
        [{"timezone": "Europe/Berlin", "color": "red", "tags": ["a", "b"]},
         {"timezone": "America/New_York", "nested": {"color": "red"}, "tags": []},
         {"timezone": "Europe", "palette": {"color": "blue", "more": {"color": "red"}}, "name": "é😀"},
         {"timezone": 5}]
        """

    @Test(arguments: [
        ("$[?length(@.tags) == 2]", ["$[0]"]),
        ("$[?length(@.tags) < 1]", ["$[1]"]),
        ("$[?length(@.name) == 2]", ["$[2]"]),
        ("$[?length(@.timezone) == 6]", ["$[2]"]),
        ("$[?length(@) == 3]", ["$[0]", "$[1]", "$[2]"]),
        ("$[?length('abc') == 3]", ["$[0]", "$[1]", "$[2]", "$[3]"]),
        ("$[?count(@.*) == 1]", ["$[3]"]),
        ("$[?count(@..color) == 2]", ["$[2]"]),
        ("$[?value(@..color) == 'red']", ["$[0]", "$[1]"]),
        ("$[?match(@.timezone, 'Europe/.*')]", ["$[0]"]),
        ("$[?match(@.timezone, 'Europe')]", ["$[2]"]),
        ("$[?search(@.timezone, 'Europe')]", ["$[0]", "$[2]"]),
        ("$[?search(@.timezone, '^Europe')]", []),
        ("$[?search(@.timezone, 'Y.rk')]", ["$[1]"]),
        ("$[?match(@.timezone, '[A-Z][a-z]+/\\\\p{Lu}.*')]", ["$[0]", "$[1]"]),
        ("$[?!match(@.timezone, 'Europe.*')]", ["$[1]", "$[3]"]),
    ])
    func functionExtensions(query: String, expected: [String]) throws {
        #expect(try Self.paths(query, Self.functionDocument) == expected)
    }

    @Test func regularExpressionsFollowIRegexpNotICU() throws {
        let document = #"["a\nb", "a^b", "ab", "AB", "aab"]"#
        // `.` does not match a line break; `^` is an ordinary character.
        #expect(try Self.paths("$[?match(@, 'a.b')]", document) == ["$[1]", "$[4]"])
        #expect(try Self.paths("$[?match(@, 'a\\\\^b')]", document) == ["$[1]"])
        // Not I-Regexps: a group modifier, a lazy quantifier, a `\d` escape, an unclosed class. All false.
        #expect(try Self.paths("$[?match(@, '(?i)ab')]", document) == [])
        #expect(try Self.paths("$[?match(@, 'a+?b')]", document) == [])
        #expect(try Self.paths("$[?search(@, '\\\\d')]", document) == [])
        #expect(try Self.paths("$[?match(@, '[ab')]", document) == [])
        #expect(try Self.paths("$[?match(@, 'a{1,2}b')]", document) == ["$[2]", "$[4]"])
    }

    /// RFC 9535 §2.4.9's well-typedness examples, and the like.
    @Test(arguments: [
        "$[?length(@) < 3]", "$[?count(@.*) == 1]", "$[?match(@.timezone, 'Europe/.*')]",
        "$[?value(@..color) == \"red\"]", "$[?count(@.a) > 0]", "$[?length(value(@.*)) > 0]",
    ])
    func wellTypedFunctions(query: String) {
        #expect(Self.syntaxError(query) == nil)
    }

    @Test(arguments: [
        ("$[?length(@.*) < 3]", "cannot be an argument of length()"),
        ("$[?count(1) == 1]", "the argument of count() must be a query"),
        ("$[?match(@.timezone, 'Europe/.*') == true]", "match(), which gives a logical result, cannot be compared"),
        ("$[?value(@..color)]", "value() gives a value, not a logical result"),
        ("$[?foo(@.a)]", "unknown function 'foo()'"),
        ("$[?length(@.a, @.b) > 1]", "length() takes 1 argument, found 2"),
        ("$[?length(@.a == 1)]", "takes values and queries, not comparisons"),
        ("$[?@.* == 1]", "a query that can select several nodes"),
        ("$[?true]", "a literal is not a test"),
    ])
    func illTypedFunctionsAreSyntaxErrors(query: String, problem: String) throws {
        let error = try #require(Self.syntaxError(query))
        #expect(error.description.contains(problem), "\(error)")
    }

    // MARK: Syntax

    @Test func blanksAreAllowedBetweenSegmentsAndInsideBrackets() throws {
        #expect(try Self.paths("$ [ 'a' , 'b' ]", #"{"a": 1, "b": 2}"#) == ["$['a']", "$['b']"])
        #expect(try Self.paths("$\n.a\t.b", #"{"a": {"b": 1}}"#) == ["$['a']['b']"])
        #expect(try Self.paths("$[?\n@.a ]", #"[{"a": 1}, {}]"#) == ["$[0]"])
        #expect(try Self.paths("$[? @.a==1&&@.b ]", #"[{"a": 1, "b": 0}, {"a": 1}]"#) == ["$[0]"])
    }

    @Test func stringLiteralsUnescape() throws {
        let document = #"{"é": 1, "😀": 2, "'\"": 3, "a\nb": 4, "\\/": 5}"#
        #expect(try Self.paths(#"$["\u00e9"]"#, document) == ["$['é']"])
        #expect(try Self.paths(#"$['\uD83D\uDE00']"#, document) == ["$['😀']"])
        #expect(try Self.paths(#"$['\'"']"#, document) == [#"$['\'"']"#])
        #expect(try Self.paths(#"$["'\""]"#, document) == [#"$['\'"']"#])
        #expect(try Self.paths(#"$['a\nb']"#, document) == [#"$['a\nb']"#])
        #expect(try Self.paths(#"$['\\\/']"#, document) == [#"$['\\/']"#])
    }

    @Test func memberNameShorthands() throws {
        #expect(try Self.paths("$.éa_1", #"{"éa_1": 1}"#) == ["$['éa_1']"])
        #expect(try Self.paths("$._x", #"{"_x": 1}"#) == ["$['_x']"])
        #expect(try Self.paths("$.true", #"{"true": 1}"#) == ["$['true']"])
    }

    @Test func yamlKeysAreMatchedByTheirText() throws {
        let document = try YAMLLoader().load(Array("responses:\n  200:\n    description: ok\n".utf8), file: "spec.yaml").root
        #expect(try JSONPath("$.responses['200'].description").select(in: document).map(\.description) == ["$['responses']['200']['description']"])
    }

    @Test(arguments: [
        ("", 0, "a JSONPath query starts with '$'"),
        (" $", 0, "a JSONPath query starts with '$'"),
        ("$ ", 1, "expected a segment"),
        ("$.", 2, "expected a member name or '*' after '.'"),
        ("$. a", 2, "expected a member name or '*' after '.'"),
        ("$..", 3, "expected a member name, '*' or '[' after '..'"),
        ("$.a b", 3, "expected a segment"),
        ("$[", 2, "expected a selector"),
        ("$[]", 2, "expected a selector"),
        ("$[1", 3, "expected ',' or ']'"),
        ("$[0,]", 4, "expected a selector"),
        ("$['a", 4, "expected the closing ' of the string"),
        ("$[01]", 2, "an integer has no leading zeros"),
        ("$[-0]", 2, "'-0' is not an integer here"),
        ("$[9007199254740992]", 2, "out of the range"),
        ("$[1:2:3:4]", 7, "expected ',' or ']'"),
        (#"$['\"']"#, 4, "expected an escape"),
        (#"$["\uD83D"]"#, 3, "must be followed by a low surrogate"),
        ("$[?@.a = 1]", 7, "expected a comparison operator, '&&', '||', ',' or ']'"),
        ("$[?(@.a]", 7, "expected a comparison operator, '&&', '||' or ')'"),
        ("$[?@.a == 01]", 10, "a number has no leading zeros"),
        ("$[?@.a == tru]", 10, "expected a literal"),
    ])
    func syntaxErrorsNameTheOffsetAndTheExpectation(query: String, offset: Int, expected: String) throws {
        let error = try #require(Self.syntaxError(query))
        #expect(error.offset == offset, "\(error)")
        #expect(error.message.contains(expected), "\(error)")
    }

    @Test func aShorthandNameRunningOnSuggestsQuoting() throws {
        let error = try #require(Self.syntaxError("$.paths.x-rate-limit"))
        #expect(error.offset == 9)
        #expect(error.description == "invalid JSONPath '$.paths.x-rate-limit' at offset 9 ('-'): expected a segment ('.name', '..name' or '[…]') or the end of the query; a member name with characters other than letters, digits and '_' must be quoted, as in ['x-rate-limit']")
    }

    @Test func anInvisibleCharacterIsNamedByItsCodePoint() {
        #expect(Self.syntaxError("$.a b")?.description == "invalid JSONPath '$.a b' at offset 3 (U+0020): expected a segment ('.name', '..name' or '[…]') or the end of the query")
    }

    @Test func deeplyNestedFiltersAreRefusedNotOverflowed() throws {
        let query = "$[?" + String(repeating: "(", count: 10_000) + "@" + String(repeating: ")", count: 10_000) + "]"
        let error = try #require(Self.syntaxError(query))
        #expect(error.message.contains("nests more than"))
    }
}
