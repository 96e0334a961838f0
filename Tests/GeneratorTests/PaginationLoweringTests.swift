import Foundation
import SDKGenCore
import Testing

/// Pagination read from `x-speakeasy-pagination`, `x-sdkgen-pagination` and `sdkgen.yaml`, lowered into paging functions.
@Suite struct PaginationLoweringTests {
    /// A spec whose `GET /issues` returns an array of issues and whose `GET /pets` returns `{data, next}`, with the
    /// given `x-speakeasy-pagination` on `/pets`.
    static func spec(petsPagination: String) -> String {
        """
        openapi: 3.1.0
        info: {title: Paging, version: '1'}
        servers: [{url: 'https://paging.example'}]
        paths:
          /issues:
            get:
              operationId: listIssues
              parameters: [{name: page, in: query, schema: {type: integer}}]
              responses:
                '200':
                  description: Issues.
                  content: {application/json: {schema: {type: array, items: {type: string}}}}
          /pets:
            get:
              operationId: listPets
              parameters: [{name: offset, in: query, schema: {type: integer}}, {name: name, in: query, schema: {type: string}}]
              responses:
                '200':
                  description: Pets.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [data]
                        properties:
                          data: {type: array, items: {type: string}}
                          next: {type: string}
              x-speakeasy-pagination:
        \(petsPagination)
        """
    }

    private func lower(_ yaml: String) throws -> (sdk: SwiftSDK, diagnostics: [String]) {
        let lowered = try SDKGenerator.lower(specBytes: Array(yaml.utf8), file: "t.yaml", moduleName: "Paging")
        return (lowered.sdk, lowered.diagnostics.map(\.description))
    }

    private func pagination(_ sdk: SwiftSDK, _ operationID: String) -> PaginationDeclaration? {
        sdk.groups.flatMap(\.operations).first { $0.operationID == operationID }?.pagination
    }

    @Test func anOffsetRuleGetsPagesAndItemsFunctionsReadingTheResultsProperty() throws {
        let (sdk, diagnostics) = try lower(Self.spec(petsPagination: """
                    type: offsetLimit
                    inputs: [{name: offset, in: parameters, type: offset}]
                    outputs: {results: $.data}
            """))
        #expect(diagnostics == [])
        let paging = try #require(pagination(sdk, "listPets"))
        #expect(paging.pagesFunctionName == "listPetsPages")
        #expect(paging.itemsFunctionName == "listPetsItems")
        #expect(paging.itemType == .string)
        guard case .offset(let offset, limit: nil) = paging.rule else {
            Issue.record("listPets should page by offset, without a limit: \(paging.rule)")
            return
        }
        #expect(offset.argument == "offset" && offset.property == nil && offset.isOptional)
        #expect(pagination(sdk, "listIssues") == nil)
    }

    @Test func theFunctionsPagingADeprecatedOperationAreDeprecatedWithItsMessage() throws {
        let spec = Self.spec(petsPagination: """
                    type: offsetLimit
                    inputs: [{name: offset, in: parameters, type: offset}]
                    outputs: {results: $.data}
            """).replacingOccurrences(of: "      operationId: listPets\n",
                                      with: "      operationId: listPets\n      deprecated: true\n      x-speakeasy-deprecation-message: Use listAnimals.\n")
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("paging.yaml").path
        try spec.write(toFile: path, atomically: true, encoding: .utf8)
        let files = try SDKGenerator.generate(SDKGenerator.Options(specPath: path, templatesPath: PackagePaths.templates, moduleName: "Paging")).files
        let api = try #require(files.first { $0.path == "Paging/APIs/DefaultAPI.swift" }).contents
        let attribute = #"    @available(*, deprecated, message: "Use listAnimals.")"#
        for function in ["listPets(", "listPetsPages(", "listPetsItems("] {
            #expect(api.contains(attribute + "\n    public func " + function), "\(function) is not deprecated with the message")
        }
    }

