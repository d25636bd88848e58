import Foundation
import GitOps
import Logging
import Model
import Reports
import Store

/// What a stage gets for one target and commit: the scan just stored and the means to store more.
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
    public var repository: GitRepository? = nil
    /// The target's remote options (credentials resolved, deadlines) for pushes.
    public var remoteOptions: GitRemoteOptions? = nil
    /// The cycle's scanner: the propose stage re-scans the fixed tree with the same options.
    public var scanner: CommitScanner? = nil
    /// The controller's environment; secret references (`{env: NAME}`) resolve against it.
    public var environment: [String: String] = [:]
    /// The files of the target's paths at `commit`, as the scan read them (rooted at `CommitScanner.root(of:)`);
    /// stages read baselines, state files and `.bulwarkignore` from it, and plan fixes on it, instead of checking out.
    public var snapshot: CommitSnapshot? = nil

    /// The snapshot's files as a tree.
    public var files: MemoryFileTree? { snapshot?.tree }
}

/// A stage's one-line summary for the target status and logs.
public struct StageOutcome: Sendable, Hashable {
    public var summary: String
    /// Parts that could not be done (an AccessDenied service, a region that failed); the cycle still succeeds.
    public var warnings: [String]
    public init(summary: String, warnings: [String] = []) {
        self.summary = summary
        self.warnings = warnings
    }
}

/// A step that runs after the scan is stored (discovery and drift, anomaly detection, remediation).
/// New stages are added to the list given to `Reconciler`; the loop itself never changes.
public protocol ReconcileStage: Sendable {
    /// Short name for logs and status messages.
    var name: String { get }
    /// False when the stage has nothing to do for this target (no clouds configured, remediation off).
    func applies(to target: TargetConfig) -> Bool
    /// Runs the stage; a thrown error fails the cycle (and backs off); partial results go in `warnings`.
    func run(_ context: StageContext) async throws -> StageOutcome
}
