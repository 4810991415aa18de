// What is measured: searches per second on one core over an index of generated people, for the
// seven query kinds of DESIGN §7 (see `QueryKind`), each run two ways in the same process:
//   - `<kind> hoso`:     the searcher as served (value-driven plans, tabulated scans);
//   - `<kind> baseline`: the same searcher starting every search from record-level posting lists
//                        (`valueDriven: false`), the plan hoso used before the value level existed.
// Both must return the same totals and hits (checked in setup). One iteration runs 100 queries of
// its kind, exact totals and 20 hits each; the wall-clock rows give the time of 100 searches
//.
//
// Run: `./run-search.sh` from Benchmarks/ (per-kind searches/s and the hoso/baseline ratio), or
// `swift package --disable-sandbox benchmark --target SearchBenchmarks`. The corpus size is
// HOSO_BENCH_RECORDS (default 250,000; index build in setup, not measured).

import Benchmark
import HosoIndex
import HosoQuery

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock],
        warmupIterations: 3,
        scalingFactor: .one,
        maxDuration: .seconds(3),
        maxIterations: 10_000
    )
    // The delta segments of a LiveIndex are built from analyses as syncs land: one per batch (100
    // to 10,000 records), and a merged one when a run of them is merged in the background.
    for size in [1_000, 10_000, 50_000] {
        Benchmark("delta build \(size)", configuration: .init(metrics: [.wallClock], maxIterations: 50)) {
            (benchmark: Benchmark, world: SearchWorld) in
            let analyses = world.analyses.prefix(size)
            benchmark.startMeasurement()
            var builder = IndexBuilder()
            for (id, analysis) in analyses { builder.add(id: id, analysis: analysis) }
            blackHole(builder.build(sequence: 1))
        } setup: {
            try SearchWorld.shared()
        }
    }
    for kind in QueryKind.allCases {
        for plan in ["hoso", "baseline"] {
            Benchmark("\(kind.rawValue) \(plan)") { (benchmark: Benchmark, world: SearchWorld) in
                let searcher = plan == "hoso" ? world.hoso : world.baseline
                let queries = world.queries[kind]!
                let start = (benchmark.currentIteration * 100) % queries.count
                benchmark.startMeasurement()
                for i in 0..<100 {
                    blackHole(try? searcher.search(queries[(start + i) % queries.count], callerLevel: 3))
                }
            } setup: {
                try SearchWorld.shared()
            }
        }
    }
}
