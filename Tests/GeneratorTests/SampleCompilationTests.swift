import Testing

/// Shapes of real documents whose SDKs once did not compile, or typed a value as `JSONValue` that Swift can declare,
/// together in one document so that one build checks them all (each `swift build` a test starts competes with the
/// timing tests for the cores).
@Suite struct SampleCompilationTests {
    @Test func namesThatHideOthersAnOptionalPathParameterAndAPlainMultipartBodyCompile() async throws {
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
              /upload:
                post:
                  operationId: upload
                  requestBody:
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          properties:
                            file: {type: string, format: binary}
                            note: {type: string}
                  responses:
                    '204': {description: OK}
              /audience:
                get:
                  operationId: getAudience
                  security: [{alias: []}]
                  responses:
                    '200':
                      description: OK
                      content: {application/json: {schema: {$ref: '#/components/schemas/Holder'}}}
            components:
              securitySchemes:
                self: {type: apiKey, in: header, name: X-Self}
                other: {type: apiKey, in: header, name: X-Other}
                alias: {$ref: '#/components/securitySchemes/other'}
              schemas:
                '18_24': {type: object, properties: {a: {type: string}}}
                '25_34': {type: object, properties: {b: {type: integer}}}
                Settings:
                  type: object
                  additionalProperties:
                    oneOf:
                      - type: string
                      - $ref: '#/components/schemas/Settings'
                User: {type: object, required: [kind], properties: {kind: {type: string}, name: {type: string}}}
                Service: {type: object, required: [kind], properties: {kind: {type: string}, admin: {type: boolean}}}
                RequestIdentity:
                  allOf:
                    - oneOf: [{$ref: '#/components/schemas/User'}, {$ref: '#/components/schemas/Service'}]
                    - type: object
                      properties:
                        session_id: {type: string}
                        scopes: {type: array, items: {type: string}}
                ScheduleConfig:
                  type: object
                  required: [scheduleType]
                  properties: {scheduleType: {type: string}}
                  discriminator: {propertyName: scheduleType}
                  oneOf:
                    - $ref: '#/components/schemas/OnDemandSchedule'
                    - $ref: '#/components/schemas/DailySchedule'
                OnDemandSchedule:
                  allOf: [{$ref: '#/components/schemas/ScheduleConfig'}]
                DailySchedule:
                  allOf:
                    - $ref: '#/components/schemas/ScheduleConfig'
                    - {type: object, properties: {startTime: {type: string}}}
                Password: {type: string, minLength: 8, allOf: [{pattern: '[0-9]'}, {pattern: '[A-Z]'}]}
                SafetyMode: {enum: [CONTEXTUAL, STRICT, OFF]}
                Holder:
                  type: object
                  properties:
                    schedule: {$ref: '#/components/schemas/ScheduleConfig'}
                    password: {$ref: '#/components/schemas/Password'}
                    safety: {$ref: '#/components/schemas/SafetyMode'}
                    settings: {$ref: '#/components/schemas/Settings'}
                    identity: {$ref: '#/components/schemas/RequestIdentity'}
                    '18_24': {$ref: '#/components/schemas/18_24'}
                    audience:
                      oneOf:
                        - $ref: '#/components/schemas/18_24'
                        - $ref: '#/components/schemas/25_34'
            """)
        // A path segment cannot be left out of a URL.
        #expect(sdk.diagnostics == [
            "spec.yaml:17:47: warning: path parameter 'serving' says `required: false`, but OpenAPI requires every path parameter; it is read as required",
        ])
        // A function whose parameter has its name is called through `self` by the functions beside it.
        let api = try #require(sdk.files["Sample/APIs/DefaultAPI.swift"])
        #expect(api.contains("try await self.label(label: label, options: RequestOptions())"))
        // A credential named `self` would hide `self` in the client's initializer.
        #expect(sdk.files["Sample/Sample.swift"]?.contains("selfValue: String? = nil") == true)
        // An operation in two groups keeps its two overloads (`Data` and `UploadBody`) under one name in both: each
        // declared by the protocol and the struct, with the extension's forms without `options:` and its collecting one.
        for group in ["PetsAPI", "PhotosAPI"] {
            let groupAPI = try #require(sdk.files["Sample/APIs/\(group).swift"])
            #expect(groupAPI.components(separatedBy: "func uploadPhoto(").count - 1 == 7, "\(group)")
        }
        // `MultipartForm.addJSONField` encodes through `JSONValue.text(encoding:)`, which only an SDK that sends JSON
        // text somewhere has: a multipart body of files and fields alone has neither.
        let form = try #require(sdk.files["Sample/Runtime/MultipartForm.swift"])
        #expect(form.contains("func addFile(") && !form.contains("addJSONField"))
        // A schema named with a leading digit makes `_1824` of its type and of a property or a union case alike;
        // inside the declaration the member would hide the type, so the member is `_1824Value`.
        let holder = try #require(sdk.files["Sample/Models/Holder.swift"])
        for declaration in ["public var _1824Value: _1824?", "case _1824Value(_1824)", "case _2534Value(_2534)"] {
            #expect(holder.contains(declaration), "Holder.swift lacks \(declaration)")
        }
        // A dictionary whose values may be the dictionary again is the dictionary of the union that holds it.
        #expect(holder.contains("public var settings: [String: SettingsValue]?"))
        #expect(sdk.files["Sample/Models/SettingsValue.swift"]?.contains("case settings([String: SettingsValue])") == true)
        // springdoc's polymorphism: a union whose members extend it with `allOf` is an enum of structs that have its
        // properties; an `allOf` of constraints alone is its schema's type; `OFF` in an enum of strings is one too (a
        // YAML 1.1 boolean); a security scheme that is a `$ref` is the scheme it names.
        #expect(sdk.files["Sample/Models/ScheduleConfig.swift"]?.contains("case onDemandSchedule(OnDemandSchedule)") == true)
        #expect(sdk.files["Sample/Models/OnDemandSchedule.swift"]?.contains("public var scheduleType: String\n") == true)
        #expect(sdk.files["Sample/Models/DailySchedule.swift"]?.contains("public var startTime: String?\n") == true)
        for declaration in ["public var password: String?", "public var safety: SafetyMode?"] {
            #expect(holder.contains(declaration), "Holder.swift lacks \(declaration)")
        }
        #expect(sdk.files["Sample/Models/SafetyMode.swift"]?.contains(#"case "OFF": self = .off"#) == true)
        #expect(sdk.files["Sample/APIs/DefaultAPI.swift"]?.contains(#"request.security = [["other"]]"#) == true)
        // An `allOf` of an inline union and an object is a struct holding the union, declared beside it.
        let identity = try #require(sdk.files["Sample/Models/RequestIdentity.swift"])
        #expect(identity.contains("public var value: RequestIdentityValue\n"))
        #expect(identity.contains("public enum RequestIdentityValue: Codable, Hashable, Sendable {"))

        let build = try await buildSample(sdk.files)
        #expect(build.status == 0, "the SDK does not compile:\n\(build.output.suffix(4000))")
        #expect(compilerDiagnostics(in: build.output, containing: "warning:") == [])
    }
}
