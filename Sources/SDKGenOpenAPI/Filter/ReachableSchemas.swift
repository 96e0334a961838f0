import SDKGenBase
import SDKGenJSONPath
import SDKGenYAML

/// The names of the component schemas a document's operations, their callbacks and its webhooks use, directly or
/// through other components.
package struct ReachableSchemas {
    private(set) var names: Set<String> = []
    private let components: Components
    private var pending: [String] = []
    private var visitedComponents: Set<String> = []

    package init(_ document: OpenAPIDocument) {
        components = document.components
        for parameter in document.globalParameters { visit(parameter) }
        for pathItem in document.paths {
            for parameter in pathItem.parameters { visit(parameter) }
            for operation in pathItem.operations { visit(operation) }
        }
        for webhook in document.webhooks {
            for parameter in webhook.value.parameters { visit(parameter) }
            for operation in webhook.value.operations { visit(operation) }
        }
        while let name = pending.popLast() {
            if let schema = components.schemas[named: name] { visit(schema) }
        }
    }

    private mutating func visit(_ operation: Operation) {
        for parameter in operation.parameters { visit(parameter) }
        if let body = operation.requestBody { visit(body) }
        for entry in operation.responses { visit(entry.response) }
        for pathItem in operation.callbacks.flatMap(\.value) {
            for parameter in pathItem.parameters { visit(parameter) }
            for operation in pathItem.operations { visit(operation) }
        }
    }

    private mutating func visit(_ parameter: Referenceable<Parameter>) {
        switch parameter {
        case .reference(let reference):
            if let name = firstVisit(reference, in: "parameters"), let target = components.parameters[named: name] { visit(target) }
        case .value(let parameter):
            if let schema = parameter.schema { visit(schema) }
            parameter.content.forEach { visit($0) }
        }
    }

    private mutating func visit(_ body: Referenceable<RequestBody>) {
        switch body {
        case .reference(let reference):
            if let name = firstVisit(reference, in: "requestBodies"), let target = components.requestBodies[named: name] { visit(target) }
        case .value(let body):
            body.content.forEach { visit($0) }
        }
    }

    private mutating func visit(_ response: Referenceable<Response>) {
        switch response {
        case .reference(let reference):
            if let name = firstVisit(reference, in: "responses"), let target = components.responses[named: name] { visit(target) }
        case .value(let response):
            response.content.forEach { visit($0) }
            for header in response.headers { visit(header.value) }
        }
    }

    private mutating func visit(_ header: Referenceable<Header>) {
        switch header {
        case .reference(let reference):
            if let name = firstVisit(reference, in: "headers"), let target = components.headers[named: name] { visit(target) }
        case .value(let header):
            if let schema = header.schema { visit(schema) }
        }
    }

    private mutating func visit(_ mediaType: MediaType) {
        if let schema = mediaType.schema { visit(schema) }
    }

    private mutating func visit(_ schema: Schema) {
        if let reference = schema.reference { reach(schemaNamed: Self.componentName(reference.target, in: "schemas")) }
        for property in schema.properties { visit(property.value) }
        if case .schema(let additional)? = schema.additionalProperties { visit(additional) }
        if let items = schema.items { visit(items) }
        if let not = schema.not { visit(not) }
        for member in schema.prefixItems + schema.allOf + schema.oneOf + schema.anyOf { visit(member) }
        // A mapping value is a reference or, as OpenAPI allows, a bare schema name.
        for entry in schema.discriminator?.mapping ?? [] {
            reach(schemaNamed: Self.componentName(entry.value, in: "schemas") ?? entry.value)
        }
    }

    private mutating func reach(schemaNamed name: String?) {
        guard let name, names.insert(name).inserted else { return }
        pending.append(name)
    }

    /// The referenced component's name the first time a reference to it is seen, so cycles end.
    private mutating func firstVisit(_ reference: Reference, in section: String) -> String? {
        guard let name = Self.componentName(reference.target, in: section),
              visitedComponents.insert("\(section)/\(name)").inserted else { return nil }
        return name
    }

    /// `Pet` for `#/components/schemas/Pet` and for a pointer into it, such as `#/components/schemas/Pet/properties/id`.
    package static func componentName(_ target: String, in section: String) -> String? {
        let prefix = "#/components/\(section)/"
        guard target.hasPrefix(prefix) else { return nil }
        let name = target.dropFirst(prefix.count).prefix { $0 != "/" }
        return JSONPointer.unescape(String(name))
    }
}
