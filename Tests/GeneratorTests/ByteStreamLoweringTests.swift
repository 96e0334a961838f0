import Testing

/// A binary success response gets a second function returning the body as a `ByteStream`.
@Suite struct ByteStreamLoweringTests {
    @Test func aBinaryResponseGetsAStreamingFunctionAndOnlyTheRuntimeItNeeds() async throws {
        let sdk = try await generateSample("""
            openapi: 3.1.0
            info: {title: T, version: '1'}
            servers: [{url: 'https://example.com/v1'}]
            paths:
              /files/{id}:
                get:
                  operationId: getFile
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  responses:
                    '200': {description: The file., content: {application/octet-stream: {schema: {type: string, format: binary}}}}
              /notes:
                get:
                  operationId: getNotes
                  responses:
                    '200': {description: The notes., content: {text/plain: {schema: {type: string}}}}
            """)
        #expect(sdk.diagnostics.isEmpty)
        let api = try #require(sdk.files["Sample/APIs/DefaultAPI.swift"] ?? sdk.files.first { $0.key.hasPrefix("Sample/APIs/") }?.value)
        #expect(api.contains("func getFile(\n        id: String,\n        options: RequestOptions = RequestOptions()\n    ) async throws(SampleError) -> Data {"))
        #expect(api.contains("func getFileStream(\n        id: String,\n        options: RequestOptions = RequestOptions()\n    ) async throws(SampleError) -> ByteStream {"))
        #expect(api.contains("let response = try await client.stream(request, options: options)"))
        #expect(api.contains("return response.byteStream()"))
        // A text response is read whole, with no streaming twin.
        #expect(!api.contains("getNotesStream"))
        #expect(sdk.files["Sample/Runtime/ByteStream.swift"]?.contains("struct ByteStream: AsyncSequence") == true)
        #expect(sdk.files["Sample/Runtime/StreamingURLSession.swift"] != nil)
        #expect(sdk.files["Sample/Runtime/ServerSentEvents.swift"] == nil)
        #expect(sdk.files["Sample/Runtime/ServerSentEventParser.swift"] == nil)
    }
}
