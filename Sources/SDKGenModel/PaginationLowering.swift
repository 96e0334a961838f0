import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// Lowers the pagination an operation declares (`x-sdkgen-pagination`, which `sdkgen.yaml`'s `pagination` sets, or
/// else `x-speakeasy-pagination`) into its paging functions.
///
/// The rule's inputs are the function's arguments and its outputs properties of the response type: a path of
/// properties (`$.data`, `$.meta.next`). What does not fit is a warning at the extension, and the operation gets no
/// paging functions.
extension SDKLowering {
    /// Sets the pagination of each of `operations` whose spec operation declares one; the paging functions' names are
    /// claimed after the operations' own.
    package mutating func addPagination(to operations: inout [OperationDeclaration], of specOperations: [SDKGenOpenAPI.Operation],
                                        functionNames: inout MemberNames) {
        for operation in specOperations {
            let node = operation.extensions["x-sdkgen-pagination"] ?? operation.extensions["x-speakeasy-pagination"]
            guard let node else { continue }
            let name = operation.extensions["x-sdkgen-pagination"] != nil ? "x-sdkgen-pagination" : "x-speakeasy-pagination"
            let key = operation.method.rawValue.uppercased() + " " + operation.path
            // An operation in a further group gets the same paging functions, without saying its warnings again.
            let diagnosticsBefore = diagnostics
            defer { if !paginatedOperations.insert(key).inserted { diagnostics = diagnosticsBefore } }
            guard let index = operations.firstIndex(where: { $0.origin.key == key && !$0.isStreaming }) else {
                diagnostics.warning("\(name): the operation has no function returning a decoded response to page through; it is ignored", at: node.location)
                continue
            }
            var warnings: [(String, SourceLocation)] = []
            guard let rule = PaginationExtension.read(node, name: name, report: { warnings.append(($0, $1)) }) else {
                for (message, location) in warnings { diagnostics.warning(message + "; the operation gets no paging functions", at: location) }
                continue
            }
            operations[index].pagination = pagination(rule, name: name, of: operations[index], functionNames: &functionNames)
        }
    }

    private mutating func pagination(_ rule: PaginationExtension, name: String, of operation: OperationDeclaration,
                                     functionNames: inout MemberNames) -> PaginationDeclaration? {
        func skip(_ message: String, at location: SourceLocation? = nil) -> PaginationDeclaration? {
            diagnostics.warning("\(name): \(message); the operation gets no paging functions", at: location ?? rule.location)
            return nil
        }
        switch operation.returnType {
        case .named, .array: break
        default: return skip("the operation returns \(operation.returnType), not a decoded object or array to page through")
        }
        var resolved: [String: PropertyPath] = [:]
        for (outputName, output) in rule.outputs.sorted(by: { $0.key < $1.key }) {
            switch propertyPath(output.path, in: operation.returnType) {
            case .success(let path):
                resolved[outputName] = path
            case .failure(let problem) where outputName == "results" && rule.kind != .offsetLimit:
                // The pages can still be followed; only their items have no one type.
                diagnostics.warning("\(name): output results `\(output.path)`: \(problem.message); the operation gets a function returning its pages but none returning their items", at: output.location)
            case .failure(let problem):
                return skip("output \(outputName) `\(output.path)`: \(problem.message)", at: output.location)
            }
        }
        var inputs: [String: (input: PagingInput, type: SwiftType)] = [:]
        for input in rule.inputs {
            let found: (input: PagingInput, type: SwiftType)
            switch pagingInput(input, of: operation) {
            case .success(let value): found = value
            case .failure(let problem): return skip("input \(input.name): \(problem.message)", at: input.location)
            }
            if input.role != "cursor", found.type.nonOptional != .int {
                return skip("input \(input.name) (\(input.role)) is a \(found.type.nonOptional), not an integer", at: input.location)
            }
            inputs[input.role] = found
        }
        let results = resolved["results"]
        let itemType: SwiftType?
        switch results?.type.nonOptional {
        case .array(let element)?: itemType = element
        case nil: itemType = nil
        case let other?: return skip("output results `\(rule.outputs["results"]!.path)` is a \(other), not an array", at: rule.outputs["results"]!.location)
        }

        let pagingRule: PagingRule
        switch rule.kind {
        case .offsetLimit:
            guard results != nil else { return skip("offsetLimit needs the results output, which tells when a page is the last") }
            if let offset = inputs["offset"] {
                pagingRule = .offset(offset.input, limit: inputs["limit"]?.input)
            } else if let page = inputs["page"] {
                if let count = resolved["numPages"], count.type.nonOptional != .int {
                    return skip("output numPages is a \(count.type.nonOptional), not an integer", at: rule.outputs["numPages"]!.location)
                }
                pagingRule = .page(page.input, limit: inputs["limit"]?.input, pageCount: resolved["numPages"])
            } else {
                return skip("offsetLimit needs an input of type offset or page")
            }
        case .cursor:
            guard let cursor = inputs["cursor"] else { return skip("cursor needs an input of type cursor") }
            guard let next = resolved["nextCursor"] else { return skip("cursor needs the nextCursor output") }
            let cursorType = cursor.type.nonOptional
            guard next.type.nonOptional == cursorType else {
                return skip("output nextCursor is a \(next.type.nonOptional) but input \(rule.input("cursor")!.name) a \(cursorType)", at: rule.outputs["nextCursor"]!.location)
            }
            pagingRule = .cursor(cursor.input, next: next)
        case .url:
            guard let next = resolved["nextUrl"] else { return skip("url needs the nextUrl output") }
            guard next.type.nonOptional == .string else {
                return skip("output nextUrl is a \(next.type.nonOptional), not a string", at: rule.outputs["nextUrl"]!.location)
            }
            pagingRule = .nextURL(next)
        case .linkHeader:
            pagingRule = .linkHeader
        }

        let base = SwiftName.unescaped(operation.functionName)
        let pagesName = functionNames.claim(base + "Pages")
        let itemsName = itemType.map { _ in functionNames.claim(base + "Items") }
        let labels = operation.parameters.map { SwiftName.unescaped($0.name) + ":" }.joined() + "options:"
        let parameters = operation.parameters.map { Documentation.Parameter($0.name, $0.documentation) }
            + [Documentation.Parameter("options", "Settings for each page's call that override the client's.")]
        let stop = Self.stopText(pagingRule)
        let calls = Documentation.Block.sentences("Each page is one call of that function, with its retries and `options`; iterating throws what the call throws, and ``\(errorTypeName)/cancelled`` once the iterating task is cancelled.")
        let pagesDocumentation: Documentation = [
            .sentences("The pages of ``\(base)(\(labels))``, each fetched when the sequence is iterated to it. \(stop)"),
            calls,
            .parameters(parameters, returns: "The pages, in order."),
        ]
        let itemsDocumentation: Documentation = [
            .sentences("The results of every page of ``\(base)(\(labels))``, in order, each page fetched when the sequence is iterated to it. \(stop)"),
            calls,
            .parameters(parameters, returns: "The items of the pages, in order."),
        ]
        return PaginationDeclaration(
            pagesFunctionName: pagesName, pagesDocumentation: pagesDocumentation,
            itemsFunctionName: itemsName, itemsDocumentation: itemsDocumentation,
            pageType: operation.returnType, itemType: itemType, results: results, rule: pagingRule,
            origin: SpecOrigin(key: name, location: rule.location))
    }

