import SDKGenBase
import SDKGenJSONPath
import SDKGenYAML

/// Looks up the targets of `#/components/...` references in O(1).
public struct ComponentIndex: Sendable {
    public let document: OpenAPIDocument
    private let schemas: [String: Schema]
    private let parameters: [String: Referenceable<Parameter>]
    private let responses: [String: Referenceable<Response>]
    private let requestBodies: [String: Referenceable<RequestBody>]
    private let headers: [String: Referenceable<Header>]
    private let examples: [String: Referenceable<Example>]

    public init(_ document: OpenAPIDocument) {
        self.document = document
        let components = document.components
        schemas = Self.index(components.schemas)
        parameters = Self.index(components.parameters)
        responses = Self.index(components.responses)
        requestBodies = Self.index(components.requestBodies)
        headers = Self.index(components.headers)
        examples = Self.index(components.examples)
    }

    private static func index<Value>(_ entries: [Named<Value>]) -> [String: Value] {
        // The first declaration wins, as the YAML loader keeps the first of duplicate keys.
        Dictionary(entries.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// What following a chain of `$ref`s ends at.
    public enum Resolution<Value> {
        case value(Value)
        /// A reference in the chain names no component of its section.
        case missing(Reference)
        /// The chain comes back to a component it already passed: the names, first repeated at both ends.
        case cycle([String])
    }

    /// The component schema a reference names, or `nil` when it points elsewhere or nowhere.
    public func schema(_ reference: Reference) -> Schema? {
        reference.componentName(in: "schemas").flatMap { schemas[$0] }
    }

    /// Where a schema that is only a `$ref` (to a schema that is only a `$ref`, …) ends.
    ///
    /// Cycles through properties or items are recursive types and fine; a cycle of bare references
    /// declares no type at all.
    public func schemaResolution(_ reference: Reference) -> Resolution<Schema> {
        var current = reference
        // In order, for a cycle's names, and as a set, so that a long chain of aliases is walked in linear time.
        var visited: [String] = []
        var seen: Set<String> = []
        while true {
            guard let name = current.componentName(in: "schemas"), let target = schemas[name] else { return .missing(current) }
            guard seen.insert(name).inserted else { return .cycle(Array(visited.drop { $0 != name }) + [name]) }
            visited.append(name)
            guard let next = target.reference, Self.isBareReference(target) else { return .value(target) }
            current = next
        }
    }

    /// Whether `schema` is a `$ref` and nothing that would make a type of its own.
    private static func isBareReference(_ schema: Schema) -> Bool {
        schema.reference != nil && schema.types.isEmpty && schema.properties.isEmpty && schema.allOf.isEmpty
            && schema.oneOf.isEmpty && schema.anyOf.isEmpty && schema.items == nil && schema.prefixItems.isEmpty
            && schema.additionalProperties == nil && schema.enumValues == nil && schema.constValue == nil
    }

    public func parameter(_ item: Referenceable<Parameter>) -> Parameter? {
        parameterResolution(item).value
    }

    public func response(_ item: Referenceable<Response>) -> Response? {
        responseResolution(item).value
    }

    public func requestBody(_ item: Referenceable<RequestBody>) -> RequestBody? {
        requestBodyResolution(item).value
    }

    public func header(_ item: Referenceable<Header>) -> Header? {
        headerResolution(item).value
    }

    /// The example an entry of `examples` is or names (through `#/components/examples`), or `nil`.
    public func example(_ item: Referenceable<Example>) -> Example? {
        resolve(item, in: examples, section: "examples").value
    }

    public func parameterResolution(_ item: Referenceable<Parameter>) -> Resolution<Parameter> {
        resolve(item, in: parameters, section: "parameters")
    }

    public func responseResolution(_ item: Referenceable<Response>) -> Resolution<Response> {
        resolve(item, in: responses, section: "responses")
    }

    public func requestBodyResolution(_ item: Referenceable<RequestBody>) -> Resolution<RequestBody> {
        resolve(item, in: requestBodies, section: "requestBodies")
    }

    public func headerResolution(_ item: Referenceable<Header>) -> Resolution<Header> {
        resolve(item, in: headers, section: "headers")
    }

    /// Follows a chain of references to a value, noticing when it comes back to a component it passed.
    private func resolve<Value>(_ item: Referenceable<Value>, in table: [String: Referenceable<Value>], section: String) -> Resolution<Value> {
        var current = item
        var visited: [String] = []
        while true {
            switch current {
            case .value(let value):
                return .value(value)
            case .reference(let reference):
                guard let name = reference.componentName(in: section), let next = table[name] else { return .missing(reference) }
                if visited.contains(name) { return .cycle(Array(visited.drop { $0 != name }) + [name]) }
                visited.append(name)
                current = next
            }
        }
    }
}

extension ComponentIndex.Resolution {
    /// The value the chain ends at, or `nil` when it is missing or cycles.
    public var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }
}

extension ComponentIndex.Resolution: Sendable where Value: Sendable {}
