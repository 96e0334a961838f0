import Foundation
import SDKGenCore
import SDKGenYAML
import Testing

/// The SDK generated from the OpenRouter description with its six overlays, whose `x-speakeasy-*` extensions give
/// the official SDKs' shape, against the official Go SDK's methods and signatures in `../shared/reference/`.
@Suite struct SpeakeasyParityTests {
    static let reference = PackagePaths.root.deletingLastPathComponent().appendingPathComponent("shared/reference")
    static let hasReference = OverlayTests.hasSharedSpecs
        && FileManager.default.fileExists(atPath: reference.appendingPathComponent("openrouter-go-sdk-signatures.txt").path)

    /// A method of the official Go SDK: `APIKeys.Create` and the names of its arguments besides `ctx` and `opts`,
    /// with their types' names (`GetSessionCostRequest` for `*operations.GetSessionCostRequest`).
    struct GoMethod {
        var group: String
        var name: String
        var arguments: [String]
        var argumentTypes: [String]
    }

    static func goMethods() throws -> [GoMethod] {
        let text = try String(contentsOf: reference.appendingPathComponent("openrouter-go-sdk-signatures.txt"), encoding: .utf8)
        return text.split(separator: "\n").map { line in
            // func (s *APIKeys) Create(ctx context.Context, request operations.CreateKeysRequest, opts ...operations.Option) (…)
            let receiver = line.split(separator: "*", maxSplits: 1)[1].prefix { $0 != ")" }
            let afterReceiver = line.split(separator: ") ", maxSplits: 1)[1]
            let name = afterReceiver.prefix { $0 != "(" }
            let argumentList = afterReceiver.dropFirst(name.count + 1).prefix { $0 != ")" }
            let pairs = argumentList.split(separator: ", ").map { $0.split(separator: " ", maxSplits: 1).map(String.init) }
                .filter { $0[0] != "ctx" && $0[0] != "opts" }
            return GoMethod(group: String(receiver), name: String(name), arguments: pairs.map { $0[0] },
                            argumentTypes: pairs.map { String($0[1].split(separator: ".").last ?? "") })
        }
    }

    /// Where the Swift SDK differs from a Go method: `nil` when the group has the function with the same arguments.
    static func difference(_ method: GoMethod, in sdk: SwiftSDK) -> String? {
        // The Go SDK's `BetaResponses` is its nested `client.Beta.Responses`: `client.beta.responses` in Swift.
        let group = sdk.groups.first { $0.propertyName.replacingOccurrences(of: ".", with: "").lowercased() == method.group.lowercased() }
        guard let group else {
            return "no group `\(method.group)`"
        }
        let candidates = group.operations.filter { $0.functionName.lowercased() == method.name.lowercased() && !$0.isStreaming }
        guard let operation = candidates.first else {
            return "no function `\(group.propertyName).\(method.name)`: " + group.operations.map(\.functionName).joined(separator: ", ")
        }
        let swiftArguments = operation.parameters
        let parameterNames = Set(swiftArguments.filter { $0.origin.key != "body" }.map { $0.name.lowercased() })
        if let requestStruct = operation.requestStruct, method.argumentTypes != [requestStruct.typeName] {
            return "request struct \(requestStruct.typeName) where Go takes \(method.argumentTypes)"
        }
        let matches = swiftArguments.count == method.arguments.count && zip(swiftArguments, method.arguments).allSatisfy { swift, go in
            if swift.origin.key == "body" {
                // Go names the body by its type (`chatRequest`, `requestBody`), or `request` when it is the only input.
                return !parameterNames.contains(go.lowercased())
            }
            return swift.name.lowercased() == go.lowercased()
        }
        return matches ? nil : "arguments (\(swiftArguments.map(\.name).joined(separator: ", "))) where Go has (\(method.arguments.joined(separator: ", ")))"
    }

    static func openRouterSDK() async throws -> SwiftSDK {
        let overlayPaths = try OverlayTests.openRouterOverlays()
        return try await offTheCooperativePool {
            var options = SDKGenerator.Options(specPath: OverlayTests.openRouterSpec, moduleName: "OpenRouter", overlayPaths: overlayPaths)
            // openrouter-speakeasy-gen.yaml's `maxMethodParams: 4`, as sdkgen.yaml's `maxMethodParams` gives it.
            options.overrides.maxMethodParams = try YAMLLoader().load(Array("4".utf8), file: "sdkgen.yaml").root
            return try SDKGenerator.generateModel(options).sdk
        }
    }

