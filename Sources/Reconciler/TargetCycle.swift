import Foundation
import GitOps
import Logging
import Model
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
        /// Scanned and stored `commit`.
        case scanned(commit: String, recorded: RecordedScan, summary: String, warnings: [String])
    }

    /// Remote options for the target: credentials resolved from their references, deadlines from the timeout.
    func remoteOptions() throws(ReconcileError) -> GitRemoteOptions {
        var options = GitRemoteOptions()
        options.timeout = target.timeout
        options.caBundlePath = target.caBundle
        options.knownHostsPath = target.knownHosts
        switch target.credentials {
        case nil:
            break
        case .token(let secret)?:
            options.credentials = .token(try secret.resolve(environment: environment))
        case .basic(let user, let password)?:
            options.credentials = .userPassword(user: user, password: try password.resolve(environment: environment))
        case .sshKey(let user, let key, let passphrase)?:
            guard FileManager.default.isReadableFile(atPath: key) else {
                throw ReconcileError(.missingSecret, "SSH key file \(key) cannot be read")
            }
            options.credentials = .sshKey(user: user, privateKeyPath: key, publicKeyPath: nil,
                                          passphrase: try passphrase?.resolve(environment: environment))
        }
        return options
    }

    /// Runs the cycle against `repository`; `previous` is the commit last scanned, `due` whether the full interval elapsed.
    func run(repository: GitRepository, options: GitRemoteOptions, previous: String?, due: Bool) async throws -> Result {
        let started = Date()
        do {
            _ = try await repository.fetch(options: options)
        } catch {
            throw Self.map(error, target: target)
        }
        let commit: String
        do {
            commit = try await repository.resolve(target.branch)
        } catch {
            let detail = (error as? GitError)?.message ?? "\(error)"
            throw ReconcileError(.revisionNotFound,
                                 "branch '\(target.branch)' not found on \(redactGitURL(target.repository)) (deleted or never pushed?): \(detail)",
                                 target: target.name)
        }
        if commit == previous && !due { return .unchanged(commit: commit) }
        try Task.checkCancellation()

        let log = logger.with(["commit": .string(String(commit.prefix(12)))])
        let report: ScanReport
        let snapshot: CommitSnapshot
        do {
            let scanned = try await scanner.scanWithFiles(repository: repository, commit: commit, paths: target.paths)
            report = scanned.report
            snapshot = scanned.snapshot
        } catch let error as ReconcileError {
            throw error
        } catch {
            throw ReconcileError(.artifactFailed, "\(error)", target: target.name)
        }
        try Task.checkCancellation()
        let record = ScanRecording.record(
            report, provenance: .init(target: target.name, repository: redactGitURL(target.repository), branch: target.branch,
                                      commit: commit, trigger: Self.trigger),
            startedAt: started, finishedAt: Date(), frameworks: target.frameworks)
        let recorded: RecordedScan
        do {
            recorded = try await store.recordScan(record, options: RecordScanOptions(leaseOwner: leaseOwner))
        } catch let error as StoreError where error.code == .leaseLost {
            throw ReconcileError(.leaseLost, "\(error.message); the scan of \(commit.prefix(12)) was not stored",
                                 target: target.name)
        } catch {
            throw ReconcileError(.storeFailed, "\(error)", target: target.name)
        }
        let failed = report.failed.count
        var summary = "scanned \(commit.prefix(12)): \(report.resourceCount) resources, \(failed) failed results "
            + "(\(recorded.newFindings) new, \(recorded.resolvedFindings) resolved, \(recorded.openFindings) open)"
        for compliance in report.compliance where target.frameworks.isEmpty || target.frameworks.contains(compliance.framework.id) {
            let score = compliance.score.map { String(format: "%.0f%%", $0 * 100) } ?? "n/a"
            summary += ", \(compliance.framework.id) \(score)"
        }
        log.info("scan stored", metadata: ["scan": .stringConvertible(recorded.scanID), "failed": .stringConvertible(failed),
                                           "new": .stringConvertible(recorded.newFindings)])
        var warnings: [String] = []
        for stage in stages where stage.applies(to: target) {
            try Task.checkCancellation()
            let context = StageContext(target: target, commit: commit, scanID: recorded.scanID, report: report, store: store,
                                       logger: log.with(["stage": .string(stage.name)]), startedAt: started,
                                       repository: repository, remoteOptions: options, scanner: scanner,
                                       environment: environment, snapshot: snapshot)
            do {
                let outcome = try await stage.run(context)
                summary += "; \(stage.name): \(outcome.summary)"
                warnings += outcome.warnings.map { "\(stage.name): \($0)" }
            } catch let error as ReconcileError {
                throw error
            } catch {
                throw ReconcileError(.stageFailed, "\(stage.name): \(error)", target: target.name)
            }
        }
        return .scanned(commit: commit, recorded: recorded, summary: summary, warnings: warnings)
    }

    /// Git failures as reconcile errors: what no retry fixes stalls the target, the rest backs off.
    static func map(_ error: any Error, target: TargetConfig) -> ReconcileError {
        if let reconcile = error as? ReconcileError { return reconcile }
        guard let error = error as? GitError else { return ReconcileError(.fetchFailed, "\(error)", target: target.name) }
        let code: ReconcileError.Code
        switch error.code {
        case .authentication, .certificate: code = .authentication
        case .invalidURL: code = .invalidRepository
        case .notFound where error.operation.contains("clone") || error.operation.contains("open"): code = .invalidRepository
        default: code = .fetchFailed
        }
        return ReconcileError(code, error.description, target: target.name)
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
