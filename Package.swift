// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ksp",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ksp", targets: ["ksp"]),
        .library(name: "KSPCore", targets: ["KSPCore"]),
        .library(name: "KSPQuery", targets: ["KSPQuery"]),
        .library(name: "KSPRender", targets: ["KSPRender"]),
        .library(name: "KSPSampleData", targets: ["KSPSampleData"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The system library shim over Debian's libedit (<editline/readline.h>).
        .systemLibrary(
            name: "CEditLine",
            path: "Sources/CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        .target(
            name: "KSPCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The deterministic invented-season generator: `ksp generate`, the tests and the benchmark's seasons.
        .target(
            name: "KSPSampleData",
            dependencies: ["KSPCore"]
        ),
        .target(
            name: "KSPQuery",
            dependencies: ["KSPCore"]
        ),
        // What people and programs read: tables, charts, reports (terminal, markdown, csv, json, HTML).
        // KSPQuery ends at models (ResultTable, Report, the charts); this target draws them.
        .target(
            name: "KSPRender",
            dependencies: [
                "KSPCore", "KSPQuery",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "ksp",
            dependencies: [
                "KSPCore", "KSPQuery", "KSPRender", "KSPSampleData", "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark (Benchmarks/run.sh builds it in release and runs it beside DuckDB).
        .executableTarget(
            name: "ksp-bench",
            dependencies: ["KSPCore", "KSPQuery", "KSPRender"],
            path: "Benchmarks/KSPBench"
        ),
        // What the query and render tests share: the hand-computed fixture season and table lookups.
        .target(
            name: "KSPTestSupport",
            dependencies: ["KSPCore", "KSPQuery", "KSPRender"],
            path: "Tests/KSPTestSupport"
        ),
        .testTarget(
            name: "KSPCoreTests",
            dependencies: ["KSPCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "KSPSampleDataTests", dependencies: ["KSPSampleData", "KSPCore"]),
        .testTarget(name: "KSPQueryTests", dependencies: ["KSPQuery", "KSPCore", "KSPRender", "KSPTestSupport"]),
        .testTarget(name: "KSPRenderTests", dependencies: ["KSPRender", "KSPQuery", "KSPCore", "KSPTestSupport"]),
        .testTarget(name: "kspTests", dependencies: ["ksp", "KSPCore"]),
    ],
    swiftLanguageModes: [.v6]
)
