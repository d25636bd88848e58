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
    ]
)
