import HosoModel
import Testing
import TestSupport

@testable import HosoStore

/// The change log keeps each change's source (for `GET /v1/changes` by agency) and still reads
/// entries written before it did.
@Suite struct ChangeLogSourceTests {
    func record(_ id: String, version: Int64, source: String?) -> PersonRecord {
        var record = PersonRecord(id: id, fullName: "Lê Văn Tám")
        record.version = version
        record.source = source
        return record
    }

    @Test func upsertsAndDeletesCarryTheRecordsSource() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try RecordStore(directory: directory.path)
        try store.upsert(record("a", version: 1, source: "G10"))
        try store.upsert(record("b", version: 1, source: nil))
        try store.upsert(record("a", version: 2, source: "H05"))
        #expect(try store.delete(id: "a", version: 3) == .deleted)
        #expect(try store.delete(id: "b", version: 2) == .deleted)
        let changes = try store.changes(since: 0, limit: 10)
        #expect(changes.map(\.sequence) == [1, 2, 3, 4, 5])
        #expect(changes.map(\.id) == ["a", "b", "a", "a", "b"])
        #expect(changes.map(\.operation) == [.upsert, .upsert, .upsert, .delete, .delete])
        #expect(changes.map(\.version) == [1, 1, 2, 3, 2])
        // The delete of "a" names the source of the record it removed (H05 after the update).
        #expect(changes.map(\.source) == ["G10", nil, "H05", "H05", nil])
    }

    @Test func bothStoredLayoutsDecode() throws {
        let old: [UInt8] = [Change.Operation.delete.rawValue, 7] + Array("HS1".utf8)
        let decodedOld = try old.withUnsafeBytes { try Change.decode(sequence: 9, $0) }
        #expect(decodedOld == Change(sequence: 9, id: "HS1", version: 7, operation: .delete, source: nil))
        let new = Change(sequence: 4, id: "HS.2-x", version: 300, operation: .upsert, source: "Bộ Nội vụ")
        let decodedNew = try new.encodedValue().withUnsafeBytes { try Change.decode(sequence: 4, $0) }
        #expect(decodedNew == new)
        let cut = Array(new.encodedValue().prefix(4))
        #expect(throws: CodecError.self) { try cut.withUnsafeBytes { try Change.decode(sequence: 4, $0) } }
    }
}
