import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// The parts of the runtime an SDK uses, found from its declarations: an SDK carries only the runtime code it
/// calls.
public struct RuntimeFeatures: Sendable, Equatable {
    /// A part of the runtime that only some SDKs need.
    public enum Feature: String, CaseIterable, Sendable {
        /// Server-sent event streams: an operation streams its response as events.
        case eventStreams = "usesEventStreams"
        /// Byte streams: an operation streams its binary response body.
        case byteStreams = "usesByteStreams"
        /// Responses read as they arrive, as events or bytes: the transport's streaming path.
        case streamedResponses = "usesStreamedResponses"
        /// Multipart bodies: an operation sends `multipart/form-data`; one with a part sent as JSON.
        case multipart = "usesMultipart", multipartJSONParts = "usesMultipartJSONParts"
        /// `MultipartValue`: an operation sends a multipart body whose schema names no parts, the caller naming them.
        case multipartValues = "usesMultipartValues"
        /// `@Indirect` storage: a type contains itself.
        case indirect = "usesIndirect"
        /// A path parameter written from its JSON form.
        case structuredPathParameters = "usesStructuredPathParameters"
        /// Query parameters and headers written from their JSON form in a style, or as JSON text.
        case styledQueryItems = "usesStyledQueryItems", jsonQueryItems = "usesJSONQueryItems"
        case styledHeaders = "usesStyledHeaders", jsonHeaders = "usesJSONHeaders"
        /// Cookie parameters; those written from their JSON form, or as JSON text.
        case cookies = "usesCookies", styledCookies = "usesStyledCookies", jsonCookies = "usesJSONCookies"
        /// JSON bodies (those whose `stream` field an operation's two functions set), form bodies, and bodies
        /// sent as they are, bytes or text.
        case jsonBodies = "usesJSONBodies", streamFieldBodies = "usesStreamFieldBodies"
        case formBodies = "usesFormBodies", rawBodies = "usesRawBodies"
        /// `UploadBody`: an operation sends a binary body that may come from a file or a sequence of chunks.
        case uploadBodies = "usesUploadBodies"
        /// `ParameterStyle`: a value written from its JSON form in an OpenAPI style.
        case parameterStyles = "usesParameterStyles"
        /// `JSONValue(encoding:)` and `JSONValue.text(encoding:)`: a request value converted through JSON.
        case jsonEncoding = "usesJSONEncoding"
        /// `Decoder.objectKeys`: a union tries first the members that declare every key of the payload.
        case bestFitUnions = "usesBestFitUnions"
        /// A struct keeps the members its `additionalProperties` schema allows in a dictionary.
        case additionalProperties = "usesAdditionalProperties"
        /// `UnixTime`: a struct's property is a date coded as seconds since the epoch (`format: unixtime`).
        case unixTime = "usesUnixTime"
        /// `HidingKeysDecoder`: a struct holds the union an `allOf` extends, decoded without the struct's own keys.
        case extendedUnions = "usesExtendedUnions"
        /// An error case carries a union of the bodies operations document for its status, each wrapping its own.
        case errorBodyUnions = "usesErrorBodyUnions"
        /// Credentials given to a call, in place of the client's: an operation's own security is an argument.
        case callCredentials = "usesCallCredentials"
        /// OAuth 2.0 client credentials: the client fetches, caches and renews its tokens.
        case oauth2ClientCredentials = "usesOAuth2ClientCredentials"
        /// `Pages` and `PageItems`: an operation is paginated; those following a next page's URL (from the body or
        /// the `Link` header) use `PageLinks` too.
        case pagination = "usesPagination", pageLinks = "usesPageLinks"
        /// `PageRule`: an operation pages by offset, page number or cursor; then its helpers, each where a rule calls
        /// it: offsets, page numbers, cursors for an optional or a required input (`String` cursors, which stop on an
        /// empty one, or of another type), and a body's next page with an optional or a required property set.
        case pageRules = "usesPageRules"
        case offsetPaging = "usesOffsetPaging", pageNumberPaging = "usesPageNumberPaging"
        case optionalStringCursors = "usesOptionalStringCursors", optionalOtherCursors = "usesOptionalOtherCursors"
        case requiredStringCursors = "usesRequiredStringCursors", requiredOtherCursors = "usesRequiredOtherCursors"
        case optionalBodyPagingInputs = "usesOptionalBodyPagingInputs", requiredBodyPagingInputs = "usesRequiredBodyPagingInputs"

        /// The field that tells templates whether the SDK uses the feature.
        public var templateFieldName: String { rawValue }
    }

    private var used: Set<Feature> = []

