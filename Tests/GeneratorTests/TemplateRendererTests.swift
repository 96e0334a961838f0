@testable import SDKGenCore
import Testing

/// sdkgen's Mustache: what each tag prints, which whitespace stays, and where syntax errors are reported.
/// The whitespace rules are swift-mustache 2.1.1's (which sdkgen used before), so templates render as they did.
@Suite struct TemplateRendererTests {
    /// An object with whichever fields a test gives it, in the order given.
    static func object(_ fields: KeyValuePairs<String, TemplateValue>) -> TemplateValue {
        var object: TemplateObject = [:]
        for (name, value) in fields { object[name] = value }
        return .object(object)
    }
    static func list(_ values: [TemplateValue]) -> TemplateValue { .list(values) }
    static func texts(_ texts: [String]) -> TemplateValue { .lines(texts) }

    /// The templates as a set named like files in `Templates/`, with the required templates empty unless given.
    static func templateSet(_ templates: [String: String]) throws(GenerationError) -> TemplateSet {
        var files = templates
        for name in TemplateSet.requiredNames where files[name] == nil { files[name] = "" }
        return try TemplateSet(files: files.sorted { $0.key < $1.key }.map { ("\($0.key).mustache", $0.value) }, directory: "Templates")
    }

    /// `template` rendered with `value`, with `partials` beside it.
    static func render(_ template: String, _ value: TemplateValue = object([:]), partials: [String: String] = [:]) throws -> String {
        let set = try templateSet(partials.merging(["main": template]) { $1 })
        return String(decoding: try set.render(value, with: "main").get(), as: UTF8.self)
    }

    /// The diagnostics loading `template` as `main.mustache` gives.
    static func errors(_ template: String) -> [String] {
        do {
            _ = try templateSet(["main": template])
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    // MARK: Variables

    @Test func variablesPrintValuesAsTheyAreWithoutEscaping() throws {
        let value = Self.object(["name": .text("<a & \"b\" 'c'>"), "deprecated": .bool(true), "isIndirect": .bool(false), "statusCode": .text("404")])
        #expect(try Self.render("{{name}}|{{{name}}}|{{&name}}|{{ name }}", value) == "<a & \"b\" 'c'>|<a & \"b\" 'c'>|<a & \"b\" 'c'>|<a & \"b\" 'c'>")
        #expect(try Self.render("{{deprecated}} {{isIndirect}} {{statusCode}}", value) == "true false 404")
    }

    @Test func absentAndUnknownNamesPrintNothing() throws {
        #expect(try Self.render("[{{name}}][{{noSuchProperty}}][{{name.type}}]", Self.object([:])) == "[][][]")
    }

    @Test func dottedNamesLookUpEachPartInTheAnswerBefore() throws {
        let value = Self.object(["client": Self.object(["typeName": .text("Client"), "error": Self.object(["typeName": .text("ClientError")])])])
        #expect(try Self.render("{{client.typeName}} {{client.error.typeName}} {{client.missing}}", value) == "Client ClientError ")
    }

    @Test func aNameIsAnsweredByTheNearestValueOnTheStackThatHasIt() throws {
        let value = Self.object([
            "access": .text("public "),
            "typeName": .text("Outer"),
            "properties": Self.list([Self.object(["name": .text("a"), "typeName": .text("Inner")]), Self.object(["name": .text("b")])]),
        ])
        // The second property has no typeName, so the outer value answers; `.typeName` asks the top only.
        #expect(try Self.render("{{#properties}}{{access}}{{name}}:{{typeName}}:{{.typeName}};{{/properties}}", value)
            == "public a:Inner:Inner;public b:Outer:;")
    }

    @Test func aNilPropertyDoesNotHideTheSameNameFurtherDown() throws {
        let value = Self.object(["title": .text("outer"), "fields": Self.list([Self.object(["title": .absent])])])
        #expect(try Self.render("{{#fields}}{{title}}{{/fields}}", value) == "outer")
    }

    @Test func theDotIsTheValueOnTop() throws {
        #expect(try Self.render("{{#docLines}}<{{.}}>{{/docLines}}", Self.object(["docLines": Self.texts(["a", "b"])])) == "<a><b>")
    }

    // MARK: Sections

    @Test(arguments: [
        ("list", "{{#docLines}}[{{.}}]{{/docLines}}", "[one][two]"),
        ("empty list", "{{#operations}}x{{/operations}}", ""),
        ("true", "{{#deprecated}}yes {{name}}{{/deprecated}}", "yes N"),
        ("false", "{{#isIndirect}}yes{{/isIndirect}}", ""),
        ("absent", "{{#missing}}yes{{/missing}}", ""),
        ("empty text", "{{#summary}}[{{.}}]{{/summary}}", "[]"),
        ("object", "{{#structModel}}{{typeName}} in {{name}}{{/structModel}}", "S in N"),
    ])
    func sectionsRenderOncePerElementOnceForAValueAndNotForNothing(_ kind: String, _ template: String, _ expected: String) throws {
        let value = Self.object([
            "name": .text("N"), "docLines": Self.texts(["one", "two"]), "operations": Self.list([]), "deprecated": .bool(true),
            "isIndirect": .bool(false), "summary": .text(""), "structModel": Self.object(["typeName": .text("S")]),
        ])
        #expect(try Self.render(template, value) == expected, "\(kind)")
    }

    @Test(arguments: [
        ("list", "{{^docLines}}none{{/docLines}}", ""),
        ("empty list", "{{^operations}}none{{/operations}}", "none"),
        ("true", "{{^deprecated}}none{{/deprecated}}", ""),
        ("false", "{{^isIndirect}}none{{/isIndirect}}", "none"),
        ("absent", "{{^missing}}none{{/missing}}", "none"),
        ("text", "{{^summary}}none{{/summary}}", ""),
        ("object", "{{^structModel}}none{{/structModel}}", ""),
    ])
    func invertedSectionsRenderOnlyForFalseEmptyOrNothing(_ kind: String, _ template: String, _ expected: String) throws {
        let value = Self.object([
            "docLines": Self.texts(["one"]), "operations": Self.list([]), "deprecated": .bool(true), "isIndirect": .bool(false),
            "summary": .text(""), "structModel": Self.object([:]),
        ])
        #expect(try Self.render(template, value) == expected, "\(kind)")
    }

    @Test func sectionsNest() throws {
        let value = Self.object(["groups": Self.list([
            Self.object(["tag": .text("a"), "operations": Self.list([Self.object(["functionName": .text("f")]), Self.object(["functionName": .text("g")])])]),
            Self.object(["tag": .text("b"), "operations": Self.list([])]),
        ])])
        #expect(try Self.render("{{#groups}}{{tag}}:{{#operations}}{{tag}}.{{functionName}} {{/operations}}{{^operations}}none{{/operations}};{{/groups}}", value)
            == "a:a.f a.g ;b:none;")
    }

