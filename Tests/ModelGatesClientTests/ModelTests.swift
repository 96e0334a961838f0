import Foundation
import ModelGates
import Testing

@Suite("Models")
struct ModelTests {
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test("properties encode under their wire names")
    func wireNames() throws {
        let item = ActivityItem(
            date: "2025-08-24",
            model: "m",
            modelPermaslug: "m-1",
            endpointID: "e",
            providerName: "p",
            usage: 1.5,
            byokUsageInference: 0.5,
            requests: 1,
            promptTokens: 2,
            completionTokens: 3,
            reasoningTokens: 4
        )
        #expect(try Self.json(item) == """
            {"byok_usage_inference":0.5,"completion_tokens":3,"date":"2025-08-24","endpoint_id":"e","model":"m",\
            "model_permaslug":"m-1","prompt_tokens":2,"provider_name":"p","reasoning_tokens":4,"requests":1,"usage":1.5}
            """)
        let decoded = try JSONDecoder().decode(ActivityItem.self, from: Data(try Self.json(item).utf8))
        #expect(decoded == item)
    }

    @Test("a date-time is written back as it was read, to the millisecond")
    func dateTimesRoundTrip() throws {
        // Most milliseconds have no exact binary value (.428 is stored as .42799…); truncating lost one.
        for text in ["2024-07-16T01:52:42.428Z", "2024-07-16T01:52:42Z", "1555-03-01T00:00:00.999Z", "1969-12-31T23:59:59.500Z"] {
            let date = try #require(JSONCoding.date(from: text))
            #expect(JSONCoding.string(from: date) == text)
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let milliseconds = Int64.random(in: -13_000_000_000_000...1_800_000_000_000, using: &generator)
            let text = JSONCoding.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
            let read = try #require(JSONCoding.date(from: text))
            #expect((read.timeIntervalSince1970 * 1000).rounded() == Double(milliseconds), "\(text)")
            #expect(JSONCoding.string(from: read) == text)
        }
    }

    @Test("ErrorDetail.metadata accepts an object, null, or nothing")
    func optionalMetadata() throws {
        let decoder = JSONDecoder()
        let withObject = try decoder.decode(
            ErrorDetail.self,
            from: Data(#"{"code":502,"message":"m","metadata":{"raw":{"a":[1,2.5,"x",true,null]}}}"#.utf8)
        )
        #expect(withObject.metadata == ["raw": ["a": [1, 2.5, "x", true, .null]]])
        let withNull = try decoder.decode(
            ErrorDetail.self,
            from: Data(#"{"code":502,"message":"m","metadata":null}"#.utf8)
        )
        #expect(withNull.metadata == nil)
        let without = try decoder.decode(ErrorDetail.self, from: Data(#"{"code":502,"message":"m"}"#.utf8))
        #expect(without == ErrorDetail(code: 502, message: "m"))
        #expect(try Self.json(without) == #"{"code":502,"message":"m"}"#)
    }

    @Test("JSONValue keeps integers as integers through a round trip")
    func jsonValueRoundTrip() throws {
        let text = #"{"array":[1,-2,3.25,"s",false,null,{}],"big":9007199254740993,"int":1,"number":0.5}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(value == [
            "array": [1, -2, 3.25, "s", false, .null, [:]],
            "big": .int(9_007_199_254_740_993),
            "int": .int(1),
            "number": .number(0.5),
        ])
        #expect(try Self.json(value) == text)
    }
}
