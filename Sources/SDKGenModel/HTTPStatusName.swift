import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// Names the error enum's case for a documented status after its reason phrase (`404` → `notFound`).
package enum HTTPStatusName {
    /// Reason phrases from RFC 9110 and common extensions; a trailing "Error" is dropped
    /// (`internalServer`) because the enum already says it is an error.
    private static let reasonPhrases: [Int: String] = [
        400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
        405: "Method Not Allowed", 406: "Not Acceptable", 407: "Proxy Authentication Required",
        408: "Request Timeout", 409: "Conflict", 410: "Gone", 411: "Length Required", 412: "Precondition Failed",
        413: "Content Too Large", 414: "URI Too Long", 415: "Unsupported Media Type", 416: "Range Not Satisfiable",
        417: "Expectation Failed", 418: "Teapot", 421: "Misdirected Request", 422: "Unprocessable Content",
        423: "Locked", 424: "Failed Dependency", 425: "Too Early", 426: "Upgrade Required",
        428: "Precondition Required", 429: "Too Many Requests", 431: "Request Header Fields Too Large",
        451: "Unavailable For Legal Reasons", 500: "Internal Server", 501: "Not Implemented", 502: "Bad Gateway",
        503: "Service Unavailable", 504: "Gateway Timeout", 505: "HTTP Version Not Supported",
        506: "Variant Also Negotiates", 507: "Insufficient Storage", 508: "Loop Detected", 510: "Not Extended",
        511: "Network Authentication Required", 520: "Origin Unknown", 521: "Origin Down",
        522: "Origin Connection Timed Out", 524: "Origin Timeout", 529: "Overloaded",
    ]

    /// The case name, such as `badRequest`, or `status499` for a code with no known phrase.
    package static func caseName(for statusCode: Int) -> String {
        guard let phrase = reasonPhrases[statusCode] else { return "status\(statusCode)" }
        return SwiftName.member(phrase)
    }

    /// The case name for a documented error response: `notFound` for `404`, `clientError` for `4XX`,
    /// `serverError` for `5XX` and `defaultError` for `default`; no status's phrase ends in "Error", so these
    /// cannot collide with a status's case.
    package static func caseName(for status: StatusPattern) -> String {
        switch status {
        case .code(let code): caseName(for: code)
        case .range(let range): range.lowerBound == 400 ? "clientError" : range.lowerBound == 500 ? "serverError" : "status\(range.lowerBound / 100)XX"
        case .default: "defaultError"
        }
    }

    /// What a documented error response is, for documentation when the spec gives no description.
    package static func phrase(for status: StatusPattern) -> String {
        switch status {
        case .code(let code): phrase(for: code) ?? "Status \(code)"
        case .range(let range): range.lowerBound == 400 ? "A client error" : "A server error"
        case .default: "An error response of a status no other case describes"
        }
    }

    /// The reason phrase as people write it, for documentation.
    package static func phrase(for statusCode: Int) -> String? {
        reasonPhrases[statusCode]
    }
}