    @Test func whatCannotBePagedIsAWarningAtItsPlaceAndNoPagingFunction() throws {
        let cases: [(rule: String, warning: String)] = [
            ("""
                    type: offsetLimit
                    inputs: [{name: offset, in: parameters, type: offset}]
                    outputs: {results: '$.data[0]'}
            """, "t.yaml:31:28: warning: x-speakeasy-pagination: output results `$.data[0]`: sdkgen reads a path of properties such as `$.data` or `$.meta.next`, not filters, indexes or wildcards; the operation gets no paging functions"),
            ("""
                    type: offsetLimit
                    inputs: [{name: skip, in: parameters, type: offset}]
                    outputs: {results: $.data}
            """, "t.yaml:30:18: warning: x-speakeasy-pagination: input skip: names no parameter of the operation; the operation gets no paging functions"),
            ("""
                    type: cursor
                    inputs: [{name: name, in: parameters, type: cursor}]
                    outputs: {nextCursor: $.missing}
            """, "t.yaml:31:31: warning: x-speakeasy-pagination: output nextCursor `$.missing`: ListPetsResponse has no property 'missing'; the operation gets no paging functions"),
            ("""
                    type: offsetLimit
                    inputs: [{name: offset, in: requestBody, type: offset}]
                    outputs: {results: $.data}
            """, "t.yaml:30:18: warning: x-speakeasy-pagination: input offset: the operation has no JSON request body; the operation gets no paging functions"),
            ("""
                    type: pages
            """, "t.yaml:29:15: warning: x-speakeasy-pagination: type should be one of offsetLimit, cursor, url, linkHeader, not pages; the operation gets no paging functions"),
        ]
        for (rule, warning) in cases {
            let (sdk, diagnostics) = try lower(Self.spec(petsPagination: rule))
            #expect(diagnostics == [warning])
            #expect(pagination(sdk, "listPets") == nil)
        }
    }

