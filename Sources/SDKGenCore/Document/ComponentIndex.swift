/// Looks up the targets of `#/components/...` references in O(1).
public struct ComponentIndex: Sendable {
    public let document: OpenAPIDocument
    private let schemas: [String: Schema]
    private let parameters: [String: Referenceable<Parameter>]
    private let responses: [String: Referenceable<Response>]
    private let requestBodies: [String: Referenceable<RequestBody>]

    public init(_ document: OpenAPIDocument) {
        self.document = document
        let components = document.components
        schemas = Self.index(components.schemas)
        parameters = Self.index(components.parameters)
        responses = Self.index(components.responses)
        requestBodies = Self.index(components.requestBodies)
    }

    private static func index<Value>(_ entries: [Named<Value>]) -> [String: Value] {
        // The first declaration wins, as the YAML loader keeps the first of duplicate keys.
        Dictionary(entries.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The component schema a reference names, or `nil` when it points elsewhere or nowhere.
    public func schema(_ reference: Reference) -> Schema? {
        reference.componentName(in: "schemas").flatMap { schemas[$0] }
    }

    public func parameter(_ item: Referenceable<Parameter>) -> Parameter? {
        resolve(item, in: parameters, section: "parameters")
    }

    public func response(_ item: Referenceable<Response>) -> Response? {
        resolve(item, in: responses, section: "responses")
    }

    public func requestBody(_ item: Referenceable<RequestBody>) -> RequestBody? {
        resolve(item, in: requestBodies, section: "requestBodies")
    }

    /// Follows a chain of references; a chain longer than the table (a cycle) resolves to `nil`.
    private func resolve<Value>(_ item: Referenceable<Value>, in table: [String: Referenceable<Value>], section: String) -> Value? {
        var current = item
        for _ in 0...table.count {
            switch current {
            case .value(let value):
                return value
            case .reference(let reference):
                guard let next = reference.componentName(in: section).flatMap({ table[$0] }) else { return nil }
                current = next
            }
        }
        return nil
    }
}
