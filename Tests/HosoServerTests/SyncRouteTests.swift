import HosoEngine
import HosoModel
import HosoServer
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// `POST /v1/sync` and `GET /v1/changes` in process: roles, limits, read-your-writes, the
/// change feed, and the responses against `/openapi.json`.
@Suite struct SyncRouteTests {
    static func upsert(_ record: PersonRecord) -> String { #"{"op":"upsert","record":"# + record.jsonLine() + "}" }

    static func buffer(_ lines: [String]) -> ByteBuffer { ByteBuffer(string: lines.joined(separator: "\n") + "\n") }

    /// People.publicAn renamed, at a higher version, still from G10.
    static func renamedAn(_ name: String, version: Int64) -> PersonRecord {
        var an = People.all[0]
        an.fullName = name
        an.version = version
        return an
    }

    /// The stored version of `id` (a synchronous LMDB read).
    static func storedVersion(_ f: ServerFixture, _ id: String) throws -> Int64? { try f.service.store.record(id: id)?.version }

    /// Checks `response` against what `/openapi.json` documents for `method path status`.
    static func conforms(_ response: TestResponse, _ method: String, _ path: String, document: JSONValue) -> [String] {
        let status = String(response.status.code)
        let check = SchemaCheck(document: document)
        guard let schema = check.response(document["paths"]?[path]?[method]?["responses"]?[status])?["content"]?["application/json"]?["schema"] else {
            return ["\(method) \(path) \(status) is not documented"]
        }
        guard let body = try? response.json() else { return ["\(method) \(path) \(status): body is not JSON"] }
        return check.problems(body, schema)
    }

    @Test func onlyAgencyAndAdminKeysMaySyncOrReadChanges() async throws {
        let f = try await ServerFixture.make()
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let document = try await client.execute(uri: "/openapi.json", method: .get).json()
            let body = Self.buffer([Self.upsert(Self.renamedAn("Nguyễn Văn Bảo", version: 9))])
            let anonymous = try await client.execute(uri: "/v1/sync", method: .post, body: body)
            #expect(anonymous.status == .unauthorized)
            #expect(Self.conforms(anonymous, "post", "/v1/sync", document: document).isEmpty)
            for label in ["officer", "recruiter", "self"] {
                let refused = try await client.execute(uri: "/v1/sync", method: .post, headers: f.auth(label), body: body)
                #expect(refused.status == .forbidden, "\(label): \(refused.text)")
                #expect(try refused.json()["error"]?["code"]?.stringValue == "forbidden")
                #expect(Self.conforms(refused, "post", "/v1/sync", document: document).isEmpty)
                let changes = try await client.execute(uri: "/v1/changes", method: .get, headers: f.auth(label))
                #expect(changes.status == .forbidden, "\(label)")
            }
            let parameter = try await client.execute(uri: "/v1/sync?dry_run=1", method: .post, headers: f.auth("admin"), body: body)
            #expect(parameter.status == .badRequest)
            #expect(try parameter.json()["error"]?["parameter"]?.stringValue == "dry_run")
            #expect(try Self.storedVersion(f, People.publicAn) == 3)
        }
    }

