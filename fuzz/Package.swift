// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets. Built by fuzz/run.sh with `-sanitize=fuzzer,address -parse-as-library`,
// so libFuzzer provides main() and calls LLVMFuzzerTestOneInput.
let package = Package(
    name: "BulwarkFuzz",
    dependencies: [.package(name: "Bulwark", path: "..")],
    targets: [
        .executableTarget(name: "FuzzHCLParser", dependencies: [.product(name: "HCL", package: "Bulwark")]),
        .executableTarget(name: "FuzzPlanReader", dependencies: [.product(name: "Terraform", package: "Bulwark")]),
    ]
)
