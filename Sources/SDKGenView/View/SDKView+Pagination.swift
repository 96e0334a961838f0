import SDKGenBase
import SDKGenModel
import SDKGenMustache

/// The paging functions of an API group's paginated operations as templates see them: the Swift each rule's
/// closure is spelled with.
extension SDKView {
    /// The group's paginated operations, each with its paging functions.
    package func pagedOperations(_ group: APIGroupDeclaration) -> [TemplateValue] {
        group.operations.compactMap { operation in
            operation.pagination.map { .object(pagedOperation(operation, $0, in: group)) }
        }
    }

    private func pagedOperation(_ operation: OperationDeclaration, _ pagination: PaginationDeclaration,
                                in group: APIGroupDeclaration) -> TemplateObject {
        var object: TemplateObject = [
            "origin": .object(origin(pagination.origin)),
            "access": .text(SwiftSource.accessPrefix(group.access)),
            "errorTypeName": .text(group.errorTypeName),
            "functionName": .text(operation.functionName),
            "callee": .text(SwiftSource.callee(operation)),
            "deprecated": .bool(operation.deprecated),
            "deprecatedAttribute": .text(SwiftSource.deprecatedAttribute(message: operation.deprecationMessage)),
            "parameters": .list(operation.parameters) { parameter($0) },
            "pagesFunctionName": .text(pagination.pagesFunctionName),
            "pagesDocLines": .documentation(pagination.pagesDocumentation),
            "pageType": .text(pagination.pageType.description),
            "itemsFunctionName": .text(pagination.itemsFunctionName),
            "itemsDocLines": .documentation(pagination.itemsDocumentation),
            "itemType": .text(pagination.itemType?.description),
            "itemsExpression": .text(pagination.results.map { "page in " + Self.arrayExpression($0, of: "page") }),
        ]
        let results = pagination.results.map { Self.arrayExpression($0, of: "response") + ".count" } ?? "0"
        func limit(_ input: PagingInput?) -> String { input.map(Self.value) ?? "nil" }
        /// The closure's parameter is the input's argument, which it shadows: the call passes it on unchanged.
        func position(_ input: PagingInput, first: Int?, next: String) -> TemplateValue {
            let given = first.map { input.isOptional ? "\(Self.value(input)) ?? \($0)" : Self.value(input) } ?? Self.value(input)
            // Inside the closure, an argument input is the position itself; a body input is read from the body.
            let current = input.property == nil ? input.argument : (given == Self.value(input) ? given : "(\(given))")
            let advanced = next.replacingOccurrences(of: "CURRENT", with: current)
            return .object([
                "name": .text(input.argument),
                "start": .text(input.property == nil ? given : input.argument),
                // A body input's next position is the body with the property set to the next value.
                "next": .text(input.property.map { "\(advanced).map { PageRule.setting(\\.\($0), of: \(input.argument), to: $0) }" } ?? advanced),
            ])
        }
        switch pagination.rule {
        case .offset(let offset, let limitInput):
            object["position"] = position(offset, first: 0, next: "PageRule.offset(after: CURRENT, count: \(results), limit: \(limit(limitInput)))")
        case .page(let page, let limitInput, let pageCount):
            let count = pageCount.map { Self.chain($0, of: "response").text } ?? "nil"
            object["position"] = position(page, first: 1, next: "PageRule.page(after: CURRENT, count: \(results), limit: \(limit(limitInput)), pageCount: \(count))")
        case .cursor(let cursor, let next):
            object["position"] = position(cursor, first: nil, next: "PageRule.\(cursor.isOptional ? "cursor" : "requiredCursor")(\(Self.chain(next, of: "response").text))")
        case .nextURL(let next):
            object["link"] = .object(["nextLink": .text("{ page in \(Self.chain(next, of: "page").text) }")])
        case .linkHeader:
            object["link"] = .object(["nextLink": .text("nil")])
        }
        return object
    }

    /// The input's value: the argument, or its property.
    private static func value(_ input: PagingInput) -> String {
        input.argument + (input.property.map { "." + $0 } ?? "")
    }

    /// The property chain from `root`: `response.meta?.next`, and whether its value is optional.
    private static func chain(_ path: PropertyPath, of root: String) -> (text: String, isOptional: Bool) {
        var text = root
        var isOptional = false
        for step in path.steps {
            switch step {
            case .property(let name, let optional):
                text += (isOptional ? "?." : ".") + name
                isOptional = isOptional || optional
            case .union(let branches, let isExhaustive):
                // A closure switching over the union's cases, called at once: a `switch` is an expression only as a
                // statement's or a closure's value.
                var cases = branches.map { branch in
                    "case .\(branch.caseName)(let value)\(isOptional ? "?" : ""): \(chain(branch.path, of: "value").text)"
                }
                if !isExhaustive || isOptional {
                    cases.append("default: nil")
                }
                text = "{ () -> \(path.type.optional) in switch \(text) { \(cases.joined(separator: "; ")) } }()"
                isOptional = true
            }
        }
        return (text, isOptional)
    }

    /// The results array from `root`, read as empty when absent: `response.data`, `(response.data ?? [])`.
    private static func arrayExpression(_ path: PropertyPath, of root: String) -> String {
        let chain = chain(path, of: root)
        return chain.isOptional ? "(\(chain.text) ?? [])" : chain.text
    }
}
