import Foundation
import HosoEngine
import HosoModel
import HosoServer
import HosoStore
import Hummingbird
import HummingbirdTesting
import TestSupport

/// A temporary database with a few hand-made people, a service over it (index not loaded until
/// asked), one key per role, and the application built on them.
struct ServerFixture {
    let directory: TemporaryDirectory
    let service: HosoService
    let metrics = ServerMetrics()
    /// Secrets by label: `officer`, `recruiter`, `admin`, `agency` (agency code G10), `self`,
    /// `ghost` (a self key whose record is gone), `quota` (one request a day).
    var secrets: [String: String] = [:]
    /// Key ids by the same labels.
    var keyIDs: [String: String] = [:]

    /// Stores the people, opens the service, creates the keys and, unless told not to, loads the index.
    static func make(load: Bool = true) async throws -> ServerFixture {
        let directory = try TemporaryDirectory(prefix: "hoso-server")
        try store(People.all, in: directory.path)
        let service = try HosoService(directory: directory.path)
        var fixture = ServerFixture(directory: directory, service: service)
        let requests: [(String, KeyRequest)] = [
            ("officer", KeyRequest(role: .officer, unlimited: true)),
            ("recruiter", KeyRequest(role: .recruiter, unlimited: true)),
            ("admin", KeyRequest(role: .admin, unlimited: true)),
            ("agency", KeyRequest(role: .agency, agency: "G10", unlimited: true)),
            ("self", KeyRequest(role: .personal, person: People.publicAn, unlimited: true)),
            ("ghost", KeyRequest(role: .personal, person: "HS0000000099", unlimited: true)),
            ("quota", KeyRequest(role: .officer, dailyQuota: 1)),
        ]
        for (label, request) in requests {
            let created = try service.keys.create(request)
            fixture.secrets[label] = created.secret
            fixture.keyIDs[label] = created.key.id
        }
        if load { try await service.load() }
        return fixture
    }

    /// Writes `records` into a new store in `path` (synchronously: LMDB transactions never
    /// span a suspension point).
    private static func store(_ records: [PersonRecord], in path: String) throws {
        let store = try RecordStore(directory: path)
        try store.write { writer in
            for record in records { _ = try writer.upsert(record) }
        }
    }

    /// The application, configured as `hoso serve` would be but without the background load.
    func app() -> some ApplicationProtocol {
        var configuration = ServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.loadIndexInBackground = false
        configuration.logLevel = .warning
        return buildApplication(service: service, configuration: configuration, metrics: metrics)
    }

    /// `Authorization: Bearer …` for the key labelled `label`.
    func auth(_ label: String) -> HTTPFields {
        [.authorization: "Bearer " + (secrets[label] ?? "missing")]
    }

    func remove() { directory.remove() }
}

extension TestResponse {
    /// The body as bytes.
    var bytes: [UInt8] { Array(buffer: body) }
    /// The body as text.
    var text: String { String(buffer: body) }
    /// The body parsed strictly.
    func json() throws -> JSONValue { try JSONValue.parse(bytes) }
}

/// The people every server test uses: three called Nguyễn Văn An at levels 0, 2 and 3, and a
/// few others at level 0.
enum People {
    static let publicAn = "HS0000000001"
    static let secretAn = "HS0000000002"
    static let restrictedAn = "HS0000000003"
    /// `Nguyễn Văn An`, percent-encoded for a query string.
    static let anQuery = "name=Nguy%E1%BB%85n%20V%C4%83n%20An"

    static var all: [PersonRecord] {
        var an = PersonRecord(id: publicAn, fullName: "Nguyễn Văn An")
        an.nationalID = "040085001234"
        an.gender = .male
        an.birthDate = BirthDate(year: 1985, month: 7, day: 2)
        an.hometown = .unit(commune: "Xã Diễn Châu", district: nil, province: "Tỉnh Nghệ An")
        an.religion = "Phật giáo"
        an.agency = "Sở Y tế tỉnh Nghệ An"
        an.position = "Phó Giám đốc Sở Y tế"
        an.grade = "01.003"
        an.workHistory = [
            WorkEntry(from: YearMonth(year: 2015, month: 3), to: nil, agency: "Sở Y tế tỉnh Nghệ An", position: "Phó Giám đốc"),
            WorkEntry(
                from: YearMonth(year: 2008, month: 9), to: YearMonth(year: 2015, month: 2),
                agency: "Bệnh viện Hữu nghị Đa khoa Nghệ An", position: "Bác sĩ"),
        ]
        an.training = [
            TrainingEntry(
                from: YearMonth(year: 2002, month: 9), to: YearMonth(year: 2008, month: 6), institution: "Đại học Y Hà Nội",
                qualification: "Bác sĩ đa khoa")
        ]
        an.status = .active
        an.source = "G10"
        an.version = 3

        var secret = PersonRecord(id: secretAn, fullName: "Nguyễn Văn An")
        secret.nationalID = "040085009999"
        secret.agency = "Bộ Quốc phòng"
        secret.accessLevel = .secret
        secret.version = 1

        var restricted = PersonRecord(id: restrictedAn, fullName: "Nguyễn Văn An")
        restricted.nationalID = "040085005555"
        restricted.agency = "Bộ Nội vụ"
        restricted.accessLevel = .restricted
        restricted.version = 1

        let others = (4..<12).map { i in
            var r = PersonRecord(id: "HS00000000" + (i < 10 ? "0" : "") + String(i), fullName: i % 2 == 0 ? "Trần Thị Bình" : "Lê Văn Hòa")
            r.agency = "Sở Nội vụ Hà Nội"
            r.version = 1
            return r
        }
        return [an, secret, restricted] + others
    }
}
