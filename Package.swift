// swift-tools-version:6.0
import PackageDescription

// Layers (see docs/architecture.md): dependencies point downward only.
//   bulwark (CLI) -> Scanner -> Reports -> Checks -> Model
//                    Scanner -> Terraform -> HCL -> Model
let package = Package(
    name: "Bulwark",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "bulwark", targets: ["bulwark"]),
        .library(name: "Model", targets: ["Model"]),
        .library(name: "HCL", targets: ["HCL"]),
        .library(name: "Terraform", targets: ["Terraform"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "Model"),
        .target(
            name: "HCL",
            dependencies: [
                "Model",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "Terraform", dependencies: ["Model", "HCL"]),
        .target(name: "Checks", dependencies: ["Model", "HCL", .product(name: "Yams", package: "Yams")]),
        // Report model and output formatters (human, json, sarif, junit, csv, markdown).
        .target(name: "Reports", dependencies: ["Checks", "Model"]),
        // Scan orchestration: inputs, root modules, check library, suppressions, baseline, filters.
        .target(name: "Scanner", dependencies: ["Reports", "Checks", "Terraform", "HCL", "Model"]),
        .executableTarget(
            name: "bulwark",
            dependencies: [
                "Model", "HCL", "Terraform", "Checks", "Reports", "Scanner",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Runs the HCL specification's conformance cases (bench/hcl-specsuite.sh); not part of the product.
        .executableTarget(name: "hcl-specsuite", dependencies: ["HCL", "Model"]),
        // --- Cloud clients and live discovery (issue 6, AWS part) ---
        // CloudHTTP: cloud-neutral HTTP transport (URLSession/libcurl), retries with jitter, typed HTTP errors.
        .target(name: "CloudHTTP", dependencies: ["Model"]),
        // Test support (not product): loopback HTTP server and moto_server launcher, shared by cloud test suites.
        .target(name: "TestHTTPServer", path: "Tests/TestHTTPServer"),
        .testTarget(name: "CloudHTTPTests", dependencies: ["CloudHTTP", "TestHTTPServer"]),
        // AWS: SigV4, credential chain, query / rest-xml / json protocols, pagination, throttling, concurrency limits.
        .target(
            name: "AWS",
            dependencies: ["Model", "CloudHTTP", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Runs AWS's SigV4 conformance cases (bench/sigv4-suite.sh); a developer tool, not part of the product.
        .executableTarget(name: "sigv4-suite", dependencies: ["AWS"]),
        .testTarget(
            name: "AWSTests", dependencies: ["AWS", "CloudHTTP", "TestHTTPServer", "Model"], resources: [.copy("Fixtures")]),
        // --- end of cloud block ---
        // --- Azure (issue 6, Azure part) ---
        // Azure: OAuth2 client credentials with a token cache, ARM GET/list with nextLink paging, typed ARM errors.
        .target(name: "Azure", dependencies: ["Model", "CloudHTTP"]),
        // AzureDiscovery: subscription discovery mapped into azurerm_* resources (to be folded into Discovery).
        .target(name: "AzureDiscovery", dependencies: ["Model", "Azure"]),
        .testTarget(
            name: "AzureTests",
            dependencies: ["Azure", "AzureDiscovery", "CloudHTTP", "TestHTTPServer", "Model", "Checks", "Scanner"],
            resources: [.copy("Fixtures")]),
        // --- end of Azure block ---
        .testTarget(name: "ModelTests", dependencies: ["Model"]),
        .testTarget(name: "HCLTests", dependencies: ["HCL", "Model"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TerraformTests", dependencies: ["Terraform", "HCL", "Model"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ChecksTests", dependencies: ["Checks", "Model", "Terraform"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Checks", "Model"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ScannerTests", dependencies: ["Scanner", "Reports", "Checks", "Model"], resources: [.copy("Fixtures")]),
    ]
)
