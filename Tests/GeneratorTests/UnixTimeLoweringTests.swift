import Testing

/// `format: unixtime` (the OpenAPI Format Registry's seconds since the epoch): a struct's property is a `Date`
/// coded as that number; elsewhere the value stays the number it is.
@Suite struct UnixTimeLoweringTests {
    /// A spec up to the response of an operation with a `unixtime` query parameter.
    private static let listEvents = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        servers: [{url: 'https://example.com'}]
        paths:
          /events:
            get:
              operationId: listEvents
              parameters:
                - {name: since, in: query, schema: {type: integer, format: unixtime}}
              responses:

        """

    @Test func aPropertyIsADateCodedAsSecondsAndAParameterStaysAnInteger() async throws {
        let sdk = try await generateSample(Self.listEvents + """
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Event'}}}}
            components:
              schemas:
                Timestamp: {type: integer, format: unixtime}
                Event:
                  type: object
                  required: [at]
                  properties:
                    at: {$ref: '#/components/schemas/Timestamp'}
                    ended: {type: [number, 'null'], format: unixtime}
                    label: {type: string, format: unixtime}
            """)
        #expect(sdk.diagnostics == [])
        let event = try #require(sdk.files["Sample/Models/Event.swift"])
        for line in [
            "public var at: Date", "public var ended: Date?", "public var label: String?",
            #"self.at = try container.decode(UnixTime.self, forKey: "at").date"#,
            #"try container.encodeIfPresent(self.ended.map(FractionalUnixTime.init), forKey: "ended")"#,
            #"self.label = try container.decodeIfPresent(String.self, forKey: "label")"#,
        ] {
            #expect(event.contains(line), "Event.swift lacks \(line)")
        }
        let api = try #require(sdk.files.first { $0.key.hasPrefix("Sample/APIs/") }?.value)
        #expect(api.contains("since: Int? = nil"))
        #expect(sdk.files["Sample/Runtime/UnixTime.swift"]?.contains("struct UnixTime: UnixTimeCoding") == true)
    }

    @Test func anSDKWithoutUnixTimePropertiesCarriesNoUnixTimeRuntime() async throws {
        let sdk = try await generateSample(Self.listEvents + """
                    '200': {description: ok, content: {application/json: {schema: {type: object, properties: {at: {type: string, format: date-time}}}}}}
            """)
        #expect(sdk.diagnostics == [])
        #expect(sdk.files["Sample/Runtime/UnixTime.swift"] == nil)
    }
}
