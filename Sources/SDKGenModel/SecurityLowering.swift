import Foundation
import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// Lowers security: the credentials the client's initializer takes, and which of them each operation sends.
///
/// Every scheme the document's or an operation's `security` names becomes a credential. Schemes sent the same way
/// (two bearer schemes, say) share one, under the first one's name. When the document uses a single credential
/// that is one value (a bearer token, an API key), its argument is `apiKey` and defaults to the `<MODULE>_API_KEY`
/// environment variable; otherwise arguments are named from the schemes. An OAuth 2.0 scheme with a
/// client-credentials flow takes the client's ID and secret (named from the scheme) and fetches its tokens; any other
/// OAuth 2.0 or OpenID Connect scheme takes the token itself, like a bearer scheme.
extension SDKLowering {
    /// What lowering security decided.
    package struct SecurityPlan {
        package var credentials: [CredentialDeclaration] = []
        /// Scheme name → the key of the credential it is sent with; schemes that cannot be sent are absent.
        package var keys: [String: String] = [:]
        /// The document's requirement, in keys.
        package var documentRequirement: [[String]] = []
        /// The headers that carry API keys, by their wire names.
        package var apiKeyHeaders: [String] = []
        /// The query parameters that carry API keys, by their wire names.
        package var apiKeyQueryParameters: [String] = []
    }

    /// How a scheme's credential travels; schemes that travel alike share a credential.
    private enum Placement: Hashable {
        case bearer
        case basic
        case apiKey(name: String, location: ParameterLocation)
        /// An OAuth 2.0 client-credentials flow: each scheme fetches its own tokens, so none shares.
        case oauth2ClientCredentials(scheme: String, tokenURL: String)
    }

    package mutating func planSecurity(reservedNames: Set<String>) -> SecurityPlan {
        var plan = SecurityPlan()
        var order: [(scheme: String, placement: Placement)] = []
        var unsupported: Set<String> = []
        let requirements = [document.security ?? []] + document.operations.map { $0.security ?? [] }
        for requirement in requirements {
            for use in requirement.flatMap(\.schemes) where plan.keys[use.name] == nil && !unsupported.contains(use.name) {
                guard let placement = placement(ofScheme: use) else {
                    unsupported.insert(use.name)
                    continue
                }
                if let shared = order.first(where: { $0.placement == placement }) {
                    plan.keys[use.name] = shared.scheme
                } else {
                    plan.keys[use.name] = use.name
                    order.append((use.name, placement))
                }
            }
        }

        var members = MemberNames(reserving: reservedNames)
        let environmentVariable = options.moduleName.uppercased().filter { $0.isLetter || $0.isNumber } + "_API_KEY"
        for (scheme, placement) in order {
            let description = document.components.securitySchemes[named: scheme]?.description
            let origin = SpecOrigin(key: scheme, location: document.components.securitySchemes[named: scheme]?.location ?? document.location)
            if placement == .basic {
                // Basic schemes are all sent alike, so there is at most one.
                let username = members.claim("username")
                let password = members.claim("password")
                let usernameText = (description ?? "The user name for HTTP basic authentication.")
                    + "\nSent with `\(SwiftName.unescaped(password))` as `Authorization: Basic <base64>` when both are given."
                let pairText = "\nReplaces the client's own user name and password only together with "
                plan.credentials.append(CredentialDeclaration(
                    arguments: [
                        CredentialArgument(name: username, environmentVariable: nil, documentation: usernameText,
                                           providerDocumentation: usernameText + pairText + "`\(SwiftName.unescaped(password))`."),
                        CredentialArgument(name: password, environmentVariable: nil, documentation: "The password for HTTP basic authentication.",
                                           providerDocumentation: "The password for HTTP basic authentication." + pairText
                                               + "`\(SwiftName.unescaped(username))`."),
                    ],
                    placement: .basic,
                    key: scheme,
                    origin: origin))
                continue
            }
            if case .oauth2ClientCredentials(_, let tokenURL) = placement {
                let name = members.claim(SwiftName.storedMember(scheme))
                plan.credentials.append(CredentialDeclaration(
                    arguments: [CredentialArgument(
                        name: name,
                        environmentVariable: nil,
                        documentation: (description ?? "An OAuth 2.0 client's ID and secret.")
                            + "\nThe client fetches access tokens with them from `\(tokenURL)` (the client-credentials grant) and"
                            + " sends them as `Authorization: Bearer <token>`; with `nil`, no token is fetched.",
                        providerDocumentation: nil)],
                    placement: .oauth2ClientCredentials(tokenURL: tokenURL),
                    key: scheme,
                    origin: origin))
                continue
            }
            let isSingleKey = order.count == 1
            let name = members.claim(isSingleKey ? "apiKey" : SwiftName.storedMember(scheme))
            let value: CredentialPlacement, how: String, absent: String
            switch placement {
            case .bearer:
                (value, how, absent) = (.bearer, "sent as `Authorization: Bearer <\(isSingleKey ? "key" : "token")>`", "no `Authorization` header is sent")
            case .apiKey(let wireName, .query):
                plan.apiKeyQueryParameters.append(wireName)
                (value, how, absent) = (.query(wireName), "sent as the `\(wireName)` query parameter", "no `\(wireName)` query parameter is sent")
            case .apiKey(let wireName, .cookie):
                (value, how, absent) = (.cookie(wireName), "sent as the `\(wireName)` cookie", "no `\(wireName)` cookie is sent")
            case .apiKey(let wireName, _):
                plan.apiKeyHeaders.append(wireName)
                (value, how, absent) = (.header(wireName), "sent as `\(wireName): <key>`", "no `\(wireName)` header is sent")
            case .basic, .oauth2ClientCredentials:
                continue
            }
            let what = placement == .bearer && !isSingleKey ? "The token" : "The API key"
            let summary = description ?? "\(what), \(how)."
            let documentation = summary + (isSingleKey
                ? "\nDefaults to the `\(environmentVariable)` environment variable; with `nil`, \(absent)."
                : "\nWith `nil`, \(absent).")
            plan.credentials.append(CredentialDeclaration(
                arguments: [CredentialArgument(
                    name: name,
                    environmentVariable: isSingleKey ? environmentVariable : nil,
                    documentation: documentation,
                    providerDocumentation: summary + "\nWith `nil`, the client's own is sent.")],
                placement: value,
                key: scheme,
                origin: origin))
        }
        // The initializer takes the client credentials after the secrets, which a credential provider can supply too.
        plan.credentials = plan.credentials.filter { !$0.fetchesTokens } + plan.credentials.filter(\.fetchesTokens)
        plan.documentRequirement = requirement(document.security ?? [], keys: plan.keys)
        return plan
    }

