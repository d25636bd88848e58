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
        // GitOps layer: libgit2 wrapper (issue 5).
        .library(name: "GitOps", targets: ["GitOps"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
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
        // --- Reconciler (the controller loop: targets, schedule, status, leases, stages) ---
        .target(
            name: "Reconciler",
            dependencies: [
                "Model", "Checks", "Reports", "Scanner", "Store", "GitOps",
                // Live posture stage (issue 6): discovery, live checks, baselines and drift per cycle.
                "Discovery", "AWS", "Azure", "AzureDiscovery", "Drift", "CloudHTTP", "Terraform",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "ReconcilerTests",
            dependencies: ["Reconciler", "Store", "GitOps", "Scanner", "Reports", "Model",
                           // live posture tests (issue 6): moto_server and a loopback ARM server
                           "TestHTTPServer", "AWS", "Azure", "Discovery", "Drift", "CloudHTTP",
                           "TestSupport", "bulwark"]  // scale-out: real `bulwark reconcile` replicas
        ),
        .executableTarget(
            name: "bulwark",
            dependencies: [
                "Model", "HCL", "Terraform", "Checks", "Reports", "Scanner", "Reconciler", "Store", "GitOps",
                "AWS", "Discovery",  // cloud block: `bulwark discover`
                "Azure", "AzureDiscovery", "Drift",  // `bulwark discover --cloud azure`, `bulwark drift`
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                "Anomaly",  // anomaly layer: `bulwark anomaly`
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Runs the HCL specification's conformance cases (bench/hcl-specsuite.sh); not part of the product.
        .executableTarget(name: "hcl-specsuite", dependencies: ["HCL", "Model"]),
        // Stored-report sample (compliance + history reports in every format) for scripts/render-sample-report.sh;
        // a developer tool like hcl-specsuite, not part of the product.
        .executableTarget(name: "report-sample", dependencies: ["Reports"]),
        // --- Drift (issue 6): state vs live diff, .bulwarkignore, S3 backend location, security baselines. ---
        // A peer of Reports above Checks; builds on Model only for live resources (no Discovery dependency).
        .target(name: "Drift", dependencies: ["Model", "HCL", "Terraform", "Checks"]),
        // Drift benchmark (bench/drift-bench.sh): hash-join diff vs a nested-loop matcher; a developer tool.
        .executableTarget(name: "drift-bench", dependencies: ["Drift", "Model"]),
        .testTarget(name: "DriftTests", dependencies: ["Drift", "Checks", "Terraform", "Model"]),
        // --- end Drift ---
        // --- GitOps layer (issue 5): libgit2 1.5 wrapper. GitOps -> Model, CGit2, CGitShim. ---
        // libgit2 from the system (Debian libgit2-dev, mbedTLS + libssh2).
        .systemLibrary(name: "CGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        // The few libgit2 entry points Swift cannot call (variadic git_libgit2_opts) and the stream struct layout.
        .target(name: "CGitShim", dependencies: ["CGit2"]),
        .target(
            name: "GitOps",
            dependencies: ["Model", "CGit2", "CGitShim", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Clone benchmark driver (bench/git-clone-bench.sh); not part of the product.
        .executableTarget(name: "git-bench", dependencies: ["GitOps"]),
        .testTarget(name: "GitOpsTests", dependencies: ["GitOps", "CGit2", "TestSupport"]),
        // --- end GitOps layer ---
        // --- Cloud clients and live discovery (issue 6, AWS part) ---
        // CloudHTTP: cloud-neutral HTTP transport (URLSession/libcurl), retries with jitter, typed HTTP errors.
        .target(name: "CloudHTTP", dependencies: ["Model"]),
        // Test support (not product): loopback HTTP server and moto_server launcher, shared by cloud test suites.
        .target(name: "TestHTTPServer", dependencies: ["TestSupport"], path: "Tests/TestHTTPServer"),
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
        // Discovery: live cloud resources mapped into Terraform's attribute vocabulary (AWS now; Azure slots in).
        .target(name: "Discovery", dependencies: ["Model", "AWS", "CloudHTTP"]),
        .testTarget(
            name: "DiscoveryTests",
            dependencies: ["Discovery", "AWS", "CloudHTTP", "Checks", "Scanner", "Model", "TestHTTPServer"],
            resources: [.copy("Fixtures")]
        ),
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
        // --- Anomaly layer (issue 7): activity-log ingestion, features, Isolation Forest, rules, alerts. ---
        // zlib for CloudTrail's gzip log objects (inflate with an output cap) and the harness's writer.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "Anomaly", dependencies: ["Model", "CZlib"]),
        // Benchmark driver for bench/anomaly-vs-sklearn.sh (built in release there); not part of the product.
        .executableTarget(name: "anomaly-bench", dependencies: ["Anomaly"]),
        .testTarget(name: "AnomalyTests", dependencies: ["Anomaly", "TestHTTPServer"], resources: [.copy("Fixtures")]),
        // --- end Anomaly layer ---
        .testTarget(name: "ModelTests", dependencies: ["Model"]),
        .testTarget(name: "HCLTests", dependencies: ["HCL", "Model"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "TerraformTests", dependencies: ["Terraform", "HCL", "Model", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ChecksTests", dependencies: ["Checks", "Model", "Terraform"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Checks", "Model"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ScannerTests", dependencies: ["Scanner", "Reports", "Checks", "Model"], resources: [.copy("Fixtures")]),
    ]
)

// MARK: Store layer (issue 4) — the database under everything Bulwark records.
//   Store -> Model, CSQLite (system libsqlite3), CLibPQ (system libpq)
package.targets += [
    .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
    .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
    .target(name: "Store", dependencies: ["Model", "CSQLite", "CLibPQ"]),
    // Developer tool for the store tests and bench/store-bench.sh (synthetic scans, crash mid-write); not shipped.
    .executableTarget(name: "bulwark-store-tool", dependencies: ["Store"]),
    .testTarget(name: "StoreTests", dependencies: ["Store", "bulwark-store-tool", "TestSupport"]),
]

// MARK: Remediation layer (issue 8) — IaC fixes as textual HCL edits, live fixes, fix plans.
//   Remediation -> Checks, Terraform, HCL, Model
package.targets += [
    .target(name: "Remediation", dependencies: ["Model", "HCL", "Terraform", "Checks"]),
    // IaC fixes (branch iacfix): fix vocabulary, edit engine, planner, verification, unified diffs.
    .testTarget(
        name: "RemediationTests",
        dependencies: ["Remediation", "Checks", "Terraform", "HCL", "Model", "Scanner", "bulwark", "TestSupport"],
        resources: [.copy("Fixtures")]),
]

// MARK: Pull requests (issue 8, remediation via commits) — fix branches proposed as GitHub PRs / GitLab MRs.
//   PullRequests -> CloudHTTP, Model. The Reconciler's propose stage gains Remediation (fix plans) and PullRequests.
package.targets += [
    .target(name: "PullRequests", dependencies: ["Model", "CloudHTTP"]),
    .testTarget(name: "PullRequestsTests", dependencies: ["PullRequests", "CloudHTTP", "TestHTTPServer", "Model"]),
]
for target in package.targets where target.name == "Reconciler" {
    target.dependencies += ["Remediation", "PullRequests"]
}
for target in package.targets where target.name == "ReconcilerTests" {
    target.dependencies += ["Remediation", "PullRequests", "Checks"]
}
// --- end pull requests ---

// MARK: Test support (not product) — child processes (posix_spawn/waitpid), a real `git daemon` with fixture
// repositories, and a throwaway PostgreSQL server, shared by GitOpsTests, ReconcilerTests and StoreTests.
package.targets += [
    .target(name: "TestSupport", path: "Tests/TestSupport"),
]

// MARK: Anomaly wired to the clouds, the Store and the reconcile loop (issue 7, stage part).
//   Anomaly -> AWS, Azure, CloudHTTP (S3 CloudTrail objects, Activity Log REST);
//   Reconciler -> Anomaly, AWS, Azure (AnomalyStage, Store-backed cursor store and alert sink).
for target in package.targets {
    switch target.name {
    case "Anomaly": target.dependencies += ["AWS", "Azure", "CloudHTTP"]
    case "AnomalyTests": target.dependencies += ["AWS", "Azure", "CloudHTTP"]
    case "Reconciler": target.dependencies += ["Anomaly", "LiveRemediation"]  // live fixes after the live stage
    case "ReconcilerTests": target.dependencies += ["Anomaly"]
    default: break
    }
}

// MARK: Live remediation (issue 8, live part) — live fixes as exact cloud API calls, the approval state machine.
//   LiveRemediation -> Store, Discovery, AzureDiscovery, AWS, Azure, CloudHTTP, Checks, Model
package.targets += [
    .target(
        name: "LiveRemediation",
        dependencies: ["Model", "Checks", "AWS", "Azure", "CloudHTTP", "Discovery", "AzureDiscovery", "Store",
                       .product(name: "Crypto", package: "swift-crypto")]
    ),
    .testTarget(
        name: "LiveRemediationTests",
        dependencies: ["LiveRemediation", "Store", "AWS", "Azure", "CloudHTTP", "Checks", "Discovery", "Model",
                       "TestHTTPServer", "TestSupport", "bulwark"],  // bulwark: the CLI tests run `bulwark remediation`
        resources: [.copy("Fixtures")]
    ),
    // MTTR benchmark driver (bench/remediation-mttr.sh); a developer tool, not part of the product.
    .executableTarget(name: "remediation-bench", dependencies: ["LiveRemediation", "Store", "AWS", "Discovery", "Checks", "Model"]),
]
// `bulwark remediation` (list/show/approve/reject/apply) runs live fixes: the CLI gains LiveRemediation.
if let cli = package.targets.first(where: { $0.name == "bulwark" }) {
    cli.dependencies += ["LiveRemediation"]
    // `bulwark fix` (issue 8, IaC fixes): the CLI gains the Remediation layer.
    cli.dependencies.append("Remediation")
}
