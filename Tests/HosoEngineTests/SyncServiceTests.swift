import Foundation
import HosoEngine
import HosoModel
import HosoStore
import Testing

/// `POST /v1/sync` in the service: per-line results, agency ownership, idempotence, deletes,
/// limits, read-your-writes, audit.
@Suite struct SyncServiceTests {
    /// `{"op":"upsert","record":…}` for `record`.
    static func upsert(_ record: PersonRecord) -> String { #"{"op":"upsert","record":"# + record.jsonLine() + "}" }

    static func delete(_ id: String, _ version: Int64) -> String { #"{"op":"delete","id":"\#(id)","version":\#(version)}"# }

    static func body(_ lines: [String]) -> [UInt8] { Array(lines.joined(separator: "\n").utf8) }

    /// The `results` of a sync body as (line, id, result, reason).
    static func results(_ bytes: [UInt8]) throws -> [(line: Int, id: String?, result: String, reason: String?)] {
        let rows = try Body.object(bytes)["results"] as? [[String: Any]] ?? []
        return rows.map { ($0["line"] as? Int ?? -1, $0["id"] as? String, $0["result"] as? String ?? "", $0["reason"] as? String) }
    }

    @Test func agencyLinesAreAppliedStaleOrRejectedWithLineNumbersAndReasons() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        var moved = People.an()
        moved.version = 4
        moved.position = "Giám đốc Sở Y tế"
        var foreignSource = People.an()
        foreignSource.id = "HS0000000200"
        foreignSource.source = "H05"
        var takeover = People.others()[0]  // stored without a source: not G10's
        takeover.source = "G10"
        takeover.version = 9
        var fresh = PersonRecord(id: "HS0000000100", fullName: "Phạm Thị Thuỳ Dương")
        fresh.source = "G10"
        fresh.version = 1
        var noVersion = fresh
        noVersion.id = "HS0000000101"
        noVersion.version = 0
        let lines = [
            Self.upsert(moved),  // 1 applied
            "",  // 2 blank: no result
            Self.upsert(moved),  // 3 stale (same version, earlier in this batch)
            "not json",  // 4
            Self.upsert(foreignSource),  // 5 other source
            Self.upsert(takeover),  // 6 stored record of another source
            Self.upsert(fresh),  // 7 applied
            Self.delete("HS0000000005", 2),  // 8 other agency's record
            #"{"op":"upsert","record":{"id":"HS0000000102","full_name":"A","national_id":"12","source":"G10","version":1}}"#,  // 9
            #"{"op":"move","id":"HS0000000001","version":5}"#,  // 10
            Self.upsert(noVersion),  // 11
            Self.delete("HS0000000999", 1),  // 12 absent
        ]
        let bytes = try await f.service.sync(body: Self.body(lines), caller: try f.caller("agency"))
        let object = try Body.object(bytes)
        #expect(object["lines"] as? Int == 11)
        #expect(object["applied"] as? Int == 2)
        #expect(object["stale"] as? Int == 1)
        #expect(object["rejected"] as? Int == 8)
        let results = try Self.results(bytes)
        #expect(results.map(\.line) == [1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
        #expect(results.map(\.result) == [
            "applied", "stale", "rejected", "rejected", "rejected", "applied", "rejected", "rejected", "rejected", "rejected",
            "rejected",
        ])
        #expect(results.map(\.id) == [
            "HS0000000001", "HS0000000001", nil, "HS0000000200", "HS0000000004", "HS0000000100", "HS0000000005", nil, nil,
            "HS0000000101", "HS0000000999",
        ])
        #expect(results[0].reason == nil)
        #expect(results[2].reason?.contains("not a JSON object") == true, "\(results[2])")
        #expect(results[3].reason?.hasPrefix("record.source:") == true, "\(results[3])")
        #expect(results[3].reason?.contains("H05") == true)
        // Another agency's record: the reason does not say whose it is, and is the same as for an absent id.
        #expect(results[4].reason?.contains("only change its own records") == true, "\(results[4])")
        #expect(results[6].reason == results[4].reason)
        #expect(results[10].reason == results[4].reason)
        #expect(results[7].reason?.hasPrefix("record.national_id:") == true, "\(results[7])")
        #expect(results[8].reason?.hasPrefix("op:") == true, "\(results[8])")
        #expect(results[9].reason?.hasPrefix("record.version:") == true, "\(results[9])")

        // Stored: the two applied lines, nothing else.
        #expect(try Stored.record(f.service, id: "HS0000000001")?.position == "Giám đốc Sở Y tế")
        #expect(try Stored.record(f.service, id: "HS0000000100")?.fullName == "Phạm Thị Thuỳ Dương")
        #expect(try Stored.record(f.service, id: "HS0000000004")?.source == nil)
        #expect(try Stored.record(f.service, id: "HS0000000005") != nil)
        #expect(try Stored.record(f.service, id: "HS0000000200") == nil)
        #expect(object["sequence"] as? Int == Int(try Stored.lastSequence(f.service)))
    }

    @Test func anOfficerSearchSeesTheNewValuesAsSoonAsTheSyncReturns() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        var renamed = People.an()
        renamed.version = 5
        renamed.fullName = "Nguyễn Văn Bảo"
        var added = PersonRecord(id: "HS0000000100", fullName: "Đặng Thị Huyền Trang")
        added.source = "G10"
        added.version = 1
        _ = try await f.service.sync(body: Self.body([Self.upsert(renamed), Self.upsert(added)]), caller: try f.caller("agency"))
        let officer = try f.caller("officer")
        let bao = try await f.service.search(queryString: "name=Nguy%E1%BB%85n%20V%C4%83n%20B%E1%BA%A3o", caller: officer)
        #expect(try Body.hitIDs(bao) == ["HS0000000001"])
        let an = try await f.service.search(queryString: "name=Nguy%E1%BB%85n%20V%C4%83n%20An", caller: officer)
        #expect(try !Body.hitIDs(an).contains("HS0000000001"), "the old name still finds the record")
        let trang = try await f.service.search(queryString: "name=dang%20thi%20huyen%20trang", caller: officer)
        #expect(try Body.hitIDs(trang) == ["HS0000000100"])
    }

    @Test func replayingABatchIsAllStaleAndChangesNothing() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        var a = PersonRecord(id: "HS0000000100", fullName: "Vũ Minh Khôi")
        a.source = "G10"
        a.version = 1
        var b = a
        b.id = "HS0000000101"
        var an = People.an()
        an.version = 7
        let lines = [Self.upsert(a), Self.upsert(b), Self.upsert(an), Self.delete("HS0000000101", 2)]
        let agency = try f.caller("agency")
        let first = try Body.object(try await f.service.sync(body: Self.body(lines), caller: agency))
        #expect(first["applied"] as? Int == 4)
        let sequence = try Stored.lastSequence(f.service)
        let again = try await f.service.sync(body: Self.body(lines), caller: agency)
        #expect(try Self.results(again).map(\.result) == ["stale", "stale", "stale", "stale"])
        #expect(try Body.object(again)["sequence"] as? Int == Int(sequence))
        #expect(try Stored.lastSequence(f.service) == sequence)
        #expect(try Stored.record(f.service, id: "HS0000000101") == nil)
    }

    @Test func adminDeletesReachTheIndexAndAnyRecordMayBeSynced() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        let admin = try f.caller("admin")
        var other = People.others()[1]  // HS0000000005, no source
        other.version = 2
        other.fullName = "Hồ Thị Xuân"
        let bytes = try await f.service.sync(
            body: Self.body([Self.delete("HS0000000004", 2), Self.upsert(other), Self.delete("HS0000000999", 1)]), caller: admin)
        #expect(try Self.results(bytes).map(\.result) == ["applied", "applied", "rejected"])
        #expect(try Self.results(bytes)[2].reason == "no such record")
        let officer = try f.caller("officer")
        let binh = try await f.service.search(queryString: "name=Tr%E1%BA%A7n%20Th%E1%BB%8B%20B%C3%ACnh&limit=100", caller: officer)
        #expect(try !Body.hitIDs(binh).contains("HS0000000004"))
        #expect(await serviceError { () async throws(ServiceError) in try await f.service.person(id: "HS0000000004", caller: officer) } == .notFound)
        let xuan = try await f.service.search(queryString: "name=ho%20thi%20xuan", caller: officer)
        #expect(try Body.hitIDs(xuan) == ["HS0000000005"])
    }

    @Test(arguments: ["officer", "recruiter", "public"])
    func otherRolesMayNotSync(_ label: String) async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        let caller = try f.caller(label)
        let error = await serviceError { () async throws(ServiceError) in try await f.service.sync(body: Self.body([Self.delete("HS0000000004", 2)]), caller: caller) }
        #expect(error?.status == 403)
        #expect(try Stored.record(f.service, id: "HS0000000004") != nil)
        let changes = await serviceError { () async throws(ServiceError) in try await f.service.changes(since: 0, limit: 10, caller: caller) }
        #expect(changes?.status == 403)
    }

    @Test func moreThanTheLineLimitIsRefusedWhole() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        let line = Self.delete("HS0000000004", 2)
        let over = Array(repeating: line, count: SyncLimits.maxLines + 1)
        let admin = try f.caller("admin")
        let error = await serviceError { () async throws(ServiceError) in try await f.service.sync(body: Self.body(over), caller: admin) }
        #expect(error == .tooLarge)
        #expect(try Stored.record(f.service, id: "HS0000000004") != nil)
        // Blank lines do not count; exactly the limit is accepted.
        let atLimit = Array(repeating: line, count: SyncLimits.maxLines) + ["", "  "]
        let bytes = try await f.service.sync(body: Self.body(atLimit), caller: admin)
        #expect(try Body.object(bytes)["applied"] as? Int == 1)
        #expect(try Body.object(bytes)["stale"] as? Int == SyncLimits.maxLines - 1)
        let big = [UInt8](repeating: 0x20, count: SyncLimits.maxBytes + 1)
        #expect(await serviceError { () async throws(ServiceError) in try await f.service.sync(body: big, caller: admin) } == .tooLarge)
    }

    @Test func eachSyncIsAuditedWithItsCountsAndAppliedIDs() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        var an = People.an()
        an.version = 4
        _ = try await f.service.sync(body: Self.body([Self.upsert(an), "{"]), caller: try f.caller("agency"))
        let entries = try Stored.audit(f.service, keyID: try f.caller("agency").keyID)
        let sync = entries.first { $0.event.kind == .sync }
        #expect(sync?.event.ids == ["HS0000000001"])
        #expect(sync?.event.role == "agency")
        #expect(sync?.event.parameters.hasPrefix("lines=2 applied=1 stale=0 rejected=1 sequence=") == true, "\(String(describing: sync))")
    }
}