    @Test func aSyncBeforeTheIndexIsLoadedIs503AndAppliesNothing() async throws {
        let f = try await ServerFixture.make(load: false)
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let document = try await client.execute(uri: "/openapi.json", method: .get).json()
            let body = Self.buffer([Self.upsert(Self.renamedAn("Nguyễn Văn Bảo", version: 9))])
            let early = try await client.execute(uri: "/v1/sync", method: .post, headers: f.auth("admin"), body: body)
            #expect(early.status == .serviceUnavailable, "\(early.text)")
            #expect(Self.conforms(early, "post", "/v1/sync", document: document).isEmpty)
            #expect(try Self.storedVersion(f, People.publicAn) == 3)
            try await f.service.load()
            let later = try await client.execute(uri: "/v1/sync", method: .post, headers: f.auth("admin"), body: body)
            #expect(later.status == .ok)
            #expect(try Self.storedVersion(f, People.publicAn) == 9)
        }
    }

    @Test func bodiesOverTheLineOrByteLimitAre413AndApplyNothing() async throws {
        let f = try await ServerFixture.make()
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let document = try await client.execute(uri: "/openapi.json", method: .get).json()
            let line = Self.upsert(Self.renamedAn("Nguyễn Văn Bảo", version: 9))
            let tooMany = Self.buffer(Array(repeating: line, count: SyncLimits.maxLines + 1))
            let lines = try await client.execute(uri: "/v1/sync", method: .post, headers: f.auth("admin"), body: tooMany)
            #expect(lines.status == .contentTooLarge)
            #expect(lines.text.contains("10000 lines"), "\(lines.text)")
            #expect(Self.conforms(lines, "post", "/v1/sync", document: document).isEmpty)
            var big = ByteBuffer(string: line + "\n")
            big.writeRepeatingByte(UInt8(ascii: " "), count: SyncLimits.maxBytes)
            let bytes = try await client.execute(uri: "/v1/sync", method: .post, headers: f.auth("admin"), body: big)
            #expect(bytes.status == .contentTooLarge)
            #expect(try bytes.json()["error"]?["code"]?.stringValue == "too_large")
            #expect(try Self.storedVersion(f, People.publicAn) == 3)
            // Bigger than the 1 MiB of other routes but within 16 MiB: accepted.
            var padded = ByteBuffer(string: line + "\n")
            padded.writeRepeatingByte(UInt8(ascii: "\n"), count: 2 << 20)
            let fine = try await client.execute(uri: "/v1/sync", method: .post, headers: f.auth("admin"), body: padded)
            #expect(fine.status == .ok, "\(fine.text.prefix(300))")
        }
    }

    @Test func anOfficerFindsTheSyncedValueAsSoonAsTheResponseArrivesAndAReplayIsStale() async throws {
        let f = try await ServerFixture.make()
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let document = try await client.execute(uri: "/openapi.json", method: .get).json()
            var fresh = PersonRecord(id: "HS0000000100", fullName: "Đặng Thị Huyền Trang")
            fresh.source = "G10"
            fresh.version = 1
            let body = Self.buffer([Self.upsert(Self.renamedAn("Nguyễn Văn Bảo", version: 4)), "", Self.upsert(fresh), "{oops"])
            let synced = try await client.execute(uri: "/v1/sync", method: .post, headers: f.auth("agency"), body: body)
            #expect(synced.status == .ok, "\(synced.text)")
            let problems = Self.conforms(synced, "post", "/v1/sync", document: document)
            #expect(problems.isEmpty, "\(problems)")
            let json = try synced.json()
            #expect(json["applied"]?.intValue == 2)
            #expect(json["rejected"]?.intValue == 1)
            #expect(json["results"]?.arrayValue?.map { $0["line"]?.intValue } == [1, 3, 4])

            let search = try await client.execute(uri: "/v1/search?name=nguyen%20van%20bao", method: .get, headers: f.auth("officer"))
            #expect(try search.json()["hits"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [People.publicAn])
            let trang = try await client.execute(uri: "/v1/search?q=huyen%20trang", method: .get, headers: f.auth("officer"))
            #expect(try trang.json()["total"]?.intValue == 1)

            let replay = try await client.execute(uri: "/v1/sync", method: .post, headers: f.auth("agency"), body: body)
            let again = try replay.json()
            #expect(again["applied"]?.intValue == 0)
            #expect(again["stale"]?.intValue == 2)
            #expect(again["sequence"] == json["sequence"])
        }
    }

    @Test func theChangeFeedIsOrderedAndAnAgencySeesOnlyItsOwnSource() async throws {
        let f = try await ServerFixture.make()
        defer { f.remove() }
        try await f.app().test(.router) { client in
            let document = try await client.execute(uri: "/openapi.json", method: .get).json()
            let before = try await client.execute(uri: "/v1/changes?limit=1000", method: .get, headers: f.auth("admin")).json()
            let start = before["next_since"]?.intValue ?? -1
            #expect(start == People.all.count)
            var theirs = PersonRecord(id: "HS0000000101", fullName: "Vũ Minh Khang")
            theirs.source = "H05"
            theirs.version = 1
            let lines = [
                Self.upsert(Self.renamedAn("Nguyễn Văn Bảo", version: 4)), Self.upsert(theirs),
                #"{"op":"delete","id":"HS0000000004","version":2}"#,
            ]
            let synced = try await client.execute(uri: "/v1/sync", method: .post, headers: f.auth("admin"), body: Self.buffer(lines))
            #expect(try synced.json()["sequence"]?.intValue == start + 3)

            let all = try await client.execute(uri: "/v1/changes?since=\(start)", method: .get, headers: f.auth("admin"))
            #expect(Self.conforms(all, "get", "/v1/changes", document: document).isEmpty)
            let changes = try all.json()["changes"]?.arrayValue ?? []
            #expect(changes.compactMap { $0["sequence"]?.intValue } == [start + 1, start + 2, start + 3])
            #expect(changes.compactMap { $0["op"]?.stringValue } == ["upsert", "upsert", "delete"])
            #expect(changes.compactMap { $0["id"]?.stringValue } == [People.publicAn, "HS0000000101", "HS0000000004"])
            #expect(changes.compactMap { $0["version"]?.intValue } == [4, 1, 2])

            let own = try await client.execute(uri: "/v1/changes?since=0", method: .get, headers: f.auth("agency")).json()
            #expect(own["changes"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [People.publicAn, People.publicAn])
            #expect(own["next_since"]?.intValue == start + 3)

            for (uri, parameter) in [
                ("/v1/changes?since=x", "since"), ("/v1/changes?since=-1", "since"), ("/v1/changes?limit=1001", "limit"),
                ("/v1/changes?limit=", "limit"), ("/v1/changes?from=3", "from"), ("/v1/changes?since=1&since=2", "since"),
            ] {
                let bad = try await client.execute(uri: uri, method: .get, headers: f.auth("admin"))
                #expect(bad.status == .badRequest, "\(uri)")
                #expect(try bad.json()["error"]?["parameter"]?.stringValue == parameter, "\(uri): \(bad.text)")
            }
        }
    }
}