    @Test(.enabled(if: hasReference, "needs ../shared/reference and ../shared/specs/real beside the package"))
    func theOpenRouterSDKHasTheOfficialSDKsMethods() async throws {
        let sdk = try await Self.openRouterSDK()
        let methods = try Self.goMethods()
        #expect(methods.count == 97)
        var differences: [String: String] = [:]
        for method in methods {
            if let difference = Self.difference(method, in: sdk) {
                differences["\(method.group).\(method.name)"] = difference
            }
        }
        // Every method, with the official SDK's arguments: a multipart body as one struct (`Files.Upload`,
        // `STT.CreateTranscriptionMultipart`) and an operation's own security as `security` (`Models.ListForUser`).
        #expect(differences == [:])
        #expect(sdk.client.globalHeaders.map(\.headerName) == ["HTTP-Referer", "X-Title"])
    }
}

/// Speakeasy's `x-speakeasy-*` extensions mean what sdkgen's own do.
@Suite struct SpeakeasyExtensionTests {
    @Test func theModelGatesSpecWithSpeakeasyGlobalsGeneratesTheSameSDK() async throws {
        let text = try String(contentsOfFile: PackagePaths.spec, encoding: .utf8)
        #expect(text.contains("\nx-sdkgen-globals:"))
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Same file name, so that every mention of the spec in the SDK reads the same.
        let spec = folder.appendingPathComponent("modelgates.yaml")
        try text.replacingOccurrences(of: "\nx-sdkgen-globals:", with: "\nx-speakeasy-globals:").write(to: spec, atomically: true, encoding: .utf8)
        let output = try await offTheCooperativePool {
            try SDKGenerator.generate(.init(specPath: spec.path, templatesPath: PackagePaths.templates, moduleName: "ModelGates"))
        }
        let golden = OutputFolder(root: PackagePaths.generated, ownedFolders: ["ModelGates", "docs"])
        let differences = golden.differences(from: output.files)
        #expect(differences.isEmpty, "\(differences.map { "\($0.kind.rawValue) \($0.path)" })")
        #expect(output.diagnostics.isEmpty)
    }

    static let surfaceSpec = """
        openapi: 3.1.0
        info: {title: Surface, version: 1.0.0}
        servers: [{url: 'https://example.com'}]
        x-speakeasy-max-method-params: 2
        x-speakeasy-name-override:
          - {operationId: '^create', methodNameOverride: add}
          - {operationId: '.*', methodNameOverride: unused}
        x-speakeasy-globals:
          parameters: [{name: X-Speakeasy, in: header, schema: {type: string}}]
        x-sdkgen-globals:
          parameters: [{name: X-Sdkgen, in: header, schema: {type: string}}]
        paths:
          /items/{id}:
            get:
              operationId: getItemById
              tags: [Items]
              x-speakeasy-name-override: get
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
                - {name: input, in: query, schema: {type: string}}
                - {name: limit, in: query, x-speakeasy-name-override: maxCount, schema: {type: integer}}
                - {name: debug, in: query, x-speakeasy-ignore: true, schema: {type: boolean}}
              responses:
                '200': {description: OK, content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}}
            post:
              operationId: replaceItem
              tags: [Items]
              deprecated: true
              x-speakeasy-deprecation-message: Use update instead.
              x-speakeasy-group: things.old
              x-speakeasy-name-override: replace
              x-speakeasy-max-method-params: 0
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}
              responses:
                '204': {description: done}
            delete:
              operationId: deleteItem
              tags: [Items]
              x-speakeasy-ignore: true
              responses:
                '204': {description: done}
          /items:
            post:
              operationId: createItem
              tags: [Items, legacy.items]
              x-speakeasy-max-method-params: 0
              x-speakeasy-unknown-key: legal
              requestBody:
                content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}
              responses:
                '204': {description: done}
        components:
          schemas:
            Item:
              type: object
              properties:
                name: {type: string, x-speakeasy-name-override: title}
                secret: {type: string, x-speakeasy-ignore: true}
                kind: {type: string, enum: [a-1, b-2], x-speakeasy-enums: [first, second]}
                old: {type: string, deprecated: true, x-speakeasy-deprecation-message: Use title.}
            legacy_thing:
              x-speakeasy-name-override: Thing
              type: object
              properties: {id: {type: string}}
        """