/// `GET /v1/changes` in the service.
@Suite struct ChangeFeedServiceTests {
    static func changes(_ bytes: [UInt8]) throws -> (ids: [String], sequences: [Int], next: Int) {
        let object = try Body.object(bytes)
        let rows = object["changes"] as? [[String: Any]] ?? []
        return (rows.compactMap { $0["id"] as? String }, rows.compactMap { $0["sequence"] as? Int }, object["next_since"] as? Int ?? -1)
    }

    @Test func adminsSeeEveryChangeInOrderAndAgenciesOnlyTheirOwn() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        let start = Int(try Stored.lastSequence(f.service))
        var mine = PersonRecord(id: "HS0000000100", fullName: "Vũ Minh Khôi")
        mine.source = "G10"
        mine.version = 1
        var theirs = PersonRecord(id: "HS0000000101", fullName: "Vũ Minh Khang")
        theirs.source = "H05"
        theirs.version = 1
        var an = People.an()
        an.version = 4
        let lines = [
            SyncServiceTests.upsert(mine), SyncServiceTests.upsert(theirs), SyncServiceTests.upsert(an),
            SyncServiceTests.delete("HS0000000100", 2),
        ]
        _ = try await f.service.sync(body: SyncServiceTests.body(lines), caller: try f.caller("admin"))

