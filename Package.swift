// swift-tools-version:6.1
import PackageDescription

// Modules, lowest first; each imports only those above it (DESIGN §1).
let package = Package(
    name: "Hoso",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hoso", targets: ["hoso"]),
        .library(name: "HosoText", targets: ["HosoText"]),
        .library(name: "HosoStore", targets: ["HosoStore"]),
        .library(name: "HosoIndex", targets: ["HosoIndex"]),
        .library(name: "HosoQuery", targets: ["HosoQuery"]),
        .library(name: "HosoEngine", targets: ["HosoEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
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
        .target(name: "HosoStore", dependencies: ["CLMDB", "HosoModel"]),
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
        .target(name: "HosoServer", dependencies: ["HosoEngine"]),
        .executableTarget(
            name: "hoso",
            dependencies: [
                "HosoEngine", "HosoServer", "HosoText", "HosoStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .target(name: "TestSupport", dependencies: ["HosoModel", "HosoText", "HosoIndex", "HosoQuery"], path: "Tests/TestSupport"),
        .testTarget(name: "HosoModelTests", dependencies: ["HosoModel", "TestSupport"]),
        .testTarget(name: "HosoStoreTests", dependencies: ["HosoStore", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "HosoTextTests", dependencies: ["HosoText", "CICU", "TestSupport"], resources: [.copy("Golden")]),
        .testTarget(name: "HosoIndexTests", dependencies: ["HosoIndex", "TestSupport"]),
        .testTarget(name: "HosoQueryTests", dependencies: ["HosoQuery", "TestSupport"]),
        .testTarget(name: "HosoEngineTests", dependencies: ["HosoEngine", "TestSupport"]),
        .testTarget(name: "HosoServerTests", dependencies: ["HosoServer", "TestSupport"]),
    ]
)