    @Test func theSurfaceExtensionsShapeTheSDK() throws {
        let (sdk, diagnostics) = try SDKGenerator.lower(specBytes: Array(Self.surfaceSpec.utf8), file: "surface.yaml", moduleName: "Surface")
        #expect(diagnostics.map(\.description) == [])
        // x-sdkgen-globals wins over x-speakeasy-globals.
        #expect(sdk.client.globalHeaders.map(\.headerName) == ["X-Sdkgen"])
        // A dotted group nests: `client.things.old.replace`, `ThingsOldAPI` a property of `ThingsAPI`.
        // An operation with two tags is in both groups; a dotted tag nests too.
        #expect(sdk.groups.map(\.propertyName) == ["items", "things", "things.old", "legacy", "legacy.items"])
        #expect(sdk.groups.map(\.typeName) == ["ItemsAPI", "ThingsAPI", "ThingsOldAPI", "LegacyAPI", "LegacyItemsAPI"])
        #expect(sdk.groups.map(\.isNested) == [false, false, true, false, true])
        #expect(sdk.groups[4].operations.map(\.functionName) == ["add"])
        #expect(sdk.groups[1].subgroups.map { "\($0.propertyName): \($0.typeName)" } == ["old: ThingsOldAPI"])
        #expect(sdk.groups[1].operations.isEmpty)
        let items = sdk.groups[0].operations, things = sdk.groups[2].operations
        // The ignored DELETE is left out; names come from x-speakeasy-name-override, the operation's own before the
        // document's first matching rule.
        #expect(items.map(\.functionName) == ["get", "add"])
        // Three inputs beyond the document's limit of two: one request struct, without the ignored `debug`.
        let get = items[0]
        #expect(get.parameters.map(\.name) == ["request"])
        #expect(get.parameters.map(\.type.description) == ["GetItemByIDRequest"])
        #expect(get.requestStruct?.fieldNames == ["id", "input", "maxCount"])
        #expect(get.requestStruct?.localName == "inputValue")
        #expect(get.requestItems.map(\.wireName) == ["input", "limit"])
        let request = try #require(sdk.models.first { $0.typeName == "GetItemByIDRequest" })
        guard case .structure(let fields) = request.kind else { Issue.record("not a struct"); return }
        #expect(fields.properties.map { "\($0.name): \($0.type)" } == ["id: String", "input: String?", "maxCount: Int?"])
        // An operation's own limit wins; a body alone stays the body, as Speakeasy passes it as the request.
        #expect(things.map(\.functionName) == ["replace"])
        #expect(things[0].parameters.map(\.name) == ["request"])
        #expect(items[1].parameters.map(\.name) == ["body"])
        #expect(things[0].deprecationMessage == "Use update instead.")
        let item = try #require(sdk.models.first { $0.typeName == "Item" })
        guard case .structure(let itemStruct) = item.kind else { Issue.record("not a struct"); return }
        // Names from x-speakeasy-name-override (properties, schemas) and x-speakeasy-enums; the wire names stay.
        #expect(itemStruct.properties.map { "\($0.name) \($0.wireName)" } == ["title name", "kind kind", "old old"])
        #expect(itemStruct.properties[2].documentation == [.text(""), .deprecated, .text("Use title.")])
        let kind = try #require(sdk.models.first { $0.typeName == "ItemKind" })
        guard case .enumeration(let kindEnum) = kind.kind else { Issue.record("not an enum"); return }
        #expect(kindEnum.cases.map(\.name) == ["first", "second"])
        #expect(sdk.models.contains { $0.typeName == "Thing" })
    }

