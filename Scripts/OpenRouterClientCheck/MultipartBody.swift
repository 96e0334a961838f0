import Foundation

/// One part of a `multipart/form-data` body, as a server reads it (RFC 7578).
struct MultipartPart: Equatable, CustomDebugStringConvertible {
    var name: String
    var filename: String?
    var contentType: String?
    var body: Data

    var debugDescription: String {
        "part \(name) (filename \(filename ?? "none"), type \(contentType ?? "none"), \(body.count) bytes: "
            + "\(body.prefix(24).map { String(format: "%02x", $0) }.joined())…)"
    }

    /// Splits `body` at the boundary that `contentType` names.
    static func parse(_ body: Data, contentType: String?) throws(CheckFailure) -> [MultipartPart] {
        let prefix = "multipart/form-data; boundary="
        guard let contentType, contentType.hasPrefix(prefix) else {
            throw CheckFailure(description: "Content-Type is \(contentType ?? "missing"), not \(prefix)…")
        }
        let boundary = Data(("--" + contentType.dropFirst(prefix.count)).utf8)
        let crlf = Data("\r\n".utf8)
        var parts: [MultipartPart] = []
        guard let first = body.range(of: boundary) else {
            throw CheckFailure(description: "the multipart body has no boundary line")
        }
        var rest = body[first.upperBound...]
        // After each boundary comes either CRLF and a part, or `--` and the end.
        while !rest.starts(with: Data("--".utf8)) {
            guard rest.starts(with: crlf) else { throw CheckFailure(description: "no CRLF after a multipart boundary") }
            rest = rest.dropFirst(2)
            guard let headEnd = rest.range(of: crlf + crlf),
                  let next = rest.range(of: crlf + boundary, in: headEnd.upperBound..<rest.endIndex) else {
                throw CheckFailure(description: "a multipart part is not terminated by a boundary")
            }
            var part = MultipartPart(name: "", body: Data(rest[headEnd.upperBound..<next.lowerBound]))
            for line in String(decoding: rest[..<headEnd.lowerBound], as: UTF8.self).components(separatedBy: "\r\n") {
                let (field, value) = Self.headerField(line)
                if field == "content-disposition" {
                    for parameter in value.components(separatedBy: ";").dropFirst() {
                        let pair = parameter.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                        guard pair.count == 2 else { continue }
                        let quoted = String(pair[1])
                        let unquoted = quoted.hasPrefix("\"") && quoted.hasSuffix("\"") ? String(quoted.dropFirst().dropLast()) : quoted
                        if pair[0] == "name" { part.name = unquoted }
                        if pair[0] == "filename" { part.filename = unquoted }
                    }
                } else if field == "content-type" {
                    part.contentType = value
                }
            }
            parts.append(part)
            rest = rest[next.upperBound...]
        }
        return parts
    }

    /// A header line's lowercased name and its value.
    private static func headerField(_ line: String) -> (String, String) {
        guard let colon = line.firstIndex(of: ":") else { return (line.lowercased(), "") }
        return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
}
