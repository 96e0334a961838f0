import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// How a union without a discriminator tells its members apart before trying them.
///
/// Members are tried in order and the first that decodes wins. Because the SDK's enums keep unknown values,
/// a member whose `source` may only be `artificial-analysis` would still decode a payload whose `source` is
/// `openrouter`, if its other required properties happen to be there. So the required string properties
/// that several members restrict to different values (OpenRouter's benchmark items: `source`, then
/// `benchmark_type`) are read first, and a member is tried only when the payload's values are among its own.
package struct UnionSelection {
    package var properties: [UnionSelectingProperty]
    /// Per member, in order, the conditions under which it is tried; empty to try it always.
    package var conditions: [[UnionSelectionCondition]]
}

extension TypeLowering {
    /// The selection for a union's members, or `nil` when no property tells any two of them apart.
    package func unionSelection(for members: [Schema]) -> UnionSelection? {
        // Per member: required property name → the string values it allows.
        let allowed = members.map { member -> [Named<[String]>] in
            guard let object = index.flattenedObject(member) else { return [] }
            return object.properties.compactMap { property in
                guard isRequired(property, in: object.required), let values = stringValues(property.value) else { return nil }
                return Named(property.name, values, at: property.location)
            }
        }
        var names: [String] = []
        for declared in allowed {
            for property in declared where !names.contains(property.name) {
                let valueSets = allowed.compactMap { $0[named: property.name].map(Set.init) }
                if valueSets.count >= 2, Set(valueSets).count >= 2 { names.append(property.name) }
            }
        }
        guard !names.isEmpty else { return nil }
        var variables = MemberNames(reserving: ["decoder", "selecting", "value"])
        let properties = names.map { UnionSelectingProperty(name: variables.claim(SwiftName.member($0)), wireName: $0) }
        let conditions = allowed.map { declared in
            zip(names, properties).compactMap { name, property in
                declared[named: name].map { UnionSelectionCondition(property: property.name, values: $0) }
            }
        }
        return UnionSelection(properties: properties, conditions: conditions)
    }

    /// The values a string schema allows by `enum` or `const`, following a reference; `nil` when it allows any.
    private func stringValues(_ schema: Schema) -> [String]? {
        let resolved = schema.reference.flatMap { index.schema($0) } ?? schema
        let nodes = resolved.enumValues ?? resolved.constValue.map { [$0] }
        guard let nodes, !nodes.isEmpty else { return nil }
        let strings = nodes.compactMap(\.string)
        return strings.count == nodes.count ? strings : nil
    }
}
