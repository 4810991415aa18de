import HosoModel
import Testing
import TestSupport

@testable import HosoStore

@Suite struct RecordStoreTests {
    func record(_ id: String, version: Int64, nationalID: String? = nil, name: String = "Lê Văn Tám") -> PersonRecord {
        var record = PersonRecord(id: id, fullName: name)
        record.version = version
        record.nationalID = nationalID
        return record
    }

    @Test func upsertIsIdempotentByVersion() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RecordStore(directory: directory.path)
        #expect(try store.upsert(record("a", version: 2, nationalID: "001085000001")) == .inserted)
        #expect(try store.upsert(record("a", version: 2, name: "X")) == .stale)
        #expect(try store.upsert(record("a", version: 1, name: "X")) == .stale)
        #expect(try store.record(id: "a")?.fullName == "Lê Văn Tám")
        #expect(try store.upsert(record("a", version: 3, nationalID: "001085000002", name: "Y")) == .updated)
        #expect(try store.record(id: "a")?.fullName == "Y")
        #expect(try store.ids(nationalID: "001085000001") == [])
        #expect(try store.ids(nationalID: "001085000002") == ["a"])
        #expect(try store.count() == 1)
        #expect(try store.lastSequence() == 2)
        #expect(try store.record(id: "missing") == nil)
        #expect(try store.record(id: "not valid!") == nil)
    }

    @Test func deleteLeavesATombstoneThatKeepsOldVersionsStale() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RecordStore(directory: directory.path)
        try store.upsert(record("a", version: 1, nationalID: "001085000001"))
        try store.upsert(record("b", version: 1))
        #expect(try store.delete(id: "a", version: 1) == .stale)
        #expect(try store.delete(id: "a", version: 2) == .deleted)
        #expect(try store.delete(id: "a", version: 2) == .stale)
        #expect(try store.delete(id: "zz", version: 2) == .notFound)
        #expect(try store.record(id: "a") == nil)
        #expect(try store.ids(nationalID: "001085000001") == [])
        #expect(try store.count() == 1)
        #expect(try store.upsert(record("a", version: 2)) == .stale)
        #expect(try store.upsert(record("a", version: 3)) == .inserted)
        #expect(try store.count() == 2)
        let changes = try store.changes(since: 0, limit: 10)
        #expect(changes.map(\.sequence) == [1, 2, 3, 4])
        #expect(changes.map(\.operation) == [.upsert, .upsert, .delete, .upsert])
        #expect(changes.map(\.id) == ["a", "b", "a", "a"])
        #expect(try store.changes(since: 2, limit: 1).map(\.sequence) == [3])
    }

    @Test func duplicateNationalIDsAreKept() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RecordStore(directory: directory.path)
        try store.upsert(record("a", version: 1, nationalID: "001085000001"))
        try store.upsert(record("b", version: 1, nationalID: "001085000001"))
        #expect(try store.ids(nationalID: "001085000001") == ["a", "b"])
    }

    @Test func batchesMatchOneByOneWritesInAnyOrder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RecordStore(directory: directory.path)
        let factory = RecordFactory(seed: 4)
        var random = SeededRandom(seed: 4)
        let order = (0..<600).shuffled(using: &random)
        try store.write { writer in
            for index in order.prefix(300).sorted() { _ = try writer.upsert(factory.record(index)) }
        }
        try store.write { writer in
            for index in order { _ = try writer.upsert(factory.record(index)) }
        }
        #expect(try store.count() == 600)
        #expect(try store.lastSequence() == 600)
        var seen = 0
        try store.forEachRecord { record in
            #expect(record == factory.record(seen), "record \(seen)")
            seen += 1
            return true
        }
        #expect(seen == 600)
    }

    @Test func reopensWithItsData() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        do {
            let store = try RecordStore(directory: directory.path)
            try store.upsert(record("a", version: 1))
        }
        let store = try RecordStore(directory: directory.path)
        #expect(try store.record(id: "a")?.version == 1)
    }

    @Test func refusesAnotherSchema() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        do {
            let store = try RecordStore(directory: directory.path)
            try store.environment.write { txn in try txn.put(UInt64(99), forKey: MetaKey.schemaVersion, in: store.databases.meta) }
        }
        #expect(throws: StoreError.schemaMismatch(found: 99, expected: 1)) { try RecordStore(directory: directory.path) }
    }
}
