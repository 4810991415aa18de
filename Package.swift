// swift-tools-version:6.1
import PackageDescription

// Modules, lowest first; each imports only those above it (DESIGN §1).
let package = Package(
    name: "Hoso",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hoso", targets: ["hoso"]),
        .library(name: "HosoModel", targets: ["HosoModel"]),
        .library(name: "HosoText", targets: ["HosoText"]),
        .library(name: "HosoStore", targets: ["HosoStore"]),
        .library(name: "HosoIndex", targets: ["HosoIndex"]),
        .library(name: "HosoQuery", targets: ["HosoQuery"]),
        .library(name: "HosoEngine", targets: ["HosoEngine"]),
        // For Fuzz/ (FuzzQuery reaches the routes' QueryParameters decoder with @testable import).
        .library(name: "HosoServer", targets: ["HosoServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        // HTTP (HosoServer and `hoso` only). No Hummingbird traits: the server needs neither
        // swift-configuration nor full Foundation, and the first build stays shorter.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.9.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
    ],
    targets: [
        // C shims: the only places that include system C headers.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        .target(
            name: "CLMDB",
            linkerSettings: [.linkedLibrary("lmdb")]
        ),
        .target(name: "HosoModel"),
        .target(name: "HosoStore", dependencies: ["CLMDB", "HosoModel", .product(name: "Crypto", package: "swift-crypto")]),
        // Committed reference tables (places, lineage, grades, abbreviations) as a resource bundle.
        .target(
            name: "HosoData",
            path: "data",
            exclude: ["README.md", "scripts"],
            sources: ["HosoData.swift"],
            resources: [.copy("tables")]
        ),
        .target(name: "HosoText", dependencies: ["CICU", "HosoModel", "HosoData"]),
        .target(name: "HosoIndex", dependencies: ["HosoModel"]),
        .target(name: "HosoQuery", dependencies: ["HosoIndex", "HosoText", "HosoModel"]),
        .target(name: "HosoEngine", dependencies: ["HosoQuery", "HosoStore", "HosoText", "HosoIndex", "HosoModel", "HosoData", .product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "HosoServer",
            dependencies: [
                "HosoEngine", "HosoQuery", "HosoModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            // The web interface and the OpenAPI document, compiled into the binary (no files beside
            // it at run time).
            resources: [
                .embedInCode("Web/index.html"), .embedInCode("Web/app.js"), .embedInCode("Web/app.css"),
                .embedInCode("OpenAPI/openapi.json"),
            ]
        ),
        .executableTarget(
            name: "hoso",
            dependencies: [
                "HosoEngine", "HosoServer", "HosoText", "HosoStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        .target(name: "TestSupport", dependencies: ["HosoModel", "HosoText", "HosoIndex", "HosoQuery"], path: "Tests/TestSupport"),
        .testTarget(name: "HosoModelTests", dependencies: ["HosoModel", "TestSupport"]),
        .testTarget(name: "HosoStoreTests", dependencies: ["HosoStore", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "HosoTextTests", dependencies: ["HosoText", "CICU", "TestSupport"], resources: [.copy("Golden")]),
        .testTarget(name: "HosoIndexTests", dependencies: ["HosoIndex", "TestSupport"]),
        .testTarget(name: "HosoQueryTests", dependencies: ["HosoQuery", "TestSupport"]),
        .testTarget(name: "HosoEngineTests", dependencies: ["HosoEngine", "TestSupport"]),
        .testTarget(
            name: "HosoServerTests",
            dependencies: [
                "HosoServer", "HosoEngine", "HosoModel", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
