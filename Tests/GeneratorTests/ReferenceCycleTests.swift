import SDKGenCore
import Testing

/// `$ref` cycles of every shape: recursive types are fine, a cycle of bare references is a located error.
@Suite struct ReferenceCycleTests {
    /// The printed errors of running `yaml` (as `t.yaml`) through the pipeline, or `[]` when it lowers.
    private func errors(_ yaml: String) -> [String] {
        do {
            _ = try SDKGenerator.lower(specBytes: Array(yaml.utf8), file: "t.yaml", moduleName: "M")
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }.map(\.description)
        }
    }

    private static let header = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\n"

    @Test func aSchemaThatIsOnlyAReferenceToItselfIsAnError() {
        #expect(errors(Self.header + """
            paths: {}
            components:
              schemas:
                Loop:
                  $ref: '#/components/schemas/Loop'
            """) == ["t.yaml:7:13: error: '#/components/schemas/Loop' is a `$ref` cycle (Loop → Loop) that never declares a type"])
    }

    @Test func twoSchemasThatOnlyReferToEachOtherAreAnError() {
        #expect(errors(Self.header + """
            paths: {}
            components:
              schemas:
                A: {$ref: '#/components/schemas/B'}
                B: {$ref: '#/components/schemas/A'}
            """) == [
                "t.yaml:6:15: error: '#/components/schemas/B' is a `$ref` cycle (B → A → B) that never declares a type",
                "t.yaml:7:15: error: '#/components/schemas/A' is a `$ref` cycle (A → B → A) that never declares a type",
            ])
    }

    @Test func schemasThatReferToEachOtherThroughPropertiesAreRecursiveTypes() throws {
        let yaml = Self.header + """
            paths: {}
            components:
              schemas:
                Node:
                  type: object
                  properties:
                    children: {type: array, items: {$ref: '#/components/schemas/Tree'}}
                Tree:
                  type: object
                  properties:
                    root: {$ref: '#/components/schemas/Node'}
            """
        #expect(errors(yaml) == [])
        let sdk = try SDKGenerator.lower(specBytes: Array(yaml.utf8), file: "t.yaml", moduleName: "M").sdk
        #expect(sdk.models.map(\.typeName) == ["Node", "Tree"])
    }

    @Test func aParameterCycleIsAnError() {
        #expect(errors(Self.header + """
            paths:
              /a:
                get:
                  operationId: getA
                  parameters:
                    - $ref: '#/components/parameters/P'
                  responses: {'204': {description: ok}}
            components:
              parameters:
                P: {$ref: '#/components/parameters/Q'}
                Q: {$ref: '#/components/parameters/P'}
            """) == [
                "t.yaml:8:17: error: '#/components/parameters/P' is a `$ref` cycle (P → Q → P) that never reaches a definition",
                "t.yaml:12:15: error: '#/components/parameters/Q' is a `$ref` cycle (Q → P → Q) that never reaches a definition",
                "t.yaml:13:15: error: '#/components/parameters/P' is a `$ref` cycle (P → Q → P) that never reaches a definition",
            ])
    }

    @Test func aResponseCycleIsAnError() {
        #expect(errors(Self.header + """
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '200': {$ref: '#/components/responses/R'}
            components:
              responses:
                R: {$ref: '#/components/responses/R'}
            """) == [
                "t.yaml:8:23: error: '#/components/responses/R' is a `$ref` cycle (R → R) that never reaches a definition",
                "t.yaml:11:15: error: '#/components/responses/R' is a `$ref` cycle (R → R) that never reaches a definition",
            ])
    }

    @Test func aRequestBodyCycleIsAnError() {
        #expect(errors(Self.header + """
            paths:
              /a:
                post:
                  operationId: postA
                  requestBody: {$ref: '#/components/requestBodies/B'}
                  responses: {'204': {description: ok}}
            components:
              requestBodies:
                B: {$ref: '#/components/requestBodies/C'}
                C: {$ref: '#/components/requestBodies/B'}
            """) == [
                "t.yaml:7:27: error: '#/components/requestBodies/B' is a `$ref` cycle (B → C → B) that never reaches a definition",
                "t.yaml:11:15: error: '#/components/requestBodies/C' is a `$ref` cycle (C → B → C) that never reaches a definition",
                "t.yaml:12:15: error: '#/components/requestBodies/B' is a `$ref` cycle (B → C → B) that never reaches a definition",
            ])
    }

    @Test func aHeaderCycleIsAnError() {
        #expect(errors(Self.header + """
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '204':
                      description: ok
                      headers:
                        X-Rate: {$ref: '#/components/headers/H'}
            components:
              headers:
                H: {$ref: '#/components/headers/H'}
            """) == [
                "t.yaml:11:28: error: '#/components/headers/H' is a `$ref` cycle (H → H) that never reaches a definition",
                "t.yaml:14:15: error: '#/components/headers/H' is a `$ref` cycle (H → H) that never reaches a definition",
            ])
    }

    @Test func aPathItemCycleIsAnError() {
        #expect(errors(Self.header + """
            paths:
              /a:
                $ref: '#/components/pathItems/A'
            components:
              pathItems:
                A: {$ref: '#/components/pathItems/B'}
                B: {$ref: '#/components/pathItems/A'}
            """) == [
                "t.yaml:8:15: error: '#/components/pathItems/B' is a `$ref` cycle (B → A → B) that never reaches a path item",
                "t.yaml:9:15: error: '#/components/pathItems/A' is a `$ref` cycle (A → B → A) that never reaches a path item",
            ])
    }

    @Test func aPathItemReferenceIsFollowed() throws {
        let yaml = Self.header + """
            paths:
              /a:
                $ref: '#/components/pathItems/A'
            components:
              pathItems:
                A:
                  get:
                    operationId: getA
                    responses: {'204': {description: ok}}
            """
        let sdk = try SDKGenerator.lower(specBytes: Array(yaml.utf8), file: "t.yaml", moduleName: "M").sdk
        #expect(sdk.groups.flatMap(\.operations).map(\.functionName) == ["getA"])
    }

    /// A chain of components that only name the next is followed through 64 components, the last included (each a
    /// level of recursion in the lowering); a longer one, which only a script writes, is read as `JSONValue` with
    /// one warning, not a crash.
    @Test(arguments: [(63, false), (64, true)])
    func aChainOfAliasesIsFollowedThroughSixtyFourComponents(length: Int, isCut: Bool) async throws {
        let aliases = (0..<length).map { "    A\($0): {$ref: '#/components/schemas/A\($0 + 1)'}" }.joined(separator: "\n")
        let sdk = try await generateSample("""
            openapi: 3.1.0
            info: {title: T, version: '1'}
            servers: [{url: 'https://example.com'}]
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    '200': {description: OK, content: {application/json: {schema: {$ref: '#/components/schemas/A0'}}}}
            components:
              schemas:
            \(aliases)
                A\(length): {type: string}
            """)
        let api = try #require(sdk.files["Sample/APIs/DefaultAPI.swift"])
        #expect(api.contains("async throws(SampleError) -> \(isCut ? "JSONValue" : "String") {"))
        #expect(sdk.diagnostics.filter { $0.contains("is reached through more than 64 components") }.count == (isCut ? 1 : 0))
    }
}
