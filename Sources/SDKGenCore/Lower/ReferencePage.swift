import Foundation

/// A Markdown reference page for an API group, in the shape of the project's seed pages: overview,
/// available operations, then per operation its description, usage, parameters, response and errors.
public struct ReferencePage: Sendable {
    /// Where the page goes, relative to the docs folder: `sdks/analytics/README.md`.
    public var path: String
    public var title: String
    public var overview: String
    public var operations: [ReferenceOperation]
}

public struct ReferenceOperation: Sendable {
    public var name: String
    public var anchor: String
    public var summary: String
    public var description: String
    /// A complete Swift program calling the operation.
    public var usageExample: String
    /// The call alone, from the group property on: `analytics.getUserActivity(date: "2025-08-24")`.
    public var callExample: String
    public var parameters: [ReferenceRow]
    public var responseType: String
    /// The response model's page, relative to this page; `nil` for types with no page.
    public var responseLink: String?
    public var errors: [ReferenceErrorRow]
}

/// A row of a parameters or fields table; every cell is already Markdown-safe.
public struct ReferenceRow: Sendable {
    public var name: String
    public var type: String
    /// `✔️` or `➖`, as the seed pages mark it.
    public var required: String
    public var description: String
    public var example: String
}

public struct ReferenceErrorRow: Sendable {
    public var errorCase: String
    public var statusCode: String
    public var contentType: String
}

/// The reference page of one model: its description and a table of its fields.
public struct ModelReferencePage: Sendable {
    /// Relative to the docs folder: `models/ActivityItem.md`.
    public var path: String
    public var title: String
    public var description: String
    /// The table's heading: `Fields` for a struct, `Values` for an enum, `One of` for a union.
    public var tableTitle: String
    public var fields: [ReferenceRow]
}

/// Escaping for text from the spec placed in Markdown.
enum Markdown {
    /// Text for a table cell: pipes escaped, line breaks as `<br />`.
    static func cell(_ text: String?) -> String {
        guard let text else { return "" }
        return text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: "<br />")
    }

    /// Text for a paragraph, kept as the spec wrote it but without trailing blanks.
    static func block(_ text: String?) -> String {
        SwiftLiteral.docLines(text).joined(separator: "\n")
    }

    /// A GitHub-style heading anchor.
    static func anchor(_ heading: String) -> String {
        String(heading.lowercased().compactMap { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : ($0 == " " ? "-" : nil) })
    }
}
