import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// Settles the error enum's cases: one per documented error status, `4XX` or `5XX` range and `default`, shared by
/// every operation that documents it.
///
/// A status's case carries the body type most operations document for it (the first seen on a tie). Operations
/// that document no JSON body for it, or another type, throw the same case: a body that does not decode as the
/// case's type becomes `apiError`, so nothing is lost. One warning per status names the types that differ.
extension SDKLowering {
    /// Every operation's use of one error status.
    package struct ErrorStatusUses {
        package var uses: [(operation: String, bodyType: SwiftType?, description: String?, location: SourceLocation)] = []
    }

    /// Records that an operation documents an error status, range or `default`, which it throws as the error
    /// enum's case for it.
    package mutating func recordErrorStatus(_ status: StatusPattern, bodyType: SwiftType?, description: String?, operation: String,
                                    at location: SourceLocation) {
        errorStatuses[status, default: ErrorStatusUses()].uses.append((operation, bodyType, description, location))
    }

    /// The error enum's cases, one per status, range and `default` an operation documents as an error: the
    /// statuses in increasing order, then the ranges, then `default`; call once every operation is lowered.
    package mutating func errorCases() -> [ErrorStatusCase] {
        errorStatuses.keys.sorted().map { status in
            let uses = errorStatuses[status]!.uses
            var counts: [(type: SwiftType, operations: [String])] = []
            for use in uses {
                guard let type = use.bodyType else { continue }
                if let index = counts.firstIndex(where: { $0.type == type }) {
                    counts[index].operations.append(use.operation)
                } else {
                    counts.append((type, [use.operation]))
                }
            }
            let winner = counts.enumerated().max { lhs, rhs in
                lhs.element.operations.count != rhs.element.operations.count
                    ? lhs.element.operations.count < rhs.element.operations.count
                    : lhs.offset > rhs.offset
            }?.element.type ?? .jsonValue
            if counts.count > 1, let differing = uses.first(where: { $0.bodyType != nil && $0.bodyType != winner }) {
                let listed = counts.sorted { $0.type == winner && $1.type != winner }.map { entry in
                    entry.type == winner
                        ? "\(entry.type) (\(entry.operations.count) operation\(entry.operations.count == 1 ? "" : "s"))"
                        : "\(entry.type) (\(Self.list(entry.operations)))"
                }
                diagnostics.warning("""
                    status \(status.text) has different bodies: \(listed.joined(separator: ", ")); the error case carries \(winner), \
                    and a body that does not decode as one is thrown as apiError
                    """, at: differing.location)
            }
            let description = uses.first { $0.bodyType == winner }?.description ?? uses.first?.description
            let text = description ?? HTTPStatusName.phrase(for: status)
            let suffix = status == .default ? " (`default`)" : " (HTTP \(status.text))"
            return ErrorStatusCase(caseName: HTTPStatusName.caseName(for: status), status: status, bodyType: winner,
                                   documentation: [.textEndingWith(text, suffix: suffix)], location: uses[0].location)
        }
    }

    /// One note for every documented 1XX and 3XX status, which the SDK handles as undocumented statuses.
    package mutating func noteUnhandledStatuses() {
        guard let first = unhandledStatuses.first else { return }
        let codes = Set(unhandledStatuses.map(\.code)).sorted().map(String.init)
        let operations = unhandledStatuses.map(\.operation).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let subject = codes.count == 1 ? "status \(codes[0])" : "statuses \(Self.list(codes, limit: codes.count))"
        diagnostics.note("""
            \(subject) (documented by \(Self.list(operations))) \(codes.count == 1 ? "is" : "are") handled as undocumented: \
            a redirect is followed by the transport, and any other such status is thrown as apiError, or as \
            defaultError where the operation documents `default`
            """, at: first.location)
    }

    /// `a, b, c and 4 more`.
    package static func list(_ names: [String], limit: Int = 3) -> String {
        guard names.count > limit else {
            return names.count > 1 ? names.dropLast().joined(separator: ", ") + " and " + names.last! : names.joined()
        }
        return names.prefix(limit).joined(separator: ", ") + " and \(names.count - limit) more"
    }
}
