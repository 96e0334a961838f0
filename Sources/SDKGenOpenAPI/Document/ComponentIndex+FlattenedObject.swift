import SDKGenBase
import SDKGenJSONPath
import SDKGenYAML

extension ComponentIndex {
    /// The properties of an `allOf` of objects, merged; `nil` when a member is not an object.
    package func flattenedObject(_ schema: Schema) -> (properties: [Named<Schema>], required: Set<String>)? {
        var properties: [Named<Schema>] = []
        var required: Set<String> = []
        var visiting: Set<String> = []
        func collect(_ schema: Schema) -> Bool {
            if let reference = schema.reference {
                guard let name = reference.componentName(in: "schemas"), let target = self.schema(reference) else { return false }
                guard visiting.insert(name).inserted else { return true }
                defer { visiting.remove(name) }
                return collect(target)
            }
            if !schema.oneOf.isEmpty || !schema.anyOf.isEmpty || schema.enumValues != nil { return false }
            if !(schema.types.isEmpty || schema.types == [.object]) { return false }
            for member in schema.allOf where !collect(member) { return false }
            for property in schema.properties {
                if let existing = properties.firstIndex(where: { $0.name == property.name }) {
                    properties[existing] = property
                } else {
                    properties.append(property)
                }
            }
            required.formUnion(schema.required.map(\.name))
            return true
        }
        return collect(schema) ? (properties, required) : nil
    }
}
