// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets, built by fuzz/run.sh with `-sanitize=fuzzer,address -parse-as-library`.
// SwiftPM links an executable's entry point as `<Target>_main`; each target defines that symbol
// and hands control to libFuzzer through LLVMFuzzerRunDriver (declared in CFuzzDriver).
let package = Package(
    name: "BulwarkFuzz",
    dependencies: [.package(name: "Bulwark", path: "..")],
    targets: [
        .target(name: "CFuzzDriver"),
        .executableTarget(name: "FuzzHCLParser", dependencies: ["CFuzzDriver", .product(name: "HCL", package: "Bulwark")]),
        .executableTarget(name: "FuzzPlanReader", dependencies: ["CFuzzDriver", .product(name: "Terraform", package: "Bulwark")]),
        .executableTarget(
            name: "FuzzControllerConfig",
            dependencies: [
                "CFuzzDriver", .product(name: "ControllerConfig", package: "Bulwark"), .product(name: "Checks", package: "Bulwark"),
                .product(name: "Drift", package: "Bulwark"),
            ]),
        .executableTarget(name: "FuzzActivityLogs", dependencies: ["CFuzzDriver", .product(name: "Anomaly", package: "Bulwark")]),
        .target(name: "FuzzSupport", dependencies: [.product(name: "CloudHTTP", package: "Bulwark")]),
        .executableTarget(
            name: "FuzzCloudParsers",
            dependencies: ["CFuzzDriver", .product(name: "CloudHTTP", package: "Bulwark"), .product(name: "AWS", package: "Bulwark")]),
        .executableTarget(
            name: "FuzzAWSDiscovery",
            dependencies: [
                "CFuzzDriver", "FuzzSupport", .product(name: "AWS", package: "Bulwark"), .product(name: "Discovery", package: "Bulwark"),
            ]),
        .executableTarget(
            name: "FuzzAzureDiscovery",
            dependencies: [
                "CFuzzDriver", "FuzzSupport", .product(name: "Azure", package: "Bulwark"), .product(name: "Discovery", package: "Bulwark"),
            ]),
        .executableTarget(name: "FuzzCheckYAML", dependencies: ["CFuzzDriver", .product(name: "Checks", package: "Bulwark")]),
    ]
)
