import SDKGenCore
import Testing

@Suite("Scalar resolution")
struct ScalarTests {
    @Test("null forms", arguments: ["~", "null", "Null", "NULL", ""])
    func null(text: String) throws {
        #expect(try value(of: text) == .null)
    }

    @Test("true forms", arguments: ["true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"])
    func trueForms(text: String) throws {
        #expect(try value(of: text) == .bool(true))
    }

    @Test("false forms", arguments: ["false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"])
    func falseForms(text: String) throws {
        #expect(try value(of: text) == .bool(false))
    }

    @Test("words that only look special stay strings", arguments: ["y", "n", "Y", "N", "tRUE", "nULL", "yES", "nil", "none", "truthy", "~x", ".in", "inf", "nan", "NaN"])
    func nearMisses(text: String) throws {
        #expect(try value(of: text) == .string(text))
    }

    @Test("integers", arguments: [
        ("0", 0), ("12", 12), ("-12", -12), ("+12", 12), ("1_000", 1000), ("-1_000_000", -1_000_000),
        ("0x1F", 31), ("0xff", 255), ("-0x10", -16), ("0o17", 15), ("0o0", 0),
        ("0755", 0o755), ("-0755", -0o755), ("00", 0), ("08", 8), ("0999", 999),
        ("9223372036854775807", Int.max), ("-9223372036854775808", Int.min),
    ])
    func integers(text: String, expected: Int) throws {
        #expect(try value(of: text) == .int(expected))
    }

    @Test("floats", arguments: [
        ("1.5", 1.5), ("-1.5", -1.5), ("+1.5", 1.5), ("-1.5e3", -1500), ("1.5E-2", 0.015), (".5", 0.5),
        ("1.", 1), ("-.5", -0.5), ("1e3", 1000), ("1_000.25", 1000.25), ("0.0", 0),
        (".inf", .infinity), (".Inf", .infinity), (".INF", .infinity), ("+.inf", .infinity),
        ("-.inf", -.infinity), ("-.Inf", -.infinity), ("-.INF", -.infinity),
    ])
    func floats(text: String, expected: Double) throws {
        #expect(try value(of: text) == .float(expected))
    }

    @Test("NaN forms", arguments: [".nan", ".NaN", ".NAN"])
    func notANumber(text: String) throws {
        guard case .float(let value)? = try value(of: text) else {
            Issue.record("\(text) did not resolve to a float")
            return
        }
        #expect(value.isNaN)
    }

    @Test("text that is not a number stays a string", arguments: [
        "3.0.3", "1.2.3-beta", "0x", "0xG1", "0o8", "1e", "1e+", ".", "+", "_1", "12:30", "1,000",
        "2024-01-01", "1.5x", "--1", "0b101", "+-1", "1 2",
    ])
    func numberLookalikes(text: String) throws {
        #expect(try value(of: text) == .string(text))
    }

    @Test("an integer beyond Int64 becomes a float and keeps its exact text")
    func hugeInteger() throws {
        let node = try root("big: 123456789012345678901234567890\nneg: -9223372036854775809\nhex: 0x1_0000_0000_0000_0000\n")
        #expect(node["big"]?.scalar == YAMLScalar(text: "123456789012345678901234567890", style: .plain, value: .float(1.2345678901234568e29)))
        #expect(node["neg"]?.scalar?.value == .float(-0x1p63))
        #expect(node["hex"]?.scalar?.value == .float(0x1p64))
    }

    @Test("scalar styles map to YAMLScalar.Style")
    func styles() throws {
        let node = try root("""
            plain: true
            single: 'true'
            double: "true"
            literal: |
              line one
              line two
            folded: >
              folded
              text

              new paragraph
            keep: |+
              kept

            strip: >-
              stripped
            """)
        #expect(node["plain"]?.scalar == YAMLScalar(text: "true", style: .plain, value: .bool(true)))
        #expect(node["single"]?.scalar == YAMLScalar(text: "true", style: .singleQuoted, value: .string("true")))
        #expect(node["double"]?.scalar == YAMLScalar(text: "true", style: .doubleQuoted, value: .string("true")))
        #expect(node["literal"]?.scalar == YAMLScalar(text: "line one\nline two\n", style: .literal, value: .string("line one\nline two\n")))
        #expect(node["folded"]?.scalar == YAMLScalar(text: "folded text\nnew paragraph\n", style: .folded, value: .string("folded text\nnew paragraph\n")))
        #expect(node["keep"]?.string == "kept\n\n")
        #expect(node["strip"]?.string == "stripped")
    }

