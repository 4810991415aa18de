import Foundation
import HosoModel
import HosoStore
import Testing
import TestSupport

@testable import HosoEngine

/// DESIGN §3: restricted fields encrypted at rest, national ids found through a blind index,
/// `hoso keys rotate-data-key`.
@Suite struct EncryptionAtRestTests {
    static let keyA = try! DataKey(bytes: (0..<32).map { UInt8($0) })
    static let keyB = try! DataKey(bytes: (0..<32).map { UInt8(200 - $0) })
    static let religions = ["Phật giáo Hòa Hảo", "Cao Đài", "Tin Lành"]

    static func nationalID(_ i: Int) -> String { "0010" + String(85_000_000 + i * 7_919) }

    /// NDJSON lines with national ids, religions and an unknown (level 2) field.
    static func lines(_ count: Int) -> [String] {
        (0..<count).map { i in
            #"{"id":"HS\#(1000 + i)","full_name":"Nguyễn Văn An \#(i)","national_id":"\#(nationalID(i))","# +
                #""religion":"\#(religions[i % 3])","so_ho_chieu":"B9\#(100_000 + i)","gender":"Nam","# +
                #""birth_date":"1985-02-03","source":"G10","version":1}"#
        }
    }

    /// Secrets that must not be anywhere in `bytes`.
    static func leaks(in bytes: Data, count: Int) -> [String] {
        var secrets = religions + (0..<count).flatMap { [nationalID($0), "B9\(100_000 + $0)"] }
        secrets.append("so_ho_chieu")
        return secrets.filter { bytes.range(of: Data($0.utf8)) != nil }
    }

