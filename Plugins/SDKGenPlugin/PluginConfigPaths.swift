import Foundation

/// The paths an `sdkgen.yaml` names that the build command must list as inputs: its overlays and its
/// templates folder.
///
/// A plugin cannot link libyaml, and sdkgen reads the file fully when it runs; this reads just these two
/// settings, written as `templates: PATH` and `overlays:` with a flow list (`[a.yaml, b.yaml]`) or a block
/// list of `- PATH` lines. Anything else in the file is left to sdkgen.
struct PluginConfigPaths {
    var templates: URL?
    var overlays: [URL] = []

    init() {}

    init(contentsOf file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let folder = file.deletingLastPathComponent()
        func resolved(_ path: String) -> URL {
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appending(path: path)
        }
        var inOverlayList = false
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = Self.withoutComment(String(rawLine))
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let indented = line.first == " " || line.first == "\t"
            if inOverlayList, indented || line.hasPrefix("-") {
                let item = line.trimmingCharacters(in: .whitespaces)
                if item.hasPrefix("-") { overlays.append(resolved(Self.unquoted(String(item.dropFirst())))) }
                continue
            }
            inOverlayList = false
            guard !indented, let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "templates" where !value.isEmpty:
                templates = resolved(Self.unquoted(value))
            case "overlays" where value.isEmpty:
                inOverlayList = true
            case "overlays" where value.hasPrefix("[") && value.hasSuffix("]"):
                overlays = value.dropFirst().dropLast().split(separator: ",")
                    .map { Self.unquoted(String($0)) }.filter { !$0.isEmpty }.map(resolved)
            default:
                break
            }
        }
    }

    private static func withoutComment(_ line: String) -> String {
        guard let hash = line.range(of: " #") else { return line.hasPrefix("#") ? "" : line }
        return String(line[..<hash.lowerBound])
    }

    private static func unquoted(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.count >= 2, let first = trimmed.first, first == "\"" || first == "'", trimmed.last == first {
            return String(trimmed.dropFirst().dropLast())
        }
        return trimmed
    }
}
