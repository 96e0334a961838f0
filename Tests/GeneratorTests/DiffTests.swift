import Foundation
import SDKGenCore
import Testing

/// `sdkgen diff`: each kind of change between two versions of a spec, found in the SDK's terms and classified.
@Suite struct DiffTests {
    static let fixtures = PackagePaths.root.appendingPathComponent("Tests/Fixtures/diff")

    /// The diff of `Tests/Fixtures/diff/<name>/old.yaml` and `new.yaml`, a Pets API whose module is `Pets`.
    static func diff(_ name: String) throws -> APIDiff {
        let folder = fixtures.appendingPathComponent(name)
        return try SDKGenerator.diff(old: .init(specPath: folder.appendingPathComponent("old.yaml").path, moduleName: "Pets"),
                                     new: .init(specPath: folder.appendingPathComponent("new.yaml").path, moduleName: "Pets"))
    }

    /// One change a fixture pair must produce, its location as `old.yaml:line:column` or `new.yaml:line:column`.
    struct Expected: Sendable, CustomTestStringConvertible {
        var fixture: String
        var kind: APIChange.Kind
        var classification: APIChange.Classification
        var symbol: String
        var location: String

        init(_ fixture: String, _ kind: APIChange.Kind, _ classification: APIChange.Classification, _ symbol: String, at location: String) {
            self.fixture = fixture
            self.kind = kind
            self.classification = classification
            self.symbol = symbol
            self.location = location
        }

        var testDescription: String { fixture }
    }

    static let singleChanges: [Expected] = [
        Expected("operation-added", .operationAdded, .compatible, "Pets.pets.getPet(petID:)", at: "new.yaml:47:7"),
        Expected("operation-removed", .operationRemoved, .breaking, "Pets.pets.getPet(petID:)", at: "old.yaml:47:7"),
        Expected("operation-renamed", .operationRenamed, .breaking, "Pets.pets.listPets(limit:)", at: "new.yaml:12:7"),
        Expected("parameter-added-required", .parameterAdded, .breaking, "Pets.pets.listPets(limit:)", at: "new.yaml:20:11"),
        Expected("parameter-added-optional", .parameterAdded, .compatible, "Pets.pets.listPets(limit:)", at: "new.yaml:20:11"),
        Expected("parameter-removed", .parameterRemoved, .breaking, "Pets.pets.listPets(limit:)", at: "old.yaml:15:11"),
        Expected("parameter-became-required", .parameterBecameRequired, .breaking, "Pets.pets.listPets(limit:)", at: "new.yaml:15:11"),
        Expected("parameter-became-optional", .parameterBecameOptional, .compatible, "Pets.pets.listPets(limit:)", at: "new.yaml:15:11"),
        Expected("parameter-type-changed", .parameterTypeChanged, .breaking, "Pets.pets.listPets(limit:)", at: "new.yaml:15:11"),
        Expected("parameters-reordered", .parametersReordered, .breaking, "Pets.pets.listPets(limit:owner:)", at: "new.yaml:15:11"),
        Expected("request-field-added-required", .fieldAdded, .breaking, "NewPet.owner", at: "new.yaml:69:9"),
        Expected("request-field-added-optional", .fieldAdded, .compatible, "NewPet.owner", at: "new.yaml:69:9"),
        Expected("request-field-removed", .fieldRemoved, .breaking, "NewPet.tag", at: "old.yaml:67:9"),
        Expected("response-field-added", .fieldAdded, .compatible, "Pet.age", at: "new.yaml:59:9"),
        Expected("response-field-removed", .fieldRemoved, .breaking, "Pet.status", at: "old.yaml:59:9"),
        Expected("response-field-became-optional", .fieldBecameOptional, .breaking, "Pet.name", at: "new.yaml:57:9"),
        Expected("response-field-became-required", .fieldBecameRequired, .breaking, "Pet.status", at: "new.yaml:59:9"),
        Expected("type-widened", .fieldTypeChanged, .breaking, "Pet.id", at: "new.yaml:55:9"),
        Expected("enum-value-added", .enumValueAdded, .compatible, "PetStatus.pending", at: "new.yaml:71:25"),
        Expected("enum-value-removed", .enumValueRemoved, .breaking, "PetStatus.sold", at: "old.yaml:71:25"),
        Expected("security-tightened", .securityTightened, .breaking, "Pets.pets.listPets(limit:)", at: "new.yaml:12:7"),
        Expected("global-header-added", .globalHeaderAdded, .compatible, "Pets.init(xRequestSource:)", at: "new.yaml:9:7"),
        Expected("error-case-added", .errorCaseAdded, .breaking, "PetsError.tooManyRequests", at: "new.yaml:51:9"),
        Expected("error-case-removed", .errorCaseRemoved, .breaking, "PetsError.serverError", at: "old.yaml:51:9"),
        Expected("server-url-changed", .serverURLChanged, .compatible, "Pets.defaultServerURL", at: "new.yaml:6:5"),
        Expected("operation-deprecated", .operationDeprecated, .compatible, "Pets.pets.listPets(limit:)", at: "new.yaml:12:7"),
        Expected("security-relaxed", .securityRelaxed, .compatible, "Pets.pets.createPet(body:)", at: "new.yaml:30:7"),
    ]

