import Checks
import Discovery
import Drift
import Model

/// One baseline file judged against the live resources: account settings and the live check results it enforces.
public struct BaselineOutcome: Sendable {
    /// The baseline's path in the repository (or on disk).
    public var file: String
    public var baseline: SecurityBaseline
    /// One result per setting (and per region for per-region settings).
    public var settings: [SettingResult]
    /// Live check results split into enforced, excepted and not enforced.
    public var checks: BaselineFilterResult

    /// Creates an outcome.
    public init(file: String, baseline: SecurityBaseline, settings: [SettingResult], checks: BaselineFilterResult) {
        self.file = file
        self.baseline = baseline
        self.settings = settings
        self.checks = checks
    }

    /// Settings that failed.
    public var failedSettings: [SettingResult] { settings.filter { $0.status == .failed } }
    /// Enforced check results that FAILED and no active exception covers.
    public var failedChecks: [CheckResult] { checks.enforced.filter { $0.verdict == .failed } }
    /// Failed settings plus failed enforced checks.
    public var violationCount: Int { failedSettings.count + failedChecks.count }
}

/// What one live posture run found: the live resources of every configured cloud, the check library's verdicts on
/// them, baseline outcomes, drift against the desired state, and every part that could not be read or judged.
/// The live-remediation stage consumes this value.
public struct LivePostureResult: Sendable {
    /// Live resources of every cloud read, sorted by address within each cloud.
    public var resources: [Resource]
    /// Every check result on the live resources (passed, failed, unknown).
    public var findings: [CheckResult]
    public var baselineResults: [BaselineOutcome]
    /// Nil when drift was skipped (no state found); the reason is in `warnings`.
    public var drift: DriftReport?
    /// Per-service / per-region parts discovery could not read, by cloud.
    public var discoveryErrors: [LiveCloudError]
    /// One line per partial result (a denied service, a failed region, an unreadable baseline, drift skipped).
    public var warnings: [String]
    /// Account (AWS) or subscription (Azure) read, by cloud name.
    public var accounts: [String: String]
    /// Logical API calls made, all clouds together.
    public var apiCalls: Int
    /// Settings discovery did not read, as resources with every attribute unknown (see `DiscoveryResult.unread`).
    public var unread: [Resource] = []
    /// Services discovery stopped calling after repeated transport failures.
    public var stoppedServices: [StoppedService] = []
    /// Whether the discovery deadline passed before every call was made.
    public var deadlineExceeded = false

    /// Whether some part of a cloud was not read.
    public var isPartial: Bool { !discoveryErrors.isEmpty || !stoppedServices.isEmpty || deadlineExceeded }

    /// Creates a result.
    public init(
        resources: [Resource] = [], findings: [CheckResult] = [], baselineResults: [BaselineOutcome] = [],
        drift: DriftReport? = nil, discoveryErrors: [LiveCloudError] = [], warnings: [String] = [],
        accounts: [String: String] = [:], apiCalls: Int = 0
    ) {
        self.resources = resources
        self.findings = findings
        self.baselineResults = baselineResults
        self.drift = drift
        self.discoveryErrors = discoveryErrors
        self.warnings = warnings
        self.accounts = accounts
        self.apiCalls = apiCalls
    }

    /// Live check results that FAILED.
    public var failedFindings: [CheckResult] { findings.filter { $0.verdict == .failed } }
}

/// A discovery error with the cloud it happened in.
public struct LiveCloudError: Sendable, Hashable, CustomStringConvertible {
    public var cloud: String
    public var error: DiscoveryError

    /// Creates an error.
    public init(cloud: String, error: DiscoveryError) {
        self.cloud = cloud
        self.error = error
    }

    public var description: String { "\(cloud): \(error)" }

    /// The line this error adds to a run's warnings; a renderer that lists the errors apart drops exactly these lines.
    public var warning: String { "\(cloud) not read: \(error)" }
}
