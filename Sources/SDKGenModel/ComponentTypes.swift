import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// The Swift types of schemas inside reusable components.
///
/// A parameter, request body or response declared in `components` and referenced by many operations has one set of
/// types, named after the component (`Direction` for `#/components/parameters/direction`), instead of one per
/// operation that uses it.
extension SDKLowering {
    /// The Swift type of a schema, shared by every use of the component `reference` when there is one.
    ///
    /// - Parameters:
    ///   - part: What the schema is within the component, such as a media type, to tell apart a component's schemas.
    ///   - nameSuffix: What a type declared for the schema adds to the component's name, such as a property's name.
    ///   - suggestedName: The name for a type declared for an inline schema outside a component.
    package mutating func swiftType(for schema: Schema, in reference: Reference?, part: String, nameSuffix: String = "",
                            suggestedName: @autoclosure () -> String) -> SwiftType {
        guard let reference else {
            return types.swiftType(for: schema, suggestedName: suggestedName())
        }
        let key = reference.target + " " + part
        if let type = componentTypes[key] {
            return type
        }
        let component = reference.target.split(separator: "/").last.map { JSONPointer.unescape(String($0)) } ?? ""
        let type = types.swiftType(for: schema, suggestedName: SwiftName.type(component) + nameSuffix)
        componentTypes[key] = type
        return type
    }

    /// The reference an item is given by, if it is one.
    package static func reference<Value>(of item: Referenceable<Value>) -> Reference? {
        if case .reference(let reference) = item { return reference }
        return nil
    }
}