    /// Ingests 30 records with `key`, adds two through the writer sync uses, and persists the index.
    static func makeDatabase(key: DataKey) throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory(prefix: "hoso-encryption")
        let input = directory.path + "/in.ndjson"
        try Data(lines(30).joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: input))
        let database = directory.path + "/db"
        let summary = try Ingest.run(IngestOptions(files: [input], database: database, batchSize: 8, dataKey: key))
        #expect(summary.stored == 30)
        let store = try RecordStore(directory: database, dataKey: key)
        try store.write { writer in
            for i in 30..<32 {
                var record = PersonRecord(id: "HS\(1000 + i)", fullName: "Trần Thị Bình \(i)")
                record.nationalID = nationalID(i)
                record.religion = religions[i % 3]
                record.extra = [ExtraField(name: "so_ho_chieu", json: "\"B9\(100_000 + i)\"")]
                record.version = 2
                _ = try writer.upsert(record)
            }
        }
        _ = try IndexLifecycle.rebuild(store: store, directory: database)
        return (directory, database)
    }

    // Synchronous store calls, for async tests (they are `noasync`).
    static func ids(_ store: RecordStore, _ nationalID: String) throws -> [String] { try store.ids(nationalID: nationalID) }
    static func record(_ store: RecordStore, _ id: String) throws -> PersonRecord? { try store.record(id: id) }
    static func all(_ store: RecordStore) throws -> [PersonRecord] {
        var records: [PersonRecord] = []
        try store.forEachRecord { records.append($0); return true }
        return records
    }
    static func rotate(_ database: String, from old: DataKey?, to new: DataKey, batchSize: Int) throws -> DataKeyRotation.Summary {
        try DataKeyRotation.run(directory: database, from: old, to: new, batchSize: batchSize)
    }
    static func crashingRotation(_ database: String) throws {
        struct Crash: Error {}
        #expect(throws: Crash.self) {
            try RecordStore.rotateDataKey(directory: database, from: keyA, to: keyB, batchSize: 5) { _ in throw Crash() }
        }
        #expect(throws: StoreError.self) { try RecordStore(directory: database, dataKey: keyA) }
        #expect(throws: StoreError.self) { try RecordStore(directory: database, dataKey: keyB) }
    }

    static func files(_ database: String) throws -> (lmdb: Data, index: Data) {
        (try Data(contentsOf: URL(fileURLWithPath: database + "/data.mdb")),
         try Data(contentsOf: URL(fileURLWithPath: IndexLifecycle.indexPath(database))))
    }

    /// Searches `national_id` as an officer and returns the ids found.
    static func officerSearch(_ service: HosoService, nationalID: String) async throws -> [String] {
        let secret = try service.keys.create(KeyRequest(role: .officer, unlimited: true)).secret
        let caller = try service.authenticate(bearer: "Bearer " + secret)
        let body = try Body.object(try await service.search(queryString: "national_id=" + nationalID, caller: caller))
        let hits = body["hits"] as? [[String: Any]] ?? []
        for hit in hits {
            let person = hit["person"] as? [String: Any]
            #expect(person?["national_id"] as? String == nationalID, "officers see the national id in clear")
        }
        return hits.compactMap { $0["id"] as? String }
    }

    @Test func rawFilesHoldNoRestrictedValueAndSearchStillFindsThem() async throws {
        let (directory, database) = try Self.makeDatabase(key: Self.keyA)
        defer { directory.remove() }
        let service = try HosoService(directory: database, dataKey: Self.keyA)
        try await service.load()
        for i in [0, 17, 31] {
            #expect(try await Self.officerSearch(service, nationalID: Self.nationalID(i)) == ["HS\(1000 + i)"])
            #expect(try Self.ids(service.store,  Self.nationalID(i)) == ["HS\(1000 + i)"])
        }
        let record = try #require(try Self.record(service.store,  "HS1004"))
        #expect(record.religion == Self.religions[1])
        #expect(record.extra == [ExtraField(name: "so_ho_chieu", json: "\"B9100004\"")])
        // After searches (and their audit entries) the files still hold none of the secrets.
        let (lmdb, index) = try Self.files(database)
        #expect(lmdb.range(of: Data("Nguyễn Văn An 3".utf8)) != nil, "the scan reads the records (level-0 text is there)")
        #expect(Self.leaks(in: lmdb, count: 32) == [], "plaintext restricted values in data.mdb")
        #expect(Self.leaks(in: index, count: 32) == [], "plaintext restricted values in index.hoso")
    }

    @Test func aWrongOrMissingKeyIsAClearError() throws {
        let (directory, database) = try Self.makeDatabase(key: Self.keyA)
        defer { directory.remove() }
        #expect(throws: StoreError.wrongDataKey(expected: Self.keyA.keyID, given: Self.keyB.keyID)) {
            try HosoService(directory: database, dataKey: Self.keyB)
        }
        #expect(throws: StoreError.dataKeyRequired) { try HosoService(directory: database) }
        #expect(throws: StoreError.dataKeyRequired) {
            try Ingest.run(IngestOptions(files: [directory.path + "/in.ndjson"], database: database))
        }
        #expect(throws: DataKeySourceError.self) {
            try DataKeySource.resolve(file: nil, environment: [:], database: database, createForNewDatabase: true) { _ in }
        }
    }

    @Test func developmentKeyIsCreatedBesideANewDatabaseAndReused() throws {
        let directory = try TemporaryDirectory(prefix: "hoso-devkey")
        defer { directory.remove() }
        let database = directory.path + "/db"
        var notes: [String] = []
        let created = try #require(
            try DataKeySource.resolve(file: nil, environment: [:], database: database, createForNewDatabase: true) { notes.append($0) })
        #expect(FileManager.default.fileExists(atPath: directory.path + "/db.data-key"))
        #expect(notes.count == 1 && notes[0].contains("created the development data key"))
        let again = try DataKeySource.resolve(file: nil, environment: [:], database: database + "/", createForNewDatabase: true) { _ in }
        #expect(again?.checkValue == created.checkValue)
        let fromEnvironment = try DataKeySource.resolve(
            file: nil, environment: ["HOSO_DATA_KEY": Self.keyB.base64], database: database, createForNewDatabase: true) { _ in }
        #expect(fromEnvironment?.checkValue == Self.keyB.checkValue)
        #expect(throws: DataKeySourceError.self) {
            try DataKeySource.resolve(file: nil, environment: ["HOSO_DATA_KEY": "c2hvcnQ="], database: database, createForNewDatabase: true) { _ in }
        }
    }

    @Test func rotationKeepsEveryRecordReadableAndSearchableWithTheNewKeyOnly() async throws {
        let (directory, database) = try Self.makeDatabase(key: Self.keyA)
        defer { directory.remove() }
        let originals = try Self.all(try RecordStore(directory: database, dataKey: Self.keyA))

        // Interrupted after the first batch, as by a crash: the store then opens only to finish.
        try Self.crashingRotation(database)

        let summary = try Self.rotate(database, from: Self.keyA, to: Self.keyB, batchSize: 5)
        #expect(summary.store.resumed)
        #expect(summary.store.records == 32)
        #expect(summary.indexed == 32)

        #expect(throws: StoreError.wrongDataKey(expected: Self.keyB.keyID, given: Self.keyA.keyID)) {
            try RecordStore(directory: database, dataKey: Self.keyA)
        }
        let service = try HosoService(directory: database, dataKey: Self.keyB)
        try await service.load()
        for original in originals {
            #expect(try Self.record(service.store,  original.id) == original)
            let nationalID = try #require(original.nationalID)
            #expect(try Self.ids(service.store,  nationalID) == [original.id])
        }
        for i in [0, 31] {
            #expect(try await Self.officerSearch(service, nationalID: Self.nationalID(i)) == ["HS\(1000 + i)"])
        }
        let (lmdb, index) = try Self.files(database)
        #expect(Self.leaks(in: lmdb, count: 32) == [])
        #expect(Self.leaks(in: index, count: 32) == [])
        // Running it again is harmless.
        #expect(try Self.rotate(database, from: nil, to: Self.keyB, batchSize: 100).store.alreadyDone)
    }

    @Test func rotationEncryptsADatabaseWrittenWithoutAKey() throws {
        let directory = try TemporaryDirectory(prefix: "hoso-legacy")
        defer { directory.remove() }
        let input = directory.path + "/in.ndjson"
        try Data(Self.lines(12).joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: input))
        let database = directory.path + "/db"
        _ = try Ingest.run(IngestOptions(files: [input], database: database))
        guard case .unencrypted = try RecordStore.encryptionState(directory: database) else {
            Issue.record("a store written without a key is not reported as unencrypted")
            return
        }
        #expect(throws: StoreError.notEncrypted) { try RecordStore(directory: database, dataKey: Self.keyA) }
        let summary = try DataKeyRotation.run(directory: database, from: nil, to: Self.keyA)
        #expect(summary.store.records == 12)
        let store = try RecordStore(directory: database, dataKey: Self.keyA)
        #expect(try store.ids(nationalID: Self.nationalID(5)) == ["HS1005"])
        #expect(try store.record(id: "HS1005")?.religion == Self.religions[2])
    }
}