    // MARK: Position functions

    @Test func firstLastIndexEvenAndOddTellTheElementsPlace() throws {
        let value = Self.object(["cases": Self.texts(["a", "b", "c"])])
        #expect(try Self.render("{{#cases}}{{^first()}}, {{/first()}}{{.}}{{/cases}}", value) == "a, b, c")
        #expect(try Self.render("{{#cases}}{{.}}{{^last()}},{{/last()}}{{/cases}}", value) == "a,b,c")
        #expect(try Self.render("{{#cases}}{{index()}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}}{{/cases}}", value) == "0e1o2e")
        #expect(try Self.render("{{#cases}}{{plusone(index())}}{{#equalzero(index())}}!{{/equalzero(index())}} {{/cases}}", value) == "1! 2 3 ")
        #expect(try Self.render("{{first()}}|{{^first()}}outside{{/first()}}", value) == "|outside")
    }

    @Test func theListPositionHoldsInsideFlagSectionsButNotObjectSections() throws {
        let value = Self.object(["cases": Self.list([
            Self.object(["isIndirect": .bool(true), "discriminator": Self.object([:])]),
            Self.object(["isIndirect": .bool(true), "discriminator": Self.object([:])]),
        ])])
        #expect(try Self.render("{{#cases}}{{#isIndirect}}{{first()}}{{/isIndirect}};{{/cases}}", value) == "true;false;")
        #expect(try Self.render("{{#cases}}{{#discriminator}}[{{first()}}]{{/discriminator}}{{/cases}}", value) == "[][]")
    }

    // MARK: Comments, delimiters, partials

    @Test func commentsPrintNothing() throws {
        #expect(try Self.render("a{{! a comment }}b{{!\n spanning lines\n}}c") == "abc")
    }

