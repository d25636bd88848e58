// swift-tools-version:6.0
import PackageDescription

// Tiers, lowest first; a target depends only on targets of its own tier or below (docs/architecture.md):
//   Model → HCL → Terraform → Checks → Reports / Scanner / Remediation → Store, GitOps → clouds → Reconciler → bulwark
// Every target's dependencies equal its imports.

let swiftSettings: [SwiftSetting] = [
    // Existential types are spelled `any P`, so a protocol used as a value type is visible at the use site.
    .enableUpcomingFeature("ExistentialAny")
]

let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let crypto: Target.Dependency = .product(name: "Crypto", package: "swift-crypto")
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
let serviceLifecycle: Target.Dependency = .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let yams: Target.Dependency = .product(name: "Yams", package: "Yams")
let hummingbird: Target.Dependency = .product(name: "Hummingbird", package: "hummingbird")
let hummingbirdTLS: Target.Dependency = .product(name: "HummingbirdTLS", package: "hummingbird")
let hummingbirdTesting: Target.Dependency = .product(name: "HummingbirdTesting", package: "hummingbird")
let prometheus: Target.Dependency = .product(name: "Prometheus", package: "swift-prometheus")

let package = Package(
    name: "Bulwark",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "bulwark", targets: ["bulwark"]),
        .library(name: "Model", targets: ["Model"]),
        .library(name: "HCL", targets: ["HCL"]),
        .library(name: "Terraform", targets: ["Terraform"]),
        .library(name: "GitOps", targets: ["GitOps"]),
        // For the fuzz package (fuzz/), which can only reach another package's products.
        .library(name: "Checks", targets: ["Checks"]),
        .library(name: "ControllerConfig", targets: ["ControllerConfig"]),
        .library(name: "Drift", targets: ["Drift"]),
        .library(name: "Anomaly", targets: ["Anomaly"]),
        .library(name: "CloudHTTP", targets: ["CloudHTTP"]),
        .library(name: "AWS", targets: ["AWS"]),
        .library(name: "Azure", targets: ["Azure"]),
        .library(name: "Discovery", targets: ["Discovery"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // MARK: System libraries from Debian, and the C shim for what Swift cannot call.
        .systemLibrary(name: "CGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        .target(name: "CGitShim", dependencies: ["CGit2"]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // MARK: Vocabulary: values, resources, graphs and diagnostics every layer shares.
        .target(name: "Model", swiftSettings: swiftSettings),

        // MARK: Configuration: HCL2 syntax and evaluation, Terraform modules, plans and state.
        .target(name: "HCL", dependencies: ["Model", crypto], swiftSettings: swiftSettings),
        .target(name: "Terraform", dependencies: ["Model", "HCL"], swiftSettings: swiftSettings),

        // MARK: Checks: IAM policy analysis, the declarative check engine, suppressions, baselines and frameworks.
        .target(name: "IAMPolicy", dependencies: ["Model"], swiftSettings: swiftSettings),
        .target(name: "Checks", dependencies: ["Model", "HCL", "IAMPolicy", yams], swiftSettings: swiftSettings),
        // The library under checks/ compiled into the binary as text at build time (EmbedResources).
        .target(name: "EmbeddedChecks", swiftSettings: swiftSettings, plugins: ["EmbedResources"]),

        // MARK: Scanning: the report model and its formats, scan orchestration, IaC fixes.
        .target(name: "Reports", dependencies: ["Model", "Checks", "CZlib"], swiftSettings: swiftSettings),
        .target(
            name: "Scanner", dependencies: ["Model", "HCL", "Terraform", "Checks", "Reports"],
            swiftSettings: swiftSettings),
        .target(
            name: "Remediation", dependencies: ["Model", "HCL", "Terraform", "Checks"], swiftSettings: swiftSettings),

        // MARK: Persistence and Git: the database (SQLite or PostgreSQL) and libgit2.
        .target(name: "Store", dependencies: ["Model", "CSQLite", "CLibPQ"], swiftSettings: swiftSettings),
        .target(name: "GitOps", dependencies: ["CGit2", "CGitShim", crypto], swiftSettings: swiftSettings),

        // MARK: Clouds: HTTP transport, AWS and Azure clients, discovery, drift, live fixes, pull requests,
        // activity-log anomaly detection.
        .target(name: "CloudHTTP", dependencies: ["Model"], swiftSettings: swiftSettings),
        .target(name: "AWS", dependencies: ["Model", "CloudHTTP", crypto], swiftSettings: swiftSettings),
        .target(name: "Azure", dependencies: ["Model", "CloudHTTP"], swiftSettings: swiftSettings),
        .target(name: "Discovery", dependencies: ["Model", "CloudHTTP", "AWS", "Azure"], swiftSettings: swiftSettings),
        .target(name: "Drift", dependencies: ["Model", "HCL", "Terraform", "Checks"], swiftSettings: swiftSettings),
        .target(
            name: "LiveRemediation",
            dependencies: [
                "Model", "Checks", "Store", "CloudHTTP", "AWS", "Azure", "Discovery", crypto,
            ],
            swiftSettings: swiftSettings),
        .target(name: "PullRequests", dependencies: ["Model", "CloudHTTP"], swiftSettings: swiftSettings),
        .target(
            name: "Anomaly", dependencies: ["Model", "Checks", "EmbeddedChecks", "CZlib", "CloudHTTP", "AWS", "Azure"],
            swiftSettings: swiftSettings),
        // Synthetic personas, attack techniques and log writers that measure the detector end to end.
        .target(name: "AnomalyEvaluation", dependencies: ["Model", "Anomaly"], swiftSettings: swiftSettings),

        // MARK: Controller: its configuration, the commit scan every cycle makes, live posture (discovery, live checks,
        // baselines, drift) shared by the commands and the loop, the reconcile loop, and the stages it runs.
        .target(name: "ControllerConfig", dependencies: ["Model", "Checks", "PullRequests"], swiftSettings: swiftSettings),
        .target(
            name: "CommitScan", dependencies: ["Model", "Checks", "Reports", "Scanner", "Store", "GitOps"],
            swiftSettings: swiftSettings),
        .target(
            name: "Posture",
            dependencies: ["Model", "HCL", "Terraform", "Checks", "Drift", "CloudHTTP", "AWS", "Azure", "Discovery"],
            swiftSettings: swiftSettings),
        .target(
            name: "Reconciler",
            dependencies: ["ControllerConfig", "CommitScan", "Reports", "Store", "GitOps", logging, serviceLifecycle],
            swiftSettings: swiftSettings),
        .target(
            name: "Stages",
            dependencies: [
                "Model", "HCL", "Checks", "Reports", "Scanner", "Remediation", "Store", "GitOps", "CloudHTTP", "AWS",
                "Azure", "Drift", "LiveRemediation", "PullRequests", "Anomaly", "ControllerConfig", "CommitScan",
                "Posture", "Reconciler", logging,
            ],
            swiftSettings: swiftSettings),

        // MARK: Product: the dashboard pages (targets, findings, compliance, remediation queue) the HTTP server mounts.
        .target(
            name: "Dashboard",
            dependencies: ["Model", "Store", "LiveRemediation", "Reports", hummingbird, crypto],
            swiftSettings: swiftSettings),

        // MARK: Product: the HTTP face of the controller (API, webhooks, health, metrics), served beside the loop.
        .target(
            name: "Server",
            dependencies: [
                "Model", "Checks", "Reports", "Store", "GitOps", "PullRequests", "CommitScan", "LiveRemediation", "Reconciler",
                "Dashboard", crypto, logging, serviceLifecycle, hummingbird, hummingbirdTLS, prometheus,
            ],
            swiftSettings: swiftSettings),

        // MARK: Product: the command-line interface, which composes the stages into the loop.
        .executableTarget(
            name: "bulwark",
            dependencies: [
                "Model", "HCL", "Terraform", "Checks", "Reports", "Scanner", "Remediation", "Store", "GitOps",
                "CloudHTTP", "AWS", "Azure", "Discovery", "Drift", "LiveRemediation", "PullRequests", "Anomaly",
                "AnomalyEvaluation", "ControllerConfig", "CommitScan", "Posture", "Reconciler", "Stages", "EmbeddedChecks",
                "Server", argumentParser,
                logging, serviceLifecycle,
            ],
            swiftSettings: swiftSettings),

        // MARK: Build tools: the generator that embeds checks/ and the plugin that runs it at every build.
        .executableTarget(name: "embed-resources", path: "Tools/embed-resources"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["embed-resources"]),

        // MARK: Developer tools (conformance runners, sample generators); not shipped.
        .executableTarget(name: "hcl-specsuite", dependencies: ["Model", "HCL"], path: "Tools/hcl-specsuite"),
        .executableTarget(name: "sigv4-suite", dependencies: ["AWS"], path: "Tools/sigv4-suite"),
        .executableTarget(name: "report-sample", dependencies: ["Model", "Reports"], path: "Tools/report-sample"),
        .executableTarget(name: "bulwark-store-tool", dependencies: ["Model", "Store"], path: "Tools/bulwark-store-tool"),

        // MARK: Benchmark drivers for the scripts under bench/; not shipped.
        .executableTarget(name: "anomaly-bench", dependencies: ["Anomaly", "AnomalyEvaluation"], path: "Benchmarks/anomaly-bench"),
        .executableTarget(name: "anomaly-coverage", dependencies: ["Anomaly", "AnomalyEvaluation"], path: "Benchmarks/anomaly-coverage"),
        .executableTarget(name: "drift-bench", dependencies: ["Model", "Drift"], path: "Benchmarks/drift-bench"),
        .executableTarget(name: "git-bench", dependencies: ["GitOps"], path: "Benchmarks/git-bench"),
        .executableTarget(
            name: "remediation-bench",
            dependencies: ["Model", "Checks", "Store", "AWS", "Discovery", "LiveRemediation"],
            path: "Benchmarks/remediation-bench"),

        // MARK: Test helpers: child processes, git daemon, PostgreSQL, moto_server, loopback HTTP servers.
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        // MARK: Tests, one target per layer.
        .testTarget(name: "ModelTests", dependencies: ["Model"]),
        .testTarget(name: "HCLTests", dependencies: ["Model", "HCL"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "TerraformTests", dependencies: ["Model", "HCL", "Terraform", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "IAMPolicyTests", dependencies: ["Model", "IAMPolicy"]),
        .testTarget(name: "EmbeddedChecksTests", dependencies: ["EmbeddedChecks", "Checks", "Scanner", "TestSupport", "bulwark"]),
        .testTarget(
            name: "ChecksTests", dependencies: ["Model", "Terraform", "IAMPolicy", "Checks", yams], resources: [.copy("Fixtures")]),
        .testTarget(name: "ReportsTests", dependencies: ["Model", "Checks", "Reports"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ScannerTests", dependencies: ["Model", "Checks", "Reports", "Scanner"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "RemediationTests",
            dependencies: ["Model", "Terraform", "Checks", "Reports", "Scanner", "Remediation", "TestSupport", "bulwark"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "StoreTests", dependencies: ["Model", "Store", "TestSupport", "bulwark-store-tool"]),
        .testTarget(name: "GitOpsTests", dependencies: ["GitOps", "TestSupport"]),
        .testTarget(name: "CloudHTTPTests", dependencies: ["CloudHTTP", "TestSupport"]),
        .testTarget(
            name: "AWSTests", dependencies: ["Model", "CloudHTTP", "AWS", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "AzureTests",
            dependencies: ["Model", "Checks", "Scanner", "CloudHTTP", "Azure", "Discovery", "TestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "DiscoveryTests",
            dependencies: ["Model", "Checks", "Scanner", "CloudHTTP", "AWS", "Azure", "Discovery", "TestSupport", "bulwark"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "DriftTests", dependencies: ["Model", "HCL", "Terraform", "Checks", "Drift"]),
        .testTarget(
            name: "LiveRemediationTests",
            dependencies: [
                "Model", "Checks", "Store", "CloudHTTP", "AWS", "Azure", "Discovery", "LiveRemediation",
                "TestSupport", "bulwark",
            ],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "PullRequestsTests", dependencies: ["CloudHTTP", "PullRequests", "TestSupport"]),
        .testTarget(
            name: "AnomalyTests",
            dependencies: ["Model", "CloudHTTP", "AWS", "Azure", "Anomaly", "AnomalyEvaluation", "TestSupport", "bulwark"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "DashboardTests",
            dependencies: ["Model", "Store", "LiveRemediation", "Dashboard", "TestSupport", hummingbird, hummingbirdTesting]),
        .testTarget(
            name: "ReconcilerTests",
            dependencies: [
                "Model", "Checks", "Reports", "Scanner", "Remediation", "Store", "GitOps", "CloudHTTP", "AWS",
                "Azure", "Discovery", "Drift", "LiveRemediation", "PullRequests", "Anomaly", "AnomalyEvaluation",
                "ControllerConfig", "CommitScan", "Posture", "Reconciler", "Stages", "TestSupport", "bulwark",
                logging, serviceLifecycle,
            ]),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Model", "Scanner", "Store", "GitOps", "PullRequests", "ControllerConfig", "CommitScan", "Reconciler", "Server",
                "TestSupport", "bulwark", crypto, hummingbird, hummingbirdTesting, logging, serviceLifecycle,
            ]),
    ]
)
