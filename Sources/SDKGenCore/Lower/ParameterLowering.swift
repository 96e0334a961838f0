/// Lowers an operation's parameters: each one's Swift argument, and the call that adds it to the request in the
/// style the document gives it.
///
/// Values Swift can write as text (strings, numbers, Booleans, string enums, dates) are added directly; arrays,
/// objects and unions go through their JSON form, which the runtime writes in the parameter's `style`; parameters
/// with `content` instead of `schema` are sent as JSON text.
extension SDKLowering {
    /// A function argument, with what the reference page shows about it.
    struct LoweredArgument {
        var swift: OperationParameter
        var required: Bool
        var description: String?
        var example: YAMLNode?
    }

    struct LoweredParameter {
        var spec: Parameter
        var argument: LoweredArgument
        /// The call adding a query, header or cookie parameter; `nil` for a path parameter.
        var item: RequestItem?
        /// How a path parameter is interpolated into the path: `userID.percentEncoded`.
        var pathValue: String?
        /// Whether `pathValue` can throw.
        var pathThrows = false
    }

    /// `query limit`: where a parameter is sent and its name, which identify it within an operation; header names
    /// are lowercased, as HTTP compares them.
    static func parameterKey(_ parameter: Parameter) -> String {
        let name = parameter.location == .header ? parameter.name.lowercased() : parameter.name
        return "\(parameter.location.rawValue) \(name)"
    }

    /// How a value of a Swift type is written into a request.
    enum ValueShape {
        /// `String`, written as it is.
        case string
        /// A `LosslessStringConvertible` type: numbers, Booleans, enums.
        case text
        /// `Date`, written as ISO 8601 text.
        case date
        /// Anything else, written from its JSON form.
        case structured
    }

    func valueShape(of type: String) -> ValueShape {
        switch type {
        case "String": return .string
        case "Int", "Double", "Bool": return .text
        case "Date": return .date
        default:
            let isEnum = types.models.contains { $0.typeName == type && $0.enumModel != nil }
            return isEnum ? .text : .structured
        }
    }

    /// Header parameters that OpenAPI says to ignore: the SDK sets these itself.
    private static let ignoredHeaders: Set<String> = ["accept", "content-type", "authorization"]

    /// The argument and request call of a parameter, or `nil` for one the SDK sets itself.
    mutating func lowerParameter(_ parameter: Parameter, reference: Reference?, typePrefix: String,
                                 names: inout MemberNames) -> LoweredParameter? {
        if parameter.location == .header, Self.ignoredHeaders.contains(parameter.name.lowercased()) {
            return nil
        }
        var schema = parameter.schema
        var isJSONContent = false
        if schema == nil, let media = parameter.content.first {
            schema = media.schema
            isJSONContent = Self.isJSON(media.contentType)
        }
        let name = names.claim(SwiftName.member(parameter.name))
        let baseType = schema.map {
            swiftType(for: $0, in: reference, part: "schema", suggestedName: typePrefix + SwiftName.type(parameter.name))
        } ?? "String"
        let isOptional = !parameter.required
        let argument = LoweredArgument(
            swift: OperationParameter(
                name: name,
                type: isOptional ? "\(baseType)?" : baseType,
                defaultClause: isOptional ? " = nil" : "",
                documentationLines: SwiftLiteral.parameterDoc(SwiftName.unescaped(name), parameter.description),
                origin: SpecOrigin(key: Self.parameterKey(parameter), location: parameter.sourceLocation)),
            required: parameter.required,
            description: parameter.description,
            example: parameter.example ?? schema?.example)
        var lowered = LoweredParameter(spec: parameter, argument: argument)
        let shape = isJSONContent ? .structured : valueShape(of: baseType)
        let wireName = SwiftLiteral.string(parameter.name)

        switch parameter.location {
        case .path:
            if parameter.style.map({ $0 != "simple" }) == true {
                diagnostics.warning("path parameter '\(parameter.name)' has style '\(parameter.style!)'; it is sent in the simple style", at: parameter.sourceLocation)
            }
            switch shape {
            case .string: lowered.pathValue = "\(name).percentEncoded"
            case .text: lowered.pathValue = "String(\(name)).percentEncoded"
            case .date, .structured:
                lowered.pathValue = "APIRequest.pathSegment(\(name), explode: \(parameter.explode ?? false))"
                lowered.pathThrows = true
            }
        case .query:
            lowered.item = requestItem("addQueryItem", wireName, name, shape: shape, isJSONContent: isJSONContent,
                                       styleArgument: queryStyle(parameter), explode: parameter.explode)
        case .header:
            checkStyle(parameter, allowed: ["simple"])
            lowered.item = requestItem("addHeader", wireName, name, shape: shape, isJSONContent: isJSONContent,
                                       styleArgument: nil, explode: parameter.explode ?? false)
        case .cookie:
            checkStyle(parameter, allowed: ["form"])
            lowered.item = requestItem("addCookie", wireName, name, shape: shape, isJSONContent: isJSONContent,
                                       styleArgument: nil, explode: parameter.explode ?? true)
        }
        return lowered
    }

    /// The call adding a query, header or cookie value.
    private func requestItem(_ method: String, _ wireName: String, _ name: String, shape: ValueShape, isJSONContent: Bool,
                             styleArgument: (style: String, explode: Bool)?, explode: Bool?) -> RequestItem {
        if isJSONContent {
            return RequestItem(tryPrefix: "try ", method: method, wireNameLiteral: wireName, value: "json: \(name)", extraArguments: "")
        }
        switch shape {
        case .string, .text, .date:
            return RequestItem(tryPrefix: "", method: method, wireNameLiteral: wireName, value: name, extraArguments: "")
        case .structured:
            let extra = styleArgument.map { ", style: .\($0.style), explode: \($0.explode)" } ?? ", explode: \(explode ?? false)"
            return RequestItem(tryPrefix: "try ", method: method, wireNameLiteral: wireName, value: name, extraArguments: extra)
        }
    }

    /// The runtime's `ParameterStyle` case for a query parameter, and whether it explodes (OpenAPI's defaults: `form`,
    /// exploded).
    private mutating func queryStyle(_ parameter: Parameter) -> (style: String, explode: Bool) {
        let style: String
        switch parameter.style ?? "form" {
        case "form": style = "form"
        case "spaceDelimited": style = "spaceDelimited"
        case "pipeDelimited": style = "pipeDelimited"
        case "deepObject": return ("deepObject", true)
        case let other:
            diagnostics.warning("query parameter '\(parameter.name)' has style '\(other)'; it is sent in the form style", at: parameter.sourceLocation)
            style = "form"
        }
        return (style, parameter.explode ?? (style == "form"))
    }

    private mutating func checkStyle(_ parameter: Parameter, allowed: Set<String>) {
        if let style = parameter.style, !allowed.contains(style) {
            diagnostics.warning("\(parameter.location.rawValue) parameter '\(parameter.name)' has style '\(style)'; it is sent in the \(allowed.first!) style", at: parameter.sourceLocation)
        }
    }
}
