import Foundation
import HosoModel
import HosoStore
import Testing
import TestSupport

@testable import HosoEngine

/// Kills `hoso ingest` with SIGKILL at random moments and checks after each kill that the store
/// opens, holds a whole number of committed batches (each record equal to its source line), and
/// that a final rerun completes the load.
@Suite struct IngestDurabilityTests {
    static let total = 12_000
    static let batch = 400
    static let kills = 24

    @Test func survivesSIGKILLAtRandomMoments() throws {
        let binary = try Self.hosoBinary()
        let directory = try TemporaryDirectory(prefix: "hoso-durability")
        defer { directory.remove() }
        let factory = RecordFactory(seed: 77)
        let input = directory.path + "/people.ndjson"
        try factory.writeNDJSON(count: Self.total, to: input)
        let expected = (0..<Self.total).map { index in
            var record = factory.record(index)
            record.repairLegacyText()
            return record
        }
        let database = directory.path + "/db"
        var random = SeededRandom(seed: 2024)
        var killedMidway = 0
        for round in 0..<Self.kills {
            if round % 6 == 0 { try? FileManager.default.removeItem(atPath: database) }
            let process = try Self.start(binary, input: input, database: database)
            usleep(UInt32.random(in: 20_000...900_000, using: &random))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killedMidway += 1 }
            try Self.checkWholeBatches(database: database, expected: expected, round: round)
        }
        #expect(killedMidway >= Self.kills / 2, "most kills should land before the load finished")

        let last = try Self.start(binary, input: input, database: database)
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        let count = try Self.checkWholeBatches(database: database, expected: expected, round: Self.kills)
        #expect(count == Self.total)
    }

    /// Checks the store and returns its record count.
    @discardableResult
    static func checkWholeBatches(database: String, expected: [PersonRecord], round: Int) throws -> Int {
        guard FileManager.default.fileExists(atPath: database + "/data.mdb") else { return 0 }
        // `hoso ingest` without a key encrypts a new database with the development key beside it.
        let key = try DataKeySource.read(file: DataKeySource.developmentKeyPath(database: database))
        let store = try RecordStore(directory: database, dataKey: key)
        let count = try store.count()
        #expect(count % batch == 0 || count == total, "round \(round): \(count) records is not a whole number of batches")
        #expect(try store.lastSequence() == UInt64(count), "round \(round): change log disagrees with the records")
        var seen = 0
        try store.forEachRecord { record in
            #expect(record == expected[seen], "round \(round): record \(seen) differs from its source line")
            seen += 1
            return true
        }
        #expect(seen == count, "round \(round): scan found \(seen) of \(count)")
        for index in stride(from: 0, to: count, by: 97) {
            guard let nationalID = expected[index].nationalID else { continue }
            #expect(try store.ids(nationalID: nationalID).contains(expected[index].id), "round \(round): national id of \(index)")
        }
        return count
    }

    static func start(_ binary: URL, input: String, database: String) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["ingest", input, "--db", database, "--batch", String(batch)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The `hoso` executable built next to the test bundle.
    static func hosoBinary() throws -> URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("hoso")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        Issue.record("no hoso executable near \(bundle.path); run `swift build` first")
        throw CocoaError(.fileNoSuchFile)
    }
}
