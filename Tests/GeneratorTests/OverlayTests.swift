import Foundation
import SDKGenCore
import Testing

/// OpenAPI Overlay 1.0: reading overlays, `update` (merge and append), `remove`, the order of actions, the
/// diagnostics, and the six real overlays of the OpenRouter API applied to its description.
@Suite struct OverlayTests {
    /// A document after an overlay, and the diagnostics on the way as printed.
    struct Outcome {
        var document: YAMLNode
        var diagnostics: [String]
        var failed: Bool
    }

    /// Applies `overlay` (YAML, named `overlay.yaml` in diagnostics) to `document` (`openapi.yaml`).
    static func apply(_ overlay: String, to document: String) throws -> Outcome {
        var root = try YAMLLoader().load(Array(document.utf8), file: "openapi.yaml").root
        var diagnostics = Diagnostics()
        do {
            let loaded = try YAMLLoader().load(Array(overlay.utf8), file: "overlay.yaml")
            try Overlay.read(loaded.root, diagnostics: &diagnostics).apply(to: &root, diagnostics: &diagnostics)
            return Outcome(document: root, diagnostics: diagnostics.sorted.map(\.description), failed: false)
        } catch {
            return Outcome(document: root, diagnostics: error.diagnostics.map(\.description), failed: true)
        }
    }

    /// `node` as compact JSON, keys in document order, to compare whole subtrees at a glance.
    static func json(_ node: YAMLNode?) -> String {
        guard let node else { return "absent" }
        switch node.content {
        case .mapping(let pairs):
            return "{" + pairs.map { "\"\($0.key.scalarText ?? "?")\":\(json($0.value))" }.joined(separator: ",") + "}"
        case .sequence(let items):
            return "[" + items.map { json($0) }.joined(separator: ",") + "]"
        case .scalar(let scalar):
            if case .string(let text) = scalar.value { return "\"\(text)\"" }
            return scalar.text
        }
    }

    static func node(_ query: String, in document: YAMLNode) throws -> YAMLNode? {
        try JSONPath(query).select(in: document).first.flatMap { document[$0] }
    }

    static let header = """
        overlay: 1.0.0
        info:
          title: Test overlay
          version: 1.0.0
        actions:

        """

    static let document = """
        openapi: 3.1.0
        info:
          title: API
          version: '1'
          x-tags: [a]
        tags:
          - name: one
        paths: {}
        """

    // MARK: update

    @Test func updateMergesMappingsRecursivelyConcatenatesListsAndReplacesScalars() throws {
        let outcome = try Self.apply(Self.header + """
              - target: $.info
                update:
                  title: New title
                  x-tags: [b, c]
                  contact:
                    name: Team
              - target: $
                update:
                  info:
                    contact:
                      email: team@example.com
            """, to: Self.document)
        #expect(outcome.diagnostics == [])
        #expect(Self.json(outcome.document["info"]) == #"{"title":"New title","version":"1","x-tags":["a","b","c"],"contact":{"name":"Team","email":"team@example.com"}}"#)
    }

    @Test func nodesFromTheOverlayKeepTheOverlaysLocations() throws {
        let outcome = try Self.apply(Self.header + """
              - target: $.info
                update:
                  title: New title
                  x-tags: [b]
            """, to: Self.document)
        let title = try #require(outcome.document["info"]?["title"])
        #expect(title.location.description == "overlay.yaml:8:14")
        let tags = try #require(outcome.document["info"]?["x-tags"]?.items)
        #expect(tags.map(\.location.description) == ["openapi.yaml:5:12", "overlay.yaml:9:16"])
        // The merged mapping itself stays where the document has it.
        #expect(outcome.document["info"]?.location.description == "openapi.yaml:3:3")
    }

