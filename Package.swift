// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "CallPulse",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "callpulse", targets: ["callpulse"]),
        .executable(name: "callpulse-bench", targets: ["callpulse-bench"]),
        .library(name: "CallPulseKit", targets: ["CallPulseKit"]),
        .library(name: "CallPulseDomain", targets: ["CallPulseDomain"]),
        .library(name: "CallPulseCallList", targets: ["CallPulseCallList"]),
        .library(name: "CallPulseStore", targets: ["CallPulseStore"]),
        .library(name: "CallPulseSQLite", targets: ["CallPulseSQLite"]),
        .library(name: "CallPulseCommands", targets: ["CallPulseCommands"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CReadline",
            pkgConfig: "readline",
            providers: [.apt(["libreadline-dev"])]
        ),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(
            name: "CPhoneNumber",
            cxxSettings: [.unsafeFlags(["-std=c++17"])],
            linkerSettings: [.linkedLibrary("phonenumber"), .linkedLibrary("stdc++")]
        ),
        .target(
            name: "CallPulseDomain",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "CallPulseCallList",
            dependencies: ["CallPulseDomain", "CPhoneNumber"]
        ),
        // Operating-system helpers every layer may use: signal handlers, the login name.
        .target(name: "CallPulseSystem"),
        // The store protocols by job, the engine-neutral values they pass, and StoreError.
        .target(
            name: "CallPulseStore",
            dependencies: ["CallPulseDomain"]
        ),
        // The SQLite engine: GRDB, migrations, triggers, the writer gate, every SQL statement.
        .target(
            name: "CallPulseSQLite",
            dependencies: [
                "CallPulseStore",
                "CallPulseDomain",
                "CallPulseSystem",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The application: console, supervisor views, import/export pipelines, report, on the store protocols only.
        .target(
            name: "CallPulseKit",
            dependencies: [
                "CallPulseDomain",
                "CallPulseCallList",
                "CallPulseStore",
                "CallPulseSystem",
                "CReadline",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The commands: parse the command line and choose the store engine from the database address.
        .target(
            name: "CallPulseCommands",
            dependencies: [
                "CallPulseKit",
                "CallPulseStore",
                "CallPulseSQLite",
                "CallPulsePostgres",
                "CallPulseDomain",
                "CallPulseCallList",
                "CallPulseSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The PostgreSQL engine: libpq, the schema and its migrations, every PostgreSQL statement.
        .target(
            name: "CallPulsePostgres",
            dependencies: ["CLibPQ", "CallPulseDomain", "CallPulseStore"]
        ),
        .executableTarget(name: "callpulse", dependencies: ["CallPulseCommands"]),
        .executableTarget(
            name: "callpulse-bench",
            dependencies: [
                "CallPulseCommands",
                "CallPulseKit",
                "CallPulseStore",
                "CallPulseSQLite",
                "CallPulsePostgres",
                "CallPulseDomain",
                "CallPulseCallList",
                "CallPulseSystem",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CallPulseKitTests",
            dependencies: [
                "CallPulseCommands", "CallPulseKit", "CallPulseStore", "CallPulseSQLite", "CallPulseDomain",
                "CallPulseCallList", "CallPulseSystem", "CallPulseTestSupport", "CallPulsePostgres",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures")]
        ),
        // Pure tests of the domain and of reading call lists: no database, no files written.
        .testTarget(
            name: "CallPulseDomainTests",
            dependencies: ["CallPulseDomain", "CallPulseCallList", "CallPulseTestSupport"]
        ),
        // The store conformance suite: every engine passes the same tests.
        .testTarget(
            name: "CallPulseStoreTests",
            dependencies: [
                "CallPulseStore", "CallPulseSQLite", "CallPulsePostgres", "CallPulseDomain", "CallPulseTestSupport",
            ]
        ),
        // Helpers the test targets share: temporary folders, the repository's files, local times, scripts,
        // the throwaway PostgreSQL server and the store engines the tests run on (StoreEngine).
        .target(
            name: "CallPulseTestSupport",
            dependencies: ["CallPulseDomain", "CallPulseStore", "CallPulseSQLite", "CallPulsePostgres", "CallPulseSystem"],
            path: "Tests/CallPulseTestSupport"
        ),
    ]
)
