import Foundation
import HosoModel
import TestSupport
import Testing

@testable import HosoEngine

@Suite struct GeneratorDeterminismTests {
    @Test func sameSeedSameBytesWhateverTheThreads() throws {
        let generator = try PeopleGenerator(seed: 7)
        let (one, summaryOne) = try GeneratorCorpus.generate(generator, count: 9_000, threads: 1)
        let (three, summaryThree) = try GeneratorCorpus.generate(try PeopleGenerator(seed: 7), count: 9_000, threads: 3)
        #expect(summaryOne == summaryThree)
        #expect(one.count == summaryOne.bytes)
        #expect(one == three, "generating with 1 and 3 threads gave different bytes")
    }

    @Test func otherSeedOtherRecords() throws {
        let (a, _) = try GeneratorCorpus.generate(try PeopleGenerator(seed: 1), count: 100, threads: 2)
        let (b, _) = try GeneratorCorpus.generate(try PeopleGenerator(seed: 2), count: 100, threads: 2)
        #expect(a != b)
    }

    @Test func asOfMovesTheDates() throws {
        let early = try PeopleGenerator(seed: 7, asOf: #require(CalendarDay("2026-01-15")))
        let late = try PeopleGenerator(seed: 7)
        let (a, _) = try GeneratorCorpus.generate(early, count: 50, threads: 1)
        let (b, _) = try GeneratorCorpus.generate(late, count: 50, threads: 1)
        #expect(a != b)
        for line in String(decoding: a, as: UTF8.self).split(separator: "\n") {
            let record = try PersonRecord.parse(line: Array(line.utf8))
            #expect((record.updatedAt ?? "") < "2026-01-15", "updated_at after --as-of in \(record.id)")
        }
    }

    @Test func lineMatchesTheStream() throws {
        let corpus = try GeneratorCorpus.shared()
        let generator = try PeopleGenerator(seed: GeneratorCorpus.seed)
        for index in [0, 1, 4095, 4096, 8191, 12_345, GeneratorCorpus.count - 1] {
            let single = generator.line(index)
            // Identical unless the stream had to redraw this record's colliding national id.
            let sameID = single.hasPrefix(String(corpus.lines[index].prefix(50)))
            if sameID { #expect(single == corpus.lines[index], "record \(index) differs between line(_:) and the stream") }
        }
    }

    @Test func writesAFile() throws {
        let directory = try TemporaryDirectory(prefix: "hoso-generate")
        defer { directory.remove() }
        let path = directory.path + "/people.ndjson"
        var reported = 0
        let summary = try PeopleGenerator(seed: 3).write(count: 5_000, to: path, threads: 2) { reported = $0 }
        #expect(summary.records == 5_000)
        #expect(reported == 5_000)
        let (expected, _) = try GeneratorCorpus.generate(try PeopleGenerator(seed: 3), count: 5_000, threads: 1)
        let written = try #require(FileManager.default.contents(atPath: path))
        #expect(Array(written) == expected)
    }

    @Test func unwritablePathIsATypedError() throws {
        #expect(throws: GeneratorError.self) {
            try PeopleGenerator(seed: 1).write(count: 10, to: "/nonexistent-directory/x.ndjson")
        }
    }

    @Test func zeroRecordsGiveAnEmptyStream() throws {
        let (bytes, summary) = try GeneratorCorpus.generate(try PeopleGenerator(seed: 1), count: 0, threads: 2)
        #expect(bytes.isEmpty)
        #expect(summary.records == 0)
    }
}
