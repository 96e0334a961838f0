import Foundation
@testable import SDKGenCore
import Testing

/// A model may not take a name the module already uses: a runtime type's, a runtime file's (two files of one name in a
/// module do not compile), or an API group's or its protocol's.
@Suite struct ReservedNameTests {
    /// The names the built-in runtime declares at the top level and names its files by, read from the templates, so
    /// that a type or file added to the runtime is reserved too.
    @Test func everyRuntimeTypeAndFileNameIsReserved() throws {
        let folder = PackagePaths.templates
        var names: Set<String> = []
        for subfolder in ["Runtime", "transports"] {
            let path = (folder as NSString).appendingPathComponent(subfolder)
            for file in try FileManager.default.contentsOfDirectory(atPath: path) where file.hasSuffix(".mustache") {
                names.insert(String(file.dropLast(".mustache".count)))
                let text = try String(contentsOfFile: (path as NSString).appendingPathComponent(file), encoding: .utf8)
                // Top-level declarations only: a nested type is named through its outer one.
                for line in text.split(separator: "\n") where !line.hasPrefix(" ") {
                    let words = line.replacingOccurrences(of: "{{access}}", with: "").split(separator: " ")
                    guard let keyword = words.firstIndex(where: { ["struct", "enum", "protocol", "class", "actor", "typealias"].contains($0) }),
                          words[..<keyword].allSatisfy({ ["public", "package", "final"].contains($0) }), keyword + 1 < words.count else { continue }
                    names.insert(String(words[keyword + 1].prefix { $0.isLetter || $0.isNumber || $0 == "_" }))
                }
            }
        }
        #expect(names.count > 40)
        #expect(names.filter { !NameRegistry.reservedLowercased.contains($0.lowercased()) }.sorted() == [])
    }

    @Test("a schema named like a runtime file or a group's protocol gets another name", arguments: ["TransportFailure", "DefaultAPIProtocol", "Pages"])
    func aSchemaNamedLikeWhatTheModuleHasIsRenamed(name: String) async throws {
        let output = try await generateSample("""
            openapi: 3.0.3
            info: {title: Sample API, version: '1'}
            servers: [{url: 'https://example.com'}]
            paths:
              /status:
                get:
                  operationId: getStatus
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/\(name)'}}}}
            components:
              schemas:
                \(name): {type: object, properties: {reason: {type: string}}}
            """)
        #expect(output.files["Sample/Models/\(name)2.swift"] != nil)
        #expect(output.files["Sample/Models/\(name).swift"] == nil)
        let fileNames = output.files.keys.filter { $0.hasSuffix(".swift") }.map { ($0 as NSString).lastPathComponent }
        #expect(Set(fileNames).count == fileNames.count)
    }
}