    /// How a scheme is sent, or `nil` (with a warning) when sdkgen cannot send it.
    private mutating func placement(ofScheme use: Named<[String]>) -> Placement? {
        guard let scheme = document.components.securitySchemes[named: use.name] else {
            diagnostics.warning("security scheme '\(use.name)' is not declared in components.securitySchemes; requests are sent without it", at: use.location)
            return nil
        }
        switch scheme.kind {
        case .oauth2(let flow?):
            guard let url = URL(string: flow.tokenURL), url.scheme.map({ ["http", "https"].contains($0.lowercased()) }) ?? true,
                  !flow.tokenURL.isEmpty else {
                diagnostics.warning("the token URL '\(flow.tokenURL)' of scheme '\(use.name)' is not an HTTP URL; the client takes the token itself, like a bearer token", at: flow.location)
                return .bearer
            }
            return .oauth2ClientCredentials(scheme: use.name, tokenURL: url.absoluteString)
        case .http("bearer", _), .oauth2, .openIDConnect:
            return .bearer
        case .http("basic", _):
            return .basic
        case .apiKey(let name, let location) where location != .path:
            return .apiKey(name: name, location: location)
        case .http(let kind, _):
            diagnostics.warning("HTTP '\(kind)' authentication (scheme '\(use.name)') is not supported; requests are sent without it", at: scheme.location)
        case .apiKey:
            diagnostics.warning("an API key in the path (scheme '\(use.name)') cannot be sent; requests are sent without it", at: scheme.location)
        case .mutualTLS:
            diagnostics.warning("mutual TLS (scheme '\(use.name)') is set up on the URLSession, not by the SDK; requests are sent without it", at: scheme.location)
        }
        return nil
    }

    /// A `security` list in credential keys: alternatives needing a scheme that cannot be sent are dropped, and an
    /// empty alternative (`- {}`) means that no credential is needed.
    package func requirement(_ security: [SecurityRequirement], keys: [String: String]) -> [[String]] {
        var alternatives: [[String]] = []
        for alternative in security {
            let names = alternative.schemes.map(\.name)
            guard names.allSatisfy({ keys[$0] != nil }) else { continue }
            var needed: [String] = []
            for key in names.compactMap({ keys[$0] }) where !needed.contains(key) {
                needed.append(key)
            }
            if !alternatives.contains(needed) {
                alternatives.append(needed)
            }
        }
        return alternatives
    }
}
