import Foundation
import HosoEngine
import HosoModel
import Testing
import TestSupport

/// Roles and levels through the service facade (DESIGN §3): who sees which records and fields.
@Suite struct ServiceRoleTests {
    static let anQuery = "name=Nguy%E1%BB%85n%20V%C4%83n%20An"

    @Test func missingMalformedAndUnknownKeysAreUnauthorized() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        for bearer in [nil, "", "Bearer", "Bearer ", "Basic abc", "Bearer k_nope.xyz", "k_", "Bearer " + String(repeating: "a", count: 5000)] {
            #expect(throws: ServiceError.unauthorized, "bearer \(bearer ?? "nil")") { try f.service.authenticate(bearer: bearer) }
        }
        // A valid secret with one character changed.
        var secret = Array(f.secrets["officer"]!)
        secret[secret.count - 1] = secret.last == "A" ? "B" : "A"
        #expect(throws: ServiceError.unauthorized) { try f.service.authenticate(bearer: "Bearer " + String(secret)) }
        let caller = try f.caller("officer")
        #expect(caller.role == .officer && caller.level == .restricted)
        // The bare secret (without "Bearer ") is accepted too.
        #expect(try f.service.authenticate(bearer: f.secrets["recruiter"]).role == .recruiter)
    }

    @Test func officerSeesRestrictedFieldsAndRecordsButNotSecretOnes() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        let body = try await f.service.search(queryString: Self.anQuery, caller: try f.caller("officer"))
        let json = try Body.object(body)
        #expect(json["total"] as? Int == 2, "public and restricted An; the secret one stays hidden")
        #expect(try Body.hitIDs(body).sorted() == ["HS0000000001", "HS0000000003"])
        #expect(Body.contains(body, "\"national_id\":\"040085001234\""))
        #expect(Body.contains(body, "Xã Diễn Châu"))
        #expect(Body.contains(body, "Phật giáo"), "religion is level 2")
        #expect(Body.contains(body, "party_member_since"), "unknown fields are level 2")
        #expect(!Body.contains(body, "HS0000000002"))
        #expect(!Body.contains(body, "040085009999"))
        #expect(!Body.contains(body, "original"), "originals are never shown")
    }

    @Test func recruiterSeesWorkHistoryButNoNationalID() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        let body = try await f.service.search(queryString: Self.anQuery, caller: try f.caller("recruiter"))
        #expect(try Body.object(body)["total"] as? Int == 1)
        #expect(try Body.hitIDs(body) == ["HS0000000001"])
        #expect(Body.contains(body, "\"work_history\""))
        #expect(Body.contains(body, "Bệnh viện Hữu nghị Đa khoa Nghệ An"))
        #expect(Body.contains(body, "\"birth_date\":\"1985-07-02\""))
        for hidden in ["national_id", "040085001234", "Phật giáo", "party_member_since", "HS0000000003", "original"] {
            #expect(!Body.contains(body, hidden), "recruiter body shows \(hidden)")
        }
    }

    @Test func levelZeroSeesTheBirthYearAloneAndMayNotSearchHometown() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        let caller = try f.caller("public")
        #expect(caller.level == .public)
        let body = try await f.service.search(queryString: Self.anQuery, caller: caller)
        #expect(Body.contains(body, "\"birth_date\":\"1985\""))
        for hidden in ["1985-07", "Diễn Châu", "work_history", "Nguyễn An\"", "Kinh", "training"] {
            #expect(!Body.contains(body, hidden), "level-0 body shows \(hidden)")
        }
        let error = await serviceError { () async throws(ServiceError) in
            try await f.service.search(queryString: "name=An&hometown=Ngh%E1%BB%87%20An", caller: caller)
        }
        #expect(error?.status == 403)
        #expect(error?.parameter == "hometown")
        // q must not reach the hometown of a level-0 caller either.
        let q = try await f.service.search(queryString: "q=Di%E1%BB%85n%20Ch%C3%A2u", caller: caller)
        #expect(try Body.object(q)["total"] as? Int == 0)
    }

    @Test func nationalIDSearchIsForOfficersAndAdminsOnly() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        let query = "national_id=040085001234"
        let found = try await f.service.search(queryString: query, caller: try f.caller("officer"))
        #expect(try Body.hitIDs(found) == ["HS0000000001"])
        for label in ["recruiter", "agency", "public"] {
            let caller = try f.caller(label)
            let error = await serviceError { () async throws(ServiceError) in try await f.service.search(queryString: query, caller: caller) }
            #expect(error?.status == 403, "\(label)")
            #expect(error?.parameter == "national_id", "\(label)")
        }
        // The secret record's national id finds nothing for an officer, and says nothing either.
        let hidden = try await f.service.search(queryString: "national_id=040085009999", caller: try f.caller("officer"))
        #expect(try Body.object(hidden)["total"] as? Int == 0)
        let admin = try await f.service.search(queryString: "national_id=040085009999", caller: try f.caller("admin"))
        #expect(try Body.hitIDs(admin) == ["HS0000000002"])
    }

    @Test func hiddenAndUnknownIDsAreTheSameNotFound() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        let recruiter = try f.caller("recruiter")
        for method in ["person", "history"] {
            func call(_ id: String) async -> ServiceError? {
                await serviceError { () async throws(ServiceError) in
                    method == "person"
                        ? try await f.service.person(id: id, caller: recruiter)
                        : try await f.service.history(id: id, caller: recruiter)
                }
            }
            let hidden = await call("HS0000000002")
            let unknown = await call("HS9999999999")
            #expect(hidden == .notFound, "\(method)")
            #expect(hidden == unknown, "\(method)")
            #expect(hidden?.body == unknown?.body, "\(method)")
        }
        let visible = try await f.service.person(id: "HS0000000001", caller: recruiter)
        #expect(try Body.object(visible)["full_name"] as? String == "Nguyễn Văn An")
        let admin = try await f.service.person(id: "HS0000000002", caller: try f.caller("admin"))
        #expect(try Body.object(admin)["national_id"] as? String == "040085009999")
        let malformed = await serviceError { () async throws(ServiceError) in try await f.service.person(id: "bad id/..", caller: recruiter) }
        #expect(malformed?.status == 400)
    }

    @Test func selfKeysReadTheWholeOwnRecordAndNothingElse() async throws {
        let f = try await ServiceFixture.make(records: People.all, selfID: "HS0000000001")
        defer { f.remove() }
        let me = try f.caller("self")
        let body = try await f.service.me(caller: me)
        let json = try Body.object(body)
        #expect(json["national_id"] as? String == "040085001234")
        #expect(json["religion"] as? String == "Phật giáo")
        #expect(json["party_member_since"] as? String == "2010-05-19")
        #expect(!Body.contains(body, "original"))
        #expect(try await f.service.person(id: "HS0000000001", caller: me) == body)
        let search = await serviceError { () async throws(ServiceError) in try await f.service.search(queryString: "name=An", caller: me) }
        #expect(search?.status == 403)
        let other = await serviceError { () async throws(ServiceError) in try await f.service.person(id: "HS0000000003", caller: me) }
        #expect(other?.status == 403)
        let officer = try f.caller("officer")
        #expect(await serviceError { () async throws(ServiceError) in try await f.service.me(caller: officer) }?.status == 403)
    }

    @Test func historyIsATimelineWithTransfers() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        let body = try await f.service.history(id: "HS0000000001", caller: try f.caller("recruiter"))
        let json = try Body.object(body)
        let timeline = json["timeline"] as? [[String: Any]] ?? []
        #expect(timeline.compactMap { $0["from"] as? String } == ["2008-09", "2015-03"])
        #expect(timeline.compactMap { $0["transfer"] as? Bool } == [false, true])
        let transfers = json["transfers"] as? [[String: Any]] ?? []
        #expect(transfers.count == 1)
        #expect(transfers.first?["to_agency"] as? String == "Sở Y tế tỉnh Nghệ An")
        #expect((json["current"] as? [String: Any])?["position"] as? String == "Phó Giám đốc")
        let levelZero = try f.caller("public")
        let error = await serviceError { () async throws(ServiceError) in try await f.service.history(id: "HS0000000001", caller: levelZero) }
        #expect(error?.status == 403)
    }

    @Test func searchWaitsForTheIndex() async throws {
        let directory = try TemporaryDirectory(prefix: "hoso-service")
        defer { directory.remove() }
        let service = try HosoService(directory: directory.path)
        #expect(!service.isReady)
        let secret = try service.keys.create(KeyRequest(role: .officer)).secret
        let caller = try service.authenticate(bearer: "Bearer " + secret)
        let error = await serviceError { () async throws(ServiceError) in try await service.search(queryString: "name=An", caller: caller) }
        #expect(error == .unavailable)
        try await service.load()
        #expect(service.isReady)
        #expect(service.metrics.ready)
    }

    @Test func cursorsAreSealedAndBoundToTheKey() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        let officer = try f.caller("officer")
        var ids: [String] = []
        var query = "name=Tr%E1%BA%A7n%20Th%E1%BB%8B%20B%C3%ACnh&limit=5"
        var cursor: String?
        repeat {
            let body = try await f.service.search(queryString: query + (cursor.map { "&cursor=" + $0 } ?? ""), caller: officer)
            let json = try Body.object(body)
            ids += try Body.hitIDs(body)
            cursor = json["next_cursor"] as? String
            if let cursor { #expect(cursor.hasPrefix("s1.")) }
        } while cursor != nil && ids.count < 100
        #expect(ids.count == 18)
        #expect(Set(ids).count == 18)
        // A cursor from another key, or an altered one, is a 400 naming the parameter.
        let first = try Body.object(try await f.service.search(queryString: query, caller: officer))["next_cursor"] as? String ?? ""
        query += "&cursor=" + first
        let other = try f.caller("recruiter")
        let error = await serviceError { () async throws(ServiceError) in try await f.service.search(queryString: query, caller: other) }
        #expect(error?.parameter == "cursor")
        let raw = await serviceError { () async throws(ServiceError) in
            try await f.service.search(queryString: "name=An&cursor=c1.1.1", caller: officer)
        }
        #expect(raw?.parameter == "cursor")
    }

    @Test func aNewVersionReplacesTheRenderedPersonAndARaisedLevelHidesIt() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        let recruiter = try f.caller("recruiter")
        let before = try await f.service.person(id: "HS0000000001", caller: recruiter)
        #expect(Body.contains(before, "Phó Giám đốc Sở Y tế"))
        var moved = People.an()
        moved.version = 4
        moved.position = "Giám đốc Sở Y tế"
        try Self.upsert(moved, f)
        let after = try await f.service.person(id: "HS0000000001", caller: recruiter)
        #expect(try Body.object(after)["position"] as? String == "Giám đốc Sở Y tế")
        var raised = moved
        raised.version = 5
        raised.accessLevel = .restricted
        try Self.upsert(raised, f)
        let hidden = await serviceError { () async throws(ServiceError) in try await f.service.person(id: "HS0000000001", caller: recruiter) }
        #expect(hidden == .notFound)
        // The index snapshot still lists it until a new one is published; the hit is dropped.
        let search = try await f.service.search(queryString: Self.anQuery, caller: recruiter)
        #expect(!Body.contains(search, "HS0000000001"))
        let officer = try await f.service.person(id: "HS0000000001", caller: try f.caller("officer"))
        #expect(try Body.object(officer)["access_level"] as? Int == 2)
    }

    static func upsert(_ record: PersonRecord, _ f: ServiceFixture) throws {
        #expect(try f.service.store.upsert(record) == .updated)
    }

    @Test func searchesAndViewsAreAuditedWithWhatCameBack() async throws {
        let f = try await ServiceFixture.make(records: People.all)
        defer { f.remove() }
        let recruiter = try f.caller("recruiter")
        _ = try await f.service.search(queryString: Self.anQuery, caller: recruiter)
        _ = await serviceError { () async throws(ServiceError) in try await f.service.person(id: "HS0000000002", caller: recruiter) }
        let admin = try f.caller("admin")
        let aboutAn = try Body.object(try await f.service.audit(subject: "HS0000000001", caller: admin))["entries"] as? [[String: Any]] ?? []
        #expect(aboutAn.count == 1)
        #expect(aboutAn.first?["kind"] as? String == "search")
        #expect(aboutAn.first?["key"] as? String == recruiter.keyID)
        #expect(aboutAn.first?["role"] as? String == "recruiter")
        #expect(aboutAn.first?["parameters"] as? String == Self.anQuery)
        #expect(aboutAn.first?["ids"] as? [String] == ["HS0000000001"])
        let aboutSecret = try Body.object(try await f.service.audit(subject: "HS0000000002", caller: admin))["entries"] as? [[String: Any]] ?? []
        #expect(aboutSecret.count == 1, "the refused view of a hidden record is in the log")
        #expect(aboutSecret.first?["ids"] as? [String] == [])
        #expect(aboutSecret.first?["subject"] as? String == "HS0000000002")
    }

    @Test func errorBodiesNameCodeMessageAndParameter() throws {
        let forbidden = try Body.object(ServiceError.forbidden(parameter: "national_id", message: "no").body)["error"] as? [String: Any]
        #expect(forbidden?["code"] as? String == "forbidden")
        #expect(forbidden?["parameter"] as? String == "national_id")
        let notFound = try Body.object(ServiceError.notFound.body)["error"] as? [String: Any]
        #expect(notFound?["parameter"] == nil)
        #expect([ServiceError.unauthorized, .notFound, .tooLarge, .unavailable, .rateLimited(retryAfterSeconds: 3)].map(\.status) == [401, 404, 413, 503, 429])
    }
}
