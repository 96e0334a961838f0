import SDKGenBase

/// A value as a template sees it.
///
/// The View stage builds these from the SDK model; rendering never asks the runtime what a value is, the case
/// says it.
package enum TemplateValue: Sendable {
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
    package func field(_ name: String) -> TemplateValue {
        guard case .object(let object) = self else { return .absent }
        return object[name]
    }

    /// Text, or `.absent` for `nil`.
    package static func text(_ text: String?) -> TemplateValue {
        text.map(TemplateValue.text) ?? .absent
    }

    /// An object, or `.absent` for `nil`.
    package static func object(_ object: TemplateObject?) -> TemplateValue {
        object.map(TemplateValue.object) ?? .absent
    }

    /// A list of text, such as doc comment lines.
    package static func lines(_ lines: [String]) -> TemplateValue {
        .list(lines.map(TemplateValue.text))
    }

    /// A list of objects, one per element.
    package static func list<Element>(_ elements: [Element], _ object: (Element) -> TemplateObject) -> TemplateValue {
        .list(elements.map { .object(object($0)) })
    }
}

/// Named values that templates read by name: what the View stage makes of each declaration.
///
/// Fields are few per object, so they are kept in order and found by comparing names: for names of up to 15
/// ASCII characters, as most are, a comparison of two machine words, cheaper than hashing the name.
package struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    /// A field's value, or how to make it.
    private enum Field: Sendable {
        case value(TemplateValue)
        case deferred(@Sendable () -> TemplateValue)
    }

    // One array of pairs: one allocation per object, and the name and value found together.
    private var fields: [(name: String, value: Field)]

    package init(dictionaryLiteral elements: (String, TemplateValue)...) {
        fields = elements.map { (name: $0.0, value: .value($0.1)) }
    }

    /// The field named `name`; `.absent` when the object has none, so a lookup goes on down the context stack.
    package subscript(name: String) -> TemplateValue {
        get {
            for field in fields where field.name == name {
                switch field.value {
                case .value(let value): return value
                case .deferred(let make): return make()
                }
            }
            return .absent
        }
        set {
            set(name, .value(newValue))
        }
    }

    /// Offers the field named `name` made by `make` each time a template reads it: for a costly value that the
    /// built-in templates do not read, such as a model's reference page inside the object its source file is
    /// rendered from.
    package mutating func setDeferred(_ name: String, _ make: @escaping @Sendable () -> TemplateValue) {
        set(name, .deferred(make))
    }

    private mutating func set(_ name: String, _ field: Field) {
        if let index = fields.firstIndex(where: { $0.name == name }) {
            fields[index].value = field
        } else {
            fields.append((name, field))
        }
    }

    /// The names of the fields, in the order they were given.
    package var fieldNames: [String] { fields.map(\.name) }
}