    @Test func sdkgenYAMLDeclaresPaginationPerOperationID() async throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = folder.appendingPathComponent("openapi.yaml")
        try Self.spec(petsPagination: "        {type: url, outputs: {nextUrl: $.next}}").write(to: spec, atomically: true, encoding: .utf8)
        let configFile = folder.appendingPathComponent("sdkgen.yaml")
        try """
            pagination:
              listIssues: {type: linkHeader, outputs: {results: $}}
              listPetz: {type: linkHeader}
            """.write(to: configFile, atomically: true, encoding: .utf8)
        let config = try GenerationConfig.load(contentsOf: configFile.path)
        var options = SDKGenerator.Options(specPath: spec.path, moduleName: "Paging")
        options.overrides = DocumentOverrides(pagination: config.pagination)
        let configured = options
        let (sdk, diagnostics) = try await offTheCooperativePool { try SDKGenerator.generateModel(configured) }
        #expect(diagnostics.map(\.description) == ["\(configFile.path):3:3: warning: pagination: no operation has the operationId 'listPetz'"])
        #expect(pagination(sdk, "listIssues")?.rule == .linkHeader)
        #expect(pagination(sdk, "listIssues")?.itemType == .string)
        guard case .nextURL(let next)? = pagination(sdk, "listPets")?.rule else {
            Issue.record("listPets should page by its next URL")
            return
        }
        #expect(next.text == "next")
        #expect(next.type == .optional(.string))
    }

    @Test func aBadPaginationRuleInSDKGenYAMLIsAnErrorAtItsPlace() async throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let configFile = folder.appendingPathComponent("sdkgen.yaml")
        try """
            pagination:
              listIssues:
                type: cursor
                inputs: [{name: cursor, in: body, type: cursor}]
                outputs: {next: $.next}
            """.write(to: configFile, atomically: true, encoding: .utf8)
        let error = #expect(throws: GenerationError.self) { try GenerationConfig.load(contentsOf: configFile.path) }
        #expect(error?.diagnostics.map { $0.description.replacingOccurrences(of: configFile.path, with: "sdkgen.yaml") } == [
            "sdkgen.yaml:4:33: error: pagination.listIssues: input cursor: in should be parameters or requestBody, not 'body'",
            "sdkgen.yaml:5:15: error: pagination.listIssues: unknown output 'next'; the outputs are results, numPages, nextCursor, nextUrl",
        ])
    }

    @Test func aPagedOperationTakingARequestStructPagesThroughItsFieldAndIsWarnedAboutOnceInTwoGroups() throws {
        let (sdk, diagnostics) = try lower("""
            openapi: 3.1.0
            info: {title: Paging, version: '1'}
            servers: [{url: 'https://paging.example'}]
            x-speakeasy-max-method-params: 1
            paths:
              /pets:
                get:
                  operationId: listPets
                  tags: [pets, animals]
                  parameters: [{name: offset, in: query, schema: {type: integer}}, {name: name, in: query, schema: {type: string}}]
                  responses:
                    '200':
                      description: Pets.
                      content: {application/json: {schema: {type: object, required: [data], properties: {data: {type: array, items: {type: string}}}}}}
                  x-speakeasy-pagination:
                    type: offsetLimit
                    inputs: [{name: offset, in: parameters, type: offset}]
                    outputs: {results: $.data}
              /toys:
                get:
                  operationId: listToys
                  tags: [pets, animals]
                  responses:
                    '200':
                      description: Toys.
                      content: {application/json: {schema: {type: object, properties: {data: {type: array, items: {type: string}}}}}}
                  x-speakeasy-pagination:
                    type: offsetLimit
                    inputs: [{name: offset, in: parameters, type: offset}]
                    outputs: {results: $.data}
            """)
        // listToys has no `offset` parameter: one warning, though the operation is in two groups.
        #expect(diagnostics == [
            "t.yaml:29:18: warning: x-speakeasy-pagination: input offset: names no parameter of the operation; the operation gets no paging functions",
        ])
        #expect(sdk.groups.map(\.propertyName) == ["pets", "animals"])
        for group in sdk.groups {
            let listPets = try #require(group.operations.first { $0.operationID == "listPets" })
            #expect(listPets.parameters.map(\.name) == ["request"])
            let paging = try #require(listPets.pagination)
            #expect(paging.itemsFunctionName == "listPetsItems")
            guard case .offset(let offset, limit: nil) = paging.rule else {
                Issue.record("listPets should page by offset: \(paging.rule)")
                return
            }
            // `PageRule.setting(\.offset, of: request, to: …)` sets the field of the request struct for each page.
            #expect(offset.argument == "request" && offset.property == "offset" && offset.isOptional)
        }
    }

    @Test(.enabled(if: OverlayTests.hasSharedSpecs, OverlayTests.skipMessage))
    func theOpenRouterSDKHasAPagingFunctionForEachPaginatedOperation() async throws {
        let overlays = try OverlayTests.openRouterOverlays()
        let (sdk, diagnostics) = try await offTheCooperativePool {
            try SDKGenerator.generateModel(SDKGenerator.Options(specPath: OverlayTests.openRouterSpec, moduleName: "OpenRouter",
                                                                overlayPaths: overlays))
        }
        let document = try YAMLLoader().load(contentsOf: OverlayTests.openRouterSpec).root
        let declared = try JSONPath("$.paths.*[?@['x-speakeasy-pagination']].operationId").select(in: document)
            .compactMap { document[$0]?.scalarText }
        #expect(declared.count == 20)
        // listFiles pages a union (FileListResponse: OpenRouter's, OpenAI's or Anthropic's list): the next cursor is
        // read from the case that has one, but the cases' `data` differ in type, so it has no items function.
        let warnings = diagnostics.map(\.description).filter { $0.contains("pagination") }
        #expect(warnings == [
            "\(OverlayTests.openRouterSpec):30032:20: warning: x-speakeasy-pagination: output results `$.data`: the cases of the union FileListResponse have it as different types ([AnthropicFile], [OpenAiFile], [OpenRouterFile]); the operation gets a function returning its pages but none returning their items",
        ])
        let paged = sdk.groups.flatMap(\.operations).filter { $0.pagination != nil }
        #expect(Set(paged.compactMap(\.operationID)) == Set(declared))
        let listFiles = try #require(paged.first { $0.operationID == "listFiles" }?.pagination)
        guard case .cursor(_, let next) = listFiles.rule, case .union(let branches, _)? = next.steps.first else {
            Issue.record("listFiles should page by a cursor read through the union")
            return
        }
        #expect(branches.map(\.caseName) == ["openRouterFileList"])
        #expect(listFiles.itemsFunctionName == nil)
        for operation in paged {
            let paging = try #require(operation.pagination)
            #expect(paging.pagesFunctionName == SwiftName.unescaped(operation.functionName) + "Pages")
            if operation.operationID != "listFiles" {
                #expect(paging.itemsFunctionName == SwiftName.unescaped(operation.functionName) + "Items")
            }
        }
    }
}
