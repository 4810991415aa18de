// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets, in their own package so the main package (and `swift test`) never builds
// them. Build and run one with `Fuzz/run.sh TARGET [SECONDS]` (see Fuzz/README.md): it passes
// `-sanitize=fuzzer,address -parse-as-library -enable-testing` to every Swift module, so each
// executable's `LLVMFuzzerTestOneInput` is driven by libFuzzer's own `main`.
let package = Package(
    name: "HosoFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Hoso", path: ".."),
    ],
    targets: [
        // Property checks shared by the targets (a failed check traps, so libFuzzer keeps the input).
        .target(name: "FuzzSupport", path: "Sources/FuzzSupport"),
        // (a) NDJSON record lines: `PersonRecord.parse`, `jsonLine()`, the record codec and
        // ingest's legacy repair.
        .executableTarget(
            name: "FuzzRecord",
            dependencies: [
                "FuzzSupport",
                .product(name: "HosoModel", package: "Hoso"),
                .product(name: "HosoStore", package: "Hoso"),
                .product(name: "HosoEngine", package: "Hoso"),
            ],
            path: "Sources/FuzzRecord"
        ),
        // (b) `GET /v1/search` query strings: `SearchRequest.parse(queryString:)`, its percent
        // decoder, `QueryText.decode`, `HosoService.parseSearch`, and the other routes'
        // `QueryParameters` decoder (HosoServer).
        .executableTarget(
            name: "FuzzQuery",
            dependencies: [
                "FuzzSupport",
                .product(name: "HosoQuery", package: "Hoso"),
                .product(name: "HosoEngine", package: "Hoso"),
                .product(name: "HosoModel", package: "Hoso"),
                .product(name: "HosoServer", package: "Hoso"),
            ],
            path: "Sources/FuzzQuery"
        ),
        // (c) The analyser for every field kind, both sides, and `LegacyRepair.repair`.
        .executableTarget(
            name: "FuzzAnalyzer",
            dependencies: [
                "FuzzSupport",
                .product(name: "HosoText", package: "Hoso"),
            ],
            path: "Sources/FuzzAnalyzer"
        ),
        // Writes the seed inputs from a generated dataset (see Fuzz/README.md); not a fuzz target.
        .executableTarget(
            name: "FuzzSeeds",
            dependencies: [
                .product(name: "HosoModel", package: "Hoso"),
                .product(name: "HosoText", package: "Hoso"),
            ],
            path: "Sources/FuzzSeeds"
        ),
    ]
)
