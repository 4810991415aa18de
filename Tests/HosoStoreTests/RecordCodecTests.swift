import Foundation
import HosoModel
import Testing
import TestSupport

@testable import HosoStore

@Suite struct RecordCodecTests {
    @Test(arguments: [RecordFactory.Style.realistic, .adversarial])
    func roundTripsSeededRecords(style: RecordFactory.Style) throws {
        let factory = RecordFactory(seed: 11, style: style)
        var buffer: [UInt8] = []
        for index in 0..<5000 {
            let record = factory.record(index)
            buffer.removeAll(keepingCapacity: true)
            RecordCodec.encode(record, into: &buffer)
            #expect(buffer == RecordCodec.encode(record), "encode(into:) and encode() differ for record \(index)")
            let decoded = try RecordCodec.decode(buffer)
            #expect(decoded == record, "record \(index): \(record.jsonLine())")
            if decoded != record { return }
            let header = try buffer.withUnsafeBytes { try RecordCodec.header($0) }
            #expect(header == RecordCodec.Header(version: record.version, isTombstone: false, accessLevel: record.accessLevel))
            #expect(try buffer.withUnsafeBytes { try RecordCodec.nationalID($0) } == record.nationalID)
        }
    }

    /// The committed fixture pins format 1: decoding it must give the record of the JSON beside it,
    /// and encoding that record must give the same bytes.
    @Test func decodesTheCommittedFixture() throws {
        let json = try Self.fixture("record-v1.json")
        let bytes = try Self.fixture("record-v1.bin")
        let record = try PersonRecord.parse(line: json.prefix { $0 != 0x0A })
        #expect(record.originals == [OriginalText(path: "full_name", text: "NguyÔn ThÞ Hoµ")])
        #expect(try RecordCodec.decode(bytes) == record)
        #expect(RecordCodec.encode(record) == bytes, "the on-disk format changed: bump RecordCodec.formatVersion")
    }

    @Test func everyTruncationIsAnErrorNotACrash() throws {
        let bytes = try Self.fixture("record-v1.bin")
        for cut in 0..<bytes.count {
            #expect(throws: CodecError.self, "cut at \(cut)") { try RecordCodec.decode(Array(bytes[0..<cut])) }
        }
    }

    @Test func corruptedBytesNeverCrash() throws {
        let original = try Self.fixture("record-v1.bin")
        var random = SeededRandom(seed: 1)
        for _ in 0..<5000 {
            var bytes = original
            bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            _ = try? RecordCodec.decode(bytes)
        }
    }

    @Test func skipsFieldsOfALaterLayout() throws {
        var bytes = RecordCodec.encode(PersonRecord(id: "a", fullName: "B"))
        bytes.insert(contentsOf: [200, 3, 1, 2, 3], at: bytes.count - 1)  // unknown tag 200 with a 3-byte payload
        #expect(try RecordCodec.decode(bytes) == PersonRecord(id: "a", fullName: "B"))
    }

    @Test func tombstonesAreNotRecords() throws {
        let bytes = RecordCodec.tombstone(version: 9)
        #expect(throws: CodecError.tombstone) { try RecordCodec.decode(bytes) }
        let header = try bytes.withUnsafeBytes { try RecordCodec.header($0) }
        #expect(header.isTombstone && header.version == 9)
        #expect(throws: CodecError.unknownFormat(7)) { try RecordCodec.decode([7, 0, 0]) }
        #expect(throws: CodecError.self) { try RecordCodec.decode(RecordCodec.encode(PersonRecord(id: "a", fullName: "B")) + [0]) }
    }

    @Test func isCompact() throws {
        let factory = RecordFactory(seed: 2)
        var json = 0
        var binary = 0
        for index in 0..<1000 {
            let record = factory.record(index)
            json += record.jsonLine().utf8.count
            binary += RecordCodec.encode(record).count
        }
        #expect(Double(binary) < Double(json) * 0.8, "binary \(binary) bytes vs JSON \(json) bytes")
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/\(name)")
        return try [UInt8](Data(contentsOf: url))
    }

    /// Writes `record-v1.bin` from `record-v1.json` into the source tree; run once, on purpose:
    /// `HOSO_WRITE_FIXTURES=1 swift test --filter RecordCodecTests/writeFixture`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["HOSO_WRITE_FIXTURES"] == "1"))
    func writeFixture() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        let json = try Data(contentsOf: directory.appendingPathComponent("record-v1.json"))
        let record = try PersonRecord.parse(line: json.prefix { $0 != 0x0A })
        try Data(RecordCodec.encode(record)).write(to: directory.appendingPathComponent("record-v1.bin"))
    }
}