    /// When the sequence ends, in a sentence.
    private static func stopText(_ rule: PagingRule) -> String {
        func name(_ input: PagingInput) -> String {
            SwiftName.unescaped(input.argument) + (input.property.map { "." + SwiftName.unescaped($0) } ?? "")
        }
        return switch rule {
        case .offset(let offset, let limit):
            "`\(name(offset))` advances by each page's number of results; the last page is the first with "
                + (limit.map { "fewer results than `\(name($0))` (or none, when it is `nil`)." } ?? "no results.")
        case .page(let page, let limit, let pageCount):
            "`\(name(page))` counts up from 1 (or the number given); the last page is the first with "
                + (limit.map { "fewer results than `\(name($0))` (or none, when it is `nil`)" } ?? "no results")
                + (pageCount.map { ", or the one numbered `\($0.text)`." } ?? ".")
        case .cursor(let cursor, let next):
            "Each page after the first is asked for with `\(name(cursor))` set to the previous page's `\(next.text)`; the last page is the one without it (or with it empty)."
        case .nextURL(let next):
            "Each page after the first is read from the URL of the previous page's `\(next.text)`; the last page is the one without it (or with it empty)."
        case .linkHeader:
            "Each page after the first is read from the URL of the previous response's `Link` header with `rel=\"next\"`; the last page is the one without it."
        }
    }

