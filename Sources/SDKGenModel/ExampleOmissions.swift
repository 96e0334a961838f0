import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// The required properties that the spec's own examples leave out.
///
/// An example is the spec's own account of a value on the wire. When the schema calls a property required
/// but an example of it leaves the property out, the server evidently may leave it out too (OpenRouter's
/// model list examples have no `links`, its file examples no `_shape`). Declared non-optional, such a
/// property would make every response like the example fail to decode, so Lower declares it optional and
/// warns at the first example that leaves it out; fixing the example (or an overlay that does) restores it.
///
/// The same walk finds the members an example has that its object schema does not declare (GitHub's
/// `fixed_at` on a code scanning alert instance): legal, since JSON Schema allows any member unless
/// `additionalProperties: false`. A struct keeps them in its `additionalProperties` dictionary, unless the
/// setting `undeclaredProperties: drop` says not to: then a value like the example loses them, and each is one
/// warning at the first example that has it. A member the schema forbids is one warning whatever the setting:
/// the example is at fault. `sdkgen conformance` fails such an example at that member.
///
/// Examples are read where OpenAPI puts them: a schema's `example` (at any depth), and a request body's or
/// response's media type `example` and `examples` (including `#/components/examples` references). Each is
/// walked along its schema: properties, `additionalProperties`, items and `prefixItems`, `$ref`s, `allOf`,
/// and for `oneOf`/`anyOf` the member the discriminator names or, without one, the member the example fits
/// best.
package struct ExampleOmissions: Sendable {
    /// One required property that examples leave out.
    private struct Omission: Sendable {
        package var propertyName: String
        /// The first example value (an object) that leaves the property out.
        package var example: SourceLocation
    }

    /// An object schema's properties merged across `allOf`, looked up by name.
    private struct ObjectShape: Sendable {
        package var properties: [Named<Schema>]
        /// The index in `properties` of the first property of each name: an index, so that a look-up copies no schema.
        package var propertyByName: [String: Int]
        package var required: Set<String>
    }

    private let index: ComponentIndex
    /// `ComponentIndex.flattenedObject` of each schema met, by where the schema is written: GitHub's examples meet the
    /// same few hundred schemas tens of thousands of times.
    private var shapes: [SourceLocation: ObjectShape?] = [:]
    /// Omissions by where the property is declared (its key under `properties`), and that order of discovery.
    private var omissions: [SourceLocation: Omission] = [:]
    private var discoveryOrder: [SourceLocation] = []
    /// A member of an example that its object schema does not declare: the schema (where it is written) and the name.
    private struct UndeclaredMember: Hashable, Sendable {
        var schema: SourceLocation
        var name: String
    }

    /// Where the first example with each undeclared member has it (its key), whether the schema forbids it, and
    /// that order of discovery.
    private var undeclaredMembers: [UndeclaredMember: (key: SourceLocation, isForbidden: Bool)] = [:]
    private var undeclaredOrder: [UndeclaredMember] = []

    /// One value checked against one schema (both by where they are written), as a whole object or as part of one.
    private struct Check: Hashable, Sendable {
        var value: SourceLocation
        var schema: SourceLocation
        var isWhole: Bool
    }

    /// The checks made where the walk stays on one value.
    private var checked: Set<Check> = []

    /// Deeper than any real example; stops a walk along `$ref`s that lead back to themselves.
    private static let maximumDepth = 128

    /// Whether the SDK keeps the members a schema does not declare (but allows): then an example's are no loss.
    private let keepsUndeclaredMembers: Bool

    /// Where examples are written: a schema (and the schemas inside it), or a request body's or response's media types.
    private enum ExampleSource: Sendable {
        case schema(Schema)
        case content([MediaType])
    }

    /// How many parts the examples are checked in, on every core at once: a fixed number, so that the parts are the
    /// same on every machine (the merged findings would be the same anyway).
    private static let parts = 8

    /// Walks every example of the document.
    package init(index: ComponentIndex, keepsUndeclaredMembers: Bool) {
        let document = index.document
        var sources = document.components.schemas.map { ExampleSource.schema($0.value) }
        for entry in document.components.requestBodies {
            if case .value(let body) = entry.value { sources.append(.content(body.content)) }
        }
        for entry in document.components.responses {
            if case .value(let response) = entry.value { sources.append(.content(response.content)) }
        }
        for operation in document.operations {
            if case .value(let body)? = operation.requestBody { sources.append(.content(body.content)) }
            for entry in operation.responses {
                if case .value(let response) = entry.response { sources.append(.content(response.content)) }
            }
        }
        // Each part is walked with its own cache of shapes; merged in the parts' order, the findings are what one
        // walk in document order finds (each omission and undeclared member at its first example).
        let partSize = max(1, (sources.count + Self.parts - 1) / Self.parts)
        let parts = stride(from: 0, to: sources.count, by: partSize).map { Array(sources[$0..<min($0 + partSize, sources.count)]) }
        let walks = parts.concurrentMap { part in
            var walk = ExampleOmissions(index: index, keepingUndeclaredMembers: keepsUndeclaredMembers)
            for source in part {
                switch source {
                case .schema(let schema): walk.visitExamples(in: schema)
                case .content(let content): walk.visitExamples(in: content)
                }
            }
            return walk
        }
        self.init(index: index, keepingUndeclaredMembers: keepsUndeclaredMembers)
        for walk in walks {
            for location in walk.discoveryOrder where omissions[location] == nil {
                omissions[location] = walk.omissions[location]
                discoveryOrder.append(location)
            }
            for member in walk.undeclaredOrder where undeclaredMembers[member] == nil {
                undeclaredMembers[member] = walk.undeclaredMembers[member]
                undeclaredOrder.append(member)
            }
        }
    }

    /// Nothing found yet.
    private init(index: ComponentIndex, keepingUndeclaredMembers: Bool) {
        self.index = index
        keepsUndeclaredMembers = keepingUndeclaredMembers
    }

    /// Whether examples leave out the property declared at `location` (a `Named` property's location).
    package func isOmitted(_ location: SourceLocation) -> Bool {
        omissions[location] != nil
    }

    /// A warning at each example that is the first to leave out some required property, naming them all.
    package var diagnostics: [Diagnostic] {
        var propertiesByExample: [SourceLocation: [String]] = [:]
        var examples: [SourceLocation] = []
        for omission in discoveryOrder.compactMap({ omissions[$0] }) {
            if propertiesByExample[omission.example] == nil { examples.append(omission.example) }
            propertiesByExample[omission.example, default: []].append("'\(omission.propertyName)'")
        }
        let omitted: [Diagnostic] = examples.map { example in
            let names = propertiesByExample[example] ?? []
            let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
            let (pronoun, verb) = names.count == 1 ? ("it", "is") : ("they", "are")
            return .warning(
                "this example leaves out \(list), which its schema requires; \(pronoun) \(verb) generated optional so that "
                    + "values like the example decode",
                at: example)
        }
        let undeclared: [Diagnostic] = undeclaredOrder.compactMap { member in
            guard let found = undeclaredMembers[member], found.isForbidden || !keepsUndeclaredMembers else { return nil }
            let message = found.isForbidden
                ? "this example has '\(member.name)', which its schema forbids (`additionalProperties: false`): the example is at fault, and the generated type does not keep it"
                : "this example has '\(member.name)', which its schema does not declare; with `undeclaredProperties: drop` the generated type does not keep it, so a value like the example loses it when decoded"
            return .warning(message, at: found.key)
        }
        return omitted + undeclared
    }

    // MARK: - Finding examples

    private mutating func visitExamples(in content: [MediaType]) {
        for media in content {
            guard let schema = media.schema else { continue }
            if let example = media.example {
                check(example, against: schema, depth: 0)
            }
            for entry in media.examples {
                if let value = index.example(entry.value)?.value { check(value, against: schema, depth: 0) }
            }
            visitExamples(in: schema)
        }
    }

    /// Checks the `example` of `schema` and of every schema written inside it (not behind a `$ref`: the
    /// components are visited on their own).
    private mutating func visitExamples(in schema: Schema) {
        if let example = schema.example {
            check(example, against: schema, depth: 0)
        }
        for property in schema.properties { visitExamples(in: property.value) }
        if let items = schema.items { visitExamples(in: items) }
        if case .schema(let values)? = schema.additionalProperties { visitExamples(in: values) }
        for member in schema.prefixItems + schema.allOf + schema.oneOf + schema.anyOf { visitExamples(in: member) }
    }

    // MARK: - Walking a value along its schema

    /// `isWhole`: whether `schema` describes all of `value`, rather than being one member of a union or an `allOf`
    /// (or a `$ref` beside other keywords) that describes part of it, so that a member it does not declare is undeclared.
    private mutating func check(_ value: YAMLNode, against schema: Schema, depth: Int, isWhole: Bool = true) {
        guard depth < Self.maximumDepth, !value.isNull else { return }
        // The same value against the same schema finds nothing new; where the walk stays on one value (a `$ref`, the
        // members of an `allOf` or a union) a schema that lists itself would otherwise repeat it without end.
        if schema.reference != nil || !schema.allOf.isEmpty || !schema.oneOf.isEmpty || !schema.anyOf.isEmpty {
            guard checked.insert(Check(value: value.location, schema: schema.location, isWhole: isWhole)).inserted else { return }
        }
        if let reference = schema.reference, let target = index.schema(reference) {
            let isBare = schema.properties.isEmpty && schema.allOf.isEmpty && schema.oneOf.isEmpty && schema.anyOf.isEmpty
            check(value, against: target, depth: depth + 1, isWhole: isWhole && isBare)
        }
        if let items = value.items {
            for (offset, item) in items.enumerated() {
                if offset < schema.prefixItems.count {
                    check(item, against: schema.prefixItems[offset], depth: depth + 1)
                } else if let itemSchema = schema.items {
                    check(item, against: itemSchema, depth: depth + 1)
                }
            }
            return
        }
        guard let pairs = value.pairs else { return }
        if let member = unionMember(of: schema, for: value) {
            check(value, against: member, depth: depth + 1, isWhole: false)
        }
        if schema.reference == nil, let object = shape(of: schema) {
            checkObject(value, pairs, object, additionalProperties: schema.additionalProperties, depth: depth)
            // Only a schema that is a struct and nothing else: a union's members and a dictionary keep other members.
            if isWhole, !object.properties.isEmpty, schema.oneOf.isEmpty, schema.anyOf.isEmpty, !hasAdditionalPropertiesSchema(schema) {
                recordUndeclared(pairs, of: object, in: schema)
            }
        } else {
            // An `allOf` with a union among its members (or beside a `$ref`): each member describes the same object.
            for member in schema.allOf { check(value, against: member, depth: depth + 1, isWhole: false) }
            let own = ObjectShape(properties: schema.properties, propertyByName: Self.byName(schema.properties),
                                  required: Set(schema.required.map(\.name)))
            checkObject(value, pairs, own, additionalProperties: schema.additionalProperties, depth: depth)
        }
    }

    private mutating func checkObject(_ value: YAMLNode, _ pairs: [YAMLPair], _ object: ObjectShape,
                                      additionalProperties: Schema.AdditionalProperties?, depth: Int) {
        if !object.required.isEmpty {
            let keys = Set(pairs.compactMap(\.key.string))
            for property in object.properties where object.required.contains(property.name) && !keys.contains(property.name) {
                record(property, leftOutBy: value)
            }
        }
        for pair in pairs {
            guard let key = pair.key.string else { continue }
            if let property = object.propertyByName[key] {
                check(pair.value, against: object.properties[property].value, depth: depth + 1)
            } else if case .schema(let values)? = additionalProperties {
                check(pair.value, against: values, depth: depth + 1)
            }
        }
    }

    /// Records the members of an example object that `object` does not declare.
    private mutating func recordUndeclared(_ pairs: [YAMLPair], of object: ObjectShape, in schema: Schema) {
        for pair in pairs {
            guard let key = pair.key.string, object.propertyByName[key] == nil else { continue }
            let member = UndeclaredMember(schema: schema.location, name: key)
            guard undeclaredMembers[member] == nil else { continue }
            let isForbidden = if case .allowed(false)? = schema.additionalProperties { true } else { false }
            undeclaredMembers[member] = (pair.key.location, isForbidden)
            undeclaredOrder.append(member)
        }
    }

    /// Whether the schema, or a member of its `allOf` (following references), types other members with a schema.
    private func hasAdditionalPropertiesSchema(_ schema: Schema) -> Bool {
        // Each schema once: an `allOf` may list a component that lists it again (`A: allOf: [$ref: A, $ref: A]`
        // took time exponential in the depth limit).
        var pending = [schema]
        var seen: Set<SourceLocation> = []
        while let next = pending.popLast() {
            guard seen.insert(next.location).inserted else { continue }
            if case .schema? = next.additionalProperties { return true }
            if let reference = next.reference {
                if let target = index.schema(reference) { pending.append(target) }
            } else {
                pending += next.allOf
            }
        }
        return false
    }

    private mutating func shape(of schema: Schema) -> ObjectShape? {
        if let cached = shapes[schema.location] { return cached }
        let shape = index.flattenedObject(schema).map {
            ObjectShape(properties: $0.properties, propertyByName: Self.byName($0.properties), required: $0.required)
        }
        shapes[schema.location] = shape
        return shape
    }

    /// The index of the first property of each name.
    private static func byName(_ properties: [Named<Schema>]) -> [String: Int] {
        Dictionary(properties.indices.map { (properties[$0].name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private mutating func record(_ property: Named<Schema>, leftOutBy example: YAMLNode) {
        if omissions[property.location] == nil {
            omissions[property.location] = Omission(propertyName: property.name, example: example.location)
            discoveryOrder.append(property.location)
        }
    }

    /// The `oneOf`/`anyOf` member an object example is an instance of: the one its discriminator value names,
    /// else the object member that knows the most of its keys and then misses the fewest required ones.
    private mutating func unionMember(of schema: Schema, for value: YAMLNode) -> Schema? {
        let members = (schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf).filter { !$0.isNullOnly }
        guard !members.isEmpty else { return nil }
        if let discriminator = schema.discriminator, let tag = value[discriminator.propertyName]?.string {
            let target = discriminator.mapping[named: tag] ?? tag
            let named = members.first { member in
                member.reference.map { $0.target == target || $0.componentName(in: "schemas") == target } ?? false
            }
            if let named { return named }
        }
        let keys = Set((value.pairs ?? []).compactMap(\.key.string))
        var best: (member: Schema, unknownKeys: Int, missingRequired: Int)?
        for member in members {
            guard let object = shape(of: member), !object.properties.isEmpty else { continue }
            let names = Set(object.propertyByName.keys)
            let unknownKeys = keys.subtracting(names).count
            let missingRequired = object.required.intersection(names).subtracting(keys).count
            if let current = best, (current.unknownKeys, current.missingRequired) <= (unknownKeys, missingRequired) { continue }
            best = (member, unknownKeys, missingRequired)
        }
        return best?.member
    }
}
