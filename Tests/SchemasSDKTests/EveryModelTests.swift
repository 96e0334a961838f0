import Foundation
import SchemasSDK
import Testing

/// Every model of SchemasSDK named unqualified in a file that imports Foundation too: a model named like a
/// type of Foundation, Dispatch or the standard library (`Thread`, `Expression`) would make this ambiguous
/// and the file would not compile. The SDK's generated names avoid them (`Thread2`).
@Suite struct EveryModelTests {
    static let models: [Any.Type] = [
        Adoption.self,
        Benchmark.self,
        Cat.self,
        CheckRun.self,
        CheckRunOption1.self,
        CheckRunOption1Status.self,
        CheckRunOption2.self,
        CheckRunOption2Status.self,
        CheckRunOutput.self,
        Content.self,
        ContentPart.self,
        Coordinates.self,
        Dog.self,
        Employee.self,
        Enclosure.self,
        EndpointStatus.self,
        Event.self,
        Expression2.self,
        FileEnclosure.self,
        FilePage.self,
        GeoPoint.self,
        Keeper.self,
        Kennel.self,
        KennelRowItem.self,
        LinkEnclosure.self,
        LocalFilePage.self,
        LocalFilePageLinks.self,
        LocalFilePageShape.self,
        LogLine.self,
        Manager.self,
        MessageEvent.self,
        MessageEventType.self,
        Notification2.self,
        Permissions.self,
        Pet.self,
        PetBase.self,
        PresenceEvent.self,
        Profile.self,
        ProfileAddress.self,
        ProfileMode.self,
        ProfileTagsItem.self,
        ReactionEvent.self,
        RemoteFilePage.self,
        RemoteFilePageShape.self,
        RunBenchmark.self,
        RunBenchmarkBenchmarkType.self,
        RunBenchmarkSource.self,
        ScoreBenchmark.self,
        ScoreBenchmarkSource.self,
        SearchBenchmark.self,
        SearchBenchmarkBenchmarkType.self,
        SearchBenchmarkSource.self,
        Session.self,
        Stats.self,
        StatsReport.self,
        Status.self,
        StatusEvent.self,
        StatusEventType.self,
        StoredFile.self,
        Sum.self,
        Thread2.self,
        TreeNode.self,
        Yard.self,
    ]

    @Test func everyModelIsNamedHere() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/Generated/Schemas/SchemasSDK/Models").standardized
        var declared: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ")
                guard words.first == "public", let keyword = words.firstIndex(where: { $0 == "struct" || $0 == "enum" }),
                      keyword + 1 < words.count else { continue }
                declared.append(String(words[keyword + 1].prefix { $0.isLetter || $0.isNumber || $0 == "_" }))
            }
        }
        #expect(Self.models.map { String(describing: $0) }.sorted() == declared.sorted())
    }

    @Test func foundationsTypesAreStillTheirs() {
        // Unqualified, these are Foundation's: the SDK's are `Thread2` and `Notification2`.
        #expect(Thread.self == Foundation.Thread.self)
        #expect(Notification.self == Foundation.Notification.self)
        #expect(Thread2(id: "t").id == "t")
    }
}