    /// The parts of `PageRule` and `PageLinks` that `rule`'s functions call.
    private static func pagingFeatures(of rule: PagingRule) -> Set<Feature> {
        let input: PagingInput
        var features: Set<Feature>
        switch rule {
        case .nextURL, .linkHeader:
            return [.pageLinks]
        case .offset(let offset, _):
            (input, features) = (offset, [.pageRules, .offsetPaging])
        case .page(let page, _, _):
            (input, features) = (page, [.pageRules, .pageNumberPaging])
        case .cursor(let cursor, let next):
            let isString = next.type.nonOptional == .string
            input = cursor
            features = [.pageRules, cursor.isOptional
                ? (isString ? .optionalStringCursors : .optionalOtherCursors)
                : (isString ? .requiredStringCursors : .requiredOtherCursors)]
        }
        if input.property != nil {
            features.insert(input.isOptional ? .optionalBodyPagingInputs : .requiredBodyPagingInputs)
        }
        return features
    }

    public init(of sdk: SwiftSDK) {
        for operation in sdk.groups.flatMap(\.operations) {
            if operation.isStreaming {
                used.insert(operation.returnType == .byteStream ? .byteStreams : .eventStreams)
                used.insert(.streamedResponses)
            }
            if let pagination = operation.pagination {
                used.insert(.pagination)
                used.formUnion(Self.pagingFeatures(of: pagination.rule))
            }
            if operation.callCredentials != nil { used.insert(.callCredentials) }
            if operation.path.contains(where: { if case .argument(_, .structured) = $0 { true } else { false } }) {
                used.insert(.structuredPathParameters)
            }
            for item in operation.requestItems {
                switch (item.placement, item.encoding) {
                case (.query, .styled): used.insert(.styledQueryItems)
                case (.query, .json): used.insert(.jsonQueryItems)
                case (.header, .styled): used.insert(.styledHeaders)
                case (.header, .json): used.insert(.jsonHeaders)
                case (.cookie, let encoding):
                    used.insert(.cookies)
                    if case .styled = encoding { used.insert(.styledCookies) }
                    if case .json = encoding { used.insert(.jsonCookies) }
                default: break
                }
            }
            switch operation.body {
            case .json(_, _, let streamField)?:
                used.insert(.jsonBodies)
                if streamField != nil { used.insert(.streamFieldBodies) }
            case .form?: used.insert(.formBodies)
            case .multipart(let parts)?:
                used.insert(.multipart)
                if parts.contains(where: { $0.encoding == .json }) { used.formUnion([.multipartJSONParts, .jsonEncoding]) }
            case .multipartParts?:
                used.formUnion([.multipart, .multipartValues])
            case .raw?:
                used.insert(.rawBodies)
                if operation.parameters.contains(where: { $0.type == .uploadBody }) { used.insert(.uploadBodies) }
            case nil: break
            }
        }
        if !used.isDisjoint(with: [.structuredPathParameters, .styledQueryItems, .styledHeaders, .styledCookies, .formBodies]) {
            used.insert(.parameterStyles)
        }
        if !used.isDisjoint(with: [.parameterStyles, .jsonQueryItems, .jsonHeaders, .jsonCookies, .streamFieldBodies]) {
            used.insert(.jsonEncoding)
        }
        if sdk.models.contains(where: Self.storesIndirectly) { used.insert(.indirect) }
        if sdk.models.contains(where: { if case .union(let union) = $0.kind { union.triesBestFitFirst } else { false } }) {
            used.insert(.bestFitUnions)
        }
        if sdk.models.contains(where: { if case .structure(let structure) = $0.kind { structure.additionalProperties != nil } else { false } }) {
            used.insert(.additionalProperties)
        }
        let codings = Set(sdk.models.flatMap { model -> [PropertyCoding] in
            if case .structure(let structure) = model.kind { structure.properties.map(\.coding) } else { [] }
        })
        if codings.contains(where: { if case .unixTime = $0 { true } else { false } }) { used.insert(.unixTime) }
        if codings.contains(.wholeObject) { used.insert(.extendedUnions) }
        if sdk.error.statusCases.contains(where: { !$0.bodyMembers.isEmpty }) { used.insert(.errorBodyUnions) }
        // Without an operation, no request would ever need a token.
        if sdk.client.credentials.contains(where: \.fetchesTokens) && !sdk.groups.isEmpty { used.insert(.oauth2ClientCredentials) }
    }

    public func uses(_ feature: Feature) -> Bool {
        used.contains(feature)
    }

    private static func storesIndirectly(_ model: ModelDeclaration) -> Bool {
        switch model.kind {
        case .structure(let structModel): structModel.properties.contains(where: \.isIndirect)
        case .tuple(let tupleModel): tupleModel.elements.contains(where: \.isIndirect)
        case .enumeration, .union: false
        }
    }
}
