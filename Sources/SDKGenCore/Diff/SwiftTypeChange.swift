/// Describes how a Swift type changed, naming the common widenings and narrowings of a value.
enum SwiftTypeChange {
    /// `changes from `Int` to `Double` (widened)`.
    static func describe(from old: String, to new: String, models: [ModelDeclaration]) -> String {
        let text = "changes from `\(old)` to `\(new)`"
        switch (old, new) {
        case ("Int", "Double"): return text + " (widened: integer to number)"
        case ("Double", "Int"): return text + " (narrowed: number to integer)"
        case ("String", _) where isStringEnum(new, in: models): return text + " (narrowed: string to enum)"
        case (_, "String") where isStringEnum(old, in: models): return text + " (widened: enum to string)"
        case ("String", "Date"), ("String", "Data"), ("Date", "String"), ("Data", "String"): return text + " (a string format changed)"
        case (_, "JSONValue"): return text + " (widened to any JSON value)"
        default:
            if new == old + "?" { return text + " (may now be absent)" }
            if old == new + "?" { return text + " (now always present)" }
            if new == "[\(old)]" { return text + " (now a list)" }
            return text
        }
    }

    private static func isStringEnum(_ type: String, in models: [ModelDeclaration]) -> Bool {
        models.contains { $0.typeName == type && $0.enumModel?.rawType == "String" }
    }
}
