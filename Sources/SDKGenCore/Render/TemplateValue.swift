/// A value as a template sees it.
///
/// The View stage builds these from the SDK model; rendering never asks the runtime what a value is, the case
/// says it.
enum TemplateValue: Sendable {
    /// Printed as it is; a section over it is rendered once with it on top of the context.
    case text(String)
    /// Printed as `true` or `false`; a section over it is rendered, without a new context, when it is true.
    case bool(Bool)
    /// A section over it is rendered once per element; an inverted section when it is empty.
    case list([TemplateValue])
    /// Has named fields; a section over it is rendered once with it on top of the context.
    case object(TemplateObject)
    /// Nil, or a name nothing answers: prints nothing, and only inverted sections over it are rendered.
    case absent

    /// The value's field named `name`; only objects have fields.
    func field(_ name: String) -> TemplateValue {
        guard case .object(let object) = self else { return .absent }
        return object[name]
    }

    /// Text, or `.absent` for `nil`.
    static func text(_ text: String?) -> TemplateValue {
        text.map(TemplateValue.text) ?? .absent
    }

    /// An object, or `.absent` for `nil`.
    static func object(_ object: TemplateObject?) -> TemplateValue {
        object.map(TemplateValue.object) ?? .absent
    }

    /// A list of text, such as doc comment lines.
    static func lines(_ lines: [String]) -> TemplateValue {
        .list(lines.map(TemplateValue.text))
    }

    /// A list of objects, one per element.
    static func list<Element>(_ elements: [Element], _ object: (Element) -> TemplateObject) -> TemplateValue {
        .list(elements.map { .object(object($0)) })
    }
}

/// Named values that templates read by name: what the View stage makes of each declaration.
///
/// Fields are few per object and looked up far more often than made, so they are kept in order and found by
/// comparing names, which for the short ASCII names templates use is a comparison of two machine words.
struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    private var names: [String]
    private var values: [TemplateValue]

    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        names = elements.map(\.0)
        values = elements.map(\.1)
    }

    /// The field named `name`; `.absent` when the object has none, so a lookup goes on down the context stack.
    subscript(name: String) -> TemplateValue {
        get {
            for index in names.indices where names[index] == name {
                return values[index]
            }
            return .absent
        }
        set {
            if let index = names.firstIndex(of: name) {
                values[index] = newValue
            } else {
                names.append(name)
                values.append(newValue)
            }
        }
    }

    /// The names of the fields, in the order they were given.
    var fieldNames: [String] { names }
}