    @Test("quoted and block scalars are strings whatever they spell", arguments: [
        "'12'", "\"12\"", "'null'", "\"~\"", "''", "\"1.5\"", "'.inf'", "\"yes\"",
    ])
    func quotedStayStrings(text: String) throws {
        let unquoted = String(text.dropFirst().dropLast())
        #expect(try value(of: text) == .string(unquoted))
    }

    @Test("escapes and quotes are decoded")
    func escapes() throws {
        let node = try root(#"""
            a: "tab\there \u00e9 \x41 \"q\" \\"
            b: 'it''s'
            c: "line\nbreak"
            d: "😀 \U0001F600"
            """#)
        #expect(node["a"]?.string == "tab\there é A \"q\" \\")
        #expect(node["b"]?.string == "it's")
        #expect(node["c"]?.string == "line\nbreak")
        #expect(node["d"]?.string == "😀 😀")
    }

    @Test("explicit core tags resolve the value they name")
    func explicitTags() throws {
        let node = try root("""
            str: !!str 123
            strBool: !!str true
            int: !!int "12"
            intHex: !!int 0x10
            float: !!float 3
            floatQuoted: !!float '2.5'
            floatInf: !!float .inf
            bool: !!bool "false"
            null: !!null ""
            nullWord: !!null ~
            nonSpecific: ! 12
            custom: !custom 12
            customQuoted: !custom "12"
            """)
        #expect(node["str"]?.scalar?.value == .string("123"))
        #expect(node["strBool"]?.scalar?.value == .string("true"))
        #expect(node["int"]?.scalar?.value == .int(12))
        #expect(node["intHex"]?.scalar?.value == .int(16))
        #expect(node["float"]?.scalar?.value == .float(3))
        #expect(node["floatQuoted"]?.scalar?.value == .float(2.5))
        #expect(node["floatInf"]?.scalar?.value == .float(.infinity))
        #expect(node["bool"]?.scalar?.value == .bool(false))
        #expect(node["null"]?.scalar?.value == .null)
        #expect(node["nullWord"]?.scalar?.value == .null)
        #expect(node["nonSpecific"]?.scalar?.value == .string("12"))
        #expect(node["custom"]?.scalar?.value == .int(12))
        #expect(node["customQuoted"]?.scalar?.value == .string("12"))
    }

    @Test("a value its explicit tag cannot hold is a located error", arguments: [
        ("a: !!int abc", "t.yaml:1:4: error: 'abc' is not a valid !!int value"),
        ("a: !!int 1.5", "t.yaml:1:4: error: '1.5' is not a valid !!int value"),
        ("a: !!float x", "t.yaml:1:4: error: 'x' is not a valid !!float value"),
        ("a: !!float yes", "t.yaml:1:4: error: 'yes' is not a valid !!float value"),
        ("a: !!bool 1", "t.yaml:1:4: error: '1' is not a valid !!bool value"),
        ("\n- !!null x", "t.yaml:2:3: error: 'x' is not a valid !!null value"),
    ])
    func badTaggedValue(text: String, expected: String) {
        #expect(loadError(text) == [expected])
    }

    @Test("the merge key is only special when plain and untagged")
    func quotedMergeKeyIsAKey() throws {
        let node = try root("""
            a: &a {x: 1}
            b:
              "<<": *a
              !!str <<: 2
            """)
        #expect(node["b"]?.pairs?.map { $0.key.scalarText } == ["<<"])
        #expect(node["b"]?["<<"]?.pairs?.count == 1)
    }
}
