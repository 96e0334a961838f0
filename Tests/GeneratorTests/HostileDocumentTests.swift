import SDKGenCore
import Testing

/// Documents that are hostile or nonsense, through the whole pipeline: each ends in located diagnostics.
///
/// The loader's own defences are tested in LoaderTests and not repeated here: billion laughs
/// (AliasTests.billionLaughs), nesting thousands deep (ErrorTests.deepNesting, deepBlockNesting), invalid
/// UTF-8 (ErrorTests.invalidUTF8, truncatedUTF8), NUL (ErrorTests.nulByte), an empty file (ErrorTests.empty)
/// and duplicate keys naming both lines (StructureTests.duplicateKeys).
@Suite struct HostileDocumentTests {
    /// Every diagnostic of running `yaml` (as `t.yaml`) through Load → Bundle → Document → Lint → Lower.
    private func diagnostics(_ yaml: String) -> [String] {
        do {
            return try SDKGenerator.lower(specBytes: Array(yaml.utf8), file: "t.yaml", moduleName: "M").diagnostics.map(\.description)
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    private static let header = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\nservers: [{url: 'https://x'}]\n"

    @Test func aYAMLDocumentThatIsNotOpenAPI() {
        #expect(diagnostics("name: my-service\nreplicas: 3\n") == [
            "t.yaml:1:1: error: not an OpenAPI document: the `openapi` version key is missing",
        ])
        #expect(diagnostics("- just\n- a list\n") == [
            "t.yaml:1:1: error: expected an OpenAPI document (a mapping with an `openapi` key), found a list",
        ])
    }

    @Test func swaggerBefore2IsRefused() {
        #expect(diagnostics("swagger: '1.2'\ninfo: {title: x, version: '1'}\npaths: {}\n") == [
            "t.yaml:1:10: error: this is a Swagger 1.2 document; sdkgen reads Swagger 2.0 and OpenAPI 3.0 to 3.2",
        ])
    }

    @Test func integersBeyond64Bits() {
        #expect(diagnostics(Self.header + """
            paths: {}
            components:
              schemas:
                Name:
                  type: string
                  maxLength: 123456789012345678901234567890
                  minLength: 18446744073709551616
            x-sdkgen-retries:
              statusCodes: [99999999999999999999, 503]
            """) == [
                "t.yaml:9:18: warning: `maxLength` is beyond the 64-bit integer range, found 123456789012345678901234567890; it is ignored",
                "t.yaml:10:18: warning: `minLength` is beyond the 64-bit integer range, found 18446744073709551616; it is ignored",
                "t.yaml:12:17: warning: x-sdkgen-retries: 99999999999999999999 is neither an HTTP status code (100 to 599) nor a range of them (1XX to 5XX); it is ignored",
            ])
    }

    @Test func nanAndInfinityInNumericPositions() {
        #expect(diagnostics(Self.header + """
            paths: {}
            components:
              schemas:
                Ratio:
                  type: number
                  minimum: .nan
                  exclusiveMaximum: .inf
                  maxLength: .NaN
            x-sdkgen-retries:
              backoff:
                initialInterval: .nan
                exponent: -.inf
            """) == [
                "t.yaml:9:16: warning: `minimum` should be a finite number, found .nan; it is ignored",
                "t.yaml:10:25: warning: `exclusiveMaximum` should be a finite number, found .inf; it is ignored",
                "t.yaml:11:18: warning: `maxLength` should be an integer, found .NaN; it is ignored",
                "t.yaml:14:22: warning: x-sdkgen-retries: `initialInterval` should be a non-negative number below 10^15, found .nan; the default, 500, is used",
                "t.yaml:15:15: warning: x-sdkgen-retries: `exponent` should be a non-negative number below 10^15, found -.inf; the default, 1.5, is used",
            ])
    }
}
