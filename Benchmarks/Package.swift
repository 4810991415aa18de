// swift-tools-version:6.1
import PackageDescription

// Benchmarks live in their own package so the main package (and its tests) never builds the
// benchmark dependency. Run them with `./run-analyzer.sh` / `./run-store.sh` / `./run-search.sh` or
// `swift package --disable-sandbox benchmark --target AnalyzerBenchmarks` (or `StoreBenchmarks`, `SearchBenchmarks`).
//
// `traits: ["MallocInterposer"]` keeps the malloc statistics (no system library needed on
// Swift 6.3) and leaves out the package's default `RuntimeInterposer` trait, whose extra
// dependency is not needed for throughput figures.
let package = Package(
    name: "HosoBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Hoso", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        // Same Hummingbird version and traits as the main package, for the HelloBench baseline.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
    ],
    targets: [
        // What the benchmark targets share (a seeded generator).
        .target(name: "BenchmarkSupport", path: "Support"),
        .executableTarget(
            name: "AnalyzerBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "HosoText", package: "Hoso"),
            ],
            path: "Benchmarks/AnalyzerBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
        .executableTarget(
            name: "StoreBenchmarks",
            dependencies: [
                "BenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "HosoModel", package: "Hoso"),
                .product(name: "HosoStore", package: "Hoso"),
            ],
            path: "Benchmarks/StoreBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
        .executableTarget(
            name: "SearchBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "HosoModel", package: "Hoso"),
                .product(name: "HosoIndex", package: "Hoso"),
                .product(name: "HosoQuery", package: "Hoso"),
                .product(name: "HosoEngine", package: "Hoso"),
            ],
            path: "Benchmarks/SearchBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
        // Hello-world Hummingbird server: the HTTP baseline for http/run-load.sh. Kept out of
        // Benchmarks/Benchmarks/ so the benchmark plugin does not take it for a benchmark.
        .executableTarget(
            name: "HelloBench",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "http/HelloBench"
        ),
    ]
)
