import Testing

/// Shapes of real documents whose SDKs once did not compile, together in one document so that one build checks them.
@Suite struct SampleCompilationTests {
    @Test func namesThatHideOthersAndAnOptionalPathParameterCompile() async throws {
        let sdk = try await generateSample("""
            openapi: 3.0.3
            info: {title: T, version: '1'}
            servers: [{url: 'https://example.com'}]
            security: [{self: [], other: []}]
            paths:
              /labels/{label}:
                get:
                  operationId: label
                  parameters:
                    - {name: label, in: path, required: true, schema: {type: string}}
                  responses:
                    '204': {description: OK}
              /servings/{serving}:
                get:
                  operationId: getServing
                  parameters:
                    - {name: serving, in: path, required: false, schema: {type: integer}}
                  responses:
                    '204': {description: OK}
              /photo:
                put:
                  operationId: uploadPhoto
                  tags: [pets, photos]
                  requestBody:
                    content:
                      application/octet-stream:
                        schema: {type: string, format: binary}
                  responses:
                    '204': {description: OK}
            components:
              securitySchemes:
                self: {type: apiKey, in: header, name: X-Self}
                other: {type: apiKey, in: header, name: X-Other}
            """)
        // A path segment cannot be left out of a URL.
        #expect(sdk.diagnostics == [
            "spec.yaml:17:47: warning: path parameter 'serving' says `required: false`, but OpenAPI requires every path parameter; it is read as required",
        ])
        // A function whose parameter has its name is called through `self` by the functions beside it.
        let labels = try #require(sdk.files["Sample/APIs/DefaultAPI.swift"])
        #expect(labels.contains("try await self.label(label: label, options: RequestOptions())"))
        // A credential named `self` would hide `self` in the client's initializer.
        #expect(sdk.files["Sample/Sample.swift"]?.contains("selfValue: String? = nil") == true)
        // An operation in two groups keeps its two overloads (`Data` and `UploadBody`) under one name in both: each
        // declared by the protocol and the struct, with the extension's forms without `options:` and its collecting one.
        for group in ["PetsAPI", "PhotosAPI"] {
            let api = try #require(sdk.files["Sample/APIs/\(group).swift"])
            #expect(api.components(separatedBy: "func uploadPhoto(").count - 1 == 7, "\(group)")
        }

        let build = try await buildSample(sdk.files)
        #expect(build.status == 0, "the SDK does not compile:\n\(build.output.suffix(4000))")
        #expect(compilerDiagnostics(in: build.output, containing: "warning:") == [])
    }
}
