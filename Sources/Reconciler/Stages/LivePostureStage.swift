import AWS
import Checks
import CloudHTTP
import Drift
import Foundation
import GitOps
import Model
import Scanner
import Store

/// The reconcile stage for targets with `clouds:`: discovery, the check library on the live resources, the
/// target's baselines, and drift against its state. Live results are stored as a `<target>#live` scan (see
/// `LivePostureRecording`), drift rows on the cycle's scan; unread services and regions become warnings.
public struct LivePostureStage: ReconcileStage {
    public let name = "live"
    /// The check library the scan uses (empty when none was found: live checks are then skipped with a warning).
    public let checks: [CheckDefinition]
    public let attributes: AttributeIgnoreTable
    public let environment: [String: String]
    let transport: any HTTPTransport
    let libraryWarnings: [String]
    /// Live fixes for targets whose remediation mode is not `off`, chained after the live results are stored.
    let remediation: LiveRemediationStep

    /// A stage using `library` (the one the scans use) and the cloud settings of `environment`
    /// (AWS credential chain with the target's profile, `AWS_ENDPOINT_URL`, `AZURE_*`).
    public init(library: CheckLibrary, environment: [String: String], transport: any HTTPTransport = URLSessionTransport()) {
        let table = LivePosture.attributeTable(checksDirectory: library.directory)
        self.checks = library.checks
        self.attributes = table.table
        self.environment = environment
        self.transport = transport
        var warnings = table.diagnostics.map { "drift attributes: \($0.description)" }
        if library.directory == nil { warnings.append("no check library found: live checks skipped") }
        self.libraryWarnings = warnings
        self.remediation = LiveRemediationStep(checks: library.checks, environment: environment, transport: transport)
    }

    public func applies(to target: TargetConfig) -> Bool { !target.clouds.isEmpty }

    /// Runs the stage: evaluates, then stores the live scan and the drift rows.
    public func run(_ context: StageContext) async throws -> StageOutcome {
        let started = Date()
        let result = try await evaluate(context)
        let record = LivePostureRecording.record(result, target: context.target, repository: redactGitURL(context.target.repository),
                                                 commit: context.commit, startedAt: started, finishedAt: Date())
        let stored: RecordedScan
        do {
            stored = try await context.store.recordScan(record)
            if let drift = result.drift {
                try await context.store.recordDrift(scanID: context.scanID, items: LivePostureRecording.driftRecords(drift))
            }
        } catch {
            throw ReconcileError(.storeFailed, "live results: \(error)", target: context.target.name)
        }
        var summary = "\(result.resources.count) live resources, \(result.failedFindings.count) failed live results "
            + "(\(stored.newFindings) new)"
        let violations = result.baselineResults.reduce(0) { $0 + $1.violationCount }
        if !result.baselineResults.isEmpty { summary += ", \(violations) baseline violations" }
        if let drift = result.drift {
            summary += ", drift \(drift.changed.count) changed / \(drift.missing.count) missing / \(drift.unmanaged.count) "
                + "unmanaged" + (drift.pending.isEmpty ? "" : " / \(drift.pending.count) pending (not applied)")
                + ", coverage " + String(format: "%.0f%%", drift.coverage * 100)
        }
        context.logger.info("live posture stored", metadata: ["scan": .stringConvertible(stored.scanID),
                                                             "warnings": .stringConvertible(result.warnings.count)])
        let fixes = try await remediation.run(result, context: context)
        if !fixes.summary.isEmpty { summary += "; " + fixes.summary }
        return StageOutcome(summary: summary, warnings: result.warnings + fixes.warnings)
    }

    /// The cycle's live posture without storing it — what the live-remediation stage builds on.
    public func evaluate(_ context: StageContext) async throws(ReconcileError) -> LivePostureResult {
        let target = context.target
        let root = CommitScanner.root(of: context.commit)
        let tree = await commitTree(context, root: root)
        var fetcher: (any StateObjectFetcher)?
        if let client = try? AWSClient.fromEnvironment(environment, profile: target.clouds.aws?.profile, transport: transport) {
            fetcher = S3StateObjectFetcher(client: client)
        }
        let paths = target.paths.map(CommitScanner.normalise)
        var inputs = await LiveInputs(tree: tree, root: root, fetcher: fetcher).gather(
            clouds: LiveDiscovery.clouds(of: target), baselines: target.baselines, state: target.state, paths: paths,
            ignoreFiles: [".bulwarkignore"] + paths.filter { $0 != "." }.map { $0 + "/.bulwarkignore" })
        inputs.warnings = libraryWarnings + inputs.warnings
        let posture = LivePosture(checks: checks, attributes: attributes, environment: environment, transport: transport)
        do {
            return try await posture.run(inputs)
        } catch {
            throw ReconcileError(error.code, error.message, target: target.name)
        }
    }

    /// The scanned files plus the baselines, local state and ignore files of the same commit outside the paths.
    private func commitTree(_ context: StageContext, root: String) async -> any FileTree {
        let base: any FileTree = context.files ?? MemoryFileTree(root: root, files: [:])
        guard let repository = context.repository else { return base }
        var wanted = context.target.baselines + [".bulwarkignore"]
        if let state = context.target.state, !state.hasPrefix("s3://") { wanted.append(state) }
        var extra: [String: [UInt8]] = [:]
        for path in wanted.map(CommitScanner.normalise) where base.kind(root + "/" + path) == nil {
            // A missing file is reported by whoever needs it (a baseline) or is optional (.bulwarkignore).
            guard let files = try? await repository.files(commit: context.commit, under: [path], maxFileSize: 64 << 20) else { continue }
            for (name, data) in files { extra[name] = [UInt8](data) }
        }
        guard !extra.isEmpty else { return base }
        // Same commit, so the scanned files and the extra ones form one snapshot; scanned bytes win on overlap.
        return MemoryFileTree(root: root, files: (context.snapshot?.files ?? [:]).merging(extra) { scanned, _ in scanned })
    }
}
