import Foundation
import SchemasSDK
import Testing

/// The Swift the generator makes of each schema construct, exercised by decoding and encoding JSON.
/// The SDK is generated from Tests/Fixtures/schemas.yaml.
@Suite struct SchemaDecodingTests {
    private func decode<Value: Decodable>(_ type: Value.Type, _ json: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    private func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func aDiscriminatedUnionPicksTheCaseByItsProperty() throws {
        let pets = try decode([Pet].self, #"[{"kind":"cat","name":"Tom","lives":9},{"kind":"dog","name":"Rex","good":true}]"#)
        #expect(pets == [
            .cat(Cat(kind: "cat", name: "Tom", lives: 9)),
            .dog(Dog(kind: "dog", name: "Rex", good: true)),
        ])
        #expect(try json(pets[0]) == #"{"kind":"cat","lives":9,"name":"Tom"}"#)
    }

    @Test func withoutAFullMappingEachMemberSaysItsOwnDiscriminatorValue() throws {
        let payload = #"[{"text":"hi","type":"message"},{"emoji":"👍","type":"reaction_added"},{"type":"status_on"},{"type":"status_off"},{"type":"presence","user":"u1"}]"#
        let events = try decode([Event].self, payload)
        #expect(events == [
            .messageEvent(MessageEvent(type: .message, text: "hi")),
            .reactionEvent(ReactionEvent(type: "reaction_added", emoji: "👍")),
            .statusEvent(StatusEvent(type: .statusOn)),
            .statusEvent(StatusEvent(type: .statusOff)),
            .presenceEvent(PresenceEvent(type: "presence", user: "u1")),
        ])
        #expect(try json(events) == payload)
    }

    @Test func theMembersOfAUnionHaveThePropertiesDeclaredBesideIt() throws {
        let completed = #"{"conclusion":"success","name":"build","output":{"title":"ok"},"status":"completed"}"#
        let queued = #"{"name":"build","status":"queued"}"#
        let runs = try decode([CheckRun].self, "[\(completed),\(queued)]")
        #expect(runs == [
            .checkRunOption1(CheckRunOption1(name: "build", status: .completed, output: CheckRunOutput(title: "ok"), conclusion: "success")),
            .checkRunOption2(CheckRunOption2(name: "build", status: .queued)),
        ])
        #expect(try json(runs) == "[\(completed),\(queued)]")
    }

    /// `Adoption` is an `allOf` of the union `Pet` and an object of its own: one JSON object holds both.
    @Test func anAllOfOfAUnionAndAnObjectHoldsTheUnionsValueBesideItsProperties() throws {
        let payload = #"{"adopter":"Ann","kind":"cat","lives":9,"name":"Tom","since":"2026-12-01T10:00:00Z"}"#
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var adoption = try decoder.decode(Adoption.self, from: Data(payload.utf8))
        #expect(adoption.adopter == "Ann")
        #expect(adoption.since == Date(timeIntervalSince1970: 1_796_119_200))
        guard case .cat(let cat) = adoption.value else {
            Issue.record("expected a cat, got \(adoption.value)")
            return
        }
        #expect(cat.name == "Tom" && cat.lives == 9)
        // The member does not see the struct's keys: it keeps only the other keys it does not declare, and what the
        // struct holds is what is sent, a property set to `nil` included.
        #expect(cat.additionalProperties.isEmpty)
        adoption.adopter = "Bob"
        adoption.since = nil
        #expect(try json(adoption) == #"{"adopter":"Bob","kind":"cat","lives":9,"name":"Tom"}"#)
        let withMore = try decode(Adoption.self, #"{"adopter":"Ann","collar":"red","kind":"cat","lives":9,"name":"Tom"}"#)
        #expect(try json(withMore) == #"{"adopter":"Ann","collar":"red","kind":"cat","lives":9,"name":"Tom"}"#)
        // A union member's value with nothing beside it fails as the union does: the object has no `adopter`.
        #expect(throws: DecodingError.self) { try self.decode(Adoption.self, #"{"kind":"dog","name":"Rex"}"#) }
    }

    @Test func aDiscriminatorValueNoMemberClaimsIsKeptAndReEncoded() throws {
        let payload = #"{"id":7,"participants":["a","b"],"type":"call_started"}"#
        let event = try decode(Event.self, payload)
        guard case .unknown(let value) = event else {
            Issue.record("expected .unknown, got \(event)")
            return
        }
        #expect(value == .object(["type": .string("call_started"), "id": .int(7), "participants": .array([.string("a"), .string("b")])]))
        #expect(try json(event) == payload)
        // The same for a union with a full mapping.
        let pet = try decode(Pet.self, #"{"kind":"parrot","name":"Polly"}"#)
        #expect(try json(pet) == #"{"kind":"parrot","name":"Polly"}"#)
    }

    @Test func requiredPropertiesTheSpecsExampleLeavesOutAreOptionalSoTheExampleDecodes() throws {
        // The response example of listFiles in schemas.yaml, which has no `_shape` discriminator and no `links`.
        let example = #"{"data":[{"bytes":1024,"id":"file-1"}]}"#
        let page = try decode(FilePage.self, example)
        #expect(page == .localFilePage(LocalFilePage(data: [StoredFile(id: "file-1", bytes: 1024)])))
        #expect(try json(page) == example)
        // What no example leaves out stays required.
        #expect(throws: DecodingError.self) { try decode(LocalFilePage.self, #"{"_shape":"local"}"#) }
        #expect(throws: DecodingError.self) { try decode(RemoteFilePage.self, #"{"files":[],"cursor":"c"}"#) }
    }

    @Test func aPrefixItemsTupleIsAStructCodedAsAnArray() throws {
        let point = try decode(GeoPoint.self, "[52.5,13.25]")
        #expect(point == GeoPoint(latitude: 52.5, longitude: 13.25))
        #expect(try json(point) == "[52.5,13.25]")
        // `items: false`: the two elements are the whole value, and both must be there.
        #expect(throws: DecodingError.self) { try decode(GeoPoint.self, "[52.5]") }
        #expect(throws: DecodingError.self) { try decode(GeoPoint.self, #"{"latitude":52.5,"longitude":13.25}"#) }
    }

    @Test func aTupleKeepsNullElementsAndTheElementsAfterTheFixedOnes() throws {
        let json = #"["2025-08-24T10:00:00Z",null,3,4]"#
        let line = try JSONCoding.makeDecoder().decode(LogLine.self, from: Data(json.utf8))
        #expect(line.item0 == Date(timeIntervalSince1970: 1_756_029_600))
        #expect(line.item1 == nil)
        #expect(line.rest == [3, 4])
        #expect(String(decoding: try JSONCoding.makeEncoder().encode(line), as: UTF8.self) == json)
        #expect(LogLine(item0: line.item0, item1: "api").rest.isEmpty)
    }

    @Test func anIntegerEnumIsOpenAndLosslesslyConvertibleToText() throws {
        #expect(try decode([EndpointStatus].self, "[0,-1,2,7]") == [._0, ._minus1, ._2, .unknown(7)])
        #expect(try json([EndpointStatus._minus1, .unknown(7)]) == "[-1,7]")
        #expect(EndpointStatus("-1") == ._minus1)
        #expect(EndpointStatus("low") == nil)
        #expect(EndpointStatus._2.description == "2")
        #expect(throws: DecodingError.self) { try decode(EndpointStatus.self, #""2""#) }
    }

    @Test func anUnknownDiscriminatorValueIsKeptNotAnError() throws {
        let pet = try decode(Pet.self, #"{"kind":"bird","name":"Tweety"}"#)
        #expect(pet == .unknown(.object(["kind": .string("bird"), "name": .string("Tweety")])))
    }

    @Test func allOfMergesTheMembersPropertiesAndRequiredLists() throws {
        let cat = Cat(kind: "cat", name: "Tom", status: .sold, lives: 3)
        #expect(cat.lives == 3)
        #expect(try decode(Cat.self, #"{"kind":"cat","name":"Tom","lives":3,"status":"sold"}"#) == cat)
        #expect(throws: DecodingError.self) { try decode(Cat.self, #"{"kind":"cat","name":"Tom"}"#) }
    }

    @Test func openEnumsKeepUnknownValues() throws {
        #expect(try decode([Status].self, #"["available","in-stock","2fa","default","unknown","discontinued"]"#)
            == [.available, .inStock, ._2fa, .default, .unknown2, .unknown("discontinued")])
        #expect(try json([Status.unknown("discontinued"), .inStock]) == #"["discontinued","in-stock"]"#)
        #expect(Status("sold") == .sold)
        #expect(Status.pending.description == "pending")
    }

    @Test func aUnionWithoutDiscriminatorTriesEachTypeInOrder() throws {
        #expect(try decode(Content.self, #""hello""#) == .string("hello"))
        #expect(try decode(Content.self, #"[{"type":"text","text":"hi"}]"#) == .contentPartArray([ContentPart(type: "text", text: "hi")]))
        #expect(throws: DecodingError.self) { try decode(Content.self, "42") }
    }

    @Test func aNullableComponentThroughAllOfOrAsArrayItemsMayBeNull() throws {
        let payload = #"{"history":[{"p50":1.5},null],"throughput":null}"#
        let report = try decode(StatsReport.self, payload)
        #expect(report.throughput == nil)
        #expect(report.history == [Stats(p50: 1.5), nil])
        // A nil property is left out, as every optional is; a nil element stays, as the array's place needs it.
        #expect(try json(report) == #"{"history":[{"p50":1.5},null]}"#)
        // The `allOf` only describes the reference: the property is the component's type, not a copy of it.
        let throughput: Stats? = try decode(StatsReport.self, #"{"history":[],"throughput":{"p50":2}}"#).throughput
        #expect(throughput == Stats(p50: 2))
    }

    @Test func membersAnAdditionalPropertiesSchemaAllowsAreKeptAndWrittenBack() throws {
        let payload = #"{"checks":"write","issues":"read","metadata":"read","single_file":"write"}"#
        let permissions = try decode(Permissions.self, payload)
        #expect(permissions == Permissions(issues: "read", checks: "write", additionalProperties: ["metadata": "read", "single_file": "write"]))
        #expect(try json(permissions) == payload)
        // A member of another type than the schema gives fails to decode, as a property would.
        #expect(throws: DecodingError.self) { try decode(Permissions.self, #"{"issues":"read","contents":3}"#) }
        // A key of the dictionary that a property also has is written with the property's value.
        #expect(try json(Permissions(issues: "read", additionalProperties: ["issues": "admin"])) == #"{"issues":"read"}"#)
    }

    @Test func membersTheSchemaDoesNotDeclareAreKeptAndWrittenBack() throws {
        let payload = #"{"kind":"cat","lives":9,"name":"Tom","owner":{"id":7,"tags":["a",null]},"whiskers":true}"#
        let cat = try decode(Cat.self, payload)
        #expect(cat.additionalProperties == ["owner": .object(["id": .int(7), "tags": .array([.string("a"), .null])]), "whiskers": .bool(true)])
        #expect(try json(cat) == payload)
        // Inside a union too: the case's struct keeps them.
        #expect(try json(decode(Pet.self, payload)) == payload)
        // Values made in Swift have none unless given.
        #expect(try json(Cat(kind: "cat", name: "Tom", lives: 9)) == #"{"kind":"cat","lives":9,"name":"Tom"}"#)
    }

    @Test func aSchemaThatForbidsOtherMembersKeepsNone() throws {
        let coordinates = try decode(Coordinates.self, #"{"lat":1.5,"lon":-2,"alt":100}"#)
        #expect(coordinates == Coordinates(lat: 1.5, lon: -2))
        #expect(try json(coordinates) == #"{"lat":1.5,"lon":-2}"#)
    }

    @Test func aUnionWithoutDiscriminatorTakesTheTypeThatDeclaresEveryKey() throws {
        // Both members decode any object (their properties are optional); the one declaring every key is taken, so
        // that re-encoding gives the payload back.
        let enclosures = try decode([Enclosure].self, #"[{"file_id":"f1","title":"Report"},{"url":"link-1"},{"title":"Untitled"}]"#)
        #expect(enclosures == [
            .fileEnclosure(FileEnclosure(fileID: "f1", title: "Report")),
            .linkEnclosure(LinkEnclosure(url: "link-1")),
            // Keys both declare: the first member, as before.
            .linkEnclosure(LinkEnclosure(title: "Untitled")),
        ])
        #expect(try json(enclosures) == #"[{"file_id":"f1","title":"Report"},{"url":"link-1"},{"title":"Untitled"}]"#)
        // Keys no member declares all of: the first member that decodes, as before, keeping the key it does not declare.
        #expect(try decode(Enclosure.self, #"{"url":"u","file_id":"f"}"#) == .linkEnclosure(LinkEnclosure(url: "u", additionalProperties: ["file_id": "f"])))
    }

    @Test func aUnionWithoutDiscriminatorSkipsTypesWhoseValuesThePayloadLacks() throws {
        let benchmarks = try decode([Benchmark].self, """
            [{"source": "scores", "model": "a", "score": 1.5},
             {"source": "runs", "benchmark_type": "latency", "model": "b", "accuracy": 0.5},
             {"source": "runs", "benchmark_type": "search_web", "model": "c", "primary_score": 3}]
            """)
        #expect(benchmarks == [
            .scoreBenchmark(ScoreBenchmark(source: .scores, model: "a", score: 1.5)),
            .runBenchmark(RunBenchmark(source: .runs, benchmarkType: .latency, model: "b", accuracy: 0.5)),
            .searchBenchmark(SearchBenchmark(source: .runs, benchmarkType: .searchWeb, model: "c", primaryScore: 3)),
        ])
        // A value no member allows matches none, rather than the first member whose open enum accepts it.
        #expect(throws: DecodingError.self) { try decode(Benchmark.self, #"{"source": "elo", "model": "d"}"#) }
    }

    @Test func recursiveTypesDecodeAndEncode() throws {
        let node = try decode(TreeNode.self, #"{"value":1,"parent":{"value":0},"children":[{"value":2,"children":[]}]}"#)
        #expect(node.parent?.value == 0)
        #expect(node.parent?.parent == nil)
        #expect(node.children?.first?.value == 2)
        #expect(try json(node) == #"{"children":[{"children":[],"value":2}],"parent":{"value":0},"value":1}"#)

        let employee = try decode(Employee.self, #"{"name":"Ann","manager":{"name":"Bob","report":{"name":"Cy"}}}"#)
        #expect(employee.manager?.report.name == "Cy")

        let sum = try decode(Expression2.self, #"{"left":1,"right":{"left":2,"right":3.5}}"#)
        #expect(sum == .sum(Sum(left: .double(1), right: .sum(Sum(left: .double(2), right: .double(3.5))))))
    }

    @Test func nullabilityInlineTypesAndAwkwardNames() throws {
        let profile = try decode(Profile.self, #"""
            {"id":"6f1c","nickname":null,"address":{"city":"Oslo"},"self":"me","2fa-enabled":true,
             "tags":[{"label":"a"}],"settings":{"x":1},"extra":{"any":[1,"two",null]},"mode":"turbo"}
            """#)
        #expect(profile.nickname == nil)
        #expect(profile.legacyNickname == nil)
        #expect(profile.address == ProfileAddress(city: "Oslo"))
        #expect(profile.selfValue == "me")
        #expect(profile._2faEnabled)
        #expect(profile.tags == [ProfileTagsItem(label: "a")])
        #expect(profile.settings == ["x": 1])
        #expect(profile.extra == .object(["any": .array([.int(1), .string("two"), .null])]))
        #expect(profile.mode == .unknown("turbo"))
    }

    @Test func unixTimePropertiesAreDatesWrittenBackAsTheSameNumbersWhateverTheDateStrategy() throws {
        let payload = #"{"checkpoints":[1700000000.25,1700000000.123456,1700000001],"counts":{"a":5},"created_at":1700000000,"expires_at":-86400,"id":"s1","logins":[0,1700000000],"refreshed_at":1700000000.5}"#
        let iso8601Decoder = JSONDecoder()
        iso8601Decoder.dateDecodingStrategy = .iso8601
        // The SDK's decoder reads `date-time` text, a plain one reads seconds since 2001, another ISO 8601 text:
        // none of them decides how these are read.
        for decoder in [JSONCoding.makeDecoder(), JSONDecoder(), iso8601Decoder] {
            let session = try decoder.decode(Session.self, from: Data(payload.utf8))
            #expect(session.createdAt == Date(timeIntervalSince1970: 1_700_000_000))
            #expect(session.expiresAt == Date(timeIntervalSince1970: -86_400))
            #expect(session.refreshedAt == Date(timeIntervalSince1970: 1_700_000_000.5))
            #expect(session.logins == [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_700_000_000)])
            #expect(session.checkpoints?.first == Date(timeIntervalSince1970: 1_700_000_000.25))
            // A `unixtime` value that is no property (here a dictionary's) stays the number it is.
            #expect(session.counts == ["a": 5])
            #expect(try json(session) == payload)
            let sdkEncoded = String(decoding: try JSONCoding.makeEncoder().encode(session), as: UTF8.self)
            #expect(try JSONSerialization.jsonObject(with: Data(sdkEncoded.utf8)) as? NSDictionary
                == JSONSerialization.jsonObject(with: Data(payload.utf8)) as? NSDictionary)
        }
        // An absent optional stays absent; a `null` one decodes as nil.
        let minimal = try decode(Session.self, #"{"created_at":1,"expires_at":2,"id":"s2","refreshed_at":null}"#)
        #expect(minimal.refreshedAt == nil && minimal.logins == nil)
        #expect(try json(minimal) == #"{"created_at":1,"expires_at":2,"id":"s2"}"#)
        // Text is no timestamp, even where the decoder's strategy would read it as a date.
        #expect(throws: DecodingError.self) {
            try JSONCoding.makeDecoder().decode(Session.self, from: Data(#"{"created_at":"2025-08-24T10:00:00Z","expires_at":2,"id":"s3"}"#.utf8))
        }
    }

    @Test func aUnixTimeDateWithAFractionIsWrittenAsTheSchemasKindOfNumber() throws {
        let moment = Date(timeIntervalSince1970: 1_700_000_000.987654)
        let session = Session(id: "s", createdAt: moment, expiresAt: Date(timeIntervalSince1970: -0.5), refreshedAt: moment)
        // `integer` seconds are rounded down (also before the epoch); `number` seconds keep the microseconds.
        #expect(try json(session) == #"{"created_at":1700000000,"expires_at":-1,"id":"s","refreshed_at":1700000000.987654}"#)
    }

    @Test func aPointerToAnotherSchemasSubschemaAndAnAliasReferencedTwiceAreOneTypeEach() throws {
        let payload = #"{"back":[{"size":1}],"front":[{"size":2},{"size":3}],"keeper":{"name":"Ann"}}"#
        let yard = try decode(Yard.self, payload)
        #expect(try json(yard) == payload)
        // The keeper `Yard` reaches through `#/components/schemas/Kennel/properties/keeper` is Kennel's own type,
        // and both rows are arrays of one element type: these assignments compile only so.
        let kennel = Kennel(keeper: yard.keeper)
        let rows: [[KennelRowItem]?] = [yard.front, yard.back]
        #expect(kennel.keeper == Keeper(name: "Ann"))
        #expect(rows.map { $0?.count } == [2, 1])
    }
}
