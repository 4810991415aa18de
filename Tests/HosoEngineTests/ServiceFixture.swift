import Foundation
import HosoEngine
import HosoModel
import HosoStore
import Synchronization
import TestSupport

/// A settable clock for rate-limit, quota and day-roll tests (milliseconds since 1970).
final class TestClock: Sendable {
    private let value: Mutex<Int64>

    init(_ start: Int64 = 1_764_000_000_000) { value = Mutex(start) }

    var now: Int64 { value.withLock { $0 } }

    func advance(milliseconds: Int64) { value.withLock { $0 += milliseconds } }
}

/// A temporary store with records, a loaded service and one key per role.
struct ServiceFixture {
    let directory: TemporaryDirectory
    let service: HosoService
    let clock: TestClock
    /// Secrets by a label (`officer`, `recruiter`, `agency`, `self`, `admin`, …).
    var secrets: [String: String] = [:]

    /// Stores `records`, opens a service on them and loads its index.
    ///
    /// - Parameters:
    ///   - records: what the store holds.
    ///   - flagThreshold: distinct people before a key is flagged.
    ///   - selfID: the record a `self` key is bound to (none when `nil`).
    static func make(
        records: [PersonRecord], flagThreshold: Int = 2_000, selfID: String? = nil, unlimited: Bool = true
    ) async throws -> ServiceFixture {
        let directory = try TemporaryDirectory(prefix: "hoso-service")
        try store(records, in: directory.path)
        let clock = TestClock()
        var options = HosoService.Options()
        options.flagThreshold = flagThreshold
        options.clock = { clock.now }
        let service = try HosoService(directory: directory.path, options: options)
        try await service.load()
        var fixture = ServiceFixture(directory: directory, service: service, clock: clock)
        let roles: [(String, KeyRequest)] = [
            ("officer", KeyRequest(role: .officer, unlimited: unlimited)),
            ("recruiter", KeyRequest(role: .recruiter, unlimited: unlimited)),
            ("agency", KeyRequest(role: .agency, agency: "G10", unlimited: unlimited)),
            ("admin", KeyRequest(role: .admin, unlimited: unlimited)),
            ("public", KeyRequest(role: .recruiter, level: .public, unlimited: unlimited)),
        ] + (selfID.map { [("self", KeyRequest(role: .personal, person: $0, unlimited: unlimited))] } ?? [])
        for (label, request) in roles {
            fixture.secrets[label] = try service.keys.create(request).secret
        }
        return fixture
    }

    /// Writes `records` into a new store in `path`.
    static func store(_ records: [PersonRecord], in path: String) throws {
        let store = try RecordStore(directory: path)
        try store.write { writer in
            for r in records { _ = try writer.upsert(r) }
        }
    }

    /// The caller of the key labelled `label`.
    func caller(_ label: String) throws -> Caller {
        try service.authenticate(bearer: "Bearer " + (secrets[label] ?? "missing"))
    }

    func remove() { directory.remove() }
}

/// Parsing and searching response bodies in tests.
enum Body {
    /// The body as a JSON object.
    static func object(_ bytes: [UInt8]) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw BodyError(text: String(decoding: bytes, as: UTF8.self))
        }
        return object
    }

    /// The ids of a search body's hits.
    static func hitIDs(_ bytes: [UInt8]) throws -> [String] {
        let hits = try object(bytes)["hits"] as? [[String: Any]] ?? []
        return hits.compactMap { $0["id"] as? String }
    }

    /// Whether `needle` occurs in `bytes`.
    static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard !n.isEmpty, bytes.count >= n.count else { return false }
        var i = 0
        while i + n.count <= bytes.count {
            if bytes[i] == n[0], Array(bytes[i..<i + n.count]) == n { return true }
            i += 1
        }
        return false
    }

    struct BodyError: Error, CustomStringConvertible {
        let text: String
        var description: String { "not a JSON object: \(text)" }
    }
}

/// Runs `body` and returns the `ServiceError` it throws (or `nil` if it succeeds).
func serviceError(_ body: () async throws(ServiceError) -> [UInt8]) async -> ServiceError? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error
    }
}

/// Hand-made people for the role and redaction tests.
enum People {
    static func an() -> PersonRecord {
        var r = PersonRecord(id: "HS0000000001", fullName: "Nguyễn Văn An")
        r.nationalID = "040085001234"
        r.otherNames = ["Nguyễn An"]
        r.gender = .male
        r.birthDate = BirthDate(year: 1985, month: 7, day: 2)
        r.hometown = .unit(commune: "Xã Diễn Châu", district: nil, province: "Tỉnh Nghệ An")
        r.ethnicity = "Kinh"
        r.religion = "Phật giáo"
        r.agency = "Sở Y tế tỉnh Nghệ An"
        r.agencyCode = "G10.101"
        r.position = "Phó Giám đốc Sở Y tế"
        r.grade = "01.003"
        r.workHistory = [
            WorkEntry(from: YearMonth(year: 2015, month: 3), to: nil, agency: "Sở Y tế tỉnh Nghệ An", position: "Phó Giám đốc"),
            WorkEntry(from: YearMonth(year: 2008, month: 9), to: YearMonth(year: 2015, month: 2), agency: "Bệnh viện Hữu nghị Đa khoa Nghệ An", position: "Bác sĩ"),
        ]
        r.training = [TrainingEntry(from: YearMonth(year: 2002, month: 9), to: YearMonth(year: 2008, month: 6), institution: "Đại học Y Hà Nội", qualification: "Bác sĩ đa khoa")]
        r.status = .active
        r.source = "G10"
        r.version = 3
        r.extra = [ExtraField(name: "party_member_since", json: "\"2010-05-19\"")]
        r.originals = [OriginalText(path: "full_name", text: "NGUYEN VAN AN-original")]
        return r
    }

    static func secretAn() -> PersonRecord {
        var r = PersonRecord(id: "HS0000000002", fullName: "Nguyễn Văn An")
        r.nationalID = "040085009999"
        r.position = "Giám đốc Sở Y tế"
        r.agency = "Sở Y tế tỉnh Nghệ An"
        r.accessLevel = .secret
        r.version = 1
        return r
    }

    static func restrictedAn() -> PersonRecord {
        var r = PersonRecord(id: "HS0000000003", fullName: "Nguyễn Văn An")
        r.nationalID = "040085005555"
        r.agency = "Bộ Nội vụ"
        r.accessLevel = .restricted
        r.version = 1
        return r
    }

    static func others() -> [PersonRecord] {
        (4..<40).map { i in
            var r = PersonRecord(id: "HS" + String(repeating: "0", count: 10 - String(i).count) + String(i), fullName: i % 2 == 0 ? "Trần Thị Bình" : "Lê Văn Hòa")
            r.agency = "Sở Nội vụ Hà Nội"
            r.version = 1
            return r
        }
    }

    static var all: [PersonRecord] { [an(), secretAn(), restrictedAn()] + others() }
}
