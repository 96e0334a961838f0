import SDKGenBase
import SDKGenModel
import SDKGenView

/// Describes how a Swift type changed, naming the common widenings and narrowings of a value.
package enum SwiftTypeChange {
    /// `changes from `Int` to `Double` (widened)`.
    package static func describe(from old: SwiftType, to new: SwiftType, models: [ModelDeclaration]) -> String {
        let text = "changes from `\(old)` to `\(new)`"
        switch (old, new) {
        case (.int, .double): return text + " (widened: integer to number)"
        case (.double, .int): return text + " (narrowed: number to integer)"
        case (.string, _) where isStringEnum(new, in: models): return text + " (narrowed: string to enum)"
        case (_, .string) where isStringEnum(old, in: models): return text + " (widened: enum to string)"
        case (.string, .date), (.string, .data), (.date, .string), (.data, .string): return text + " (a string format changed)"
        case (_, .jsonValue): return text + " (widened to any JSON value)"
        default:
            if new == .optional(old) { return text + " (may now be absent)" }
            if old == .optional(new) { return text + " (now always present)" }
            if new == .array(old) { return text + " (now a list)" }
            return text
        }
    }

    private static func isStringEnum(_ type: SwiftType, in models: [ModelDeclaration]) -> Bool {
        models.contains { model in
            guard .named(model.typeName) == type, case .enumeration(let enumModel) = model.kind else { return false }
            return enumModel.hasStringValues
        }
    }
}
