import SDKGenBase
import SDKGenJSONPath
import SDKGenYAML

extension ComponentIndex {
    /// The properties of an `allOf` of objects, merged; `nil` when a member is not an object.
    ///
    /// A member that is a union listing `schema` among its own members is its parent (springdoc's and NSwag's
    /// polymorphism: `Pet: {properties, discriminator, oneOf: [$ref: Cat, …]}`, `Cat: {allOf: [$ref: Pet, …]}`):
    /// its properties are the parent's, its union is what `schema` is one of.
    package func flattenedObject(_ schema: Schema) -> (properties: [Named<Schema>], required: Set<String>)? {
        // The schema a union would list: the component itself, when `schema` is a `$ref` to it.
        let root = schema.reference.flatMap { self.schema($0) } ?? schema
        var properties: [Named<Schema>] = []
        var required: Set<String> = []
        var visiting: Set<String> = []
        func collect(_ schema: Schema, isParent: Bool = false) -> Bool {
            if let reference = schema.reference {
                guard let name = reference.componentName(in: "schemas"), let target = self.schema(reference) else { return false }
                guard visiting.insert(name).inserted else { return true }
                defer { visiting.remove(name) }
                return collect(target, isParent: isParent || isUnion(target, listing: root))
            }
            if !isParent, !schema.oneOf.isEmpty || !schema.anyOf.isEmpty { return false }
            if schema.enumValues != nil { return false }
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

    /// Whether `union` is a `oneOf`/`anyOf` with a `$ref` member to the schema written where `member` is.
    package func isUnion(_ union: Schema, listing member: Schema) -> Bool {
        (union.oneOf + union.anyOf).contains { entry in
            entry.reference.flatMap { self.schema($0) }?.location == member.location
        }
    }
}
