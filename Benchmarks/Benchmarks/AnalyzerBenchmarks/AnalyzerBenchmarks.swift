// What is measured: the throughput of the Vietnamese analyser (HosoText), in tokens per second on
// one core, for each input kind a search service sees (see `InputKind`):
//   - `document <kind>`: `Analyzer.shared.document(_:field:)`, a stored field value → tokens;
//   - `query <kind>`:    `Analyzer.shared.query(_:field:)`, a query parameter → tokens;
//   - `WordKeys <kind>`: `WordKeys(_:)`, the three keys of one word, on the words of the same inputs.
// One measured iteration analyses one batch of exactly 1,000 tokens (as counted from the analyser's
// own output in setup; for hometowns a token is one place unit, e.g. "Hiệp Hòa"), and the
// benchmarks use `scalingFactor: .kilo`, so the throughput column reads in thousands of tokens per
// second. Inputs are several thousand seeded, realistic texts built in `setup` (not measured),
// cycled batch by batch; every result goes to `blackHole`.
//
// Run: `./run-analyzer.sh` from Benchmarks/ (a per-kind tokens/s summary), or
// `swift package --disable-sandbox benchmark --target AnalyzerBenchmarks`.

import Benchmark
import HosoText

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal],
        units: [.mallocCountTotal: .count],
        warmupIterations: 20,
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 100_000
    )
    for operation in AnalyzerOperation.allCases {
        for kind in InputKind.allCases {
            let field = kind.field
            Benchmark("\(operation.rawValue) \(kind.rawValue)") { (benchmark: Benchmark, batches: [[String]]) throws in
                let batch = batches[benchmark.currentIteration % batches.count]
                benchmark.startMeasurement()
                try operation.run(batch, field: field)
            } setup: {
                try operation.batches(kind)
            }
        }
    }
}