        let admin = try f.caller("admin")
        let all = try Self.changes(try await f.service.changes(since: UInt64(start), limit: 100, caller: admin))
        #expect(all.ids == ["HS0000000100", "HS0000000101", "HS0000000001", "HS0000000100"])
        #expect(all.sequences == Array(start + 1...start + 4))
        #expect(all.next == start + 4)

        let paged = try Self.changes(try await f.service.changes(since: UInt64(start), limit: 2, caller: admin))
        #expect(paged.ids == ["HS0000000100", "HS0000000101"])
        #expect(paged.next == start + 2)

        let agency = try f.caller("agency")
        let own = try Self.changes(try await f.service.changes(since: 0, limit: 1000, caller: agency))
        // G10's records: People.an() from the fixture load, then the new record, the update and the delete.
        #expect(own.ids == ["HS0000000001", "HS0000000100", "HS0000000001", "HS0000000100"])
        #expect(own.next == start + 4)
        let rest = try Self.changes(try await f.service.changes(since: UInt64(own.sequences[1]), limit: 1, caller: agency))
        #expect(rest.ids == ["HS0000000001"])
        #expect(rest.next == start + 3)
        let end = try Self.changes(try await f.service.changes(since: UInt64(start + 4), limit: 10, caller: agency))
        #expect(end.ids.isEmpty)
        #expect(end.next == start + 4)
    }

    @Test(arguments: [0, 1001, -1])
    func limitsOutsideOneToAThousandNameTheParameter(_ limit: Int) async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        let admin = try f.caller("admin")
        let error = await serviceError { () async throws(ServiceError) in try await f.service.changes(since: 0, limit: limit, caller: admin) }
        #expect(error?.parameter == "limit")
        #expect(error?.status == 400)
    }
}

/// Synchronous store reads for the async tests (LMDB transactions never span a suspension).
enum Stored {
    static func record(_ service: HosoService, id: String) throws -> PersonRecord? { try service.store.record(id: id) }

    static func lastSequence(_ service: HosoService) throws -> UInt64 { try service.store.lastSequence() }

    static func audit(_ service: HosoService, keyID: String) throws -> [AuditEntry] {
        try service.auditLog.entries(matching: .caller(keyID), limit: 10)
    }
}

/// `SyncLineCounter`, which the server feeds while the body streams in.
@Suite struct SyncLineCounterTests {
    @Test(arguments: [1, 2, 3, 7, 64])
    func countsNonBlankLinesWhateverThePieces(pieceSize: Int) {
        let body = Array("{\"a\":1}\n\n  \r\n{\"b\":2}\r\n \t{\"c\":3}\n{\"d\":4}".utf8)
        var counter = SyncLineCounter()
        var start = 0
        while start < body.count {
            let end = min(body.count, start + pieceSize)
            body[start..<end].withUnsafeBytes { counter.feed($0) }
            start = end
        }
        #expect(counter.lines == 4)
    }
}
