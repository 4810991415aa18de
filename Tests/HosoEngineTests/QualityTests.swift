import Foundation
import HosoModel
import HosoStore
import Testing
import TestSupport

@testable import HosoEngine

/// Each data-quality rule on crafted records (đúng, đủ, sạch, sống).
@Suite struct QualityTests {
    /// 2026-05-28 (UTC).
    static let now: Int64 = 1_780_000_000_000

    /// A record with no problem: CCCD 001 (Hà Nội), 0 = male born in the 1900s, 85 = 1985.
    static func good(_ id: String = "HS1") -> PersonRecord {
        var record = PersonRecord(id: id, fullName: "Nguyễn Văn An")
        record.nationalID = "001085012345"
        record.gender = .male
        record.birthDate = BirthDate(year: 1985, month: 2, day: 3)
        record.hometown = .unit(commune: "Xã Yên Sở", district: "Huyện Hoài Đức", province: "Thành phố Hà Nội")
        record.agency = "Sở Y tế Thành phố Hà Nội"
        record.position = "Chuyên viên"
        record.status = .active
        record.source = "H01"
        record.updatedAt = "2026-01-15T08:00:00Z"
        record.workHistory = [WorkEntry(from: YearMonth(year: 2008, month: 9), to: nil, agency: "Sở Y tế Thành phố Hà Nội", position: "Chuyên viên")]
        return record
    }

    static func problems(_ record: PersonRecord) throws -> [QualityRule] {
        var out: [QualityRule] = []
        try QualityCheck(now: now).problems(of: record, into: &out)
        return out
    }

    @Test func aGoodRecordHasNoProblem() throws {
        #expect(try Self.problems(Self.good()) == [])
        var woman = Self.good()
        woman.gender = .female
        woman.nationalID = "079301012345"  // 079 Hồ Chí Minh, 3 = female born in the 2000s, 01 = 2001
        woman.birthDate = BirthDate(year: 2001, month: nil, day: nil)
        woman.workHistory = [WorkEntry(from: YearMonth(year: 2023, month: 1), to: nil, agency: "A", position: "B")]
        #expect(try Self.problems(woman) == [])
    }

    @Test(arguments: [
        ("province", "999085012345", QualityRule.nationalIDProvince),
        ("century-gender: 1 is a woman", "001185012345", .nationalIDCenturyGender),
        ("century-gender: 2 is the 2000s", "001285012345", .nationalIDCenturyGender),
        ("birth year", "001090012345", .nationalIDBirthYear),
    ])
    func nationalIDLayout(label: String, nationalID: String, rule: QualityRule) throws {
        var record = Self.good()
        record.nationalID = nationalID
        #expect(try Self.problems(record) == [rule], "\(label)")
        #expect(rule.dimension == .valid)
    }

    @Test func datesThatCannotBe() throws {
        var old = Self.good()
        old.birthDate = BirthDate(year: 1900, month: nil, day: nil)
        old.nationalID = "001800012345"
        #expect(try Self.problems(old).contains(.birthYearImplausible))
        var backwards = Self.good()
        backwards.workHistory = [WorkEntry(from: YearMonth(year: 2010, month: 5), to: YearMonth(year: 2009, month: 1), agency: "A", position: "B")]
        backwards.status = .retired
        #expect(try Self.problems(backwards) == [.workHistoryDates])
        var child = Self.good()
        child.workHistory = [WorkEntry(from: YearMonth(year: 1990, month: 1), to: nil, agency: "A", position: "B")]
        #expect(try Self.problems(child) == [.workHistoryDates])
    }

    @Test func missingFieldsAreIncomplete() throws {
        var record = Self.good()
        record.nationalID = nil
        record.gender = nil
        record.hometown = nil
        record.agency = nil
        record.position = ""
        record.source = nil
        let found = try Self.problems(record)
        #expect(found == [.missingNationalID, .missingGender, .missingHometown, .missingAgency, .missingPosition, .missingSource])
        #expect(found.allSatisfy { $0.dimension == .complete })
    }

    @Test func staleAndInconsistentRecordsAreNotCurrent() throws {
        var stale = Self.good()
        stale.updatedAt = "2025-05-27T23:59:59Z"
        #expect(try Self.problems(stale) == [.notUpdated])
        var fresh = Self.good()
        fresh.updatedAt = "2025-05-28T00:00:00Z"
        #expect(try Self.problems(fresh) == [])
        var retiredButWorking = Self.good()
        retiredButWorking.status = .retired
        #expect(try Self.problems(retiredButWorking) == [.statusInconsistent])
        var activeWithoutPost = Self.good()
        activeWithoutPost.workHistory[0].to = YearMonth(year: 2020, month: 1)
        #expect(try Self.problems(activeWithoutPost) == [.statusInconsistent])
    }