    static func located(_ change: APIChange) -> String {
        "\(URL(fileURLWithPath: change.location.file).lastPathComponent):\(change.location.line):\(change.location.column)"
    }

    @Test(arguments: singleChanges)
    func eachKindOfChangeIsReportedAloneWithItsClassSymbolAndLocation(_ expected: Expected) throws {
        let diff = try Self.diff(expected.fixture)
        #expect(diff.changes.count == 1, "\(diff.changes)")
        let change = try #require(diff.changes.first)
        #expect(change.kind == expected.kind)
        #expect(change.classification == expected.classification)
        #expect(change.symbol == expected.symbol)
        #expect(Self.located(change) == expected.location)
        #expect(diff.versionBump == (expected.classification == .breaking ? .major : .minor))
    }

    @Test func aStringBecomingAnEnumIsANarrowedTypeAndANewEnum() throws {
        let diff = try Self.diff("type-narrowed")
        #expect(diff.changes.map { "\($0.classification) \($0.kind) \($0.symbol) \(Self.located($0))" } == [
            "breaking fieldTypeChanged Pet.name new.yaml:57:9",
            "compatible modelAdded PetName new.yaml:58:11",
        ])
        #expect(diff.changes.first?.message == "the type of `name` changes from `String` to `PetName` (narrowed: string to enum)")
    }

    @Test func aTupleElementIsComparedByPosition() throws {
        let diff = try Self.diff("tuple-element-retyped")
        #expect(diff.changes.map { "\($0.classification) \($0.kind) \($0.symbol) \(Self.located($0))" } == [
            "breaking fieldTypeChanged Position.item1 new.yaml:78:11",
        ])
        #expect(diff.changes.first?.message == "the type of `item1` changes from `Double` to `String`")
    }

    /// A second scheme renames the client's credential arguments: `apiKey`, the bearer token so far, now sends the
    /// new API key, which code passing its token as `apiKey:` must hear about.
    @Test func aSecondSchemeThatReusesTheCredentialLabelIsBreaking() throws {
        let diff = try Self.diff("second-credential")
        #expect(diff.changes.map { "\($0.classification) \($0.kind) \($0.symbol) \(Self.located($0))" } == [
            "breaking credentialChanged Pets.init(apiKey:) new.yaml:54:7",
            "compatible credentialAdded Pets.init(bearer:) new.yaml:51:7",
            // createPet's own security now names other schemes than the document's: its optional `security:` argument.
            "compatible parameterAdded Pets.pets.createPet(body:) new.yaml:30:7",
            "compatible securityRelaxed Pets.pets.createPet(body:) new.yaml:30:7",
        ])
    }

    @Test func serverVariablesAreArgumentsAndTheDefaultURLIsWhereCallsGo() throws {
        let diff = try Self.diff("server-variables")
        #expect(diff.changes.map { "\($0.classification) \($0.kind) \($0.symbol) \(Self.located($0))" } == [
            "breaking serverVariableRemoved Pets.serverURL(region:version:) old.yaml:10:7",
            "compatible serverURLChanged Pets.defaultServerURL new.yaml:6:5",
            "compatible serverVariableAdded Pets.serverURL(region:stage:) new.yaml:10:7",
            "compatible serverVariableDefaultChanged Pets.serverURL(region:version:) new.yaml:8:7",
        ])
        #expect(diff.changes.map(\.message) == [
            "the server variable `version` is removed, and the argument `version` with it",
            "the default server is `https://us.pets.example.com/prod` instead of `https://eu.pets.example.com/v1`: "
                + "calls from a client created without `serverURL:` go there",
            "the server variable `stage` is added as the argument `stage: String = \"prod\"`",
            "the server variable `region` defaults to \"us\" instead of \"eu\"",
        ])
    }

    @Test func aTypeOrPropertyNewlyDeprecatedIsCompatibleButReported() throws {
        let diff = try Self.diff("model-deprecated")
        #expect(diff.changes.map { "\($0.classification) \($0.kind) \($0.symbol) \(Self.located($0))" } == [
            "compatible modelDeprecated NewPet new.yaml:62:7",
            "compatible fieldDeprecated NewPet.tag new.yaml:68:9",
        ])
        #expect(diff.versionBump == .minor)
    }

    @Test func aNewRetryPolicyIsCompatibleAndSaysWhatCallsNowDo() throws {
        let diff = try Self.diff("retries-changed")
        #expect(diff.changes.map { "\($0.classification) \($0.kind) \($0.symbol) \(Self.located($0))" } == [
            "compatible retryPolicyChanged Pets.pets.createPet(body:) new.yaml:33:7",
            "compatible retryPolicyChanged RetryConfig.default new.yaml:10:3",
        ])
        let messages = diff.changes.map(\.message)
        #expect(messages[0].hasPrefix("the function's own retry policy changes: The policy the spec sets for this operation with `x-sdkgen-retries`"))
        #expect(messages[0].hasSuffix("retry statuses 503, and connection errors. It was: none; it used the client's."))
        #expect(messages[1].contains("retry statuses 5XX, and connection errors. It was: sdkgen's default policy"))
    }

    @Test func addingAnErrorCaseSaysWhyItBreaksExhaustiveSwitches() throws {
        #expect(try Self.diff("error-case-added").changes.map(\.message) == [
            "a case is added to the exhaustive error enum for status 429: a `switch` over `PetsError` without `default:` "
                + "no longer compiles, and those statuses are no longer thrown as the case that caught them",
        ])
    }

    @Test func aVersionBelowWhatTheChangesNeedIsFlagged() throws {
        let diff = try Self.diff("breaking-with-minor-version")
        #expect(diff.versionBump == .major)
        #expect(diff.versionShortfall == "info.version goes from 1.0.0 to 1.1.0, a minor bump, but the changes need a major one")
        let report = APIDiffReport.render(diff, format: .markdown, oldName: "v1.yaml", newName: "v2.yaml")
        #expect(report.contains("> **Warning:** info.version goes from 1.0.0 to 1.1.0, a minor bump, but the changes need a major one"))
        let json = APIDiffReport.render(diff, format: .json, oldName: "v1.yaml", newName: "v2.yaml")
        #expect(json.contains(#""versionShortfall" : "info.version goes from 1.0.0 to 1.1.0, a minor bump, but the changes need a major one""#))
        #expect(try Self.diff("unchanged").versionShortfall == nil)
    }

    /// The version rules on their own: the changes' bump against the two `info.version`s.
    @Test(arguments: [
        // (changes, old, new, expected shortfall)
        (APIChange.Classification.breaking, "1.4.2", "2.0.0", nil),
        (.breaking, "1.4.2", "1.5.0", "info.version goes from 1.4.2 to 1.5.0, a minor bump, but the changes need a major one"),
        (.breaking, "v1.4.2", "v1.4.2", "info.version stays v1.4.2, but the changes need a major one"),
        (.breaking, "0.3.1", "0.4.0", nil),
        (.breaking, "0.3.1", "0.3.2", "info.version goes from 0.3.1 to 0.3.2, a patch bump, but the changes need a minor one"),
        (.compatible, "1.4", "1.5-beta.1", nil),
        (.compatible, "1.4.2", "1.4.3", "info.version goes from 1.4.2 to 1.4.3, a patch bump, but the changes need a minor one"),
        (.compatible, "2.0.0", "1.9.0", "info.version goes down, from 2.0.0 to 1.9.0"),
        (.compatible, "2024-01-01", "2024-02-01", nil),
    ] as [(APIChange.Classification, String, String, String?)])
    func versionShortfall(_ classification: APIChange.Classification, _ old: String, _ new: String, _ expected: String?) {
        let change = APIChange(.fieldAdded, classification, at: SourceLocation(file: "new.yaml", line: 1, column: 1), symbol: "Pet.age", message: "")
        #expect(APIDiff(changes: [change], oldVersion: old, newVersion: new).versionShortfall == expected)
    }

    @Test func theMessagesSayWhatChangedInSwift() throws {
        #expect(try Self.diff("parameter-added-required").changes.map(\.message)
            == ["the required argument `owner: String` (query parameter `owner`) is added"])
        #expect(try Self.diff("response-field-became-optional").changes.map(\.message)
            == ["`name` may now be absent (`String` → `String?`); `Pet` is only received in responses"])
        #expect(try Self.diff("response-field-became-required").changes.map(\.message)
            == ["`status` is now always present (`PetStatus?` → `PetStatus`), so code unwrapping it no longer compiles; "
                + "`Pet` is only received in responses"])
        #expect(try Self.diff("operation-renamed").changes.map(\.message)
            == ["the function for `GET /pets` is renamed to `Pets.pets.findPets(limit:)`"])
    }

    @Test func aSpecComparedWithItselfHasNoChanges() throws {
        let diff = try Self.diff("unchanged")
        #expect(diff.changes.isEmpty)
        #expect(diff.versionBump == .none)
        #expect(diff.exitStatus(failOnBreaking: true) == 0)
        #expect(APIDiffReport.render(diff, format: .text, oldName: "v1.yaml", newName: "v2.yaml")
            == "No API changes from v1.yaml to v2.yaml; suggested version bump: none\n")
    }

    @Test func failOnBreakingExitsOneOnARemovedFieldAndZeroOnAnAddedOptionalParameter() throws {
        #expect(try Self.diff("response-field-removed").exitStatus(failOnBreaking: true) == 1)
        #expect(try Self.diff("response-field-removed").exitStatus(failOnBreaking: false) == 0)
        #expect(try Self.diff("parameter-added-optional").exitStatus(failOnBreaking: true) == 0)
    }

    @Test func anInvalidSpecThrowsLocatedErrors() throws {
        let folder = Self.fixtures.appendingPathComponent("invalid")
        do {
            _ = try SDKGenerator.diff(old: .init(specPath: Self.fixtures.appendingPathComponent("unchanged/old.yaml").path, moduleName: "Pets"),
                                      new: .init(specPath: folder.appendingPathComponent("new.yaml").path, moduleName: "Pets"))
            Issue.record("expected an error")
        } catch {
            let errors = error.diagnostics.filter { $0.severity == .error }
            #expect(!errors.isEmpty)
            #expect(errors.allSatisfy { $0.location?.file.hasSuffix("invalid/new.yaml") == true }, "\(errors)")
        }
    }

    // MARK: Reports

    @Test func theMarkdownReportPutsTheVersionBumpOnTopAndSortsBreakingFirst() throws {
        let report = APIDiffReport.render(try Self.diff("type-narrowed"), format: .markdown, oldName: "v1.yaml", newName: "v2.yaml")
        #expect(report == """
            ## API changes

            **Suggested version bump: major** (1 breaking, 1 compatible; from `v1.yaml` to `v2.yaml`)

            > **Warning:** info.version stays 1.0.0, but the changes need a major one

            ### Breaking

            - `Pet.name`: the type of `name` changes from `String` to `PetName` (narrowed: string to enum)

            ### Compatible

            - `PetName`: the enum is added

            """)
    }

    @Test func theTextReportHasOneCompilerStyleLinePerChange() throws {
        let diff = try Self.diff("enum-value-removed")
        let report = APIDiffReport.render(diff, format: .text, oldName: "v1.yaml", newName: "v2.yaml")
        let location = diff.changes[0].location
        #expect(report == """
            \(location): breaking: PetStatus.sold: the value "sold" is removed, and its case with it
            v1.yaml → v2.yaml: 1 breaking, 0 compatible; suggested version bump: major
            v2.yaml: warning: info.version stays 1.0.0, but the changes need a major one

            """)
    }

    @Test func theJSONReportDecodesBackToTheChanges() throws {
        let diff = try Self.diff("parameter-added-optional")
        let report = APIDiffReport.render(diff, format: .json, oldName: "v1.yaml", newName: "v2.yaml")
        struct Report: Decodable {
            var versionBump: String
            var breaking: Int
            var compatible: Int
            var changes: [APIChange]
        }
        let decoded = try JSONDecoder().decode(Report.self, from: Data(report.utf8))
        #expect(decoded.versionBump == "minor")
        #expect(decoded.breaking == 0 && decoded.compatible == 1)
        #expect(decoded.changes == diff.changes)
    }

    // MARK: The command

    /// The `sdkgen` built beside the tests, which `swift test` builds with them.
    static let sdkgen = PackagePaths.root.appendingPathComponent(".build/debug/sdkgen")

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try runProcess(sdkgen, arguments)
    }

    static func failOnBreaking(_ fixture: String) -> [String] {
        ["diff", "--module-name", "Pets", "--fail-on-breaking",
         fixtures.appendingPathComponent("\(fixture)/old.yaml").path, fixtures.appendingPathComponent("\(fixture)/new.yaml").path]
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: sdkgen.path), "needs .build/debug/sdkgen, which swift test builds"))
    func theCommandExitsOneOnlyForBreakingChangesWithFailOnBreakingAndTwoOnAnInvalidSpec() async throws {
        let removedField = try await offTheCooperativePool { try Self.run(Self.failOnBreaking("response-field-removed")) }
        #expect(removedField.status == 1, "\(removedField.output)")
        #expect(removedField.output.contains("breaking: Pet.status: the property `status: PetStatus?` is removed"))

        let addedOptional = try await offTheCooperativePool { try Self.run(Self.failOnBreaking("parameter-added-optional")) }
        #expect(addedOptional.status == 0, "\(addedOptional.output)")

        let invalid = try await offTheCooperativePool {
            try Self.run(["diff", Self.fixtures.appendingPathComponent("unchanged/old.yaml").path,
                          Self.fixtures.appendingPathComponent("invalid/new.yaml").path])
        }
        #expect(invalid.status == 2, "\(invalid.output)")
        #expect(invalid.output.contains("invalid/new.yaml:"), "\(invalid.output)")
        #expect(invalid.output.contains(": error: "), "\(invalid.output)")
    }

    // MARK: Real specs

    static let realSpecs = PackagePaths.root.deletingLastPathComponent().appendingPathComponent("shared/specs/real")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: realSpecs.appendingPathComponent("openrouter.yaml").path),
                   "needs ../shared/specs/real/openrouter.yaml beside the package (a fresh clone has no ../shared)"))
    func anOverlaidOpenRouterSpecShowsExactlyTheChangesTheOverlayMakes() async throws {
        let spec = Self.realSpecs.appendingPathComponent("openrouter.yaml").path
        let overlay = Self.fixtures.appendingPathComponent("openrouter-changes.overlay.yaml").path
        let diff = try await offTheCooperativePool {
            try SDKGenerator.diff(old: .init(specPath: spec, moduleName: "OpenRouter"), new: .init(specPath: spec, moduleName: "OpenRouter", overlayPaths: [overlay]))
        }
        #expect(diff.changes.map { "\($0.classification) \($0.kind) \($0.symbol) \(Self.located($0))" } == [
            "breaking fieldRemoved GetCreditsResponseData.totalUsage openrouter.yaml:28735:23",
            "compatible enumValueAdded AnthropicImageMimeType.imageAvif openrouter-changes.overlay.yaml:18:13",
            "compatible parameterAdded OpenRouter.credits.getCredits() openrouter-changes.overlay.yaml:10:11",
        ])
        #expect(diff.versionBump == .major)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: realSpecs.appendingPathComponent("github.yaml").path),
                   "needs ../shared/specs/real/github.yaml beside the package (a fresh clone has no ../shared)"))
    func theGitHubSpecComparedWithItselfHasNoChanges() async throws {
        let spec = Self.realSpecs.appendingPathComponent("github.yaml").path
        let diff = try await offTheCooperativePool {
            try SDKGenerator.diff(old: .init(specPath: spec, moduleName: "GitHub"), new: .init(specPath: spec, moduleName: "GitHub"))
        }
        #expect(diff.changes.isEmpty, "\(diff.changes.prefix(5))")
    }
}
