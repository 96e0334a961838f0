import SDKGenBase
import SDKGenModel
import SDKGenView

/// Compares where the two SDKs send requests: the client's default server URL and the variables of the function
/// that builds the first server's URL (`serverURL(region:)`).
///
/// A new default URL compiles as before but sends every call made without `serverURL:` elsewhere, so it is reported
/// (compatible) for the release notes. A variable is an argument with a default: one added is compatible, one removed
/// breaks calls passing it, and a new default changes where calls leaving it out go.
extension APIComparison {
    package mutating func compareServers() {
        let client = new.client.typeName
        if old.client.defaultServerURL != new.client.defaultServerURL {
            add(.serverURLChanged, .compatible, at: new.client.defaultServerLocation, symbol: "\(client).defaultServerURL",
                "the default server is `\(new.client.defaultServerURL)` instead of `\(old.client.defaultServerURL)`: "
                + "calls from a client created without `serverURL:` go there")
        }
        let oldVariables = old.client.serverURLFunction?.parameters ?? []
        let newVariables = new.client.serverURLFunction?.parameters ?? []
        let oldByKey = Dictionary(oldVariables.map { ($0.origin.key, $0) }, uniquingKeysWith: { first, _ in first })
        let newByKey = Dictionary(newVariables.map { ($0.origin.key, $0) }, uniquingKeysWith: { first, _ in first })
        func symbol(_ client: String, _ variables: [ServerURLParameter]) -> String {
            "\(client).serverURL(\(variables.map { SwiftName.unescaped($0.name) + ":" }.joined()))"
        }
        for variable in oldVariables where newByKey[variable.origin.key] == nil {
            add(.serverVariableRemoved, .breaking, at: variable.origin.location, symbol: symbol(old.client.typeName, oldVariables),
                "the server variable `\(variable.origin.key)` is removed, and the argument `\(SwiftName.unescaped(variable.name))` with it")
        }
        for variable in newVariables {
            guard let oldVariable = oldByKey[variable.origin.key] else {
                add(.serverVariableAdded, .compatible, at: variable.origin.location, symbol: symbol(client, newVariables),
                    "the server variable `\(variable.origin.key)` is added as the argument "
                    + "`\(SwiftName.unescaped(variable.name)): String = \(SwiftLiteral.string(variable.defaultValue))`")
                continue
            }
            if oldVariable.defaultValue != variable.defaultValue {
                add(.serverVariableDefaultChanged, .compatible, at: variable.origin.location, symbol: symbol(old.client.typeName, oldVariables),
                    "the server variable `\(variable.origin.key)` defaults to \(SwiftLiteral.string(variable.defaultValue)) "
                    + "instead of \(SwiftLiteral.string(oldVariable.defaultValue))")
            }
        }
    }
}