    /// The argument, the field of the request struct, or the property of the JSON body argument, that an input
    /// names, with its type.
    private func pagingInput(_ input: PaginationExtension.Input, of operation: OperationDeclaration)
        -> Result<(input: PagingInput, type: SwiftType), PathProblem> {
        // Beyond `x-speakeasy-max-method-params`, the parameters and the body are fields of the `request` argument.
        let requestStruct = operation.requestStruct.flatMap { requestStruct in
            operation.parameters.first { $0.origin.key == "request" }.flatMap { argument in
                fields(of: .named(requestStruct.typeName)).map { (argument: argument.name, fields: $0) }
            }
        }
        if input.placement == "parameters" {
            if let requestStruct {
                guard let field = requestStruct.fields.first(where: { Self.isParameter($0.origin.key, named: input.name) }) else {
                    return .failure(PathProblem(message: "names no parameter of the operation"))
                }
                return .success((PagingInput(argument: requestStruct.argument, property: field.name, isOptional: field.type.isOptional), field.type))
            }
            guard let argument = operation.parameters.first(where: { Self.isParameter($0.origin.key, named: input.name) }) else {
                return .failure(PathProblem(message: "names no parameter of the operation"))
            }
            return .success((PagingInput(argument: argument.name, property: nil, isOptional: argument.type.isOptional), argument.type))
        }
        guard case .json(let argumentName, _, _)? = operation.body else {
            return .failure(PathProblem(message: "the operation has no JSON request body"))
        }
        guard let argument = operation.parameters.first(where: { $0.name == argumentName }) else {
            return .failure(PathProblem(message: "the request body is a field of the request struct, where sdkgen sets no paging input"))
        }
        guard !argument.type.isOptional else {
            return .failure(PathProblem(message: "the request body is optional, so there may be nothing to set the input in"))
        }
        guard let property = fields(of: argument.type)?.first(where: { $0.wireName == input.name }) else {
            return .failure(PathProblem(message: "names no property of the request body \(argument.type)"))
        }
        return .success((PagingInput(argument: argument.name, property: property.name, isOptional: property.type.isOptional), property.type))
    }

    /// The properties of a struct model.
    private func fields(of type: SwiftType) -> [PropertyDeclaration]? {
        guard let typeName = type.declarationName,
              case .structure(let structModel)? = types.models.first(where: { $0.typeName == typeName })?.kind else { return nil }
        return structModel.properties
    }

    /// Whether an argument or request struct field, by its origin's key, sends the query, header, path or cookie
    /// parameter of this name.
    private static func isParameter(_ originKey: String, named name: String) -> Bool {
        ["query", "path", "cookie"].contains { originKey == "\($0) \(name)" } || originKey == "header \(name.lowercased())"
    }

    /// Why a JSONPath does not name a property of the response type.
    package struct PathProblem: Error {
        var message: String
    }

    /// The properties a JSONPath of the form `$.a.b` names in a response type; `$` is the response itself.
    package func propertyPath(_ path: String, in type: SwiftType) -> Result<PropertyPath, PathProblem> {
        if path == "$" {
            return .success(PropertyPath(steps: [], type: type))
        }
        guard path.hasPrefix("$."), path.count > 2 else {
            return .failure(PathProblem(message: "sdkgen reads a path of properties such as `$.data` or `$.meta.next`"))
        }
        let names = path.dropFirst(2).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard names.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } }) else {
            return .failure(PathProblem(message: "sdkgen reads a path of properties such as `$.data` or `$.meta.next`, not filters, indexes or wildcards"))
        }
        return propertyPath(names[...], in: type)
    }

    /// The properties `names` name in a type, in turn; through a union, in each of its cases that has them.
    private func propertyPath(_ names: ArraySlice<String>, in type: SwiftType) -> Result<PropertyPath, PathProblem> {
        var steps: [PropertyStep] = []
        var current = type
        for (offset, name) in zip(names.indices, names) {
            guard let typeName = current.declarationName, let model = types.models.first(where: { $0.typeName == typeName }) else {
                return .failure(PathProblem(message: "\(current) has no properties to find '\(name)' in"))
            }
            switch model.kind {
            case .structure(let structModel):
                guard let property = structModel.properties.first(where: { $0.wireName == name }) else {
                    return .failure(PathProblem(message: "\(typeName) has no property '\(name)'"))
                }
                steps.append(.property(name: property.name, isOptional: property.type.isOptional))
                current = property.type
            case .union(let union):
                let branches = union.cases.compactMap { unionCase -> UnionBranch? in
                    guard case .success(let path) = propertyPath(names[offset...], in: unionCase.type) else { return nil }
                    return UnionBranch(caseName: unionCase.name, path: path)
                }
                guard let first = branches.first else {
                    return .failure(PathProblem(message: "no case of the union \(typeName) has a property '\(name)'"))
                }
                let valueTypes = Set(branches.map { $0.path.type.nonOptional.description }).sorted()
                guard valueTypes.count == 1 else {
                    return .failure(PathProblem(message: "the cases of the union \(typeName) have it as different types (\(valueTypes.joined(separator: ", ")))"))
                }
                steps.append(.union(branches: branches, isExhaustive: branches.count == union.cases.count && union.discriminator == nil))
                return .success(PropertyPath(steps: steps, type: first.path.type.optional))
            case .enumeration, .tuple:
                return .failure(PathProblem(message: "\(current) has no properties to find '\(name)' in"))
            }
        }
        return .success(PropertyPath(steps: steps, type: current))
    }
}
