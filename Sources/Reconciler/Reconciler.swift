import CommitScan
import ControllerConfig
import Foundation
import GitOps
import Logging
import ServiceLifecycle
import Store

/// The controller: keeps every target of the config reconciled, each on its own schedule, at most
/// `concurrency` at a time, one failing target never delaying the others.
///
/// A swift-service-lifecycle `Service`: graceful shutdown (SIGTERM/SIGINT in a `ServiceGroup`) stops new cycles,
/// running cycles get `shutdownGrace` to finish, then are cancelled (a cancelled cycle stores nothing, since each
/// scan is one transaction); cancelling `run()` cancels them at once.
public actor Reconciler: Service {
    public let config: ReconcileConfig
    /// This replica's name in leases and statuses (`host:pid` by default).
    public let owner: String
    private let store: Store
    private let stages: [any ReconcileStage]
    private let scanner: CommitScanner
    private let environment: [String: String]
    private let logger: Logger
    private let backoff: Backoff
    /// How long running cycles may take to finish after graceful shutdown begins.
    public let shutdownGrace: Duration
    private var statuses: [String: TargetStatus] = [:]
    private var repositories: [String: GitRepository] = [:]
    private var running: Set<String> = []
    private var random = SystemRandomNumberGenerator()
    /// Targets whose last claim found another live process holding the lease: who holds it.
    private var heldElsewhere: [String: LeaseHolder?] = [:]
    /// Targets whose status could not be stored: the store's error. Their status lives in memory and in the
    /// `UnsavedStatusFile` beside the Git cache.
    private var unsaved: [String: String] = [:]
    private var unsavedRecords: [String: TargetStatusRecord] = [:]
    /// Set by `stopStartingCycles()`: `runOnce` starts no further target.
    private var stopping = false
    /// Immediate cycles asked for by the API or a webhook; the loop runs them at its next turn, forced.
    public nonisolated let requests = CycleRequests()

    /// A controller over `config`; statuses are read back from the store by `restoreStatuses()`.
    public init(
        config: ReconcileConfig, store: Store, scanner: CommitScanner, stages: [any ReconcileStage] = [],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        owner: String = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)",
        logger: Logger = Logger(label: "bulwark.reconcile"), backoff: Backoff = Backoff(),
        shutdownGrace: Duration = .seconds(30)
    ) {
        self.config = config
        self.store = store
        self.scanner = scanner
        self.stages = stages
        self.environment = environment
        self.owner = owner
        self.logger = logger
        self.backoff = backoff
        self.shutdownGrace = shutdownGrace
        for target in config.targets { statuses[target.name] = TargetStatus(target: target.name) }
    }

    /// Reads the last known status of every configured target, so a restarted controller does not rescan
    /// commits it already stored.
    public func restoreStatuses() async throws {
        for target in config.targets {
            if let status = try await storedStatus(of: target) { statuses[target.name] = status }
        }
    }

    /// What the store knows of `target` (nil: nothing yet): its saved status, with the time of its last stored
    /// scan (the full interval counts from there). The scan is stored before the status, so a replica that died
    /// (or lost its lease) in between left a status older than its scan: then the scan's commit is the one
    /// observed, and the target counts as reconciled at it.
    private func storedStatus(of target: TargetConfig) async throws -> TargetStatus? {
        let record = try await store.targetStatus(target.name)
        let latest = try await store.latestScan(target: target.name)
        guard record != nil || latest != nil else { return nil }
        var status = record.map(TargetStatus.init) ?? TargetStatus(target: target.name)
        status.lastSuccessAt = latest?.finishedAt
        // The observed commit only changes together with a stored scan, so a difference means the status lags.
        if let latest, latest.trigger == TargetCycle.trigger, latest.branch == target.branch, status.observedSHA != latest.commit {
            status.lastObservedCommit = TargetStatus.revision(branch: target.branch, commit: latest.commit)
            let partial = latest.status == .partial
            status.ready = partial ? .false : .true
            status.reason = partial ? .partialScan : .succeeded
            status.message =
                "scanned \(latest.commit.prefix(12))\(partial ? " partially" : "") (status restored from the stored scan)"
            status.lastError = partial ? latest.error : nil
            status.failures = 0
        }
        return status
    }

    /// The current status of every target, in config order.
    public func currentStatuses() -> [TargetStatus] {
        config.targets.compactMap { statuses[$0.name] }
    }

    /// Statuses that could not be stored, by target, with the store's error: the store still shows an earlier
    /// cycle for them, so whoever ran the cycle has to say so.
    public func unsavedStatuses() -> [String: String] { unsaved }

    /// Stops `runOnce` from starting further targets (graceful shutdown of a cron run); running cycles go on.
    public func stopStartingCycles() { stopping = true }

    /// Gives up every lease this replica holds, so the next run (another process) need not wait for the expiry.
    public func releaseLeases() async {
        for target in config.targets {
            do {
                try await store.releaseLease(target: target.name, owner: owner)
            } catch {
                logger.warning(
                    "cannot release the target's lease", metadata: ["target": .string(target.name), "error": .string("\(error)")])
            }
        }
    }

    /// One cycle of every target (cron/CI mode); `force` scans even an unchanged commit. A target whose lease
    /// another live process holds is skipped and comes back with reason `LeaseHeld` (not stored); a target not
    /// started because of `stopStartingCycles()` keeps its previous status.
    public func runOnce(force: Bool = false) async -> [TargetStatus] {
        let targets = config.targets
        let limit = config.concurrency
        await withTaskGroup(of: Void.self) { group in
            var next = 0
            func startNext() {
                guard next < targets.count, !stopping else { return }
                let target = targets[next]
                next += 1
                group.addTask { await self.reconcile(target, force: force) }
            }
            for _ in 0..<min(limit, targets.count) { startNext() }
            while await group.next() != nil { startNext() }
        }
        return currentStatuses().map { status in
            guard let holder = heldElsewhere[status.target] else { return status }
            var skipped = status
            skipped.ready = .unknown
            skipped.reason = .leaseHeld
            skipped.message =
                "skipped: another live process holds the target's lease"
                + (holder.map { ": \($0.description)" } ?? "")
            return skipped
        }
    }

    /// Runs until graceful shutdown or cancellation; at graceful shutdown running cycles get `shutdownGrace` to
    /// finish before they are cancelled. Leases are released on the way out.
    public func run() async throws {
        logger.info("reconciler started", metadata: ["targets": .stringConvertible(config.targets.count), "owner": .string(owner)])
        for target in config.targets where target.pollInterval.seconds * (1 + target.jitter) >= config.leaseDuration.seconds {
            // Still correct (a takeover re-reads the status, writes are fenced), but the target churns between replicas.
            logger.warning(
                "pollInterval is not shorter than leaseDuration: the lease lapses between polls",
                metadata: ["target": .string(target.name)])
        }
        requests.setLoopRunning(true)
        defer { requests.setLoopRunning(false) }
        await withDiscardingTaskGroup { group in
            while !Task.isShuttingDownGracefully && !Task.isCancelled {
                let now = Date()
                for target in config.targets where running.count < config.concurrency && !running.contains(target.name) {
                    let requested = requests.pending(target.name) != nil
                    guard requested || statuses[target.name]?.nextRunAt.map({ $0 <= now }) ?? true else { continue }
                    running.insert(target.name)
                    let force = requests.take(target.name) != nil
                    group.addTask { await self.reconcile(target, force: force) }
                }
                let wake = config.targets.compactMap { running.contains($0.name) ? nil : statuses[$0.name]?.nextRunAt }.min()
                let wait = min(max(wake.map { $0.timeIntervalSince(Date()) } ?? 1, 0.05), 1)
                // Graceful shutdown ends the wait at once instead of after it.
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .milliseconds(Int64(wait * 1_000))) }
            }
            let deadline = ContinuousClock.now + shutdownGrace
            while !running.isEmpty && ContinuousClock.now < deadline && !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
            }
            if !running.isEmpty {
                logger.warning(
                    "abandoning running cycles at shutdown", metadata: ["targets": .string(running.sorted().joined(separator: ","))])
                group.cancelAll()
            }
        }
        for target in config.targets {
            try? await store.releaseLease(target: target.name, owner: owner)
        }
        logger.info("reconciler stopped")
    }

    /// One cycle of `target` with its status bookkeeping; never throws (failures become the status).
    public func reconcile(_ target: TargetConfig, force: Bool) async {
        let started = ContinuousClock.now
        var status = statuses[target.name] ?? TargetStatus(target: target.name)
        // Paths that end without a status of their own name their result; the rest report the status's reason.
        var outcome: String?
        defer {
            running.remove(target.name)
            requests.finished(
                .init(
                    target: target.name, result: outcome ?? status.reason.rawValue,
                    seconds: (ContinuousClock.now - started).seconds))
        }
        let now = Date()
        if target.suspend {
            status.ready = .unknown
            status.reason = .suspended
            status.message = "suspended in the config"
            status.nextRunAt = now.addingTimeInterval(target.pollInterval.seconds)
            statuses[target.name] = status
            await save(status)
            return
        }
        do {
            switch try await store.claimLease(target: target.name, owner: owner, ttl: config.leaseDuration, now: now) {
            case .busy:
                outcome = "Skipped"
                status.nextRunAt = now.addingTimeInterval(jittered(target.pollInterval, target.jitter))
                statuses[target.name] = status
                heldElsewhere[target.name] = .some(try? await store.leaseHolder(target: target.name))
                logger.debug("target leased by another replica", metadata: ["target": .string(target.name)])
                return
            case .taken:
                heldElsewhere[target.name] = nil
                // Another replica may have reconciled the target since we last did: start from what it stored,
                // or we would rescan the commit it already scanned.
                if let stored = try await storedStatus(of: target) { status = stored }
            case .renewed:
                heldElsewhere[target.name] = nil
            }
        } catch {
            fail(
                &status,
                ReconcileError(
                    .storeFailed, "cannot take the target's lease: \(error)", target: target.name,
                    underlying: error), now: now)
            statuses[target.name] = status
            return
        }
        let log = logger.with(["target": .string(target.name)])
        let cycle = TargetCycle(
            target: target, scanner: scanner, store: store, stages: stages,
            cacheDirectory: config.cacheDirectory, environment: environment, leaseOwner: owner,
            logger: log)
        status.lastAttemptAt = now
        status.owner = owner
        do {
            let options = try cycle.remoteOptions()
            let repository = try await repository(for: target, options: options)
            // A partial scan of the same commit would only load the same files again.
            let due =
                force || (status.reason != .succeeded && status.reason != .partialScan)
                || (status.lastSuccessAt.map { now.timeIntervalSince($0) >= target.interval.seconds } ?? true)
            let previous = status.observedSHA
            let result = try await withDeadline(target.timeout, target: target.name) {
                try await cycle.run(repository: repository, options: options, previous: previous, due: due)
            }
            switch result {
            case .unchanged:
                outcome = "Unchanged"
                status.nextRunAt = Date().addingTimeInterval(jittered(target.pollInterval, target.jitter))
                statuses[target.name] = status
                log.debug("commit unchanged")
                return
            case .scanned(let summary):
                let warnings = summary.warnings
                let loadErrors = summary.loadErrors
                status.ready = loadErrors.isEmpty ? .true : .false
                status.reason = loadErrors.isEmpty ? .succeeded : .partialScan
                status.message = summary.message + (warnings.isEmpty ? "" : " (partial: \(warnings.joined(separator: "; ")))")
                if !loadErrors.isEmpty {
                    status.message += "; \(loadErrors.count) load error(s): what they hold was not checked"
                }
                status.lastObservedCommit = TargetStatus.revision(branch: target.branch, commit: summary.commit)
                status.lastError = loadErrors.isEmpty ? nil : Self.loadErrorText(loadErrors)
                status.failures = 0
                status.lastSuccessAt = Date()
                status.nextRunAt = Date().addingTimeInterval(jittered(target.pollInterval, target.jitter))
                log.info(
                    "reconciled",
                    metadata: [
                        "revision": .string(status.lastObservedCommit ?? ""),
                        "seconds": .stringConvertible((ContinuousClock.now - started).seconds),
                    ])
            }
        } catch let error as ReconcileError where error.code == .leaseLost {
            // The replica that took over owns the status now; ours must not overwrite it.
            outcome = "Skipped"
            status.nextRunAt = Date().addingTimeInterval(jittered(target.pollInterval, target.jitter))
            statuses[target.name] = status
            log.warning("lease lost during the cycle", metadata: ["error": .string(error.message)])
            return
        } catch let error where error is CancellationError || Task.isCancelled {
            // Shutdown cancelled the cycle; a Git or cloud call it interrupted ends with its own error.
            status.ready = .unknown
            status.reason = .failed
            status.message = "cycle abandoned at shutdown; nothing of it was stored"
            outcome = "Abandoned"
            status.nextRunAt = Date()
        } catch {
            fail(
                &status,
                error as? ReconcileError
                    ?? ReconcileError(.fetchFailed, "\(error)", target: target.name, underlying: error), now: now)
        }
        statuses[target.name] = status
        await save(status)
    }

    private func fail(_ status: inout TargetStatus, _ error: ReconcileError, now: Date) {
        status.ready = .false
        status.failures += 1
        status.lastError = error.description
        if error.code.retriable {
            status.reason = .failed
            let delay = backoff.delay(afterFailures: status.failures, random: Double.random(in: 0...1, using: &random))
            status.nextRunAt = Date().addingTimeInterval(delay.seconds)
            status.message = "\(error.code.rawValue): \(error.message); retrying in \(DurationText.format(delay))"
        } else {
            // Retrying sooner cannot help: wait for the interval (the config or the remote has to change).
            status.reason = .stalled
            status.nextRunAt = Date().addingTimeInterval(jittered(target(named: status.target)?.interval ?? .seconds(600), 0.1))
            status.message = "\(error.code.rawValue): \(error.message)"
        }
        logger.error(
            "reconcile failed",
            metadata: [
                "target": .string(status.target), "reason": .string(error.code.rawValue),
                "error": .string(error.message),
            ])
    }

    private func target(named name: String) -> TargetConfig? { config.targets.first { $0.name == name } }

    private func repository(for target: TargetConfig, options: GitRemoteOptions) async throws -> GitRepository {
        if let known = repositories[target.name] { return known }
        let directory = config.cacheDirectory + "/" + target.name
        let repository: GitRepository
        do {
            repository = try await GitRepository.openOrClone(url: target.repository, cacheDirectory: directory, options: options)
        } catch {
            throw ReconcileError(git: error, target: target.name, step: .openOrClone)
        }
        repositories[target.name] = repository
        return repository
    }

    private func jittered(_ duration: Duration, _ jitter: Double) -> Double {
        duration.seconds * (1 + Double.random(in: -jitter...jitter, using: &random))
    }

    private func save(_ status: TargetStatus) async {
        let before = unsaved
        do {
            try await store.saveTargetStatus(status.record)
            unsaved[status.target] = nil
            unsavedRecords[status.target] = nil
        } catch {
            unsaved[status.target] = "\(error)"
            unsavedRecords[status.target] = status.record
            logger.error("cannot save target status", metadata: ["target": .string(status.target), "error": .string("\(error)")])
        }
        guard before != unsaved || !unsaved.isEmpty else { return }
        let entries = unsavedRecords.compactMap { target, record in
            unsaved[target].map { UnsavedStatusFile.Entry(status: record, storeError: $0) }
        }
        do {
            try UnsavedStatusFile(cacheDirectory: config.cacheDirectory).write(entries)
        } catch {
            logger.error("cannot keep the unsaved statuses beside the Git cache", metadata: ["error": .string("\(error)")])
        }
    }

    /// The first load errors, one per line, with a count of the rest.
    private static func loadErrorText(_ errors: [String]) -> String {
        errors.prefix(5).joined(separator: "\n") + (errors.count > 5 ? "\n… and \(errors.count - 5) more" : "")
    }
}
