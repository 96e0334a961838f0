import Foundation
import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// Lowers the document's servers: the client's default server URL, and a function that builds the first server's
/// URL from its variables.
extension SDKLowering {
    /// The first server, its variables set to their defaults.
    package mutating func defaultServer() -> (url: String, description: String?, location: SourceLocation) {
        guard let server = document.servers.first else {
            // `servers` is optional (a server at `/`, relative to where the document is served), so this is no defect.
            diagnostics.note("the document declares no server; the client's serverURL must be given", at: document.location)
            return ("http://localhost", "No server is declared", document.location)
        }
        var url = server.url
        for variable in server.variables {
            url = url.replacingOccurrences(of: "{\(variable.name)}", with: variable.value.defaultValue)
        }
        // A path alone (`/api/v1`) is legal: the server is where the document is served from. The SDK cannot know that
        // host, but keeps the path, which the caller's `serverURL` must end with too.
        if url.hasPrefix("/"), !url.hasPrefix("//"), let relative = URL(string: "http://localhost" + url), relative.host != nil {
            diagnostics.note("the server URL '\(server.url)' is relative to where the document is served; the client's serverURL must be given, ending with that path", at: server.location)
            return (relative.absoluteString, "The server is relative to where the document is served; give the client its host followed by `\(url)`", server.location)
        }
        guard let parsed = URL(string: url), parsed.scheme == "http" || parsed.scheme == "https", parsed.host != nil else {
            diagnostics.warning("the server URL '\(server.url)' is not an absolute http(s) URL; the client's serverURL must be given", at: server.location)
            return ("http://localhost", "No usable server is declared", server.location)
        }
        return (url, server.description, server.location)
    }

    /// `serverURL(region:)`, when the first server's URL has variables.
    package func serverURLFunction() -> ServerURLFunction? {
        guard let server = document.servers.first else { return nil }
        let used = server.variables.filter { server.url.contains("{\($0.name)}") }
        guard !used.isEmpty else { return nil }
        var members = MemberNames()
        var names: [String: String] = [:]
        var parameters: [Documentation.Parameter] = []
        for variable in used {
            let name = members.claim(SwiftName.member(variable.name))
            names[variable.name] = name
            var text = variable.value.description ?? "The `\(variable.name)` variable."
            if !variable.value.enumValues.isEmpty {
                text += "\nOne of " + variable.value.enumValues.map { "`\($0)`" }.joined(separator: ", ") + "."
            }
            parameters.append(Documentation.Parameter(name, text))
        }
        return ServerURLFunction(
            documentation: [
                .sentences("The URL of \(server.description.map { "the \($0) server" } ?? "the default server"), `\(server.url)`, with its variables set."),
                .parameters(parameters, returns: "The URL, or `nil` if the values do not form one."),
            ],
            parameters: used.map {
                ServerURLParameter(name: names[$0.name]!, defaultValue: $0.value.defaultValue,
                                   origin: SpecOrigin(key: $0.name, location: $0.location))
            },
            url: InterpolatedText.components(of: server.url) { variable in names[variable].map { ($0, .verbatim) } })
    }
}
