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
    /// The argument is an offset, advanced by the number of results; stops on a page with fewer results than
    /// the `limit` argument (or with none, when there is no limit).
    case offset(argument: String, limit: String?)
    /// The argument is a page number, advanced by one, starting at 1; stops as `offset` does, or after the page
    /// whose number is the page count the response gives.
    case page(argument: String, limit: String?, pageCount: PropertyPath?)
    /// The argument is a cursor, replaced by the response's next cursor; stops when that is absent, `null` or empty.
    case cursor(argument: String, next: PropertyPath)
    /// The next page is the URL the response's body gives; stops when it is absent, `null` or empty.
    case nextURL(PropertyPath)
    /// The next page is the URL of the response's RFC 8288 `Link` header with `rel="next"`; stops when there is
    /// none.
    case linkHeader
}

/// A chain of properties of a response type, as `$.meta.next` names it.
public struct PropertyPath: Sendable, Hashable {
    public var steps: [PropertyStep]
    /// The type of the last property.
    public var type: SwiftType
}

/// One property of a ``PropertyPath``.
public struct PropertyStep: Sendable, Hashable {
    /// The Swift property name.
    public var name: String
    /// Whether the property is optional, so that the chain continues with `?.`.
    public var isOptional: Bool
}
