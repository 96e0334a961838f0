/// A message about the input, located in the user's file.
///
/// Printed as `file:line:column: severity: message`, the format SwiftPM, Xcode and editors show inline.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Hashable, Sendable, Comparable {
        case note
        case warning
        case error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    public var message: String
    /// Where the problem is; `nil` only for problems with no place in a file (a missing file, say).
    public var location: SourceLocation?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    public static func error(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    public static func note(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.note, message, at: location)
    }

    public var description: String {
        if let location {
            return "\(location): \(severity.rawValue): \(message)"
        }
        return "\(severity.rawValue): \(message)"
    }
}

/// Diagnostics gathered by a pipeline stage, so that one run reports every problem it can find.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    public mutating func append(contentsOf diagnostics: some Sequence<Diagnostic>) {
        all.append(contentsOf: diagnostics)
    }

    public mutating func error(_ message: String, at location: SourceLocation?) {
        all.append(.error(message, at: location))
    }

    public mutating func warning(_ message: String, at location: SourceLocation?) {
        all.append(.warning(message, at: location))
    }

    public mutating func note(_ message: String, at location: SourceLocation?) {
        all.append(.note(message, at: location))
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// The diagnostics in file order, the order a reader fixes them in; stable for equal positions.
    public var sorted: [Diagnostic] {
        all.enumerated().sorted { lhs, rhs in
            let l = lhs.element.location, r = rhs.element.location
            switch (l, r) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return true
            case (_?, nil): return false
            default: return lhs.offset < rhs.offset
            }
        }.map(\.element)
    }
}

/// Thrown when a stage cannot go on; carries everything reported up to that point.
public struct GenerationError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

extension Diagnostic {
    /// `diagnostics` with repeated warnings and notes grouped: of those of one severity and kind (the same message
    /// once the names quoted in it are set aside, such as an unknown format used 144 times), the first `firstFew`
    /// are kept where they are, and the rest are counted in a note at the first one left out, which names the
    /// lines they are on. Errors are never grouped, and the order is kept.
    public static func grouped(_ diagnostics: [Diagnostic], firstFew: Int = 3) -> [Diagnostic] {
        var counts: [String: Int] = [:]
        for diagnostic in diagnostics where diagnostic.severity != .error {
            counts[diagnostic.groupKey, default: 0] += 1
        }
        guard counts.values.contains(where: { $0 > firstFew + 1 }) else { return diagnostics }
        var seen: [String: Int] = [:]
        var result: [Diagnostic] = []
        for diagnostic in diagnostics {
            let kind = diagnostic.groupKey
            guard diagnostic.severity != .error, let total = counts[kind], total > firstFew + 1 else {
                result.append(diagnostic)
                continue
            }
            let index = seen[kind, default: 0]
            seen[kind] = index + 1
            if index < firstFew {
                result.append(diagnostic)
            } else if index == firstFew {
                let rest = diagnostics.filter { $0.severity != .error && $0.groupKey == kind }.dropFirst(firstFew)
                let lines = rest.compactMap { $0.location.map { "\($0.file):\($0.line)" } }
                let shown = lines.prefix(10).joined(separator: ", ") + (lines.count > 10 ? ", …" : "")
                let what = diagnostic.severity == .warning ? "warnings" : "notes"
                result.append(.note("\(rest.count) more \(what) like this: \(diagnostic.kind) (\(shown))", at: diagnostic.location))
            }
        }
        return result
    }

    /// What the diagnostics grouped together share: their severity and kind.
    private var groupKey: String {
        "\(severity.rawValue) \(kind)"
    }

    /// The message with what it quotes (`'unixtime'`) replaced by `'…'`: what warnings of one kind share.
    private var kind: String {
        guard message.contains("'") else { return message }
        var result = ""
        var quoted = false
        for character in message {
            if character == "'" {
                result.append(quoted ? "…'" : "'")
                quoted.toggle()
            } else if !quoted {
                result.append(character)
            }
        }
        // An apostrophe left open (`client's`) was not a quotation.
        return quoted ? message : result
    }
}
