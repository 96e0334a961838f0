import Foundation
@testable import SDKGenCore
import Testing

/// The templates read the IR through `TemplateObject` rather than reflection (see
/// `Render/IR+TemplateObject.swift`). A template, the project's or a user's, may use any stored property:
/// each must be answered under its name with its value, as reflection would answer it.
@Suite struct TemplateLookupTests {
    @Test(arguments: GoldenSDK.all)
    func everyStoredPropertyOfTheIRIsAnsweredAsReflectionWould(_ golden: GoldenSDK) async throws {
        let sdk = try await offTheCooperativePool {
            let spec = PackagePaths.root.appendingPathComponent(golden.spec).path
            let loaded = try YAMLLoader().load(contentsOf: spec)
            var diagnostics = Diagnostics()
            let document = try DocumentReader.read(loaded.root, file: spec, diagnostics: &diagnostics)
            return SDKLowering.lower(document, options: LoweringOptions(moduleName: golden.moduleName), diagnostics: &diagnostics)
        }
        var walk = IRWalk()
        walk.check(sdk, at: "sdk")
        #expect(walk.mismatches.isEmpty, "\(walk.mismatches.prefix(20).joined(separator: "\n"))")
        // The walk saw the IR's structs, not nothing.
        #expect(walk.structTypes.isSuperset(of: ["SwiftSDK", "ClientDeclaration", "ModelDeclaration", "PropertyDeclaration", "OperationDeclaration", "ReferencePage"]))
    }
}

/// Compares each IR struct's `templateValue(of:)` with a `Mirror` of it, recursively.
private struct IRWalk {
    var mismatches: [String] = []
    var structTypes: Set<String> = []

    mutating func check(_ value: Any, at path: String) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct?:
            let typeName = String(describing: type(of: value))
            // Strings and numbers are structs to a Mirror; only the IR's own types are checked.
            guard !(value is String || value is Int || value is Bool || value is Double) else { return }
            structTypes.insert(typeName)
            guard let object = value as? any TemplateObject else {
                mismatches.append("\(path): \(typeName) is not a TemplateObject")
                return
            }
            var answeredFields: Set<TemplateField> = []
            for child in mirror.children {
                guard let label = child.label else { continue }
                guard let field = TemplateField(rawValue: label) else {
                    mismatches.append("\(path).\(label): no TemplateField of that name")
                    continue
                }
                answeredFields.insert(field)
                let expected = Self.unwrapped(child.value)
                let answered = object.templateValue(of: field)
                switch (expected, answered) {
                case (nil, .absent):
                    break
                case (let expected?, _):
                    if Self.summary(expected) != Self.summary(answered) {
                        mismatches.append("\(path).\(label): \(Self.summary(answered)), reflection gives \(Self.summary(expected))")
                    }
                    check(expected, at: "\(path).\(label)")
                case (nil, _):
                    mismatches.append("\(path).\(label): \(Self.summary(answered)), reflection gives nil")
                }
            }
            // No name the type has no property for is answered.
            for field in TemplateField.allCases where !answeredFields.contains(field) {
                if case .absent = object.templateValue(of: field) { continue }
                mismatches.append("\(path): \(typeName) answers '\(field.rawValue)', which it has no property for")
            }
        case .collection?:
            for (index, element) in mirror.children.enumerated() {
                check(element.value, at: "\(path)[\(index)]")
            }
        default:
            return
        }
    }

    /// An optional's value, or nil: what a template is handed for a property.
    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }

    /// What a template should see of a property's value, in the terms of `summary(_: TemplateValue)`: text
    /// for strings and numbers (numbers print as their text), a collection's type and count, a struct's type.
    private static func summary(_ value: Any) -> String {
        switch value {
        case let text as String: return "text \(String(reflecting: text))"
        case let integer as Int: return "text \(String(reflecting: String(integer)))"
        case let bool as Bool: return "Bool \(bool)"
        default:
            let mirror = Mirror(reflecting: value)
            return mirror.displayStyle == .collection ? "\(type(of: value)) of \(mirror.children.count)" : "\(type(of: value))"
        }
    }

    /// What a template sees of an answer, in the terms of `summary(_: Any)`: text as the value it came from
    /// (numbers are answered as their text), a list by its element type and count, an object by its type.
    private static func summary(_ value: TemplateValue) -> String {
        switch value {
        case .text(let text): "text \(String(reflecting: text))"
        case .bool(let bool): "Bool \(bool)"
        case .list(let list): "\(type(of: list)) of \(list.count)"
        case .object(let object): "\(type(of: object))"
        case .absent: "absent"
        }
    }
}
