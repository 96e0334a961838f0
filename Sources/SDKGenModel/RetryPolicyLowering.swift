import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// Lowers retry policies: the client's default from the document, and an operation's own.
///
/// Both read `x-sdkgen-retries` and Speakeasy's `x-speakeasy-retries`, which share one shape (intervals in
/// milliseconds, `statusCodes` listing codes and ranges such as `5XX`); where an object has both, `x-sdkgen-retries`
/// wins. A key a policy leaves out keeps the value of the policy it refines: sdkgen's default for the document's, the
/// document's for an operation's.
extension SDKLowering {
    /// The retry extensions sdkgen reads, the one that wins first.
    private static let retryExtensionNames = ["x-sdkgen-retries", "x-speakeasy-retries"]

    /// The client's default policy: the document's retry extension (which `sdkgen.yaml`'s `retries` replaces), else
    /// sdkgen's own.
    package mutating func lowerDocumentRetryPolicy() -> RetryPolicy {
        let builtIn = RetryPolicy.sdkgenDefault
        guard let (name, node) = Self.retryExtension(in: document.extensions),
              let policy = readRetryPolicy(node, extensionName: name, base: builtIn) else {
            return builtIn
        }
        let file = node.location.file.split(separator: "/").last.map(String.init) ?? node.location.file
        let source = node.location.file == document.file
            ? "The policy the spec sets with `\(name)`"
            : "The policy set in \(file)"
        return policy.describing(source: source, at: node.location)
    }

    /// The operation's own policy, or `nil` when it sets none.
    package mutating func lowerOperationRetryPolicy(_ operation: Operation, documentPolicy: RetryPolicy) -> RetryPolicy? {
        guard let (name, node) = Self.retryExtension(in: operation.extensions) else { return nil }
        return readRetryPolicy(node, extensionName: name, base: documentPolicy)?
            .describing(source: "The policy the spec sets for this operation with `\(name)`", at: node.location)
    }

    /// The retry extension that wins among those present, with its name.
    private static func retryExtension(in extensions: Extensions) -> (String, YAMLNode)? {
        for name in retryExtensionNames {
            if let node = extensions[name] {
                return (name, node)
            }
        }
        return nil
    }

    /// The policy `node` describes, its missing keys taken from `base`; `nil` after a warning when it is not a
    /// mapping or names a strategy other than `backoff` or `none`.
    private mutating func readRetryPolicy(_ node: YAMLNode, extensionName: String, base: RetryPolicy) -> RetryPolicy? {
        guard node.pairs != nil else {
            diagnostics.warning("\(extensionName) should be a mapping (strategy, backoff, statusCodes, retryConnectionErrors), found \(node.kindName); it is ignored", at: node.location)
            return nil
        }
        var policy = base
        if let strategy = node["strategy"] {
            switch strategy.scalarText {
            case "backoff":
                break
            case "none":
                policy.statusCodes = []
                policy.statusRanges = []
                policy.retryConnectionErrors = false
                return policy
            default:
                diagnostics.warning("\(extensionName): the strategy `\(strategy.scalarText ?? strategy.kindName)` is not one sdkgen knows (`backoff`, `none`); the extension is ignored", at: strategy.location)
                return nil
            }
        }
        if let backoff = node["backoff"] {
            /// The number under `key` in milliseconds, as seconds, or `fallback` after a warning.
            func seconds(_ key: String, _ fallback: Double) -> Double {
                number(key, in: backoff, fallback: fallback * 1000, extensionName: extensionName) / 1000
            }
            policy.initialInterval = seconds("initialInterval", policy.initialInterval)
            policy.maxInterval = seconds("maxInterval", policy.maxInterval)
            policy.maxElapsedTime = seconds("maxElapsedTime", policy.maxElapsedTime)
            policy.exponent = number("exponent", in: backoff, fallback: policy.exponent, extensionName: extensionName)
            let jitter = number("jitter", in: backoff, fallback: policy.jitter, extensionName: extensionName)
            if jitter > 1, let jitterNode = backoff["jitter"] {
                diagnostics.warning("\(extensionName): `jitter` is a fraction of the wait, from 0 to 1, found \(SpecText.decimal(jitter)); the default, \(SpecText.decimal(policy.jitter)), is used", at: jitterNode.location)
            } else {
                policy.jitter = jitter
            }
        }
        if let list = node["statusCodes"] {
            if let items = list.items {
                readStatusCodes(items, extensionName: extensionName, into: &policy)
            } else {
                diagnostics.warning("\(extensionName): `statusCodes` should be a list of status codes and ranges such as 5XX, found \(list.kindName); it is ignored", at: list.location)
            }
        }
        if let flag = node["retryConnectionErrors"] {
            if let value = flag.bool {
                policy.retryConnectionErrors = value
            } else {
                diagnostics.warning("\(extensionName): `retryConnectionErrors` should be true or false, found \(flag.scalarText ?? flag.kindName); it is ignored", at: flag.location)
            }
        }
        return policy
    }

