import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// Lowers an operation's parameters: each one's Swift argument, and the call that adds it to the request in the
/// style the document gives it.
///
/// Values Swift can write as text (strings, numbers, Booleans, string enums, dates) are added directly; arrays,
/// objects and unions go through their JSON form, which the runtime writes in the parameter's `style`; parameters
/// with `content` instead of `schema` are sent as JSON text.
extension SDKLowering {
    package struct LoweredParameter {
        package var spec: Parameter
        package var argument: OperationParameter
        /// The call adding a query, header or cookie parameter; `nil` for a path parameter.
        package var item: RequestItem?
        /// How a path parameter is written into the path.
        package var pathEncoding: PathValueEncoding?
    }

    /// `query limit`: where a parameter is sent and its name, which identify it within an operation; header names
    /// are lowercased, as HTTP compares them.
    package static func parameterKey(_ parameter: Parameter) -> String {
        let name = parameter.location == .header ? parameter.name.lowercased() : parameter.name
        return "\(parameter.location.rawValue) \(name)"
    }

    /// How a value of a Swift type is written into a request.
    package enum ValueShape {
        /// `String`, written as it is.
        case string
        /// A `LosslessStringConvertible` type: numbers, Booleans, enums.
        case text
        /// `Date`, written as ISO 8601 text.
        case date
        /// Anything else, written from its JSON form.
        case structured
    }

    package func valueShape(of type: SwiftType) -> ValueShape {
        switch type {
        case .string: return .string
        case .int, .double, .bool: return .text
        case .date: return .date
        case .named(let name):
            let isEnum = types.models.contains { model in
                guard model.typeName == name, case .enumeration = model.kind else { return false }
                return true
            }
            return isEnum ? .text : .structured
        default:
            return .structured
        }
    }

    /// Header parameters that OpenAPI says to ignore: the SDK sets these itself.
    private static let ignoredHeaders: Set<String> = ["accept", "content-type", "authorization"]

    /// The argument and request call of a parameter, or `nil` for one the SDK sets itself.
    package mutating func lowerParameter(_ parameter: Parameter, reference: Reference?, typePrefix: String,
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
        let name = names.claim(SwiftName.member(
            SpeakeasyExtension.string(SpeakeasyExtension.nameOverride, in: parameter.extensions, diagnostics: &diagnostics) ?? parameter.name))
        let baseType = schema.map {
            swiftType(for: $0, in: reference, part: "schema", suggestedName: typePrefix + SwiftName.type(parameter.name))
        } ?? .string
        let argument = OperationParameter(
            name: name,
            type: parameter.required ? baseType : baseType.optional,
            documentation: parameter.description,
            description: parameter.description,
            example: (parameter.example ?? schema?.example).map(ExampleText.value),
            origin: SpecOrigin(key: Self.parameterKey(parameter), location: parameter.sourceLocation))
        var lowered = LoweredParameter(spec: parameter, argument: argument)
        let shape = isJSONContent ? .structured : valueShape(of: baseType)
        let wireName = parameter.name

        switch parameter.location {
        case .path:
            if parameter.style.map({ $0 != "simple" }) == true {
                diagnostics.warning("path parameter '\(parameter.name)' has style '\(parameter.style!)'; it is sent in the simple style", at: parameter.sourceLocation)
            }
            switch shape {
            case .string: lowered.pathEncoding = .string
            case .text: lowered.pathEncoding = .text
            case .date, .structured: lowered.pathEncoding = .structured(explode: parameter.explode ?? false)
            }
        case .query:
            let style = queryStyle(parameter)
            lowered.item = requestItem(.query, wireName, name, shape: shape, isJSONContent: isJSONContent,
                                       styled: .styled(style.style, explode: style.explode))
        case .header:
            checkStyle(parameter, allowed: ["simple"])
            lowered.item = requestItem(.header, wireName, name, shape: shape, isJSONContent: isJSONContent,
                                       styled: .styled(nil, explode: parameter.explode ?? false))
        case .cookie:
            checkStyle(parameter, allowed: ["form"])
            lowered.item = requestItem(.cookie, wireName, name, shape: shape, isJSONContent: isJSONContent,
                                       styled: .styled(nil, explode: parameter.explode ?? true))
        }
        return lowered
    }

    /// The item adding a query, header or cookie value; `styled` is how a structured value is written.
    private func requestItem(_ placement: RequestItemPlacement, _ wireName: String, _ name: String, shape: ValueShape,
                             isJSONContent: Bool, styled: RequestValueEncoding) -> RequestItem {
        let encoding: RequestValueEncoding = if isJSONContent {
            .json
        } else {
            switch shape {
            case .string, .text, .date: .text
            case .structured: styled
            }
        }
        return RequestItem(placement: placement, wireName: wireName, argument: name, encoding: encoding)
    }

    /// The runtime's `ParameterStyle` case for a query parameter, and whether it explodes (OpenAPI's defaults: `form`,
    /// exploded).
    private mutating func queryStyle(_ parameter: Parameter) -> (style: QueryStyle, explode: Bool) {
        let style: QueryStyle
        switch parameter.style ?? "form" {
        case "deepObject": return (.deepObject, true)
        case let name:
            if let known = QueryStyle(rawValue: name) {
                style = known
            } else {
                diagnostics.warning("query parameter '\(parameter.name)' has style '\(name)'; it is sent in the form style", at: parameter.sourceLocation)
                style = .form
            }
        }
        return (style, parameter.explode ?? (style == .form))
    }

    private mutating func checkStyle(_ parameter: Parameter, allowed: Set<String>) {
        if let style = parameter.style, !allowed.contains(style) {
            diagnostics.warning("\(parameter.location.rawValue) parameter '\(parameter.name)' has style '\(style)'; it is sent in the \(allowed.first!) style", at: parameter.sourceLocation)
        }
    }
}
