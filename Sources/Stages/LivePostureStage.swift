import AWS
import Checks
import CloudHTTP
import CommitScan
import ControllerConfig
import Drift
import Foundation
import GitOps
import Model
import Posture
import Reconciler
import Scanner
import Store

/// The reconcile stage for targets with `clouds:`: discovery, the check library on the live resources, the
/// target's baselines, and drift against its state. Live results are stored as a `<target>#live` scan (see
/// `LivePostureRecording`), drift rows on the cycle's scan; unread services and regions become warnings.
public struct LivePostureStage: ReconcileStage {
    public let name = "live"
    /// The check library the scan uses (empty when none was found: live checks are then skipped with a warning).
    public let checks: [CheckDefinition]
    /// The library's compliance frameworks, for the live scan's compliance rows.
    let frameworks: [String: ComplianceFramework]
    public let attributes: AttributeIgnoreTable
    public let environment: [String: String]
    let transport: any HTTPTransport
    let libraryWarnings: [String]
    /// Live fixes for targets whose remediation mode is not `off`, chained after the live results are stored.
    let remediation: LiveRemediationStep
    /// The `clouds.aws.securityHub:` export, after the live results are stored.
    let securityHub: LiveSecurityHubStep

    /// A stage using `library` (the one the scans use) and the cloud settings of `environment`
    /// (AWS credential chain with the target's profile, `AWS_ENDPOINT_URL`, `AZURE_*`).
    public init(library: CheckLibrary, environment: [String: String], transport: any HTTPTransport = URLSessionTransport()) {
        let table = LivePosture.attributeTable(library.dataFile(LivePosture.attributeFileName))
        self.checks = library.checks
        self.frameworks = library.frameworks
        self.attributes = table.table
        self.environment = environment
        self.transport = transport
        var warnings = table.diagnostics.map { "drift attributes: \($0.description)" }
        if !library.hasLibrary { warnings.append("no check library found: live checks skipped") }
        self.libraryWarnings = warnings
        self.remediation = LiveRemediationStep(checks: library.checks, environment: environment, transport: transport)
        self.securityHub = LiveSecurityHubStep(environment: environment, transport: transport)
    }

    public func applies(to target: TargetConfig) -> Bool { !target.clouds.isEmpty }

    /// Runs the stage: evaluates, then stores the live scan and the drift rows.
    public func run(_ context: StageContext) async throws -> StageOutcome {
        let started = Date()
        let result = try await evaluate(context)
        let record = LivePostureRecording.record(
            result, target: context.target, repository: redactGitURL(context.target.repository),
            commit: context.commit, startedAt: started, finishedAt: Date(), frameworks: frameworks)
        let stored: RecordedScan
        do {
            stored = try await context.store.recordScan(record)
            if let drift = result.drift {
                try await context.store.recordDrift(scanID: context.scanID, items: LivePostureRecording.driftRecords(drift))
            }
        } catch {
            throw ReconcileError(.storeFailed, "live results: \(error)", target: context.target.name, underlying: error)
        }
        var report = LivePostureReport(
            liveResources: result.resources.count, failedResults: result.failedFindings.count,
            newFindings: stored.newFindings)
        if !result.baselineResults.isEmpty {
            report.baselineViolations = result.baselineResults.reduce(0) { $0 + $1.violationCount }
        }
        if let drift = result.drift {
            report.drift = .init(
                changed: drift.changed.count, missing: drift.missing.count, unmanaged: drift.unmanaged.count,
                pending: drift.pending.count + drift.pendingChanges.count, coverage: drift.coverage)
        }
        context.logger.info(
            "live posture stored",
            metadata: [
                "scan": .stringConvertible(stored.scanID),
                "warnings": .stringConvertible(result.warnings.count),
            ])
        let hubWarnings = await securityHub.run(result, target: context.target, logger: context.logger)
        let fixes = try await remediation.run(result, context: context)
        report.fixes = fixes.report
        return StageOutcome(
            report, warnings: result.warnings.map { StageWarning(.partial, $0) } + hubWarnings + fixes.warnings)
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
        let clouds: [DiscoveryCloud]
        do {
            clouds = try LiveDiscovery.clouds(of: target, environment: environment)
        } catch {
            throw ReconcileError(error, target: target.name, prefix: "clouds.aws.accounts: ")
        }
        var inputs = await LiveInputs(tree: tree, root: root, fetcher: fetcher).gather(
            clouds: clouds, baselines: target.baselines, state: target.state, paths: paths,
            ignoreFiles: [".bulwarkignore"] + paths.filter { $0 != "." }.map { $0 + "/.bulwarkignore" })
        inputs.warnings = libraryWarnings + inputs.warnings
        var limits = DiscoveryLimits.standard
        limits.deadline = target.clouds.deadline
        let posture = LivePosture(
            checks: checks, attributes: attributes, environment: environment, transport: transport, limits: limits)
        do {
            return try await posture.run(inputs)
        } catch {
            let code: ReconcileError.Code = error.code == .cloudUnavailable ? .cloudUnavailable : .stageFailed
            throw ReconcileError(code, error.message, target: target.name, underlying: error)
        }
    }

    /// The scanned files plus the baselines, local state and ignore files of the same commit outside the paths.
    private func commitTree(_ context: StageContext, root: String) async -> any FileTree {
        let base: any FileTree = context.snapshot.tree
        let repository = context.repository
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
        let snapshot = context.snapshot
        return MemoryFileTree(
            root: root, files: snapshot.files.merging(extra) { scanned, _ in scanned },
            oversized: snapshot.oversized.filter { extra[$0.key] == nil },
            deferred: snapshot.deferred.filter { extra[$0.key] == nil })
    }
}
