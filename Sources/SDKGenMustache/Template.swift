import SDKGenBase

/// A Mustache template parsed once into the nodes rendering walks (see `TemplateParser` for the syntax,
/// `TemplateRenderer` for what each node prints).
package struct Template: Sendable {
    /// The name the template is registered under, such as `model` or `Runtime/APIClient`; partials use it.
    package var name: String
    /// The file it was read from, for diagnostics.
    package var file: String
    /// Its text, kept to parse it again indented when it is a standalone partial (see `TemplateSet`).
    package var source: String
    package var nodes: [TemplateNode]
}

/// A piece of a parsed template.
package indirect enum TemplateNode: Sendable {
    /// Text printed as it is, as UTF-8.
    case text([UInt8])
    /// `{{name}}`, `{{{name}}}` or `{{&name}}`: the value printed, never escaped.
    case variable(TemplateName)
    /// `{{#name}}…{{/name}}`.
    case section(TemplateName, [TemplateNode])
    /// `{{^name}}…{{/name}}`.
    case invertedSection(TemplateName, [TemplateNode])
    /// `{{> name}}`: the template of that name rendered in the current context. `indentation` is the blank
    /// text before a standalone partial tag, which every line of the partial is indented by.
    case partial(name: String, indentation: String, location: SourceLocation)
}

/// What a tag's name refers to, resolved when the template is parsed.
package enum TemplateName: Sendable, Equatable {
    /// `.`: the value on top of the context stack.
    case top
    /// `a.b.c`: `a` from the nearest value on the stack that has it, then `b` and `c` from it.
    case path([String])
    /// `.a.b`: `a` from the value on top of the stack only, then `b` from it.
    case pathFromTop([String])
    /// `first()`, `last()`, `index()`, `even()`, `odd()` and integer functions applied to `index()`, such as
    /// `plusone(index())`: the position in the list the innermost section iterates over. Innermost function
    /// first.
    case position([PositionFunction])
}

/// A function of the position in a list, as swift-mustache offered them; `ListPosition.apply` evaluates them.
package enum PositionFunction: String, Sendable {
    case first, last, index, even, odd
    case plusone, minusone, equalzero
}
