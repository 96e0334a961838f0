import SDKGenBase
import SDKGenModel
import SDKGenView

/// Compares the functions of two SDKs: which exist, their names, arguments, results and security.
///
/// Functions are matched by the operation they call (method and path, whose parameters may be renamed) and whether
/// they stream, arguments by the parameter they send, so a new Swift name for the same thing is reported as a rename.
///
/// Arguments follow Swift's rules for a call site written against the old SDK:
/// - an argument added without a default (a required parameter) breaks every call; one with `= nil` does not;
/// - an argument removed, renamed, retyped or moved before another breaks calls that pass it;
/// - optional becoming required (`T? = nil` → `T`) breaks calls that leave it out or pass an optional;
/// - required becoming optional (`T` → `T? = nil`) is compatible: a `T` passed where `T?` is expected converts
///   implicitly, the argument keeps its label and place, and only code holding the function as a value of the old
///   function type would notice. When the type changes as well, that is reported as a type change (breaking).
extension APIComparison {
    /// A function of the SDK with the group it is reached through.
    package struct Function {
        package var group: APIGroupDeclaration
        package var declaration: OperationDeclaration

        /// `GET /users/{}`, plus ` stream` for the function streaming events and the media types of a function for
        /// another request or response media type (`OperationDeclaration.mediaVariant`).
        package var key: String {
            var key = ""
            var inParameter = false
            for character in declaration.origin.key {
                if character == "}" { inParameter = false }
                if !inParameter { key.append(character) }
                if character == "{" { inParameter = true }
            }
            return key + (declaration.isStreaming ? " stream" : "") + (declaration.mediaVariant.map { " " + $0 } ?? "")
        }
    }

