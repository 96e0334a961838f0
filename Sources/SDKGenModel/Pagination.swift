import SDKGenBase

/// The paging functions of a paginated operation: one returning its pages as an `AsyncSequence`, one its items.
///
/// Both take the operation's arguments and call its function once per page, so retries, per-call options and typed
/// errors are the function's own.
public struct PaginationDeclaration: Sendable {
    /// The function returning the runtime's `Pages` of the operation's response: `listModelsPages`.
    public var pagesFunctionName: String
    public var pagesDocumentation: Documentation
    /// The function returning the runtime's `PageItems` of the results' elements: `listModelsItems`; `nil` when the
    /// rule names no results.
    public var itemsFunctionName: String?
    public var itemsDocumentation: Documentation
    /// The operation's response type: one page.
    public var pageType: SwiftType
    /// The type of one element of the results, when the rule names them.
    public var itemType: SwiftType?
    /// Where a page's results are: an array, or an optional array read as empty when absent.
    public var results: PropertyPath?
    /// How the next page is asked for, and when there is none.
    public var rule: PagingRule
    /// The extension (or `sdkgen.yaml` entry) that declares the pagination.
    public var origin: SpecOrigin
}

/// How a paginated operation asks for the next page.
public enum PagingRule: Sendable, Hashable {
    /// The input is an offset, advanced by the number of results; stops on a page with fewer results than the
    /// `limit` input (or with none, when there is no limit).
    case offset(PagingInput, limit: PagingInput?)
    /// The input is a page number, advanced by one, starting at 1; stops as `offset` does, or after the page whose
    /// number is the page count the response gives.
    case page(PagingInput, limit: PagingInput?, pageCount: PropertyPath?)
    /// The input is a cursor, replaced by the response's next cursor; stops when that is absent, `null` or empty.
    case cursor(PagingInput, next: PropertyPath)
    /// The next page is the URL the response's body gives; stops when it is absent, `null` or empty.
    case nextURL(PropertyPath)
    /// The next page is the URL of the response's RFC 8288 `Link` header with `rel="next"`; stops when there is
    /// none.
    case linkHeader
}

/// Where a paging rule's input goes: an argument of the function, or a property of its JSON body argument.
public struct PagingInput: Sendable, Hashable {
    /// The argument's Swift name.
    public var argument: String
    /// The body's property that carries the value, by its Swift name; `nil` when the argument itself does.
    public var property: String?
    /// Whether the value may be left out (`nil`).
    public var isOptional: Bool
}

/// A chain of properties of a response type, as `$.meta.next` names it.
public struct PropertyPath: Sendable, Hashable {
    public var steps: [PropertyStep]
    /// The type of the last property.
    public var type: SwiftType
}

/// One step of a ``PropertyPath``.
public enum PropertyStep: Sendable, Hashable {
    /// A property, by its Swift name; an optional one continues the chain with `?.`.
    case property(name: String, isOptional: Bool)
    /// The value is a union: the rest of the path is read from each case that has it, and is `nil` for any other
    /// case. `isExhaustive` when every case of the enum has it.
    case union(branches: [UnionBranch], isExhaustive: Bool)
}

/// The rest of a ``PropertyPath`` in one case of a union.
public struct UnionBranch: Sendable, Hashable {
    /// The enum case's name.
    public var caseName: String
    /// The path in the case's value.
    public var path: PropertyPath
}

extension PropertyPath {
    /// The property names joined with dots, as documentation names the path: `meta.next`.
    public var text: String {
        steps.map { step in
            switch step {
            case .property(let name, _): SwiftName.unescaped(name)
            case .union(let branches, _): branches.first?.path.text ?? ""
            }
        }
        .filter { !$0.isEmpty }
        .joined(separator: ".")
    }
}