    @Test func oneScanFindsDuplicatesAndGroupsBySource() throws {
        let directory = try TemporaryDirectory(prefix: "hoso-quality")
        defer { directory.remove() }
        let store = try RecordStore(directory: directory.path, dataKey: try DataKey(bytes: Array(repeating: 1, count: 32)))
        var sameID = Self.good("HS2")
        sameID.fullName = "Trần Thị Bình"
        sameID.source = "G04"
        var samePerson = Self.good("HS3")
        samePerson.fullName = "NGUYEN VAN AN"  // same folded name, birth date and hometown as HS1
        samePerson.nationalID = "001085099999"
        var other = Self.good("HS4")
        other.nationalID = "001085077777"
        other.fullName = "Lê Văn Cường"
        other.updatedAt = "2020-01-01T00:00:00Z"
        try store.write { writer in
            for record in [Self.good("HS1"), sameID, samePerson, other] { _ = try writer.upsert(record) }
        }
        let report = try QualityScan.run(store: store, now: Self.now, examples: 5)
        #expect(report.overall.records == 4)
        #expect(report.overall.findings[.duplicateNationalID] == QualityReport.Finding(count: 1, examples: ["HS1", "HS2"]))
        #expect(report.overall.findings[.probableDuplicatePerson] == QualityReport.Finding(count: 1, examples: ["HS1", "HS3"]))
        #expect(report.overall.findings[.notUpdated]?.examples == ["HS4"])
        #expect(report.overall.passing(.clean) == 2)
        #expect(report.overall.passing(.current) == 3)
        #expect(report.overall.passing(.valid) == 4)
        #expect(report.agencies.keys.sorted() == ["G04", "H01"])
        #expect(report.agencies["G04"]?.records == 1)
        #expect(report.agencies["G04"]?.findings[.duplicateNationalID]?.count == 1)
        #expect(report.agencies["H01"]?.findings[.duplicateNationalID] == nil)

        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json())) as? [String: Any])
        let clean = (json["overall"] as? [String: Any])?["clean"] as? [String: Any]
        #expect(clean?["label"] as? String == "sạch")
        #expect(clean?["failing"] as? Int == 2)
        #expect(((clean?["problems"] as? [String: Any])?["duplicate_national_id"] as? [String: Any])?["count"] as? Int == 1)
        #expect((json["agencies"] as? [[String: Any]])?.map { $0["source"] as? String } == ["G04", "H01"])
        #expect(report.text().contains("sạch  duplicate_national_id: 1  e.g. HS1, HS2"))
    }

    /// One pass serves every request until a change lands or the day turns: asked again a second
    /// later, and twice at once, the report is the same pass (`checked_at` the first time);
    /// after a sync it is a new pass that counts the new record.
    @Test func aReportIsSharedUntilAChangeLands() async throws {
        let fixture = try await ServiceFixture.make(records: [Self.good("HS1"), Self.good("HS2")])
        defer { fixture.remove() }
        let admin = try fixture.caller("admin")
        let first = try Body.object(try await fixture.service.quality(caller: admin))
        fixture.clock.advance(milliseconds: 1_000)
        async let a = fixture.service.quality(caller: admin)
        async let b = fixture.service.quality(caller: admin)
        let (again, together) = try await (Body.object(a), Body.object(b))
        #expect(again["checked_at"] as? String == first["checked_at"] as? String)
        #expect(together["checked_at"] as? String == first["checked_at"] as? String)

        var added = Self.good("HS3")
        added.version = 1
        _ = try await fixture.service.sync(
            body: Array(#"{"op":"upsert","record":\#(added.jsonLine())}"#.utf8), caller: admin)
        let after = try Body.object(try await fixture.service.quality(caller: admin))
        #expect((after["overall"] as? [String: Any])?["records"] as? Int == 3)
        #expect(after["checked_at"] as? String != first["checked_at"] as? String)
    }

    @Test func onlyAdminsReadTheReport() async throws {
        let fixture = try await ServiceFixture.make(records: [Self.good("HS1"), Self.good("HS2")])
        defer { fixture.remove() }
        let body = try Body.object(try await fixture.service.quality(caller: try fixture.caller("admin")))
        #expect((body["overall"] as? [String: Any])?["records"] as? Int == 2)
        await #expect(throws: ServiceError.self) { try await fixture.service.quality(caller: try fixture.caller("recruiter")) }
        await #expect(throws: ServiceError.self) { try await fixture.service.quality(caller: try fixture.caller("admin"), examples: 0) }
    }
}
