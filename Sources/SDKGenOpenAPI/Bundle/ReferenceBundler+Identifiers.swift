import SDKGenBase
import SDKGenJSONPath
import SDKGenYAML

extension ReferenceBundler {
    /// The JSON Pointer into the root document of the schema a `$ref` of the root names by JSON Schema's other means, its
    /// `$id` (`https://example.com/schemas/pet`) or its `$anchor` (`#pet`, or `ID#pet` inside a schema with an `$id`);
    /// `nil` when the text is no schema's. Identifiers are matched as written, not resolved against a base URI.
    mutating func identifiedSchemaPointer(_ text: String) -> [String]? {
        if schemaIdentifiers == nil {
            schemaIdentifiers = Self.schemaIdentifiers(in: originalRoot)
        }
        return schemaIdentifiers?[text]
    }

    /// Every `$id` and `$anchor` under the root's `components/schemas`, by the `$ref` texts that name them; the first
    /// of a repeated one.
    private static func schemaIdentifiers(in root: YAMLNode) -> [String: [String]] {
        var found: [String: [String]] = [:]
        func record(_ text: String, _ pointer: [String]) {
            if found[text] == nil { found[text] = pointer }
        }
        // `pointer` is built on the way down and taken back on the way up, so that a deep tree is walked in linear time.
        var pointer = ["components", "schemas"]
        func schema(_ node: YAMLNode, base: String?) {
            guard let pairs = node.pairs else {
                // `allOf`, `oneOf`, `anyOf`, `prefixItems` and the like: schemas by index.
                for (index, item) in (node.items ?? []).enumerated() {
                    pointer.append(String(index))
                    schema(item, base: base)
                    pointer.removeLast()
                }
                return
            }
            var base = base
            if let id = node["$id"]?.string {
                record(id, pointer)
                base = id
            }
            if let anchor = node["$anchor"]?.string {
                record("#" + anchor, pointer)
                if let base { record(base + "#" + anchor, pointer) }
            }
            for pair in pairs {
                guard let key = pair.key.scalarText, !dataKeywords.contains(key) else { continue }
                pointer.append(key)
                if namedSchemaKeywords.contains(key) {
                    names(pair.value, base: base)
                } else {
                    schema(pair.value, base: base)
                }
                pointer.removeLast()
            }
        }
        func names(_ node: YAMLNode, base: String?) {
            for pair in node.pairs ?? [] {
                guard let key = pair.key.scalarText else { continue }
                pointer.append(key)
                schema(pair.value, base: base)
                pointer.removeLast()
            }
        }
        if let schemas = root["components"]?["schemas"] { names(schemas, base: nil) }
        return found
    }

    /// A schema's keywords whose values are data, which may hold `$id` and `$anchor` as any other key.
    private static let dataKeywords: Set<String> = ["example", "examples", "default", "enum", "const"]
    /// A schema's keywords whose values map names to schemas.
    private static let namedSchemaKeywords: Set<String> = ["properties", "$defs", "definitions", "patternProperties", "dependentSchemas"]
}
