import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// What an `x-speakeasy-pagination` or `x-sdkgen-pagination` extension (or an entry of `sdkgen.yaml`'s
/// `pagination`) says, read for its shape alone: which inputs and outputs it names, not yet found in the operation.
///
/// ```yaml
/// type: offsetLimit            # offsetLimit, cursor, url, or (sdkgen's own) linkHeader
/// inputs:
///   - {name: offset, in: parameters, type: offset}   # offset, page, limit or cursor
///   - {name: limit, in: parameters, type: limit}
/// outputs:
///   results: $.data            # nextCursor, nextUrl, numPages: $.a.b paths into the response body
/// ```
package struct PaginationExtension: Sendable {
    package enum Kind: String, Sendable, CaseIterable {
        case offsetLimit, cursor, url, linkHeader
    }

    package struct Input: Sendable {
        package var name: String
        /// `parameters` or `requestBody`.
        package var placement: String
        /// `offset`, `page`, `limit` or `cursor`.
        package var role: String
        package var location: SourceLocation
    }

    package struct Output: Sendable {
        package var path: String
        package var location: SourceLocation
    }

    package var kind: Kind
    package var inputs: [Input]
    /// `results`, `nextCursor`, `nextUrl` and `numPages`, by name.
    package var outputs: [String: Output]
    package var location: SourceLocation

    private static let roles = ["offset", "page", "limit", "cursor"]
    private static let placements = ["parameters", "requestBody"]
    private static let outputNames = ["results", "numPages", "nextCursor", "nextUrl"]

    /// Reads the extension's value; each defect is reported with its position, and a value with one is `nil`.
    package static func read(_ node: YAMLNode, name: String, report: (String, SourceLocation) -> Void) -> PaginationExtension? {
        guard let pairs = node.pairs else {
            report("\(name) should be a mapping with type, inputs and outputs", node.location)
            return nil
        }
        var valid = true
        func fail(_ message: String, _ location: SourceLocation) {
            report("\(name): " + message, location)
            valid = false
        }
        var kind: Kind?
        var inputs: [Input] = []
        var outputs: [String: Output] = [:]
        for pair in pairs {
            switch pair.key.scalarText {
            case "type":
                kind = pair.value.scalarText.flatMap(Kind.init(rawValue:))
                if kind == nil {
                    fail("type should be one of \(Kind.allCases.map(\.rawValue).joined(separator: ", ")), not \(pair.value.scalarText ?? pair.value.kindName)", pair.value.location)
                }
            case "inputs":
                guard let items = pair.value.items else {
                    fail("inputs should be a list of {name, in, type}", pair.value.location)
                    continue
                }
                for item in items {
                    guard let input = readInput(item, fail: fail) else { continue }
                    inputs.append(input)
                }
            case "outputs":
                guard let outputPairs = pair.value.pairs else {
                    fail("outputs should be a mapping of \(outputNames.joined(separator: ", ")) to JSONPath expressions", pair.value.location)
                    continue
                }
                for output in outputPairs {
                    let outputName = output.key.scalarText ?? ""
                    guard outputNames.contains(outputName) else {
                        fail("unknown output '\(outputName)'; the outputs are \(outputNames.joined(separator: ", "))", output.key.location)
                        continue
                    }
                    guard let path = output.value.scalarText, !output.value.isNull else {
                        fail("output \(outputName) should be a JSONPath expression such as $.data", output.value.location)
                        continue
                    }
                    outputs[outputName] = Output(path: path, location: output.value.location)
                }
            default:
                fail("unknown key '\(pair.key.scalarText ?? "")'; the keys are type, inputs and outputs", pair.key.location)
            }
        }
        guard let kind else {
            if valid { fail("type is missing", node.location) }
            return nil
        }
        guard valid else { return nil }
        return PaginationExtension(kind: kind, inputs: inputs, outputs: outputs, location: node.location)
    }

    private static func readInput(_ node: YAMLNode, fail: (String, SourceLocation) -> Void) -> Input? {
        guard node.pairs != nil else {
            fail("an input should be a mapping {name, in, type}", node.location)
            return nil
        }
        let name = node["name"]?.scalarText ?? ""
        let placement = node["in"]?.scalarText ?? ""
        let role = node["type"]?.scalarText ?? ""
        for key in node.pairs!.compactMap(\.key.scalarText) where !["name", "in", "type"].contains(key) {
            fail("unknown input key '\(key)'; an input has name, in and type", node.location)
            return nil
        }
        guard !name.isEmpty else {
            fail("an input needs a name", node.location)
            return nil
        }
        guard placements.contains(placement) else {
            fail("input \(name): in should be parameters or requestBody, not '\(placement)'", node["in"]?.location ?? node.location)
            return nil
        }
        guard roles.contains(role) else {
            fail("input \(name): type should be one of \(roles.joined(separator: ", ")), not '\(role)'", node["type"]?.location ?? node.location)
            return nil
        }
        return Input(name: name, placement: placement, role: role, location: node.location)
    }

    /// The first input playing a role.
    package func input(_ role: String) -> Input? {
        inputs.first { $0.role == role }
    }
}
