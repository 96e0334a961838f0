import Foundation
import SDKGenBase
import SDKGenModel
import SDKGenView

/// Writes an `APIDiff` for people (plain text, Markdown release notes) or programs (JSON).
public enum APIDiffReport {
    public enum Format: String, Sendable, CaseIterable {
        /// One line per change, `file:line:column: breaking: symbol: message`, as compilers print diagnostics.
        case text
        /// A release-note section: the version bump, then the breaking and the compatible changes.
        case markdown
        /// The changes and the version bump as one JSON object.
        case json
    }

    /// The report; `oldName` and `newName` name the two specs.
    public static func render(_ diff: APIDiff, format: Format, oldName: String, newName: String) -> String {
        switch format {
        case .text: text(diff, oldName: oldName, newName: newName)
        case .markdown: markdown(diff, oldName: oldName, newName: newName)
        case .json: json(diff, oldName: oldName, newName: newName)
        }
    }

    private static func summary(_ diff: APIDiff) -> String {
        "\(diff.breaking.count) breaking, \(diff.compatible.count) compatible; suggested version bump: \(diff.versionBump.rawValue)"
    }

    private static func text(_ diff: APIDiff, oldName: String, newName: String) -> String {
        var lines = diff.changes.map { "\($0.location): \($0.classification.rawValue): \($0.symbol): \($0.message)" }
        lines.append(diff.changes.isEmpty
            ? "No API changes from \(oldName) to \(newName); suggested version bump: none"
            : "\(oldName) → \(newName): \(summary(diff))")
        if let shortfall = diff.versionShortfall {
            lines.append("\(newName): warning: \(shortfall)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func markdown(_ diff: APIDiff, oldName: String, newName: String) -> String {
        var lines = ["## API changes", "", "**Suggested version bump: \(diff.versionBump.rawValue)** "
            + "(\(diff.breaking.count) breaking, \(diff.compatible.count) compatible; from `\(oldName)` to `\(newName)`)"]
        if let shortfall = diff.versionShortfall {
            lines += ["", "> **Warning:** \(escapedMarkdown(shortfall))"]
        }
        for (title, changes) in [("Breaking", diff.breaking), ("Compatible", diff.compatible)] where !changes.isEmpty {
            lines += ["", "### \(title)", ""]
            lines += changes.map { "- `\($0.symbol)`: \(escapedMarkdown($0.message))" }
        }
        if diff.changes.isEmpty { lines += ["", "No change to the API."] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Messages carry spec text (names, paths) in code spans; outside them, characters Markdown would read as
    /// markup or HTML are escaped.
    private static func escapedMarkdown(_ text: String) -> String {
        var result = ""
        var inCode = false
        for character in text {
            if character == "`" { inCode.toggle() }
            if !inCode, "<>*_[]|\\".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    private struct JSONReport: Encodable {
        package var old: String
        package var new: String
        package var versionBump: APIDiff.VersionBump
        package var breaking: Int
        package var compatible: Int
        /// What is wrong with the new spec's `info.version`, if anything.
        package var versionShortfall: String?
        package var changes: [APIChange]
    }

    private static func json(_ diff: APIDiff, oldName: String, newName: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let report = JSONReport(old: oldName, new: newName, versionBump: diff.versionBump,
                                breaking: diff.breaking.count, compatible: diff.compatible.count,
                                versionShortfall: diff.versionShortfall, changes: diff.changes)
        // Encoding strings, numbers and enums cannot fail.
        let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
