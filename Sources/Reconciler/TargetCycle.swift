import CommitScan
import ControllerConfig
import Foundation
import GitOps
import Logging
import Reports
import Store

/// One reconcile cycle of one target: fetch, decide, scan, store, run the stages.
struct TargetCycle: Sendable {
    let target: TargetConfig
    let scanner: CommitScanner
    let store: Store
    let stages: [any ReconcileStage]
    let cacheDirectory: String
    let environment: [String: String]
    /// The replica whose lease the scan is stored under (fencing: see `RecordScanOptions.leaseOwner`).
    let leaseOwner: String
    let logger: Logger

    /// The `scan_trigger` of the scans the loop stores.
    static let trigger = "reconcile"

    /// What the cycle did.
    enum Result: Sendable {
        /// Fetched; same commit and the interval has not elapsed.
        case unchanged(commit: String)
        /// Scanned and stored the commit; the stages ran.
        case scanned(CycleSummary)
    }

    /// Remote options for the target: credentials resolved from their references, deadlines from the timeout.
    func remoteOptions() throws(ReconcileError) -> GitRemoteOptions {
        try target.remoteOptions(environment: environment)
    }

    /// Runs the cycle against `repository`; `previous` is the commit last scanned, `due` whether the full interval elapsed.
    func run(repository: GitRepository, options: GitRemoteOptions, previous: String?, due: Bool) async throws -> Result {
        let started = Date()
        do {
            _ = try await repository.fetch(options: options)
        } catch {
            throw ReconcileError(git: error, target: target.name, step: .fetch)
        }
        let commit: String
        do {
            commit = try await repository.resolve(target.branch)
        } catch {
            throw ReconcileError(
                .revisionNotFound,
                "branch '\(target.branch)' not found on \(redactGitURL(target.repository)) (deleted or never pushed?): \(error.message)",
                target: target.name, underlying: error)
        }
        if commit == previous && !due { return .unchanged(commit: commit) }
        try Task.checkCancellation()

        let log = logger.with(["commit": .string(String(commit.prefix(12)))])
        // The target's plan and state limit holds for the scan and for every stage that scans again.
        let scanner = self.scanner.limitingInputFiles(to: target.maxFileSize)
        let report: ScanReport
        let snapshot: CommitSnapshot
        do {
            let scanned = try await scanner.scanWithFiles(repository: repository, commit: commit, paths: target.paths)
            report = scanned.report
            snapshot = scanned.snapshot
        } catch let error as CommitScanError {
            throw ReconcileError(error, target: target.name)
        } catch {
            throw ReconcileError(.artifactFailed, "\(error)", target: target.name, underlying: error)
        }
        try Task.checkCancellation()
        let record = ScanRecording.record(
            report,
            provenance: .init(
                target: target.name, repository: redactGitURL(target.repository), branch: target.branch,
                commit: commit, trigger: Self.trigger),
            startedAt: started, finishedAt: Date(), frameworks: target.frameworks)
        let recorded: RecordedScan
        do {
            recorded = try await store.recordScan(record, options: RecordScanOptions(leaseOwner: leaseOwner))
        } catch let error as StoreError where error.code == .leaseLost {
            throw ReconcileError(
                .leaseLost, "\(error.message); the scan of \(commit.prefix(12)) was not stored",
                target: target.name, underlying: error)
        } catch {
            throw ReconcileError(.storeFailed, "\(error)", target: target.name, underlying: error)
        }
        var summary = CycleSummary(commit: commit, report: report, recorded: recorded, frameworks: target.frameworks)
        log.info(
            "scan stored",
            metadata: [
                "scan": .stringConvertible(recorded.scanID), "failed": .stringConvertible(summary.failed),
                "new": .stringConvertible(recorded.newFindings),
            ])
        for stage in stages where stage.applies(to: target) {
            try Task.checkCancellation()
            let stageLog = log.with(["stage": .string(stage.name)])
            let context = StageContext(
                target: target, commit: commit, scanID: recorded.scanID, report: report, store: store,
                logger: stageLog, startedAt: started, repository: repository, remoteOptions: options,
                scanner: scanner, environment: environment, snapshot: snapshot)
            let outcome: StageOutcome
            do {
                outcome = try await stage.run(context)
            } catch let error as ReconcileError {
                throw error
            } catch is CancellationError {
                // Shutdown (or the deadline) cancelled the stage: the cycle is abandoned, the stage did not fail.
                throw CancellationError()
            } catch {
                throw ReconcileError(.stageFailed, "\(stage.name): \(error)", target: target.name, underlying: error)
            }
            var metadata: Logger.Metadata = ["warnings": .stringConvertible(outcome.warnings.count)]
            for count in outcome.report.counts { metadata[count.key] = .stringConvertible(count.value) }
            stageLog.debug("stage finished", metadata: metadata)
            summary.stages.append((stage.name, outcome))
        }
        return .scanned(summary)
    }
}

extension Logger {
    /// A copy with more metadata.
    func with(_ metadata: Logger.Metadata) -> Logger {
        var copy = self
        for (key, value) in metadata { copy[metadataKey: key] = value }
        return copy
    }
}
