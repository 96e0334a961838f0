import SDKGenBase

/// Renders a parsed template with a value, into UTF-8 text.
///
/// What each node prints is what swift-mustache 2.1.1 printed for it, with sdkgen's text content type
/// (nothing is escaped), so that templates render byte for byte as they did:
/// - a name is looked up on the context stack from the top down; the first value that has its first part
///   answers it (a nil property does not), and the rest of a dotted name is looked up in that answer only;
/// - a section over a list renders once per element, with the element on top of the stack and its position for
///   `first()`, `last()` and the like; over `true` once, with nothing pushed; over text or an object once, with
///   it on top; over `false`, an empty list or nothing, not at all;
/// - an inverted section renders, with nothing pushed, over `false` or nothing, and over an empty list with it
///   pushed; otherwise not at all;
/// - a partial renders in the current context, outside any list position.
package struct TemplateRenderer {
    /// Where partials come from.
    private let templates: TemplateSet
    /// What has been rendered so far.
    private(set) var output: [UInt8] = []
    /// The context stack: the value rendered, then each section's value.
    private var stack: [TemplateValue]
    /// The position in the list the innermost list section iterates over, while no other section or partial
    /// has started since.
    private var position: ListPosition?
    private var partialDepth = 0
    /// Why rendering stopped, if it did.
    private(set) var failure: Diagnostic?

    /// Partials may nest this deep; deeper means they include each other without end, which would exhaust the
    /// stack.
    package static let maximumPartialDepth = 64

    package init(value: TemplateValue, templates: TemplateSet) {
        self.templates = templates
        stack = [value]
        output.reserveCapacity(16 * 1024)
    }

    /// Renders `nodes` at the end of the output.
    package mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
            guard failure == nil else { return }
            switch node {
            case .text(let bytes):
                output.append(contentsOf: bytes)
            case .variable(let name):
                print(lookUp(name))
            case .section(let name, let body):
                renderSection(lookUp(name), body)
            case .invertedSection(let name, let body):
                renderInvertedSection(lookUp(name), body)
            case .partial(let name, let indentation, let location):
                renderPartial(name, indentation: indentation, location: location)
            }
        }
    }

    private mutating func print(_ value: TemplateValue) {
        switch value {
        case .text(let text): output.append(contentsOf: text.utf8)
        case .bool(let bool): output.append(contentsOf: (bool ? "true" : "false").utf8)
        // Lists and objects print as Swift describes them, as swift-mustache printed them; no template should.
        case .list(let list): output.append(contentsOf: String(describing: list).utf8)
        case .object(let object): output.append(contentsOf: String(describing: object).utf8)
        case .absent: break
        }
    }

    private mutating func renderSection(_ value: TemplateValue, _ body: [TemplateNode]) {
        switch value {
        case .list(let list):
            let count = list.count
            let outer = position
            for index in 0..<count {
                stack.append(list[index])
                position = ListPosition(index: index, count: count)
                render(body)
                stack.removeLast()
            }
            position = outer
        case .bool(let bool):
            if bool { render(body) }
        case .text, .object:
            render(body, on: value)
        case .absent:
            break
        }
    }

    private mutating func renderInvertedSection(_ value: TemplateValue, _ body: [TemplateNode]) {
        switch value {
        case .list(let list):
            if list.count == 0 { render(body, on: value) }
        case .bool(let bool):
            if !bool { render(body) }
        case .absent:
            render(body)
        case .text, .object:
            break
        }
    }

    /// Renders `body` with `value` on top of the stack, outside any list position.
    private mutating func render(_ body: [TemplateNode], on value: TemplateValue) {
        let outer = position
        position = nil
        stack.append(value)
        render(body)
        stack.removeLast()
        position = outer
    }

    private mutating func renderPartial(_ name: String, indentation: String, location: SourceLocation) {
        // A partial that does not exist renders as nothing, as the Mustache spec has it.
        guard let partial = templates.partial(named: name, indentedBy: indentation) else { return }
        guard partialDepth < Self.maximumPartialDepth else {
            failure = .error("partial '\(name)' is nested \(Self.maximumPartialDepth) deep: do the partials include each other without end?", at: location)
            return
        }
        let outer = position
        position = nil
        partialDepth += 1
        render(partial.nodes)
        partialDepth -= 1
        position = outer
    }

    /// The value `name` refers to in the current context.
    private func lookUp(_ name: TemplateName) -> TemplateValue {
        switch name {
        case .top:
            return stack[stack.count - 1]
        case .path(let fields):
            var index = stack.count - 1
            while index >= 0 {
                let value = stack[index].field(fields[0])
                if case .absent = value {
                    index -= 1
                    continue
                }
                return Self.lookUp(fields.dropFirst(), in: value)
            }
            return .absent
        case .pathFromTop(let fields):
            return Self.lookUp(fields[...], in: stack[stack.count - 1])
        case .position(let functions):
            guard let position else { return .absent }
            return position.apply(functions)
        }
    }

    private static func lookUp(_ fields: ArraySlice<String>, in value: TemplateValue) -> TemplateValue {
        var value = value
        for field in fields {
            value = value.field(field)
        }
        return value
    }
}

/// An element's place in the list a section iterates over.
package struct ListPosition {
    package var index: Int
    package var count: Int

    /// The value of `first()`, `plusone(index())` and the like: functions applied innermost first, the first of
    /// them to the position, the others to the integer the one before gave.
    package func apply(_ functions: [PositionFunction]) -> TemplateValue {
        enum Result { case bool(Bool), integer(Int) }
        var result: Result
        switch functions[0] {
        case .first: result = .bool(index == 0)
        case .last: result = .bool(index == count - 1)
        case .index: result = .integer(index)
        case .even: result = .bool(index & 1 == 0)
        case .odd: result = .bool(index & 1 == 1)
        case .plusone, .minusone, .equalzero: return .absent
        }
        for function in functions.dropFirst() {
            // swift-mustache had no functions of a Bool.
            guard case .integer(let integer) = result else { return .absent }
            switch function {
            case .plusone: result = .integer(integer + 1)
            case .minusone: result = .integer(integer - 1)
            case .even: result = .bool(integer & 1 == 0)
            case .odd: result = .bool(integer & 1 == 1)
            case .equalzero: result = .bool(integer == 0)
            case .first, .last, .index: return .absent
            }
        }
        switch result {
        case .bool(let bool): return .bool(bool)
        case .integer(let integer): return .text(String(integer))
        }
    }
}
