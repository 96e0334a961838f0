import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// Settles the error enum's cases: one per documented error status, `4XX` or `5XX` range and `default`, shared by
/// every operation that documents it.
///
/// A status's case carries the body type the operations document for it. Where they document different types (GitHub's
/// 404 is a `BasicError` for 300 operations and a `ScimError` for the SCIM ones), it carries a union of them, declared
/// for the case (`NotFoundBody`): each operation wraps its body in the union's case for its own type, and an
/// operation that documents no JSON body for the status decodes whichever fits. A body that does not decode is
/// thrown as `apiError`, so nothing is lost.
extension SDKLowering {
    /// Every operation's use of one error status.
    package struct ErrorStatusUses {
        package var uses: [(operation: String, body: (type: SwiftType, schema: Schema)?, description: String?, location: SourceLocation)] = []
    }

    /// Records that an operation documents an error status, range or `default`, which it throws as the error
    /// enum's case for it, with the body it documents.
    package mutating func recordErrorStatus(_ status: StatusPattern, body: (type: SwiftType, schema: Schema)?, description: String?,
                                            operation: String, at location: SourceLocation) {
        errorStatuses[status, default: ErrorStatusUses()].uses.append((operation, body, description, location))
    }

    /// The error enum's cases, one per status, range and `default` an operation documents as an error: the
    /// statuses in increasing order, then the ranges, then `default`; call once every operation is lowered.
    package mutating func errorCases() -> [ErrorStatusCase] {
        errorStatuses.keys.sorted().map { status in
            let uses = errorStatuses[status]!.uses
            // The documented types, those most operations document first (the first seen on a tie).
            var bodies: [(type: SwiftType, schema: Schema, operations: [String])] = []
            for use in uses {
                guard let body = use.body else { continue }
                if let index = bodies.firstIndex(where: { $0.type == body.type }) {
                    bodies[index].operations.append(use.operation)
                } else {
                    bodies.append((body.type, body.schema, [use.operation]))
                }
            }
            bodies = bodies.enumerated().sorted { lhs, rhs in
                lhs.element.operations.count != rhs.element.operations.count
                    ? lhs.element.operations.count > rhs.element.operations.count
                    : lhs.offset < rhs.offset
            }.map(\.element)
            let caseName = HTTPStatusName.caseName(for: status)
            let suffix = status == .default ? " (`default`)" : " (HTTP \(status.text))"
            var bodyType = bodies.first?.type ?? .jsonValue
            var members: [ErrorBodyMember] = []
            if bodies.count > 1 {
                let union = types.declareUnion(
                    suggestedName: SwiftName.type(caseName) + "Body",
                    of: bodies.map { body in
                        let documentation: Documentation = [.text(resolved(body.schema).description ?? ""),
                                                            .sentences("Documented by \(Self.list(body.operations)).")]
                        return (body.type, body.schema, documentation)
                    },
                    description: "The body of the error case `\(caseName)`\(suffix), whose type depends on the operation.",
                    at: uses.first { $0.body != nil }!.location)
                bodyType = .named(union.typeName)
                members = zip(bodies, union.caseNames).map { ErrorBodyMember(type: $0.type, caseName: $1) }
            }
            let description = uses.first { $0.body?.type == bodies.first?.type }?.description ?? uses.first?.description
            let text = description ?? HTTPStatusName.phrase(for: status)
            return ErrorStatusCase(caseName: caseName, status: status, bodyType: bodyType, bodyMembers: members,
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
