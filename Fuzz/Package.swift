// swift-tools-version:6.0
import PackageDescription

// libFuzzer harnesses for CallPulse's readers of hostile input. Built only by Fuzz/run.sh (release,
// -sanitize=fuzzer,address, -enable-testing so the checks reach internal API), never by the main
// package's `swift build`. The checks themselves (FuzzChecks) are shared with the test suite.
let package = Package(
    name: "CallPulseFuzz",
    dependencies: [.package(name: "CallPulse", path: "..")],
    targets: [
        .target(name: "FuzzChecks", dependencies: [
            .product(name: "CallPulseKit", package: "CallPulse"),
            .product(name: "CallPulseDomain", package: "CallPulse"),
            .product(name: "CallPulseCallList", package: "CallPulse"),
        ]),
        .target(name: "FuzzDriver"),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzChecks", "FuzzDriver"]),
        .executableTarget(name: "FuzzCondition", dependencies: ["FuzzChecks", "FuzzDriver"]),
        .executableTarget(name: "FuzzScript", dependencies: ["FuzzChecks", "FuzzDriver"]),
    ]
)
