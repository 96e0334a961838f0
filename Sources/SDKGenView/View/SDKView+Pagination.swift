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
            "deprecated": .bool(operation.deprecated),
            "parameters": .list(operation.parameters, parameter),
            "pagesFunctionName": .text(pagination.pagesFunctionName),
            "pagesDocLines": .documentation(pagination.pagesDocumentation),
            "pageType": .text(pagination.pageType.description),
            "itemsFunctionName": .text(pagination.itemsFunctionName),
            "itemsDocLines": .documentation(pagination.itemsDocumentation),
            "itemType": .text(pagination.itemType?.description),
            "itemsExpression": .text(pagination.results.map { "page in " + Self.arrayExpression($0, of: "page") }),
        ]
        let results = pagination.results.map { Self.arrayExpression($0, of: "response") + ".count" } ?? "0"
        func limit(_ argument: String?) -> String { argument ?? "nil" }
        func start(_ argument: String, _ first: Int) -> String {
            let type = operation.parameters.first { $0.name == argument }?.type
            return type?.isOptional == true ? "\(argument) ?? \(first)" : argument
        }
        switch pagination.rule {
        case .offset(let argument, let limitArgument):
            object["position"] = .object([
                "name": .text(argument),
                "start": .text(start(argument, 0)),
                "next": .text("PageRule.offset(after: \(argument), count: \(results), limit: \(limit(limitArgument)))"),
            ])
        case .page(let argument, let limitArgument, let pageCount):
            let count = pageCount.map { Self.chain($0, of: "response").text } ?? "nil"
            object["position"] = .object([
                "name": .text(argument),
                "start": .text(start(argument, 1)),
                "next": .text("PageRule.page(after: \(argument), count: \(results), limit: \(limit(limitArgument)), pageCount: \(count))"),
            ])
        case .cursor(let argument, let next):
            let isOptional = operation.parameters.first { $0.name == argument }?.type.isOptional ?? true
            object["position"] = .object([
                "name": .text(argument),
                "start": .text(argument),
                "next": .text("PageRule.\(isOptional ? "cursor" : "requiredCursor")(\(Self.chain(next, of: "response").text))"),
            ])
        case .nextURL(let next):
            object["link"] = .object(["nextLink": .text("{ page in \(Self.chain(next, of: "page").text) }")])
        case .linkHeader:
            object["link"] = .object(["nextLink": .text("nil")])
        }
        return object
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
