// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// Kernel benchmarks (ordo-one/benchmark) resolve only when asked for, so that
/// `swift build`, `swift test` and CI never fetch or build them.
let wantsBenchmarks = ProcessInfo.processInfo.environment["SAKIP_BENCHMARKS"] != nil

var package = Package(
    name: "sakip",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "SakipCore", targets: ["SakipCore"]),
        .library(name: "SakipRendering", targets: ["SakipRendering"]),
        .executable(name: "sakip", targets: ["sakip"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(name: "CSakipZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "SakipCore",
            dependencies: ["CLibXML2", "CSakipZlib", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/rubrics"), .copy("Resources/schema")]
        ),
        // What the fuzz targets run, and the regression tests replay: never linked into sakip.
        .target(name: "SakipFuzzing", dependencies: ["SakipCore"]),
        .target(name: "SakipRendering", dependencies: [
            "SakipCore", .product(name: "Plot", package: "Plot"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(
            name: "SakipCLI",
            dependencies: [
                "SakipCore",
                "SakipRendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "sakip", dependencies: ["SakipCLI"]),
        .testTarget(
            name: "SakipCoreTests",
            dependencies: ["SakipCore", "SakipRendering", "SakipFuzzing", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "SakipRenderingTests",
            dependencies: ["SakipRendering", "SakipCore"]
        ),
        .testTarget(
            name: "SakipCLITests",
            dependencies: ["SakipCLI", "SakipCore", "SakipFuzzing", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

/// The service (`sakip-serve`, with its `users` and `backup` commands) and what it needs: HTTP, password
/// hashing, and one SQL layer over SQLite and PostgreSQL. `SAKIP_ENGINE_ONLY=1` leaves it out:
/// the sanitizer runs in `.ci/run` check the engine and the command line without building
/// SwiftNIO and BoringSSL twice more (the service's own concurrency is actors and `Sendable`
/// values, checked by the compiler, and its tests run in the plain suite).
if ProcessInfo.processInfo.environment["SAKIP_ENGINE_ONLY"] == nil {
    package.dependencies += [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ]
    package.targets += [
        // A front end like the CLI: routes, access rules and storage; no scoring rule.
        .target(
            name: "SakipServer",
            dependencies: [
                "SakipCore",
                "SakipRendering",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            // The pages: Mustache templates, and the one style sheet and script they load.
            resources: [.copy("Pages/Templates"), .copy("Pages/Static")]
        ),
        .testTarget(
            name: "SakipServerTests",
            dependencies: [
                "SakipServer", "SakipCore", "SakipRendering",
                .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
    ]
    package.targets.append(.executableTarget(
        name: "sakip-serve",
        dependencies: [
            "SakipServer", "SakipCore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "Logging", package: "swift-log"),
        ]
    ))
    package.products.append(.executable(name: "sakip-serve", targets: ["sakip-serve"]))
    // The command-line tests also run the service's binary (durability under SIGKILL).
    for target in package.targets where target.name == "SakipCLITests" {
        target.swiftSettings = (target.swiftSettings ?? []) + [.define("SAKIP_SERVICE")]
    }
}

/// Fuzz targets (libFuzzer) build only when asked for: `Fuzz/run.sh TARGET SECONDS` sets it.
if ProcessInfo.processInfo.environment["SAKIP_FUZZ"] != nil {
    for name in ["FuzzXMLReport", "FuzzCSVReport", "FuzzYAMLRubric", "FuzzWorkbook"] {
        package.targets.append(.executableTarget(name: name, dependencies: ["SakipFuzzing"], path: "Fuzz/Targets/\(name)"))
    }
}

if wantsBenchmarks {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"])
    )
    package.targets.append(
        .executableTarget(
            name: "SakipBenchmarks",
            dependencies: ["SakipCore", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/SakipBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    )
}
