import SDKGenBase
import SDKGenModel
import SDKGenView

/// Compares the client initializers of two SDKs: the credential and global header arguments they take.
///
/// Every such argument defaults to `nil` (or to an environment variable), so one added is compatible; one removed or
/// renamed breaks calls passing it, and a label kept for a credential sent another way breaks silently, which is
/// worse: the user's token would go out as another scheme's.
extension APIComparison {
    /// The client initializer's global header arguments, which all default to `nil`.
    package mutating func compareGlobalHeaders() {
        let oldHeaders = Dictionary(old.client.globalHeaders.map { ($0.origin.key, $0) }, uniquingKeysWith: { first, _ in first })
        let newHeaders = Dictionary(new.client.globalHeaders.map { ($0.origin.key, $0) }, uniquingKeysWith: { first, _ in first })
        func symbol(_ client: String, _ header: GlobalHeaderDeclaration) -> String {
            "\(client).init(\(SwiftName.unescaped(header.parameterName)):)"
        }
        for header in old.client.globalHeaders where newHeaders[header.origin.key] == nil {
            add(.globalHeaderRemoved, .breaking, at: header.origin.location, symbol: symbol(old.client.typeName, header),
                "the initializer's argument for the \(SwiftLiteral.string(header.headerName)) header of every request is removed")
        }
        for header in new.client.globalHeaders {
            guard let oldHeader = oldHeaders[header.origin.key] else {
                add(.globalHeaderAdded, .compatible, at: header.origin.location, symbol: symbol(new.client.typeName, header),
                    "the initializer takes an optional argument for the \(SwiftLiteral.string(header.headerName)) header of every request")
                continue
            }
            if oldHeader.parameterName != header.parameterName {
                add(.globalHeaderRenamed, .breaking, at: header.origin.location, symbol: symbol(old.client.typeName, oldHeader),
                    "the initializer's argument for the \(SwiftLiteral.string(header.headerName)) header is renamed `\(SwiftName.unescaped(header.parameterName))`")
            }
        }
    }

    package mutating func compareCredentials() {
        let symbol = "\(new.client.typeName).init"
        let oldArguments = old.client.credentials.flatMap { credential in credential.arguments.map { ($0, credential) } }
        let newArguments = new.client.credentials.flatMap { credential in credential.arguments.map { ($0, credential) } }
        let oldNames = Dictionary(oldArguments.map { ($0.0.name, $0.1) }, uniquingKeysWith: { first, _ in first })
        let newNames = Dictionary(newArguments.map { ($0.0.name, $0.1) }, uniquingKeysWith: { first, _ in first })
        for (argument, credential) in oldArguments where newNames[argument.name] == nil {
            let origin = credential.origin
            add(.credentialRemoved, .breaking, at: origin.location, symbol: "\(old.client.typeName).init(\(SwiftName.unescaped(argument.name)):)",
                "the initializer's credential argument `\(SwiftName.unescaped(argument.name))` (security scheme `\(origin.key)`) is removed")
        }
        for (argument, credential) in newArguments {
            let name = SwiftName.unescaped(argument.name)
            let origin = credential.origin
            if let oldCredential = oldNames[argument.name] {
                // The same label sent another way: `apiKey` once a bearer token, now an API key header, say.
                let oldValue = SwiftSource.credentialValue(oldCredential), newValue = SwiftSource.credentialValue(credential)
                if oldValue != newValue {
                    add(.credentialChanged, .breaking, at: origin.location, symbol: "\(symbol)(\(name):)",
                        "the initializer's credential argument `\(name)` is sent as `\(newValue)` "
                        + "(security scheme `\(origin.key)`) instead of `\(oldValue)`")
                }
            } else {
                add(.credentialAdded, .compatible, at: origin.location, symbol: "\(symbol)(\(name):)",
                    "the initializer takes a new credential argument `\(name)` (security scheme `\(origin.key)`), defaulting to nil")
            }
        }
    }
}
