import SDKGenCore

/// The lowered SDK of a document with a server and no paths whose `components.schemas` are `schemas` (each line
/// indented by four spaces), and its diagnostics, located in `t.yaml`.
func lowerSchemas(_ schemas: String) throws -> (sdk: SwiftSDK, diagnostics: [Diagnostic]) {
    let yaml = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        servers: [{url: 'https://example.com'}]
        paths: {}
        components:
          schemas:
        \(schemas)
        """
    return try SDKGenerator.lower(specBytes: Array(yaml.utf8), file: "t.yaml", moduleName: "M")
}
