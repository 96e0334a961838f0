import SDKGenBase
import SDKGenModel

/// Compares the error enums' documented cases, matched by the status, range or `default` they are thrown for.
///
/// The error enum is exhaustive, so a case added breaks every `switch` over it without a `default:`, and moves
/// the statuses it covers out of the case that caught them before (`apiError`, a range's or `default`'s); a case
/// removed breaks code that names it.
extension APIComparison {
    package mutating func compareErrorCases() {
        let oldCases = Dictionary(old.error.statusCases.map { ($0.status, $0) }, uniquingKeysWith: { first, _ in first })
        let newCases = Dictionary(new.error.statusCases.map { ($0.status, $0) }, uniquingKeysWith: { first, _ in first })
        for oldCase in old.error.statusCases where newCases[oldCase.status] == nil {
            add(.errorCaseRemoved, .breaking, at: oldCase.location, symbol: "\(old.error.typeName).\(oldCase.caseName)",
                "the error case for \(Self.statusText(oldCase.status)) is removed: code naming it no longer compiles, "
                + "and its statuses are thrown as another case")
        }
        for newCase in new.error.statusCases {
            let symbol = "\(new.error.typeName).\(newCase.caseName)"
            guard let oldCase = oldCases[newCase.status] else {
                add(.errorCaseAdded, .breaking, at: newCase.location, symbol: symbol,
                    "a case is added to the exhaustive error enum for \(Self.statusText(newCase.status)): a `switch` over "
                    + "`\(new.error.typeName)` without `default:` no longer compiles, and those statuses are no longer thrown as the case that caught them")
                continue
            }
            if oldCase.bodyType != newCase.bodyType {
                add(.errorCaseTypeChanged, .breaking, at: newCase.location, symbol: symbol,
                    "the error case's body is `\(newCase.bodyType)` instead of `\(oldCase.bodyType)`")
            }
        }
    }

    private static func statusText(_ status: StatusPattern) -> String {
        switch status {
        case .code(let code): "status \(code)"
        case .range: "the \(status.text) statuses"
        case .default: "`default`"
        }
    }
}
