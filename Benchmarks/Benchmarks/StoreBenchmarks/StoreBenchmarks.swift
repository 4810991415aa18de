// What is measured: the record store (HosoStore), in records per second on one core:
//   - `encode`:     `RecordCodec.encode(_:)`, a `PersonRecord` → its stored bytes;
//   - `decode`:     `RecordCodec.decode(_:)`, stored bytes → a `PersonRecord`;
//   - `point-read`: `RecordStore.record(id:)` on an LMDB store of 100,000 records, random ids
//                   (one read transaction, lookup and decode per call);
//   - `scan`:       `RecordStore.forEachRecord` over the whole 100,000-record store (one read
//                   transaction, every record decoded).
// Records are seeded and realistic (`RecordGenerator`: names, hometown unit, agency, position,
// grade, 2–4 work-history entries), built in `setup` (not measured) with the store in a temporary
// directory removed in `teardown`. One measured iteration of encode, decode and point-read handles
// exactly 1,000 records, and those benchmarks use `scalingFactor: .kilo`, so their throughput
// column (with `--scale`) reads in thousands of records per second; one scan iteration reads all
// 100,000 records. Every result goes to `blackHole`.
// Ingest (250 k and 2.5 M records) is measured by `hoso ingest` itself, whose summary prints
// records per second.
//
// Run: `./run-store.sh` from Benchmarks/ (a records/s summary), or
// `swift package --disable-sandbox benchmark --target StoreBenchmarks`.

import Benchmark
import HosoModel
import HosoStore

/// Records per measured iteration of encode, decode and point-read.
let batchRecords = 1_000
/// Records in the store the point reads and the scan run on.
let storeRecords = 100_000

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal],
        units: [.mallocCountTotal: .count],
        warmupIterations: 5,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 100_000
    )

    Benchmark("encode") { (benchmark: Benchmark, batches: [[PersonRecord]]) in
        let batch = batches[benchmark.currentIteration % batches.count]
        benchmark.startMeasurement()
        for record in batch { blackHole(RecordCodec.encode(record)) }
    } setup: {
        var generator = RecordGenerator(seed: 2025)
        return chunked(generator.records(10 * batchRecords))
    }

    Benchmark("decode") { (benchmark: Benchmark, batches: [[[UInt8]]]) throws in
        let batch = batches[benchmark.currentIteration % batches.count]
        benchmark.startMeasurement()
        for bytes in batch { blackHole(try RecordCodec.decode(bytes)) }
    } setup: {
        var generator = RecordGenerator(seed: 2025)
        return chunked(generator.records(10 * batchRecords).map { RecordCodec.encode($0) })
    }

    Benchmark("point-read") { (benchmark: Benchmark, fixture: StoreFixture) throws in
        let ids = fixture.idBatches[benchmark.currentIteration % fixture.idBatches.count]
        benchmark.startMeasurement()
        for id in ids { blackHole(try fixture.store.record(id: id)) }
    } setup: {
        try StoreFixture.make("point-read", count: storeRecords, batchSize: batchRecords, batches: 100)
    } teardown: {
        StoreFixture.remove("point-read")
    }

    Benchmark(
        "scan",
        configuration: .init(
            metrics: [.throughput, .wallClock, .mallocCountTotal],
            units: [.mallocCountTotal: .count],
            warmupIterations: 1,
            scalingFactor: .one,
            maxDuration: .seconds(5),
            maxIterations: 50
        )
    ) { (benchmark: Benchmark, fixture: StoreFixture) throws in
        var seen = 0
        try fixture.store.forEachRecord { record in
            blackHole(record)
            seen += 1
            return true
        }
        guard seen == fixture.count else { throw StoreBenchmarkError.scanCount(seen: seen, expected: fixture.count) }
    } setup: {
        try StoreFixture.make("scan", count: storeRecords, batchSize: 1, batches: 1)
    } teardown: {
        StoreFixture.remove("scan")
    }
}

/// `items` in consecutive batches of `batchRecords` (a short tail is dropped).
func chunked<T>(_ items: [T]) -> [[T]] {
    stride(from: 0, to: items.count - batchRecords + 1, by: batchRecords).map { Array(items[$0..<($0 + batchRecords)]) }
}

/// A benchmark whose run did not do what it measures.
enum StoreBenchmarkError: Error, CustomStringConvertible {
    case scanCount(seen: Int, expected: Int)

    var description: String {
        switch self {
        case .scanCount(let seen, let expected): "scan saw \(seen) records, expected \(expected)"
        }
    }
}
