import CommitScan
import ControllerConfig
import Foundation
import GitOps
import Logging
import Reports
import Store

/// What a stage gets for one target and commit: the scan just stored and the means to store more. The loop sets
/// every field; a stage never has to check for a missing one.
public struct StageContext: Sendable {
    public var target: TargetConfig
    public var commit: String
    /// The stored scan of this commit (drift, alerts and remediation attach to it).
    public var scanID: Int64
    /// The scan itself, with every finding.
    public var report: ScanReport
    public var store: Store
    public var logger: Logger
    /// The moment the cycle started.
    public var startedAt: Date
    /// The target's bare cache clone: files of `commit` outside the target's paths (baselines, a state file), and
    /// commits and pushes of fix branches.
    public var repository: GitRepository
    /// The target's remote options (credentials resolved, deadlines) for pushes.
    public var remoteOptions: GitRemoteOptions
    /// The cycle's scanner: the propose stage re-scans the fixed tree with the same options.
    public var scanner: CommitScanner
    /// The controller's environment; secret references (`{env: NAME}`) resolve against it.
    public var environment: [String: String]
    /// The files of the target's paths at `commit`, as the scan read them (rooted at `CommitScanner.root(of:)`);
    /// stages read baselines, state files and `.bulwarkignore` from it, and plan fixes on it, instead of checking out.
    public var snapshot: CommitSnapshot

    /// A context with every field the loop provides.
    public init(
        target: TargetConfig, commit: String, scanID: Int64, report: ScanReport, store: Store, logger: Logger,
        startedAt: Date, repository: GitRepository, remoteOptions: GitRemoteOptions, scanner: CommitScanner,
        environment: [String: String], snapshot: CommitSnapshot
    ) {
        self.target = target
        self.commit = commit
        self.scanID = scanID
        self.report = report
        self.store = store
        self.logger = logger
        self.startedAt = startedAt
        self.repository = repository
        self.remoteOptions = remoteOptions
        self.scanner = scanner
        self.environment = environment
        self.snapshot = snapshot
    }
}

/// A step that runs after the scan is stored (discovery and drift, anomaly detection, remediation).
/// New stages are added to the list given to `Reconciler`; the loop itself never changes.
public protocol ReconcileStage: Sendable {
    /// Short name for logs and status messages.
    var name: String { get }
    /// False when the stage has nothing to do for this target (no clouds configured, remediation off).
    func applies(to target: TargetConfig) -> Bool
    /// Runs the stage; a thrown error fails the cycle (and backs off); partial results go in the outcome's warnings.
    func run(_ context: StageContext) async throws -> StageOutcome
}