    package static func functions(of sdk: SwiftSDK) -> [String: Function] {
        let all = sdk.groups.flatMap { group in group.operations.map { Function(group: group, declaration: $0) } }
        // A valid document has one operation per method and path; a duplicate is compared as its first.
        return Dictionary(all.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `ModelGates.analytics.getUserActivity(date:)`: the function as a user calls it, without `options:`.
    package static func symbol(_ function: Function, client: String) -> String {
        let labels = function.declaration.parameters.map { SwiftName.unescaped($0.name) + ":" }.joined()
        return "\(client).\(SwiftName.unescaped(function.group.propertyName)).\(SwiftName.unescaped(function.declaration.functionName))(\(labels))"
    }

    /// `GET /users/{id}`, for messages.
    private static func operationText(_ function: Function) -> String {
        "`\(function.declaration.origin.key)`" + (function.declaration.isStreaming ? " (streaming)" : "")
    }

    package mutating func compareOperations() {
        let oldFunctions = Self.functions(of: old)
        let newFunctions = Self.functions(of: new)
        for (key, function) in oldFunctions where newFunctions[key] == nil {
            add(.operationRemoved, .breaking, at: function.declaration.origin.location, symbol: Self.symbol(function, client: old.client.typeName),
                "the function for \(Self.operationText(function)) is removed")
        }
        for (key, function) in newFunctions where oldFunctions[key] == nil {
            add(.operationAdded, .compatible, at: function.declaration.origin.location, symbol: Self.symbol(function, client: new.client.typeName),
                "a function is added for \(Self.operationText(function))")
        }
        for (key, oldFunction) in oldFunctions {
            guard let newFunction = newFunctions[key] else { continue }
            compare(oldFunction, newFunction)
        }
    }

    private mutating func compare(_ oldFunction: Function, _ newFunction: Function) {
        let symbol = Self.symbol(oldFunction, client: old.client.typeName)
        let newSymbol = Self.symbol(newFunction, client: new.client.typeName)
        let location = newFunction.declaration.origin.location
        let oldName = "\(SwiftName.unescaped(oldFunction.group.propertyName)).\(SwiftName.unescaped(oldFunction.declaration.functionName))"
        let newName = "\(SwiftName.unescaped(newFunction.group.propertyName)).\(SwiftName.unescaped(newFunction.declaration.functionName))"
        if oldName != newName {
            add(.operationRenamed, .breaking, at: location, symbol: symbol,
                "the function for \(Self.operationText(newFunction)) is renamed to `\(newSymbol)`")
        }
        compareArguments(oldFunction.declaration.parameters, newFunction.declaration.parameters, symbol: symbol)
        let oldReturn = oldFunction.declaration.returnType, newReturn = newFunction.declaration.returnType
        if oldReturn != newReturn {
            add(.returnTypeChanged, .breaking, at: location, symbol: symbol,
                "the return type \(SwiftTypeChange.describe(from: oldReturn, to: newReturn, models: old.models + new.models))")
        }
        compareSecurity(oldFunction.declaration.securityRequirement, newFunction.declaration.securityRequirement,
                        at: location, symbol: symbol)
    }

    private mutating func compareArguments(_ oldArguments: [OperationParameter], _ newArguments: [OperationParameter], symbol: String) {
        let oldByKey = Dictionary(oldArguments.map { ($0.origin.key, $0) }, uniquingKeysWith: { first, _ in first })
        let newByKey = Dictionary(newArguments.map { ($0.origin.key, $0) }, uniquingKeysWith: { first, _ in first })
        for argument in oldArguments where newByKey[argument.origin.key] == nil {
            add(.parameterRemoved, .breaking, at: argument.origin.location, symbol: symbol,
                "the argument \(Self.argumentText(argument)) is removed")
        }
        for argument in newArguments where oldByKey[argument.origin.key] == nil {
            let required = !Self.isOptional(argument)
            add(.parameterAdded, required ? .breaking : .compatible, at: argument.origin.location, symbol: symbol,
                "the \(required ? "required" : "optional") argument \(Self.argumentText(argument)) is added")
        }
        for oldArgument in oldArguments {
            guard let newArgument = newByKey[oldArgument.origin.key] else { continue }
            let location = newArgument.origin.location
            if oldArgument.name != newArgument.name {
                add(.parameterRenamed, .breaking, at: location, symbol: symbol,
                    "the argument `\(SwiftName.unescaped(oldArgument.name))` (\(Self.originText(oldArgument))) is renamed `\(SwiftName.unescaped(newArgument.name))`")
            }
            let oldType = oldArgument.type.nonOptional, newType = newArgument.type.nonOptional
            if oldType != newType {
                add(.parameterTypeChanged, .breaking, at: location, symbol: symbol,
                    "the type of the argument `\(SwiftName.unescaped(newArgument.name))` \(SwiftTypeChange.describe(from: oldType, to: newType, models: old.models + new.models))")
            }
            switch (Self.isOptional(oldArgument), Self.isOptional(newArgument)) {
            case (true, false):
                add(.parameterBecameRequired, .breaking, at: location, symbol: symbol,
                    "the argument `\(SwiftName.unescaped(newArgument.name))` becomes required (`\(oldArgument.type) = nil` → `\(newArgument.type)`)")
            case (false, true):
                add(.parameterBecameOptional, .compatible, at: location, symbol: symbol,
                    "the argument `\(SwiftName.unescaped(newArgument.name))` becomes optional (`\(oldArgument.type)` → `\(newArgument.type) = nil`)")
            default:
                break
            }
        }
        // Labeled arguments must be passed in declaration order, so a call passing two that swapped places breaks.
        let keptOld = oldArguments.map(\.origin.key).filter { newByKey[$0] != nil }
        let keptNew = newArguments.map(\.origin.key).filter { oldByKey[$0] != nil }
        if keptOld != keptNew, let first = zip(keptOld, keptNew).first(where: { $0 != $1 }), let moved = newByKey[first.1] {
            add(.parametersReordered, .breaking, at: moved.origin.location, symbol: symbol,
                "the arguments change order: (\(keptNew.compactMap { newByKey[$0].map { SwiftName.unescaped($0.name) + ":" } }.joined())) "
                + "instead of (\(keptOld.compactMap { oldByKey[$0].map { SwiftName.unescaped($0.name) + ":" } }.joined()))")
        }
    }

    /// A new required security scheme breaks calls made with the credentials that sufficed before: each old
    /// alternative (a set of credentials a client may hold) must still satisfy some new alternative.
    private mutating func compareSecurity(_ oldRequirement: [[String]], _ newRequirement: [[String]], at location: SourceLocation, symbol: String) {
        let oldAlternatives = Self.alternatives(oldRequirement), newAlternatives = Self.alternatives(newRequirement)
        guard oldAlternatives != newAlternatives else { return }
        let stillSatisfied = oldAlternatives.allSatisfy { held in newAlternatives.contains { $0.isSubset(of: held) } }
        let description = "from \(Self.securityText(oldAlternatives)) to \(Self.securityText(newAlternatives))"
        if stillSatisfied {
            add(.securityRelaxed, .compatible, at: location, symbol: symbol, "the credentials the call needs change \(description)")
        } else {
            add(.securityTightened, .breaking, at: location, symbol: symbol,
                "the call needs credentials it did not before: its security changes \(description)")
        }
    }

    // MARK: - Text

    private static func isOptional(_ argument: OperationParameter) -> Bool { argument.type.isOptional }

    /// `date: String` (query parameter `date`).
    private static func argumentText(_ argument: OperationParameter) -> String {
        "`\(SwiftName.unescaped(argument.name)): \(argument.type)` (\(originText(argument)))"
    }

    /// `query parameter `date``, `the request body`, `multipart field `file``.
    private static func originText(_ argument: OperationParameter) -> String {
        let key = argument.origin.key
        if key == "body" { return "the request body" }
        if key.hasPrefix("body field ") { return "multipart field `\(key.dropFirst("body field ".count))`" }
        let parts = key.split(separator: " ", maxSplits: 1)
        return parts.count == 2 ? "\(parts[0]) parameter `\(parts[1])`" : key
    }

    /// Alternatives as sets; no alternative at all means, as an empty `security`, that no credential is needed.
    private static func alternatives(_ requirement: [[String]]) -> Set<Set<String>> {
        requirement.isEmpty ? [[]] : Set(requirement.map(Set.init))
    }

    /// `none`, `bearer`, `apiKey and oauth or basic`.
    private static func securityText(_ alternatives: Set<Set<String>>) -> String {
        alternatives.map { $0.isEmpty ? "none" : $0.sorted().map { "`\($0)`" }.joined(separator: " and ") }
            .sorted().joined(separator: " or ")
    }
}
