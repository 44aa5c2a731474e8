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
        .target(
            name: "CallPulseKit",
            dependencies: [
                "CallPulseDomain",
                "CallPulseCallList",
                "CReadline",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "CallPulsePostgres",
            dependencies: ["CLibPQ", "CallPulseDomain"]
        ),
        .executableTarget(name: "callpulse", dependencies: ["CallPulseKit"]),
        .executableTarget(
            name: "callpulse-bench",
            dependencies: [
                "CallPulseKit",
                "CallPulseDomain",
                "CallPulseCallList",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CallPulseKitTests",
            dependencies: ["CallPulseKit", "CallPulseDomain", "CallPulseCallList", "CallPulsePostgres"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