    /// The non-negative number under `key` of `backoff`, or `fallback` after a warning when it is not one.
    private mutating func number(_ key: String, in backoff: YAMLNode, fallback: Double, extensionName: String) -> Double {
        guard let node = backoff[key] else { return fallback }
        guard let value = node.double, value.isFinite, value >= 0, value < 1e15 else {
            diagnostics.warning("\(extensionName): `\(key)` should be a non-negative number below 10^15, found \(node.scalarText ?? node.kindName); the default, \(SpecText.decimal(fallback)), is used", at: node.location)
            return fallback
        }
        return value
    }

    /// Replaces the policy's statuses with the listed codes (100 to 599) and ranges (`1XX` to `5XX`), warning at
    /// each entry that is neither.
    private mutating func readStatusCodes(_ items: [YAMLNode], extensionName: String, into policy: inout RetryPolicy) {
        var codes: Set<Int> = [], ranges: Set<Int> = []
        for item in items {
            let text = item.scalarText ?? ""
            if let code = item.int ?? Int(text), (100...599).contains(code) {
                codes.insert(code)
            } else if text.count == 3, text.uppercased().hasSuffix("XX"), let digit = text.first?.wholeNumberValue, (1...5).contains(digit) {
                ranges.insert(digit)
            } else {
                diagnostics.warning("\(extensionName): \(item.scalarText ?? item.kindName) is neither an HTTP status code (100 to 599) nor a range of them (1XX to 5XX); it is ignored", at: item.location)
            }
        }
        // A code inside a listed range adds nothing.
        policy.statusCodes = codes.filter { !ranges.contains($0 / 100) }.sorted()
        policy.statusRanges = ranges.sorted()
    }
}

extension RetryPolicy {
    /// sdkgen's own policy, for a spec that sets none.
    static let sdkgenDefault = RetryPolicy(
        source: "sdkgen's default policy, as the spec sets none", location: nil,
        initialInterval: 0.5, maxInterval: 60, exponent: 1.5, maxElapsedTime: 3600, jitter: 0.25,
        statusCodes: [408, 429, 500, 502, 503, 504], statusRanges: [], retryConnectionErrors: true)

    /// The policy with its documentation saying where it comes from.
    func describing(source: String, at location: SourceLocation) -> RetryPolicy {
        var policy = self
        policy.source = source
        policy.location = location
        return policy
    }

    /// What the policy does, in a sentence: the waits and what is retried.
    package var summary: String {
        let statuses = statusCodes.map(String.init) + statusRanges.map { "\($0)XX" }
        let statusList = statuses.count > 1
            ? statuses.dropLast().joined(separator: ", ") + " and \(statuses.last!)"
            : statuses.joined()
        let what = [statuses.isEmpty ? nil : "statuses \(statusList)", retryConnectionErrors ? "connection errors" : nil].compactMap { $0 }
        return """
            \(source): wait \(SpecText.decimal(initialInterval)) s, then \(SpecText.decimal(exponent)) times longer after \
            each attempt, up to \(SpecText.decimal(maxInterval)) s between attempts and \(SpecText.decimal(maxElapsedTime)) s \
            in all\(jitter > 0 ? ", each wait shortened at random by up to \(SpecText.decimal(jitter * 100))%" : ""); retry \
            \(what.isEmpty ? "nothing" : what.joined(separator: ", and ")).
            """
    }
}
