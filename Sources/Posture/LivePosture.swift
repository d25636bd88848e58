import Checks
import CloudHTTP
import Discovery
import Drift
import Foundation
import Model

/// The desired side of a drift run: resources from a Terraform state, the configuration (HCL or plan) merged into
/// them by `DriftDetector.detect(state:configuration:live:discoveredTypes:)`, and where they came from.
public struct DesiredState: Sendable {
    /// The state's resources (the last apply).
    public var resources: [Resource]
    /// The configuration's resources (the intent); empty when no configuration was read.
    public var configuration: [Resource]
    /// `path` or `s3://bucket/key`.
    public var source: String
    /// Problems met reading it (duplicate IDs, unreadable entries).
    public var diagnostics: [Diagnostic]

    /// Creates a desired state.
    public init(resources: [Resource], configuration: [Resource] = [], source: String, diagnostics: [Diagnostic] = []) {
        self.resources = resources
        self.configuration = configuration
        self.source = source
        self.diagnostics = diagnostics
    }
}

/// What one live posture run needs besides the clouds' credentials: which clouds, the baselines, the desired state.
public struct LivePostureInputs: Sendable {
    public var clouds: [DiscoveryCloud]
    public var baselines: [SecurityBaseline]
    /// Nil skips drift (no state configured or found); say why in `warnings`.
    public var desired: DesiredState?
    public var ignore: DriftIgnore
    /// Problems met gathering the inputs; they are carried into the result's warnings.
    public var warnings: [String]
    /// Whether drift lists unmanaged provider-managed defaults (default VPC, root volumes, …) and counts them.
    public var showDefaults = false

    /// Creates inputs.
    public init(
        clouds: [DiscoveryCloud], baselines: [SecurityBaseline] = [], desired: DesiredState? = nil,
        ignore: DriftIgnore = DriftIgnore(), warnings: [String] = []
    ) {
        self.clouds = clouds
        self.baselines = baselines
        self.desired = desired
        self.ignore = ignore
        self.warnings = warnings
    }
}

/// Discovery → the check library on the live resources → baselines → drift, for one or more clouds.
/// The reconcile stage and `bulwark drift` both run this; it stores nothing.
public struct LivePosture: Sendable {
    /// The check library (the same one the scan uses); empty skips live checks.
    public var checks: [CheckDefinition]
    /// Computed/defaulted attributes per type, so provider defaults are not reported as drift.
    public var attributes: AttributeIgnoreTable
    public var environment: [String: String]
    public var transport: any HTTPTransport
    /// Timeouts, circuit breaker and deadline of the discovery.
    public var limits: DiscoveryLimits

    /// Creates a run with the given library and the environment the cloud clients read.
    public init(
        checks: [CheckDefinition], attributes: AttributeIgnoreTable = AttributeIgnoreTable(),
        environment: [String: String], transport: any HTTPTransport = URLSessionTransport(),
        limits: DiscoveryLimits = .standard
    ) {
        self.checks = checks
        self.attributes = attributes
        self.environment = environment
        self.transport = transport
        self.limits = limits
    }

    /// Where the drift attribute table lives in a check library.
    public static let attributeFileName = "drift/ignore-attributes.yaml"

    /// The drift attribute table shipped with the checks (`drift/ignore-attributes.yaml`: its text and file
    /// name, from the library's directory or the binary); the built-in defaults when the library has none.
    public static func attributeTable(
        _ file: (text: String, file: String)?
    ) -> (
        table: AttributeIgnoreTable, diagnostics: [Diagnostic]
    ) {
        guard let file else { return (AttributeIgnoreTable(), []) }
        return AttributeIgnoreTable.load(yaml: file.text, file: file.file)
    }

