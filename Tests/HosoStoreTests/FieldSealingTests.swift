import Foundation
import HosoModel
import Testing
import TestSupport

@testable import HosoStore

/// Format 2: restricted fields sealed with AES-GCM, national ids filed by blind term.
@Suite struct FieldSealingTests {
    static let key = try! DataKey(bytes: Array(repeating: 7, count: 32))
    static let otherKey = try! DataKey(bytes: Array(repeating: 9, count: 32))

    static func restricted(id: String = "HS1") -> PersonRecord {
        var record = PersonRecord(id: id, fullName: "Nguyễn Văn An")
        record.nationalID = "001085012345"
        record.religion = "Cao Đài"
        record.ethnicity = "Kinh"
        record.extra = [ExtraField(name: "so_ho_chieu", json: "\"B7654321\"")]
        record.originals = [OriginalText(path: "religion", text: "Cao §µi")]
        record.version = 3
        return record
    }

    static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let bytes = Array(needle.utf8)
        guard bytes.count <= haystack.count else { return false }
        return (0...(haystack.count - bytes.count)).contains { haystack[$0..<($0 + bytes.count)].elementsEqual(bytes) }
    }

    @Test func sealedRecordsRoundTripAndHideRestrictedValues() throws {
        let sealer = FieldSealer(key: Self.key)
        let record = Self.restricted()
        let bytes = RecordCodec.encode(record, sealer: sealer)
        #expect(bytes.first == RecordCodec.sealedFormatVersion)
        #expect(try RecordCodec.decode(bytes, sealer: sealer) == record)
        for secret in ["001085012345", "Cao Đài", "B7654321", "so_ho_chieu", "Cao §µi"] {
            #expect(!Self.contains(bytes, secret), "\(secret) is in the sealed bytes in clear")
        }
        #expect(Self.contains(bytes, "Nguyễn Văn An"), "level-0 fields stay readable")
        let header = try bytes.withUnsafeBytes { try RecordCodec.header($0) }
        #expect(header == RecordCodec.Header(version: 3, isTombstone: false, accessLevel: record.accessLevel))
        #expect(try bytes.withUnsafeBytes { try RecordCodec.nationalIDLookupKey($0) } == Self.key.blindTerm(nationalID: "001085012345"))
        // Two seals of one record differ (random nonce) and both open.
        let again = RecordCodec.encode(record, sealer: sealer)
        #expect(again != bytes)
        #expect(try RecordCodec.decode(again, sealer: sealer) == record)
    }

    @Test func sealedFieldsNeedTheRightKeyAndTheRightRecord() throws {
        let bytes = RecordCodec.encode(Self.restricted(), sealer: FieldSealer(key: Self.key))
        #expect(throws: CodecError.dataKeyRequired) { try RecordCodec.decode(bytes) }
        #expect(throws: CodecError.sealedWithOtherKey(Self.key.keyID)) {
            try RecordCodec.decode(bytes, sealer: FieldSealer(key: Self.otherKey))
        }
        // A rotation's sealer opens records of the old key.
        #expect(try RecordCodec.decode(bytes, sealer: FieldSealer(key: Self.otherKey, alsoOpens: [Self.key])) == Self.restricted())
        // The sealed blob of HS1 moved into the record of HS2 does not open.
        let other = RecordCodec.encode(Self.restricted(id: "HS2"), sealer: FieldSealer(key: Self.key))
        let moved = try Self.replacingSealed(in: other, with: bytes)
        #expect(throws: CodecError.self) { try RecordCodec.decode(moved, sealer: FieldSealer(key: Self.key)) }
        // Any flipped byte is an error or a record, never a crash.
        var random = SeededRandom(seed: 3)
        for _ in 0..<2000 {
            var damaged = bytes
            damaged[Int.random(in: 0..<damaged.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
            _ = try? RecordCodec.decode(damaged, sealer: FieldSealer(key: Self.key))
        }
    }

    @Test func blindTermsAreKeyedDigitsOfFixedLength() {
        let term = Self.key.blindTerm(nationalID: "001085012345")
        #expect(term.count == 20)
        #expect(term.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        #expect(term == Self.key.blindTerm(nationalID: "001-085-012345"), "separators are ignored like the analyser does")
        #expect(term != Self.otherKey.blindTerm(nationalID: "001085012345"))
        #expect(term != Self.key.blindTerm(nationalID: "001085012346"))
        #expect(DataKey.decimal([0, 0, 1, 0], digits: 5) == "00256")
    }

    @Test func encryptedStoreRefusesWrongKeysAndClearRecords() throws {
        let directory = try TemporaryDirectory(prefix: "hoso-seal")
        defer { directory.remove() }
        do {
            let store = try RecordStore(directory: directory.path, dataKey: Self.key)
            #expect(store.isEncrypted)
            try store.upsert(Self.restricted())
            #expect(try store.ids(nationalID: "001085012345") == ["HS1"])
            #expect(try store.record(id: "HS1") == Self.restricted())
            #expect(throws: StoreError.wrongRecordFormat(1)) {
                try store.write { writer in
                    try writer.upsert(encoded: RecordCodec.encode(Self.restricted(id: "HS9")), id: "HS9", version: 1, nationalID: nil)
                }
            }
        }
        #expect(throws: StoreError.wrongDataKey(expected: Self.key.keyID, given: Self.otherKey.keyID)) {
            try RecordStore(directory: directory.path, dataKey: Self.otherKey)
        }
        let keyless = try RecordStore(directory: directory.path)
        #expect(keyless.isEncrypted)
        #expect(try keyless.count() == 1)
        #expect(throws: CodecError.dataKeyRequired) { try keyless.record(id: "HS1") }
        #expect(throws: StoreError.dataKeyRequired) { try keyless.upsert(Self.restricted(id: "HS2")) }
        guard case .encrypted(let keyID) = try RecordStore.encryptionState(directory: directory.path) else {
            Issue.record("an encrypted store is not reported as encrypted")
            return
        }
        #expect(keyID == Self.key.keyID)
    }

    /// `bytes` with its tag-23 field replaced by the one of `donor`.
    static func replacingSealed(in bytes: [UInt8], with donor: [UInt8]) throws -> [UInt8] {
        func sealedRange(_ b: [UInt8]) throws -> Range<Int> {
            var i = 1
            while b[i] & 0x80 != 0 { i += 1 }
            i += 2  // version's last byte, access level
            while i < b.count, b[i] != 0 {
                let start = i
                i += 1
                var length = 0, shift = 0
                while true {
                    let byte = b[i]; i += 1
                    length |= Int(byte & 0x7F) << shift; shift += 7
                    if byte & 0x80 == 0 { break }
                }
                i += length
                if b[start] == 23 { return start..<i }
            }
            throw CodecError.malformed("no sealed field")
        }
        var out = bytes
        out.replaceSubrange(try sealedRange(bytes), with: donor[try sealedRange(donor)])
        return out
    }
}
