import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// A Swift type as the SDK uses it: a declaration of the SDK or the runtime, a built-in type, or a composition of
/// them.
///
/// Lower decides types as these values and never as text, so that every later stage asks what a type is
/// (`isOptional`, `referencedNames`) rather than parsing its spelling. `description` is the spelling the
/// generated source uses.
public enum SwiftType: Sendable, Hashable, CustomStringConvertible {
    /// A type declared by the SDK or its runtime, such as `Pet`, `JSONValue` or `MultipartFile`.
    case named(String)
    /// A type of the standard library or Foundation.
    case builtin(BuiltinType)
    // Only the cases that hold a type are boxed, so that most types (a name, a built-in) are not allocated.
    indirect case optional(SwiftType)
    indirect case array(SwiftType)
    /// A dictionary with `String` keys: a JSON object.
    indirect case dictionary(SwiftType)
    /// The runtime's `ServerSentEvents<Element>`: a stream of events whose data decodes as `Element`.
    indirect case eventStream(SwiftType)
    /// A function that returns nothing.
    case void

    /// The types of the standard library and Foundation that schemas map to.
    public enum BuiltinType: String, Sendable, Hashable {
        case string = "String"
        case int = "Int"
        case double = "Double"
        case bool = "Bool"
        case date = "Date"
        case data = "Data"
    }

    public static let string = SwiftType.builtin(.string)
    /// The runtime's `ByteStream`: a body read chunk by chunk as it arrives.
    public static let byteStream = SwiftType.named("ByteStream")
    public static let int = SwiftType.builtin(.int)
    public static let double = SwiftType.builtin(.double)
    public static let bool = SwiftType.builtin(.bool)
    public static let date = SwiftType.builtin(.date)
    public static let data = SwiftType.builtin(.data)
    /// The runtime's type for any JSON value.
    public static let jsonValue = SwiftType.named("JSONValue")
    /// The runtime's type for a file sent in a multipart body.
    public static let multipartFile = SwiftType.named("MultipartFile")
    /// A part of a multipart body whose schema names no parts: a text field or a file.
    public static let multipartValue = SwiftType.named("MultipartValue")
    /// The runtime's binary request body from memory, a file or an asynchronous sequence of chunks.
    public static let uploadBody = SwiftType.named("UploadBody")

    public var description: String {
        switch self {
        case .named(let name): name
        case .builtin(let builtin): builtin.rawValue
        case .optional(let wrapped): "\(wrapped)?"
        case .array(let element): "[\(element)]"
        case .dictionary(let value): "[String: \(value)]"
        case .eventStream(let element): "ServerSentEvents<\(element)>"
        case .void: "Void"
        }
    }

    public var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }

    /// The type itself when not optional; the optional's wrapped type otherwise.
    public var nonOptional: SwiftType {
        if case .optional(let wrapped) = self { return wrapped }
        return self
    }

    /// This type made optional; an optional stays as it is.
    public var optional: SwiftType {
        isOptional ? self : .optional(self)
    }

    /// The name of the declaration this type is, optional or not; `nil` for built-in types and collections.
    public var declarationName: String? {
        switch nonOptional {
        case .named(let name): name
        default: nil
        }
    }

    /// The names of the SDK's and runtime's declarations this type mentions, outermost first.
    public var referencedNames: [String] {
        switch self {
        case .named(let name): [name]
        case .builtin, .void: []
        case .optional(let wrapped), .array(let wrapped), .dictionary(let wrapped), .eventStream(let wrapped):
            wrapped.referencedNames
        }
    }
}
