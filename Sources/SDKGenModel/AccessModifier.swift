/// The access level of the generated declarations: who, beyond the SDK's module, may use them.
public enum AccessModifier: String, Sendable, CaseIterable {
    case `public`, `package`, `internal`
}
