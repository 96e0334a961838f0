import Foundation
import SDKGenCore
import Testing

/// Replays the inputs Scripts/fuzz.sh found problems with (Tests/Fixtures/fuzz-regressions/) through the
/// pipeline the fuzzer drives: each must end in diagnostics that all point into the input, not a crash.
@Suite struct FuzzRegressionTests {
    private static let folder = PackagePaths.root.appendingPathComponent("Tests/Fixtures/fuzz-regressions")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test func thereAreInputsToReplay() {
        #expect(!Self.inputs.isEmpty)
    }

    // The limit turns a finding that hangs again into a failure rather than a stalled run.
    @Test("a fuzzer finding runs through Load → Bundle → Document → Lint → Lower", .timeLimit(.minutes(1)), arguments: inputs)
    func replay(name: String) async throws {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        // Off the cooperative pool, as the command line runs it on a thread of its own: a long input must not hold up
        // the timing tests running beside it.
        let outcome = try await offTheCooperativePool {
            Result { () throws(GenerationError) in try SDKGenerator.lower(specBytes: bytes, file: name, moduleName: "FuzzSDK").diagnostics }
        }
        let diagnostics: [Diagnostic]
        switch outcome {
        case .success(let lowered):
            diagnostics = lowered
        case .failure(let error):
            diagnostics = error.diagnostics
            #expect(diagnostics.contains { $0.severity == .error })
        }
        for diagnostic in diagnostics {
            #expect(diagnostic.location?.file == name, "not located in the input: \(diagnostic)")
        }
    }

    /// A component `Person` whose property `receivedBy` is `schema`, lowered.
    private func lowerPerson(receivedBy schema: String) throws -> SwiftSDK {
        let yaml = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths: {}
            components:
              schemas:
                Person:
                  type: object
                  properties:
                    name: {type: string}
                    receivedBy: \(schema)
            """
        return try SDKGenerator.lower(specBytes: Array(yaml.utf8), file: "t.yaml", moduleName: "M").sdk
    }

    /// allof-of-enclosing-component-in-property.yaml, reduced: the lowering declared a new copy of the
    /// inline `allOf` type at every level, without end, until the stack overflowed.
    @Test func anAllOfOfTheEnclosingComponentInsideItsOwnPropertyIsARecursiveType() throws {
        let sdk = try lowerPerson(receivedBy: "{nullable: true, allOf: [$ref: '#/components/schemas/Person']}")
        // `nullable` beside the `allOf` only annotates the reference: the property is the component's own type.
        #expect(sdk.models.map(\.typeName) == ["Person"])
        let person = try #require(sdk.models.first?.structure)
        #expect(person.properties.map(\.type.description) == ["String?", "Person?"])
        #expect(person.properties.last?.isIndirect == true)
    }

    /// The same with a property of its own beside the reference: the `allOf` declares a type, which copies the
    /// property that holds it back in, and is recursive rather than copied again at every level.
    @Test func anAllOfExtendingTheEnclosingComponentInsideItsOwnPropertyIsARecursiveType() throws {
        let sdk = try lowerPerson(
            receivedBy: "{allOf: [$ref: '#/components/schemas/Person', properties: {note: {type: string}}]}")
        #expect(sdk.models.map(\.typeName) == ["Person", "PersonReceivedBy"])
        let receivedBy = try #require(sdk.models.first { $0.typeName == "PersonReceivedBy" }?.structure)
        #expect(receivedBy.properties.map(\.type.description) == ["String?", "PersonReceivedBy?", "String?"])
        #expect(receivedBy.properties[1].isIndirect == true)
    }
}
