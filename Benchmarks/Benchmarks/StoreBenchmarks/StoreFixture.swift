import BenchmarkSupport
import Foundation
import HosoModel
import HosoStore

/// An LMDB `RecordStore` in a fresh temporary directory, filled with seeded records, for the read
/// benchmarks; built in `setup` (not measured) and removed in `teardown`.
struct StoreFixture: @unchecked Sendable {
    /// The filled store.
    let store: RecordStore
    /// Batches of ids to read, drawn at random (with repetition) from the stored ids.
    let idBatches: [[String]]
    /// Records written.
    let count: Int

    /// The directory a fixture named `name` lives in: unique per process, under the system's
    /// temporary directory.
    static func directory(_ name: String) -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("hoso-storebench-\(name)-\(ProcessInfo.processInfo.processIdentifier)").path
    }

    /// Creates the directory, opens a store there and writes `count` records in one transaction.
    ///
    /// - Parameters:
    ///   - name: names the directory (see `directory(_:)`); an old one of the same name is removed.
    ///   - count: records to write.
    ///   - batchSize: ids per batch in `idBatches`; `batches` batches are drawn.
    /// - Throws: file-system errors, `LMDBError` or `StoreError` from the store.
    static func make(_ name: String, count: Int, batchSize: Int, batches: Int, seed: UInt64 = 2025) throws -> StoreFixture {
        let path = directory(name)
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        var options = Environment.Options()
        options.sync = .noMetaSync
        let store = try RecordStore(directory: path, options: options)
        var generator = RecordGenerator(seed: seed)
        let records = generator.records(count)
        try store.write { writer in
            for record in records { _ = try writer.upsert(record) }
        }
        var random = SeededRandom(seed: seed &+ 1)
        let ids = records.map(\.id)
        let idBatches = (0..<batches).map { _ in (0..<batchSize).map { _ in random.pick(ids) } }
        return StoreFixture(store: store, idBatches: idBatches, count: count)
    }

    /// Removes the directory of the fixture named `name`.
    static func remove(_ name: String) {
        try? FileManager.default.removeItem(atPath: directory(name))
    }
}
