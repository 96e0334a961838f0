import SDKGenBase
import SDKGenModel
import SDKGenMustache

/// The Swift source text of the model's values: the one place the View stage spells Swift.
package enum SwiftSource {
    /// `public `, `package ` or nothing for internal: what declarations start with.
    package static func accessPrefix(_ access: AccessModifier) -> String {
        access == .internal ? "" : access.rawValue + " "
    }

    /// The protocols a model conforms to: `Codable, Hashable, Sendable`, an open enum's raw-value protocols before
    /// them, and `Equatable` in place of `Hashable`, or neither, as `equality` says (an open enum stays `Hashable`
    /// without either).
    package static func conformances(of model: ModelDeclaration, equality: ModelEquality) -> String {
        if case .enumeration = model.kind {
            return "RawRepresentable, LosslessStringConvertible, Codable, \(equality == .equatable ? "Equatable" : "Hashable"), Sendable"
        }
        switch equality {
        case .hashable: return "Codable, Hashable, Sendable"
        case .equatable: return "Codable, Equatable, Sendable"
        case .none: return "Codable, Sendable"
        }
    }

    /// `@available(*, deprecated)`, with the spec's message when it gives one.
    package static func deprecatedAttribute(message: String?) -> String {
        message.map { "@available(*, deprecated, message: \(SwiftLiteral.string($0)))" } ?? "@available(*, deprecated)"
    }

    /// A parameter's name as a call's argument label: without backticks, which a label needs only for `inout`.
    package static func argumentLabel(_ name: String) -> String {
        let label = SwiftName.unescaped(name)
        return label == "inout" ? name : label
    }

    /// How the functions beside an operation's call it: by its name, or through `self` when one of its parameters,
    /// which those functions take too, is spelled the same (`label(label:)`) and would hide it, or when it is named
    /// `self` (an operationId `self`), which called alone is the instance, not the function.
    package static func callee(_ operation: OperationDeclaration) -> String {
        let name = SwiftName.unescaped(operation.functionName)
        let isHidden = name == "self" || operation.parameters.contains { SwiftName.unescaped($0.name) == name }
        return isHidden ? "self.\(operation.functionName)" : operation.functionName
    }

    /// How many of an initializer's first parameters may have a default value: Swift 6.3's compiler crashes (signal 11,
    /// in SILGen) on a default at index 1024 or later, which a schema of 1,024 properties makes (Cisco vManage's
    /// `QfpDropResponse` has 1,064). The parameters after these have none.
    package static let maximumDefaultedParameters = 1023

    /// ` = nil` for an optional argument, which callers may leave out; nothing otherwise.
    package static func defaultClause(_ type: SwiftType) -> String {
        type.isOptional ? " = nil" : ""
    }

    /// A Swift string literal of text, its arguments interpolated as their encodings say; and whether building it
    /// can throw.
    package static func interpolatedLiteral(_ components: [InterpolatedText]) -> (literal: String, throws: Bool) {
        var literal = ""
        var throwing = false
        for component in components {
            switch component {
            case .text(let text):
                literal += String(SwiftLiteral.string(text).dropFirst().dropLast())
            case .argument(let name, let encoding):
                switch encoding {
                case .verbatim: literal += "\\(\(name))"
                case .string: literal += "\\(\(name).percentEncoded)"
                case .text: literal += "\\(String(\(name)).percentEncoded)"
                case .structured(let explode):
                    literal += "\\(APIRequest.pathSegment(\(name), explode: \(explode)))"
                    throwing = true
                }
            }
        }
        return ("\"\(literal)\"", throwing)
    }

    /// `[["bearer"], []]`: a security requirement as a Swift literal.
    package static func securityLiteral(_ requirement: [[String]]) -> String {
        "[" + requirement.map { "[" + $0.map(SwiftLiteral.string).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
    }

    /// `RetryConfig(backoff: RetryConfig.Backoff(…), statusCodes: [429, .range(5)], retryConnectionErrors: true)` over several
    /// lines, each after the first starting with `indent`.
    package static func retryConfigLiteral(_ policy: RetryPolicy, indent: String) -> String {
        [
            "RetryConfig(",
            "    backoff: RetryConfig.Backoff(",
            "        initialInterval: \(SpecText.decimal(policy.initialInterval)),",
            "        maxInterval: \(SpecText.decimal(policy.maxInterval)),",
            "        exponent: \(SpecText.decimal(policy.exponent)),",
            "        maxElapsedTime: \(SpecText.decimal(policy.maxElapsedTime)),",
            "        jitter: \(SpecText.decimal(policy.jitter))",
            "    ),",
            "    statusCodes: [\(statusCodesList(policy))],",
            "    retryConnectionErrors: \(policy.retryConnectionErrors)",
            ")",
        ].joined(separator: "\n" + indent)
    }

    /// `429, 503, .range(5)`: a policy's statuses as the elements of a `Set<RetryConfig.StatusCode>` literal.
    package static func statusCodesList(_ policy: RetryPolicy) -> String {
        (policy.statusCodes.map(String.init) + policy.statusRanges.map { ".range(\($0))" }).joined(separator: ", ")
    }

    /// `["a", "b"]`: strings as a Swift array or set literal.
    package static func stringsLiteral(_ strings: [String]) -> String {
        "[" + strings.map(SwiftLiteral.string).joined(separator: ", ") + "]"
    }

    /// The runtime `Credential` a credential's arguments make, such as `.bearer(apiKey)`.
    package static func credentialValue(_ credential: CredentialDeclaration) -> String {
        let names = credential.arguments.map(\.name)
        return switch credential.placement {
        case .bearer: ".bearer(\(names[0]))"
        case .basic: ".basic(username: \(names[0]), password: \(names[1]))"
        case .header(let name): ".header(\(SwiftLiteral.string(name)), \(names[0]))"
        case .query(let name): ".query(\(SwiftLiteral.string(name)), \(names[0]))"
        case .cookie(let name): ".cookie(\(SwiftLiteral.string(name)), \(names[0]))"
        case .oauth2ClientCredentials(let tokenURL): "OAuth2TokenSource(\(names[0]), tokenURL: \(SwiftLiteral.string(tokenURL)))"
        }
    }

    /// An enum case's raw value as a Swift literal.
    package static func literal(_ value: EnumValue) -> String {
        switch value {
        case .string(let text): SwiftLiteral.string(text)
        case .int(let value): String(value)
        }
    }

    /// `case 200`, `case 200...299` for a range or `default`: the label of a case of the status `switch`.
    package static func caseLabel(_ statuses: StatusPattern) -> String {
        pattern(statuses).map { "case " + $0 } ?? "default"
    }

    /// `200`, or `200...299` for a range: the pattern of a `case` of the status `switch`; `nil` for `default`.
    package static func pattern(_ statuses: StatusPattern) -> String? {
        switch statuses {
        case .code(let code): String(code)
        case .range(let range): "\(range.lowerBound)...\(range.upperBound)"
        case .default: nil
        }
    }

    /// The expression that reads a response's body as a result.
    package static func expression(reading: ResponseReading) -> String {
        switch reading {
        case .json(let type): "try response.decode(\(type).self)"
        case .text: "try response.text()"
        case .data: "response.body"
        case .events(let type, let sentinel): "response.events(of: \(type).self\(untilClause(sentinel)))"
        case .textEvents(let sentinel): "response.textEvents(\(untilClause(sentinel).dropFirst(2)))"
        case .byteStream: "response.byteStream()"
        }
    }

    /// The argument naming the event data that ends a stream; none for the runtime's default, `[DONE]`.
    private static func untilClause(_ sentinel: String) -> String {
        sentinel == "[DONE]" ? "" : ", until: \(SwiftLiteral.string(sentinel))"
    }

    /// The call adding a request item, in pieces: `{{tryPrefix}}request.{{method}}({{wireNameLiteral}},
    /// {{value}}{{extraArguments}})`.
    package static func call(_ item: RequestItem) -> (tryPrefix: String, method: String, value: String, extraArguments: String) {
        let method = switch item.placement {
        case .query: "addQueryItem"
        case .header: "addHeader"
        case .cookie: "addCookie"
        case .formFile: "addFile"
        case .formField: item.encoding == .json ? "addJSONField" : "addField"
        }
        switch item.encoding {
        case .text:
            return ("", method, item.argument, "")
        case .json:
            let isFormField = item.placement == .formField
            return ("try ", method, isFormField ? item.argument : "json: \(item.argument)", "")
        case .styled(let style, let explode):
            let extra = style.map { ", style: .\($0.rawValue), explode: \(explode)" } ?? ", explode: \(explode)"
            return ("try ", method, item.argument, extra)
        }
    }
}
