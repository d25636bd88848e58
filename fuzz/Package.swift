// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets, built by fuzz/run.sh with AddressSanitizer and libFuzzer's coverage instrumentation
// (`-sanitize=address -sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table
// -parse-as-library`) everywhere, and libFuzzer itself linked only into the fuzz executables below: the build
// also links host tools (the EmbedResources plugin's `embed-resources`), which have their own `main`.
// SwiftPM links an executable's entry point as `<Target>_main`; each target defines that symbol
// and hands control to libFuzzer through LLVMFuzzerRunDriver (declared in CFuzzDriver).
/// Links libFuzzer (and its `LLVMFuzzerRunDriver`) into a fuzz executable only.
let libFuzzer: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]

let package = Package(
    name: "BulwarkFuzz",
    dependencies: [.package(name: "Bulwark", path: "..")],
    targets: [
        .target(name: "CFuzzDriver"),
        .executableTarget(
            name: "FuzzHCLParser", dependencies: ["CFuzzDriver", .product(name: "HCL", package: "Bulwark")], linkerSettings: libFuzzer),
        .executableTarget(
            name: "FuzzPlanReader", dependencies: ["CFuzzDriver", .product(name: "Terraform", package: "Bulwark")],
            linkerSettings: libFuzzer),
        .executableTarget(
            name: "FuzzControllerConfig",
            dependencies: [
                "CFuzzDriver", .product(name: "ControllerConfig", package: "Bulwark"), .product(name: "Checks", package: "Bulwark"),
                .product(name: "Drift", package: "Bulwark"),
            ], linkerSettings: libFuzzer),
        .executableTarget(
            name: "FuzzActivityLogs", dependencies: ["CFuzzDriver", .product(name: "Anomaly", package: "Bulwark")],
            linkerSettings: libFuzzer),
        .target(name: "FuzzSupport", dependencies: [.product(name: "CloudHTTP", package: "Bulwark")]),
        .executableTarget(
            name: "FuzzCloudParsers",
            dependencies: ["CFuzzDriver", .product(name: "CloudHTTP", package: "Bulwark"), .product(name: "AWS", package: "Bulwark")],
            linkerSettings: libFuzzer),
        .executableTarget(
            name: "FuzzAWSDiscovery",
            dependencies: [
                "CFuzzDriver", "FuzzSupport", .product(name: "AWS", package: "Bulwark"), .product(name: "Discovery", package: "Bulwark"),
            ], linkerSettings: libFuzzer),
        .executableTarget(
            name: "FuzzAzureDiscovery",
            dependencies: [
                "CFuzzDriver", "FuzzSupport", .product(name: "Azure", package: "Bulwark"), .product(name: "CloudHTTP", package: "Bulwark"),
                .product(name: "Discovery", package: "Bulwark"),
            ], linkerSettings: libFuzzer),
        .executableTarget(
            name: "FuzzCheckYAML", dependencies: ["CFuzzDriver", .product(name: "Checks", package: "Bulwark")], linkerSettings: libFuzzer),
    ]
)