    @Test func setDelimiterTagsChangeTheDelimitersUntilTheEndOfTheSection() throws {
        let value = Self.object(["name": .text("N"), "deprecated": .bool(true)])
        #expect(try Self.render("{{=<% %>=}}<%name%> {{name}} <%={{ }}=%>{{name}}", value) == "N {{name}} N")
        #expect(try Self.render("{{#deprecated}}{{=[[ ]]=}}[[name]][[/deprecated]]{{name}}", value) == "NN")
    }

    /// In the current context, but outside any list position, as swift-mustache rendered them.
    @Test func partialsRenderOtherTemplatesInTheCurrentContext() throws {
        let value = Self.object(["name": .text("N"), "cases": Self.texts(["a", "b"])])
        #expect(try Self.render("<{{> part}}>{{#cases}}{{> Runtime/item}}{{/cases}}", value,
                                partials: ["part": "{{name}}", "Runtime/item": "({{.}}{{first()}})"]) == "<N>(a)(b)")
        #expect(try Self.render("<{{> missing}}>", value) == "<>")
    }

    @Test func aStandalonePartialIsIndentedLineByLine() throws {
        // As the Mustache spec has it: every line of the partial's text, including those a section repeats, but
        // not the line breaks inside a value.
        let value = Self.object(["name": .text("one\ntwo"), "cases": Self.texts(["a", "b"])])
        let partial = "{{name}}\n{{#cases}}\n- {{.}}\n{{/cases}}\nend\n"
        #expect(try Self.render("start\n  {{> part}}\nafter\n", value, partials: ["part": partial])
            == "start\n  one\ntwo\n  - a\n  - b\n  end\nafter\n")
    }

    @Test func partialsThatIncludeEachOtherWithoutEndAreAnError() throws {
        let set = try Self.templateSet(["main": "{{> loop}}", "loop": "x{{> loop}}"])
        guard case .failure(let diagnostic) = set.render(Self.object([:]), with: "main") else {
            Issue.record("rendered")
            return
        }
        #expect(diagnostic.description == "Templates/loop.mustache:1:2: error: partial 'loop' is nested 64 deep: do the partials include each other without end?")
    }

    // MARK: Whitespace

    @Test(arguments: [
        // A tag alone on its line takes the line with it.
        ("a\n{{#deprecated}}\nb\n{{/deprecated}}\nc\n", "a\nb\nc\n"),
        ("a\n  {{#deprecated}}  \n  b\n\t{{/deprecated}}\t\nc\n", "a\n  b\nc\n"),
        ("a\n  {{^isIndirect}}\n  b\n  {{/isIndirect}}\nc\n", "a\n  b\nc\n"),
        ("a\n  {{! comment }}\nb\n", "a\nb\n"),
        ("a\n  {{=<% %>=}}\nb<%name%>\n", "a\nbN\n"),
        ("a\r\n{{#deprecated}}\r\nb\r\n{{/deprecated}}\r\nc", "a\r\nb\r\nc"),
        // With anything else on the line, the whitespace stays.
        ("a\n  {{#deprecated}}b{{/deprecated}}\nc\n", "a\n  b\nc\n"),
        ("a {{! comment }}\nb\n", "a \nb\n"),
        ("a\n{{name}}\nb\n", "a\nN\nb\n"),
        ("  {{name}}  \n", "  N  \n"),
        // A variable is never standalone, even with nothing else on its line.
        ("a\n  {{missing}}\nb\n", "a\n  \nb\n"),
        // The first line is never standalone (swift-mustache parsed each template behind a pragma tag)...
        ("{{#deprecated}}\nb\n{{/deprecated}}\n", "\nb\n"),
        ("{{! comment }}\nb\n", "\nb\n"),
        // ...and is dropped when blank.
        ("  \nb\n", "b\n"),
        ("\nb\n", "b\n"),
        // Whether the line after a section starts fresh follows its opening tag.
        ("{{name}}\n{{#deprecated}}\nb{{/deprecated}} {{! c }}\nz\n", "N\nbz\n"),
    ])
    func standaloneTagsTakeTheirLineWithThem(_ template: String, _ expected: String) throws {
        let value = Self.object(["name": .text("N"), "deprecated": .bool(true), "isIndirect": .bool(false)])
        #expect(try Self.render(template, value) == expected)
    }

    // MARK: Syntax errors

    @Test(arguments: [
        ("ab\n  {{#deprecated}}\nx\n", "Templates/main.mustache:2:3: error: template syntax: section 'deprecated' is not closed"),
        ("{{#a}}\n{{/b}}", "Templates/main.mustache:2:1: error: template syntax: '{{/b}}' does not close the section 'a' opened at 1:1"),
        ("x\n{{/a}}", "Templates/main.mustache:2:1: error: template syntax: '{{/a}}' closes no section"),
        ("x {{name\n", "Templates/main.mustache:1:3: error: template syntax: expected '}}' after the tag's name, found the end of the line; a name may hold letters, digits and . - _ ? * ( )"),
        ("x {{na me}}", "Templates/main.mustache:1:3: error: template syntax: expected '}}' after the tag's name, found 'm'; a name may hold letters, digits and . - _ ? * ( )"),
        ("x {{{name}}\n", "Templates/main.mustache:1:3: error: template syntax: '{{{' must close with '}}}'"),
        ("x {{\n", "Templates/main.mustache:1:3: error: template syntax: expected a tag after '{{', found a line break"),
        ("x {{! never closed\n", "Templates/main.mustache:1:3: error: template syntax: comment is not closed with '}}'"),
        ("{{=<% %>=}}\n<%name", "Templates/main.mustache:2:1: error: template syntax: expected '%>' after the tag's name, found the end of the line; a name may hold letters, digits and . - _ ? * ( )"),
        ("{{= <% =}}", "Templates/main.mustache:1:1: error: template syntax: a set-delimiter tag is '{{=START END=}}', with delimiters without blanks or '='"),
        ("a\n {{lowercased(name)}}", "Templates/main.mustache:2:2: error: template syntax: 'lowercased(name)': functions apply only to the position in a list, such as 'first()'; sdkgen offers no functions of values"),
        ("{{#count()}}{{/count()}}", "Templates/main.mustache:1:1: error: template syntax: unknown function 'count' in 'count()': the functions are first(), last(), index(), even() and odd(), and plusone, minusone, even, odd and equalzero of index()"),
        ("{{first(}}", "Templates/main.mustache:1:1: error: template syntax: 'first(' is not a name or a function call such as 'first()'"),
        ("{{% CONTENT_TYPE: HTML}}", "Templates/main.mustache:1:1: error: template syntax: the only pragma is '{{% CONTENT_TYPE: TEXT}}': sdkgen prints values as they are, never HTML-escaped"),
        ("{{<parent}}{{/parent}}", "Templates/main.mustache:1:1: error: template syntax: template inheritance ('<' tags) is not supported"),
        ("{{>*dynamic}}", "Templates/main.mustache:1:1: error: template syntax: dynamic partials ('>*') are not supported"),
    ])
    func syntaxErrorsNameTheFileLineAndColumnOfTheTag(_ template: String, _ expected: String) {
        #expect(Self.errors(template) == [expected])
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(Self.errors("é {{#a}}") == ["Templates/main.mustache:1:3: error: template syntax: section 'a' is not closed"])
    }

    @Test func sectionsNestAtMostAHundredDeep() {
        let deep = String(repeating: "{{#a}}", count: 101) + String(repeating: "{{/a}}", count: 101)
        #expect(Self.errors(deep) == ["Templates/main.mustache:1:601: error: template syntax: sections nest more than 100 deep"])
        let allowed = String(repeating: "{{#a}}", count: 100) + String(repeating: "{{/a}}", count: 100)
        #expect(Self.errors(allowed) == [])
    }

    @Test func theContentTypePragmaForTextIsAccepted() throws {
        #expect(try Self.render("a\n{{% CONTENT_TYPE: TEXT}}\n<{{name}}>", Self.object(["name": .text("&")])) == "a\n<&>")
    }

    @Test func everyTemplateOfTheFolderIsCheckedAndMissingOnesAreNamed() {
        do {
            _ = try TemplateSet(files: [("api.mustache", "{{#a}}"), ("client.mustache", "{{/b}}"), ("model.mustache", nil)], directory: "T")
            Issue.record("loaded")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "T/api.mustache:1:1: error: template syntax: section 'a' is not closed",
                "T/client.mustache:1:1: error: template syntax: '{{/b}}' closes no section",
                "T/model.mustache:1:1: error: cannot read template 'T/model.mustache' as UTF-8 text",
                "error: templates folder 'T' has no error.mustache",
                "error: templates folder 'T' has no reference.mustache",
                "error: templates folder 'T' has no model-reference.mustache",
            ])
        }
    }
}