    /// Runs every step. Throws only when no configured cloud could be read at all; a cloud, service or region that
    /// fails while another part succeeds is listed in `discoveryErrors` and `warnings`.
    public func run(_ inputs: LivePostureInputs) async throws(PostureError) -> LivePostureResult {
        var result = LivePostureResult(warnings: inputs.warnings)
        var failures: [PostureError] = []
        var readClouds: Set<String> = []
        var awsRegions: Set<String>?
        let stateRegions = inputs.desired.map { DriftDetector.regions(of: $0.resources) } ?? []
        for configured in inputs.clouds {
            var cloud = configured
            // Without regions named, the configured one and those the state's ARNs name are read.
            if case .aws(let profile, let regions, let accounts) = cloud, regions.isEmpty, !stateRegions.isEmpty,
                let home = environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"]
            {
                cloud = .aws(
                    profile: profile, regions: [home] + stateRegions.subtracting([home]).sorted(), accounts: accounts)
            }
            do {
                let discovered = try await LiveDiscovery.discover(
                    cloud, environment: environment, transport: transport, limits: limits)
                if case .aws = cloud { awsRegions = (awsRegions ?? []).union(discovered.regions) }
                result.resources += discovered.resources
                result.unread += discovered.unread
                for stopped in discovered.stoppedServices {
                    result.stoppedServices.append(stopped)
                    result.warnings.append("\(cloud.name): \(stopped)")
                }
                if discovered.deadlineExceeded {
                    result.deadlineExceeded = true
                    result.warnings.append("\(cloud.name): the discovery deadline passed; calls not made are listed unread")
                }
                result.accounts[cloud.name] = discovered.account
                result.apiCalls += discovered.apiCalls
                readClouds.insert(cloud.name)
                for error in discovered.errors {
                    let unread = LiveCloudError(cloud: cloud.name, error: error)
                    result.discoveryErrors.append(unread)
                    result.warnings.append(unread.warning)
                }
            } catch {
                failures.append(error)
                result.warnings.append(error.message)
            }
        }
        if !failures.isEmpty && failures.count == inputs.clouds.count, let first = failures.first {
            throw PostureError(first.code, failures.map(\.message).joined(separator: "; "), underlying: first)
        }
        if !checks.isEmpty {
            let engine = CheckEngine(checks: checks)
            let resources = result.resources
            result.findings = await OffPool.run { engine.evaluate(graph: ResourceGraph(resources)) }
        }
        let types = Self.discoveredTypes(result, readClouds: readClouds)
        result.baselineResults = inputs.baselines.map {
            evaluate($0, resources: result.resources, findings: result.findings, discoveredTypes: types)
        }
        for outcome in result.baselineResults {
            for d in outcome.checks.diagnostics { result.warnings.append("baseline \(outcome.file): \(d.message)") }
        }
        if let desired = inputs.desired {
            var report = DriftDetector(attributes: attributes, ignore: inputs.ignore, showDefaults: inputs.showDefaults)
                .detect(
                    state: desired.resources, configuration: desired.configuration, live: result.resources,
                    discoveredTypes: types, unread: result.unread, regions: awsRegions)
            report.diagnostics = desired.diagnostics + report.diagnostics
            result.drift = report
        }
        return result
    }

    /// A baseline judged on the resources and results of its own provider only.
    private func evaluate(
        _ baseline: SecurityBaseline, resources: [Resource], findings: [CheckResult],
        discoveredTypes: Set<String>
    ) -> BaselineOutcome {
        let prefix = Self.typePrefix(provider: baseline.provider)
        let evaluator = BaselineEvaluator(baseline: baseline)
        let own = resources.filter { $0.type.hasPrefix(prefix) }
        return BaselineOutcome(
            file: baseline.file, baseline: baseline, settings: evaluator.evaluateSettings(live: own, discoveredTypes: discoveredTypes),
            checks: evaluator.filter(findings.filter { $0.resourceType.hasPrefix(prefix) }))
    }

    /// The types present live, plus every type whose services answered without any error: for account settings an
    /// absent one then means "not configured" (no password policy), not "unknown"; for drift a state resource of
    /// such a type with no live counterpart is missing (every bucket deleted is drift, not silence).
    static func discoveredTypes(_ result: LivePostureResult, readClouds: Set<String>) -> Set<String> {
        var types = Set(result.resources.map(\.type))
        var failed: [String: Set<String>] = [:]
        for error in result.discoveryErrors { failed[error.cloud, default: []].insert(error.error.service) }
        for (type, source) in ServiceTypes.owners where readClouds.contains(source.cloud) {
            let errors = failed[source.cloud] ?? []
            if errors.isDisjoint(with: ServiceTypes.wholeCloud) && errors.isDisjoint(with: source.services) {
                types.insert(type)
            }
        }
        return types
    }

    /// `aws_` or `azurerm_`: the Terraform type prefix of a baseline's provider.
    static func typePrefix(provider: String) -> String {
        provider.lowercased() == "azure" || provider.lowercased() == "azurerm" ? "azurerm_" : provider.lowercased() + "_"
    }
}