    @Test func aMultipartBodyIsOneStructArgumentAndOneInputOfTheRequestStruct() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: Upload, version: 1.0.0}
            servers: [{url: 'https://example.com'}]
            paths:
              /files:
                post:
                  operationId: uploadFile
                  tags: [Files]
                  x-speakeasy-max-method-params: 1
                  parameters:
                    - {name: workspace, in: query, schema: {type: string}}
                  requestBody:
                    required: true
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          required: [file]
                          properties:
                            file: {type: string, format: binary}
                            note: {type: string}
                  responses:
                    '204': {description: done}
              /scans:
                post:
                  operationId: addScan
                  tags: [Files]
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {url: {type: string}}}
                      multipart/form-data:
                        schema: {type: object, properties: {scan: {type: string, format: binary}}}
                  responses:
                    '204': {description: done}
            """
        let (sdk, diagnostics) = try SDKGenerator.lower(specBytes: Array(spec.utf8), file: "upload.yaml", moduleName: "Upload")
        #expect(diagnostics.map(\.description) == [])
        let functions = sdk.groups[0].operations
        // Beyond the limit, the body's struct is one field of the request struct, sent from `body.file`.
        let upload = functions[0]
        #expect(upload.parameters.map { "\($0.name): \($0.type)" } == ["request: UploadFileRequest"])
        #expect(upload.requestStruct?.fieldNames == ["body", "workspace"])
        guard case .multipart(let parts)? = upload.body else { Issue.record("not multipart"); return }
        #expect(parts.map { "\($0.wireName) \($0.argument)" } == ["file body.file", "note body.note"])
        let body = try #require(sdk.models.first { $0.typeName == "UploadFileRequestBody" })
        guard case .structure(let fields) = body.kind else { Issue.record("not a struct"); return }
        #expect(fields.properties.map { "\($0.name): \($0.type)" } == ["file: MultipartFile", "note: String?"])
        // The only input, beside a JSON media type: `…MultipartRequest`; an optional body is read through `?.`.
        #expect(functions.map(\.functionName) == ["uploadFile", "addScan", "addScanMultipart"])
        #expect(functions[2].parameters.map { "\($0.name): \($0.type)" } == ["body: AddScanMultipartRequest?"])
        guard case .multipart(let scanParts)? = functions[2].body else { Issue.record("not multipart"); return }
        #expect(scanParts.map(\.argument) == ["body?.scan"])
    }

    @Test func anOperationsOwnSecurityIsItsSecurityArgument() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: Keys, version: 1.0.0}
            servers: [{url: 'https://example.com'}]
            security: [{apiKey: []}]
            paths:
              /mine:
                get:
                  operationId: listMine
                  tags: [Models]
                  security: [{bearer: []}]
                  parameters: [{name: limit, in: query, schema: {type: integer}}]
                  responses: {'204': {description: done}}
              /public:
                get:
                  operationId: listPublic
                  tags: [Models]
                  security: []
                  responses: {'204': {description: done}}
              /same:
                get:
                  operationId: listSame
                  tags: [Models]
                  security: [{apiKey: []}]
                  responses: {'204': {description: done}}
            components:
              securitySchemes:
                apiKey: {type: http, scheme: bearer}
                bearer: {type: http, scheme: bearer}
            """
        let (sdk, diagnostics) = try SDKGenerator.lower(specBytes: Array(spec.utf8), file: "keys.yaml", moduleName: "Keys")
        #expect(diagnostics.map(\.description) == [])
        let functions = sdk.groups[0].operations
        // `bearer` is sent like `apiKey`, with the one credential, but it is another scheme: the call may give it.
        #expect(functions.map { $0.parameters.map { "\($0.name): \($0.type)" } } == [["security: Keys.Credentials?", "limit: Int?"], [], []])
        #expect(functions.map(\.callCredentials) == ["security", nil, nil])
        #expect(functions[0].parameters[0].documentation?.contains("(`bearer`): `apiKey`") == true)
    }

    @Test func malformedSpeakeasyValuesAreWarnedAboutWhereTheyStand() throws {
        let spec = """
            openapi: 3.1.0
            info: {title: Surface, version: 1.0.0}
            servers: [{url: 'https://example.com'}]
            x-speakeasy-max-method-params: many
            x-speakeasy-name-override: [{operationId: '(', methodNameOverride: x}, {operationId: a}]
            paths:
              /items:
                get:
                  operationId: listItems
                  x-speakeasy-ignore: sometimes
                  x-speakeasy-name-override: [list]
                  x-speakeasy-group: 3
                  x-speakeasy-max-method-params: -1
                  parameters:
                    - {name: q, in: query, x-speakeasy-name-override: 5, schema: {type: string}}
                  responses:
                    '204': {description: done}
            components:
              schemas:
                Color: {type: string, enum: [red, blue], x-speakeasy-enums: red}
            """
        let (sdk, diagnostics) = try SDKGenerator.lower(specBytes: Array(spec.utf8), file: "surface.yaml", moduleName: "Surface")
        #expect(diagnostics.map(\.description) == [
            "surface.yaml:4:32: warning: x-speakeasy-max-method-params should be a non-negative integer, found 'many'; it is ignored",
            "surface.yaml:5:43: warning: x-speakeasy-name-override: '(' is not a regular expression; the entry is ignored",
            "surface.yaml:5:72: warning: x-speakeasy-name-override: an entry needs an `operationId` pattern and a `methodNameOverride` name; it is ignored",
            "surface.yaml:10:27: warning: x-speakeasy-ignore should be true or false, found 'sometimes'; it is ignored",
            "surface.yaml:11:34: warning: x-speakeasy-name-override should be a non-empty string, found a list; it is ignored",
            "surface.yaml:12:26: warning: x-speakeasy-group should be a non-empty string, found '3'; it is ignored",
            "surface.yaml:13:38: warning: x-speakeasy-max-method-params should be a non-negative integer, found '-1'; it is ignored",
            "surface.yaml:15:59: warning: x-speakeasy-name-override should be a non-empty string, found '5'; it is ignored",
            "surface.yaml:20:65: warning: x-speakeasy-enums should be a list of names, one per enum value, found 'red'; it is ignored",
        ])
        #expect(sdk.groups.flatMap(\.operations).map(\.functionName) == ["listItems"])
    }
}
