/// A value as a template sees it.
///
/// The IR answers a template's names with these (see `IR+TemplateObject.swift`) instead of `Any`, so that
/// rendering never asks the runtime what a value is: the answer says it.
enum TemplateValue {
    /// Printed as it is; a section over it is rendered once with it on top of the context.
    case text(String)
    /// Printed as `true` or `false`; a section over it is rendered, without a new context, when it is true.
    case bool(Bool)
    /// A section over it is rendered once per element; an inverted section when it is empty.
    case list(any TemplateList)
    /// Has named fields; a section over it is rendered once with it on top of the context.
    case object(any TemplateObject)
    /// Nil, or a name nothing answers: prints nothing, and only inverted sections over it are rendered.
    case absent

    /// The value's field named `field`; only objects have fields.
    func field(_ field: TemplateField) -> TemplateValue {
        guard case .object(let object) = self else { return .absent }
        return object.templateValue(of: field)
    }
}

/// A type whose values templates can read.
protocol TemplateValueConvertible {
    var templateValue: TemplateValue { get }
}

/// A type with fields templates read by name: each of the IR's structs.
protocol TemplateObject: TemplateValueConvertible {
    /// The stored property `field` names, or `.absent` when the type has none of that name.
    func templateValue(of field: TemplateField) -> TemplateValue
}

extension TemplateObject {
    var templateValue: TemplateValue { .object(self) }
}

/// A list templates iterate over.
protocol TemplateList {
    var count: Int { get }
    func templateValue(at index: Int) -> TemplateValue
}

extension Array: TemplateList, TemplateValueConvertible where Element: TemplateValueConvertible {
    var templateValue: TemplateValue { .list(self) }

    func templateValue(at index: Int) -> TemplateValue {
        self[index].templateValue
    }
}

extension Optional: TemplateValueConvertible where Wrapped: TemplateValueConvertible {
    var templateValue: TemplateValue {
        switch self {
        case .some(let wrapped): wrapped.templateValue
        case .none: .absent
        }
    }
}

extension String: TemplateValueConvertible {
    var templateValue: TemplateValue { .text(self) }
}

extension Bool: TemplateValueConvertible {
    var templateValue: TemplateValue { .bool(self) }
}

extension Int: TemplateValueConvertible {
    // As text: templates only print numbers, and a section over one renders once, as over text.
    var templateValue: TemplateValue { .text(String(self)) }
}
