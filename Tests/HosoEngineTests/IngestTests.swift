import Foundation
import HosoModel
import HosoStore
import Testing
import TestSupport

@testable import HosoEngine

@Suite struct IngestTests {
    /// Writes `lines` (joined by `\n`) to a file in `directory`.
    func write(_ lines: [String], to directory: TemporaryDirectory, name: String = "in.ndjson") throws -> String {
        let path = directory.path + "/" + name
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func rejects(_ path: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func loadsGoodLinesAndReportsBadOnesWithLineNumbers() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let factory = RecordFactory(seed: 1)
        var lines = (0..<10).map { factory.line($0) }
        lines.insert("{\"id\":\"x\",\"full_name\":", at: 3)  // line 4: broken JSON
        lines.insert("", at: 5)  // line 6: blank, skipped
        lines.append(#"{"id":"y","full_name":"A","national_id":"0010850123456"}"#)  // line 13
        let input = try write(lines, to: directory)
        let database = directory.path + "/db"
        let summary = try Ingest.run(IngestOptions(files: [input], database: database, batchSize: 4))
        #expect(summary.read == 12)
        #expect(summary.stored == 10)
        #expect(summary.rejected == 2)
        #expect(summary.storedRecords == 10)
        let found = try rejects(database + "/rejects.ndjson")
        #expect(found.map { $0["line"] as? Int } == [4, 13])
        #expect(found.map { $0["file"] as? String } == [input, input])
        #expect(found.last?["reason"] as? String == "national_id: must be 12 digits, got 13")
        #expect(found.first?["text"] as? String == "{\"id\":\"x\",\"full_name\":")
        #expect(summary.rejectSamples.map(\.line) == [4, 13])

        let store = try RecordStore(directory: database)
        for index in 0..<10 {
            var expected = factory.record(index)
            expected.repairLegacyText()
            #expect(try store.record(id: expected.id) == expected)
        }
    }

    /// A rejected line of an encrypted store may carry a restricted value (a mistyped national
    /// id, a religion): the rejects file names file, line and reason, never the text.
    @Test func rejectsOfAnEncryptedStoreWithholdTheLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let factory = RecordFactory(seed: 3)
        var lines = (0..<5).map { factory.line($0) }
        lines.append(#"{"id":"y","full_name":"A","national_id":"0010850123456","religion":"Phật giáo hiếm"}"#)
        let input = try write(lines, to: directory)
        let database = directory.path + "/db"
        let key = try DataKey(bytes: (0..<32).map { UInt8($0 ^ 0x5A) })
        let summary = try Ingest.run(IngestOptions(files: [input], database: database, batchSize: 4, dataKey: key))
        #expect(summary.stored == 5 && summary.rejected == 1)
        let raw = try String(contentsOfFile: database + "/rejects.ndjson", encoding: .utf8)
        #expect(!raw.contains("0010850123456") && !raw.contains("hiếm"))
        let found = try rejects(database + "/rejects.ndjson")
        #expect(found.map { $0["line"] as? Int } == [6])
        #expect(found.first?["reason"] as? String == "national_id: must be 12 digits, got 13")
        #expect(found.first?["text_withheld"] as? Bool == true && found.first?["text"] == nil)
    }

    @Test func reingestingChangesNothingAndNewerVersionsUpdate() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let factory = RecordFactory(seed: 2)
        let input = try write((0..<50).map { factory.line($0) }, to: directory)
        let database = directory.path + "/db"
        let options = IngestOptions(files: [input], database: database, batchSize: 7)
        _ = try Ingest.run(options)
        let sequence = try RecordStore(directory: database).lastSequence()
        let again = try Ingest.run(options)
        #expect(again.stale == 50 && again.stored == 0 && again.updated == 0)
        #expect(try RecordStore(directory: database).lastSequence() == sequence)

        var newer = factory.record(3)
        newer.version += 1
        newer.fullName = "Trần Thị Mới"
        let update = try write([newer.jsonLine(), factory.line(4)], to: directory, name: "update.ndjson")
        let updated = try Ingest.run(IngestOptions(files: [update], database: database))
        #expect(updated.updated == 1 && updated.stale == 1)
        #expect(try RecordStore(directory: database).record(id: newer.id)?.fullName == "Trần Thị Mới")
    }

    @Test func readsSeveralFilesAndCountsAcrossThem() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let factory = RecordFactory(seed: 3)
        let first = try write((0..<5).map { factory.line($0) }, to: directory, name: "a.ndjson")
        let second = try write((5..<9).map { factory.line($0) } + ["nope"], to: directory, name: "b.ndjson")
        let rejectsPath = directory.path + "/bad.ndjson"
        let summary = try Ingest.run(
            IngestOptions(files: [first, second], database: directory.path + "/db", rejects: rejectsPath, batchSize: 3))
        #expect(summary.stored == 9 && summary.rejected == 1)
        let found = try rejects(rejectsPath)
        #expect(found.first?["file"] as? String == second)
        #expect(found.first?["line"] as? Int == 5)
    }

