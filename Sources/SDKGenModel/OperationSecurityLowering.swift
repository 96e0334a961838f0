import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// An operation whose own `security` names other schemes than the document's takes the secrets for them as an
/// argument, as the official Speakeasy SDKs do (`ListForUser(ctx, security operations.ListModelsUserSecurity, …)`
/// in Go): `security: OpenRouter.Credentials? = nil`, the client's own `Credentials` type, which never shows a
/// secret in a description, dump or error. The secrets given replace the client's for that call; one left `nil`,
/// or the argument left out, falls back to the client's, which the client's initializer takes for every scheme as
/// before. The schemes are compared by name, as Speakeasy does: two bearer schemes are two requirements even
/// where the client sends them with one credential.
///
/// No argument when the operation's requirement needs no secret (`security: []`) or only credentials that
/// `Credentials` does not hold (an OAuth 2.0 client that fetches its own tokens).
extension SDKLowering {
    package mutating func ownSecurityArgument(_ operation: Operation, names: inout MemberNames) -> OperationParameter? {
        guard let own = operation.security else { return nil }
        let schemeNames = { (requirement: [SecurityRequirement]) in requirement.map { $0.schemes.map(\.name) } }
        guard schemeNames(own) != schemeNames(document.security ?? []) else { return nil }
        let secretKeys = Set(security.credentials.filter { !$0.fetchesTokens }.map(\.key))
        let alternatives = requirement(own, keys: security.keys).filter { !$0.isEmpty && $0.allSatisfy(secretKeys.contains) }
        guard !alternatives.isEmpty else { return nil }
        func unique(_ names: [String]) -> [String] {
            var kept: [String] = []
            for name in names where !kept.contains(name) { kept.append(name) }
            return kept
        }
        let uniqueArguments = unique(alternatives.flatMap { alternative in
            alternative.flatMap { key in security.credentials.first { $0.key == key }?.arguments.map(\.name) ?? [] }
        })
        let uniqueSchemes = unique(own.flatMap { $0.schemes.map(\.name) })
        let listed = { (items: [String]) in items.map { "`\(SwiftName.unescaped($0))`" }.joined(separator: ", ") }
        let documentation = "The secrets for the operation's own security (\(listed(uniqueSchemes))): "
            + "\(listed(uniqueArguments)), sent in place of the client's for this call; a secret left `nil`, "
            + "or `nil` for all, falls back to the client's."
        return OperationParameter(
            name: names.claim("security"),
            type: SwiftType.named("\(clientTypeName).Credentials").optional,
            documentation: documentation,
            description: documentation,
            example: nil,
            origin: SpecOrigin(key: "security", location: operation.location))
    }
}