    @Test func updatingAListAppendsAnEntryOrConcatenatesAList() throws {
        let outcome = try Self.apply(Self.header + """
              - target: $.tags
                update:
                  name: two
              - target: $.tags
                update:
                  - name: three
                  - name: four
            """, to: Self.document)
        #expect(outcome.diagnostics == [])
        #expect(Self.json(outcome.document["tags"]) == #"[{"name":"one"},{"name":"two"},{"name":"three"},{"name":"four"}]"#)
    }

    @Test func anUpdateAppliesToEverySelectedNode() throws {
        let outcome = try Self.apply(Self.header + """
              - target: $.paths.*.*
                update:
                  x-safe: true
            """, to: """
            openapi: 3.1.0
            paths:
              /a: {get: {operationId: a}, put: {operationId: b}}
              /b: {get: {operationId: c}}
            """)
        #expect(outcome.diagnostics == [])
        #expect(try JSONPath("$..[?@['x-safe'] == true]").select(in: outcome.document).map(\.description) == [
            "$['paths']['/a']['get']", "$['paths']['/a']['put']", "$['paths']['/b']['get']",
        ])
    }

    // MARK: remove

    @Test func removeDeletesMappingEntriesAndListItems() throws {
        let outcome = try Self.apply(Self.header + """
              - target: $.items[?@.drop == true]
                remove: true
              - target: $.meta.gone
                remove: true
            """, to: """
            items:
              - {name: a, drop: true}
              - {name: b}
              - {name: c, drop: true}
              - {name: d, drop: true}
              - {name: e}
            meta:
              keep: {x: 1}
              gone: {x: 2}
            """)
        #expect(outcome.diagnostics == [])
        #expect(Self.json(outcome.document) == #"{"items":[{"name":"b"},{"name":"e"}],"meta":{"keep":{"x":1}}}"#)
    }

    @Test func removingANodeAndItsDescendantsTogetherRemovesEachOnce() throws {
        let outcome = try Self.apply(Self.header + """
              - target: $..[?@.drop]
                remove: true
              - target: $.items[0,0]
                remove: true
            """, to: """
            items:
              - {drop: 1, children: [{drop: 2}, {name: kept}]}
              - {name: b, children: [{drop: 3}, {name: c}]}
              - {name: d}
            """)
        #expect(outcome.diagnostics == [])
        #expect(Self.json(outcome.document) == #"{"items":[{"name":"d"}]}"#)
    }

    // MARK: Order and diagnostics

    @Test func actionsApplyInOrderEachToThePreviousResult() throws {
        let removeThenCreate = try Self.apply(Self.header + """
              - target: $.info
                remove: true
              - target: $
                update:
                  info: {title: Recreated, version: '2'}
            """, to: Self.document)
        #expect(Self.json(removeThenCreate.document["info"]) == #"{"title":"Recreated","version":"2"}"#)

        let createThenRemove = try Self.apply(Self.header + """
              - target: $.info
                update:
                  contact: {name: Team}
              - target: $.info.contact
                remove: true
              - target: $.info.contact
                update:
                  name: Nobody
            """, to: Self.document)
        #expect(Self.json(createThenRemove.document["info"]) == #"{"title":"API","version":"1","x-tags":["a"]}"#)
        #expect(createThenRemove.diagnostics == [
            "overlay.yaml:11:13: warning: the target '$.info.contact' selects nothing, so the action has no effect",
        ])
    }

    @Test func aTargetThatSelectsNothingIsAWarningAtTheTarget() throws {
        let outcome = try Self.apply(Self.header + """
              - target: $.paths['/missing'].get
                update:
                  x-safe: true
            """, to: Self.document)
        #expect(!outcome.failed)
        #expect(outcome.diagnostics == [
            "overlay.yaml:6:13: warning: the target '$.paths['/missing'].get' selects nothing, so the action has no effect",
        ])
    }

    @Test func everyInvalidTargetIsAnErrorAtItsValue() throws {
        let outcome = try Self.apply(Self.header + """
              - target: $.paths.x-rate-limit
                remove: true
              - target: "$[?@.a = 1]"
                remove: true
            """, to: Self.document)
        #expect(outcome.failed)
        #expect(outcome.diagnostics == [
            "overlay.yaml:6:13: error: invalid JSONPath '$.paths.x-rate-limit' at offset 9 ('-'): expected a segment ('.name', '..name' or '[…]') or the end of the query; a member name with characters other than letters, digits and '_' must be quoted, as in ['x-rate-limit']",
            "overlay.yaml:8:13: error: invalid JSONPath '$[?@.a = 1]' at offset 7 ('='): expected a comparison operator, '&&', '||', ',' or ']'",
        ])
    }

    @Test func aTargetSelectingAScalarIsAnError() throws {
        let outcome = try Self.apply(Self.header + """
              - target: $.info.title
                update: New title
            """, to: Self.document)
        #expect(outcome.failed)
        #expect(outcome.diagnostics == [
            "overlay.yaml:6:13: error: the target '$.info.title' selects a string at $['info']['title']; Overlay 1.0 actions apply to mappings and lists, so target the one holding it",
        ])
    }

    @Test func anUpdateThatDoesNotFitItsTargetIsAnErrorAtTheUpdate() throws {
        let outcome = try Self.apply(Self.header + """
              - target: $.info
                update:
                  x-tags: {not: a list}
              - target: $.info
                update: [1, 2]
            """, to: Self.document)
        #expect(outcome.failed)
        #expect(outcome.diagnostics == [
            "overlay.yaml:8:15: error: cannot merge a mapping into a list at $['info']['x-tags']: an update merges mappings into mappings, lists into lists and scalars into scalars",
            "overlay.yaml:10:13: error: `update` must be a mapping to merge into the mapping at $['info'], found a list",
        ])
    }

    @Test func theOverlayDocumentIsChecked() throws {
        let version = try Self.apply("overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions: [{target: $, remove: true}]\n", to: Self.document)
        #expect(version.diagnostics == ["overlay.yaml:1:10: error: sdkgen applies Overlay Specification 1.0 documents (`overlay: 1.0.0`); this one is `1.1.0`"])

        let notAnOverlay = try Self.apply(Self.document, to: Self.document)
        #expect(notAnOverlay.diagnostics == ["overlay.yaml:1:1: error: not an Overlay document: the `overlay` version key is missing"])

        let noActions = try Self.apply("overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: []\n", to: Self.document)
        #expect(noActions.diagnostics == ["overlay.yaml:3:10: error: `actions` is empty; an overlay holds at least one action"])

        let loose = try Self.apply("""
            overlay: 1.0.2
            x-origin: tests
            actions:
              - target: $.info
                update: {x-checked: true}
                note: unknown
              - target: $.info
                remove: yes please
            """, to: Self.document)
        #expect(loose.diagnostics == [
            "overlay.yaml:1:1: warning: the overlay has no `info` (with `title` and `version`), which the Overlay Specification requires",
            "overlay.yaml:6:5: warning: `note` is not a field of an action in Overlay 1.0; it is ignored",
            "overlay.yaml:8:13: error: `remove` must be true or false, found a string",
        ])
    }

    @Test func removeWinsOverAnUpdateInTheSameAction() throws {
        let outcome = try Self.apply(Self.header + """
              - target: $.tags
                remove: true
                update: {name: ignored}
            """, to: Self.document)
        #expect(outcome.document["tags"] == nil)
        #expect(outcome.diagnostics == ["overlay.yaml:8:13: warning: the action removes its target, so its `update` has no effect"])
    }

    // MARK: The OpenRouter overlays

    static let sharedSpecs = PackagePaths.root.deletingLastPathComponent().appendingPathComponent("shared/specs/real")
    static let openRouterSpec = sharedSpecs.appendingPathComponent("openrouter.yaml").path
    static let hasSharedSpecs = FileManager.default.fileExists(atPath: openRouterSpec)
    static let skipMessage: Comment = "needs ../shared/specs/real/openrouter.yaml and openrouter-overlays/ beside the package"

    /// The OpenRouter overlays, in the order of their file names.
    static func openRouterOverlays() throws -> [String] {
        let folder = sharedSpecs.appendingPathComponent("openrouter-overlays")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".overlay.yaml") }
            .sorted()
            .map { folder.appendingPathComponent($0).path }
    }

    static func count(_ query: String, in document: YAMLNode) throws -> Int {
        try JSONPath(query).select(in: document).count
    }

    @Test(.enabled(if: hasSharedSpecs, skipMessage))
    func theOpenRouterOverlaysHaveTheirEffects() async throws {
        let overlayPaths = try Self.openRouterOverlays()
        #expect(overlayPaths.map { URL(fileURLWithPath: $0).lastPathComponent } == [
            "add-headers.overlay.yaml", "allof-simplify.overlay.yaml", "boolean-query-params.overlay.yaml",
            "deprecated-beta-responses-alias.overlay.yaml", "open-enums.overlay.yaml", "remove-rss-responses.overlay.yaml",
        ])
        let (original, document, diagnostics, elapsed) = try await offTheCooperativePool {
            let original = try YAMLLoader().load(contentsOf: Self.openRouterSpec).root
            var diagnostics = Diagnostics()
            let overlays = try overlayPaths.map { try Overlay.load(contentsOf: $0, diagnostics: &diagnostics) }
            var document = original
            let start = ContinuousClock.now
            for overlay in overlays {
                try overlay.apply(to: &document, diagnostics: &diagnostics)
            }
            return (original, document, diagnostics, ContinuousClock.now - start)
        }
        // This version of the description has no inline enum beside a $ref in an allOf any more.
        #expect(diagnostics.all.map(\.description) == [
            "\(overlayPaths[1]):7:13: warning: the target '$..allOf[?@.enum && !@['$ref']]' selects nothing, so the action has no effect",
        ])
        // A guard against quadratic behaviour, not a measurement (BENCHMARKS.md has those): about 1 s in a debug build
        // on a quiet machine, up to 8 s with other builds running, and minutes when quadratic.
        #expect(elapsed < .seconds(30), "applying the overlays took \(elapsed)")

        // add-headers: the global parameters and the components they refer to.
        #expect(try JSONPath("$['x-speakeasy-globals'].parameters[*]['$ref']").select(in: document).compactMap { document[$0]?.string } == [
            "#/components/parameters/AppIdentifier", "#/components/parameters/AppDisplayName",
        ])
        let appIdentifier = try #require(try Self.node("$.components.parameters.AppIdentifier", in: document))
        #expect(appIdentifier["name"]?.string == "HTTP-Referer")
        #expect(appIdentifier.location.file == overlayPaths[0])
        #expect(try Self.node("$.components.parameters.AppDisplayName.name", in: document)?.string == "X-Title")

        // boolean-query-params: string parameters marked boolean are booleans.
        let booleanSchemas = #"$..parameters[?@.schema["x-openrouter-type"] == "boolean"].schema"#
        #expect(try JSONPath(booleanSchemas).select(in: original).allSatisfy { original[$0]?["type"]?.string == "string" })
        let converted = try JSONPath(booleanSchemas).select(in: document)
        #expect(converted.count > 0)
        #expect(converted.allSatisfy { document[$0]?["type"]?.string == "boolean" })
        #expect(try Self.node("$.paths['/keys'].get.parameters[?@.name == 'include_disabled'].schema.type", in: document)?.string == "boolean")

        // deprecated-beta-responses-alias: a second tag on the operation, and its definition.
        #expect(Self.json(try Self.node("$.paths['/responses'].post.tags", in: document)) == #"["Responses","beta.responses"]"#)
        #expect(try Self.node("$.tags[-1].name", in: document)?.string == "beta.responses")
        #expect(try Self.count("$.tags[*]", in: document) == Self.count("$.tags[*]", in: original) + 1)

        // open-enums: every enum of more than one value is open.
        let enums = try Self.count("$..[?length(@.enum) > 1]", in: document)
        #expect(enums > 0)
        #expect(try Self.count("$..[?length(@.enum) > 1 && @['x-speakeasy-unknown-values'] == 'allow']", in: document) == enums)
        #expect(try Self.count("$..[?@['x-speakeasy-unknown-values']]", in: original) == 0)

        // remove-rss-responses: the RSS content and its two parameters are gone.
        let rssContent = #"$..responses.*.content["application/rss+xml"]"#
        #expect(try Self.count(rssContent, in: original) > 0)
        #expect(try Self.count(rssContent, in: document) == 0)
        #expect(try Self.count("$..parameters[?@.name == 'use_rss' || @.name == 'use_rss_chat_links']", in: original) == 2)
        #expect(try Self.count("$..parameters[?search(@.name, '^use_rss')]", in: document) == 0)
        #expect(try Self.count("$..parameters[?match(@.name, 'use_rss.*')]", in: document) == 0)
    }

    @Test(.enabled(if: hasSharedSpecs, skipMessage))
    func theAllOfOverlayRemovesInlineEnumsBesideAReference() throws {
        var diagnostics = Diagnostics()
        let overlay = try Overlay.load(contentsOf: Self.openRouterOverlays()[1], diagnostics: &diagnostics)
        var document = try YAMLLoader().load(Array("""
            components:
              schemas:
                Effort:
                  allOf:
                    - $ref: '#/components/schemas/BaseEffort'
                    - {enum: [low, high], type: string}
                    - {description: kept}
                BaseEffort: {enum: [low, high], type: string}
            """.utf8), file: "openapi.yaml").root
        try overlay.apply(to: &document, diagnostics: &diagnostics)
        #expect(diagnostics.all.isEmpty)
        #expect(Self.json(document["components"]?["schemas"]?["Effort"]) == ##"{"allOf":[{"$ref":"#/components/schemas/BaseEffort"},{"description":"kept"}]}"##)
        #expect(Self.json(document["components"]?["schemas"]?["BaseEffort"]) == #"{"enum":["low","high"],"type":"string"}"#)
    }

    @Test(.enabled(if: hasSharedSpecs, skipMessage))
    func theOpenRouterSDKGeneratesWithTheOverlays() async throws {
        let overlayPaths = try Self.openRouterOverlays()
        let output = try await offTheCooperativePool {
            try SDKGenerator.generate(.init(
                specPath: Self.openRouterSpec, templatesPath: PackagePaths.templates, moduleName: "OpenRouter",
                overlayPaths: overlayPaths))
        }
        #expect(output.files.contains { $0.path == "OpenRouter/OpenRouter.swift" })
        #expect(!output.diagnostics.contains { $0.severity == .error })
    }

    @Test func lintReportsWhatAnOverlayDoes() throws {
        let folder = try PackagePaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = folder.appendingPathComponent("openapi.yaml")
        let overlay = folder.appendingPathComponent("fix.overlay.yaml")
        try "openapi: 3.1.0\ninfo: {title: x, version: '1'}\npaths: {}\n".write(to: spec, atomically: true, encoding: .utf8)
        try (Self.header + """
              - target: $.components
                update: {x-nothing: true}
              - target: $.info
                update: {version: [2]}
            """).write(to: overlay, atomically: true, encoding: .utf8)
        let diagnostics = SDKGenerator.lint(.init(specPath: spec.path, moduleName: "", overlayPaths: [overlay.path]))
            .map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
        #expect(diagnostics == [
            "fix.overlay.yaml:6:13: warning: the target '$.components' selects nothing, so the action has no effect",
            "fix.overlay.yaml:9:23: error: cannot merge a list into a string at $['info']['version']: an update merges mappings into mappings, lists into lists and scalars into scalars",
        ])
    }
}
