import Foundation
import Mustache
import SDKGenCore
import Testing

/// The templates read the IR through `MustacheParent` rather than reflection (see
/// `Render/IR+MustacheParent.swift`). A template, the project's or a user's, may use any stored property:
/// each must be answered under its name with its value, as reflection answered it.
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

/// Compares each IR struct's `child(named:)` with a `Mirror` of it, recursively.
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
            guard let parent = value as? MustacheParent else {
                mismatches.append("\(path): \(typeName) is not a MustacheParent")
                return
            }
            if parent.child(named: "noSuchProperty") != nil {
                mismatches.append("\(path): \(typeName) answers a name it has no property for")
            }
            for child in mirror.children {
                guard let label = child.label else { continue }
                let expected = Self.unwrapped(child.value)
                let answered = parent.child(named: label)
                switch (expected, answered) {
                case (nil, nil):
                    break
                case (let expected?, let answered?):
                    if Self.summary(expected) != Self.summary(answered) {
                        mismatches.append("\(path).\(label): \(Self.summary(answered)), reflection gives \(Self.summary(expected))")
                    }
                    check(expected, at: "\(path).\(label)")
                default:
                    mismatches.append("\(path).\(label): \(answered.map(Self.summary) ?? "nil"), reflection gives \(expected.map(Self.summary) ?? "nil")")
                }
            }
        case .collection?:
            for (index, element) in mirror.children.enumerated() {
                check(element.value, at: "\(path)[\(index)]")
            }
        default:
            return
        }
    }

    /// An optional's value, or nil: what swift-mustache's reflection hands a template.
    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }

    /// The value's type and, for a leaf, the value; for a collection its count.
    private static func summary(_ value: Any) -> String {
        if value is String || value is Int || value is Bool || value is Double {
            return "\(type(of: value)) \(String(reflecting: value))"
        }
        let mirror = Mirror(reflecting: value)
        return mirror.displayStyle == .collection ? "\(type(of: value)) of \(mirror.children.count)" : "\(type(of: value))"

    }
}