    @Test func repairsLegacyTextAndKeepsTheOriginal() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // "Nguyễn Văn Hùng" in TCVN3 bytes read as Windows-1252.
        let legacy = "NguyÔn V¨n Hïng"
        let input = try write(["{\"id\":\"a\",\"full_name\":\"\(legacy)\",\"version\":1}"], to: directory)
        _ = try Ingest.run(IngestOptions(files: [input], database: directory.path + "/db"))
        let record = try #require(try RecordStore(directory: directory.path + "/db").record(id: "a"))
        #expect(record.fullName == "Nguyễn Văn Hùng")
        #expect(record.originals == [OriginalText(path: "full_name", text: legacy)])
    }

    /// Many small chunks on four parser threads still land in file order, batch by batch.
    @Test func parallelParsersKeepFileOrder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let factory = RecordFactory(seed: 5)
        var lines = (0..<500).map { factory.line($0) }
        for position in [17, 250, 499] { lines[position] = "{\"id\":\"bad\(position)\"}" }
        let input = try write(lines, to: directory)
        var options = IngestOptions(files: [input], database: directory.path + "/db", batchSize: 10)
        options.parserThreads = 4
        options.chunkLines = 3
        let summary = try Ingest.run(options)
        #expect(summary.stored == 497 && summary.rejected == 3)
        #expect(try rejects(options.rejectsPath).map { $0["line"] as? Int } == [18, 251, 500])
        let changes = try RecordStore(directory: options.database).changes(since: 0, limit: 1000)
        let expected = (0..<500).filter { ![17, 250, 499].contains($0) }.map { RecordFactory.id($0) }
        #expect(changes.map(\.id) == expected)
    }

    /// An input that ends exactly on a chunk boundary, inside a batch, still stores its last batch.
    @Test(arguments: [(30, 10, 100), (30, 10, 20), (20, 5, 1000), (7, 7, 50)])
    func inputEndingOnAChunkBoundaryIsStoredWhole(lines count: Int, chunk: Int, batch: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let factory = RecordFactory(seed: 11)
        let input = try write((0..<count).map { factory.line($0) }, to: directory)
        var options = IngestOptions(files: [input], database: directory.path + "/db", batchSize: batch)
        options.chunkLines = chunk
        let summary = try Ingest.run(options)
        #expect(summary.stored == count, "\(count) lines, chunks of \(chunk), batches of \(batch)")
        #expect(try RecordStore(directory: options.database).count() == count)
    }

    @Test func missingInputIsAnError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: IngestError.self) {
            try Ingest.run(IngestOptions(files: [directory.path + "/absent.ndjson"], database: directory.path + "/db"))
        }
    }

    @Test func progressFormatting() {
        var summary = IngestSummary()
        summary.read = 1_300_000
        summary.bytesRead = 520
        summary.seconds = 26
        let progress = IngestProgress(summary: summary, totalBytes: 1000)
        #expect(progress.bar(width: 10) == "[#####-----]  52%  1.30M lines  50.0k/s  ETA 0:24")
        #expect(progress.line == "ingest: 52% 1300000 lines 50000/s eta 24s rejected 0")
    }
}
