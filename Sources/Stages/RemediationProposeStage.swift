import Checks
import CloudHTTP
import CommitScan
import ControllerConfig
import Foundation
import GitOps
import Logging
import PullRequests
import Reconciler
import Remediation
import Reports
import Store

/// Proposes IaC fixes through Git: per group of failed findings, one commit on `bulwark/fix/<group>` whose parent is
/// the scanned commit, force-pushed, and one pull/merge request kept up to date.
///
/// Runs for every remediation mode but `off`: `approve` and `auto` govern *live* fixes, while an IaC fix is always
/// only proposed — the request's review is its approval. Idempotency (one row per request in `fix_proposals`):
/// an open request whose fingerprints and base commit match is left alone; a new scanned commit or a changed
/// finding set moves the branch and rewrites the body; findings of a closed or merged request are never proposed
/// again (other findings of the group may open a new request).
public struct RemediationProposeStage: ReconcileStage {
    public let name = "propose-fixes"
    /// The planner for a target (targets differ in what a fix may write, e.g. their admin CIDR).
    private let planners: @Sendable (TargetConfig) -> any IaCFixPlanning
    private let transport: any HTTPTransport
    private let retry: RetryPolicy
    private let renderer = FixProposalRenderer()

    /// A stage using `planner` for the fixes; `transport` and `retry` reach the code host.
    public init(
        planner: any IaCFixPlanning, transport: any HTTPTransport = URLSessionTransport(),
        retry: RetryPolicy = .standard
    ) {
        self.init(plannerFor: { _ in planner }, transport: transport, retry: retry)
    }

    /// A stage building each target's planner with `plannerFor` (the CLI passes the target's admin CIDR).
    public init(
        plannerFor: @escaping @Sendable (TargetConfig) -> any IaCFixPlanning,
        transport: any HTTPTransport = URLSessionTransport(), retry: RetryPolicy = .standard
    ) {
        self.planners = plannerFor
        self.transport = transport
        self.retry = retry
    }

    /// Every mode but `off` proposes IaC fixes.
    public func applies(to target: TargetConfig) -> Bool { target.remediation != .off }

    /// Plans, commits, pushes and opens/updates one request per group.
    public func run(_ context: StageContext) async throws -> StageOutcome {
        let target = context.target
        let groups = FixGroup.groups(context.report.failed, grouping: target.proposals.grouping)
        guard !groups.isEmpty else { return StageOutcome(StageNote("no failed findings")) }
        let host = try makeHost(target, environment: context.environment)
        // The cycle's scan already read these files; read them again only for another commit.
        let snapshot: CommitSnapshot
        if context.snapshot.commit == context.commit {
            snapshot = context.snapshot
        } else {
            snapshot = try await context.scanner.snapshot(
                repository: context.repository, commit: context.commit,
                paths: target.paths)
        }
        let run = GroupRun(
            stage: self, context: context, repository: context.repository, options: context.remoteOptions,
            scanner: context.scanner, snapshot: snapshot, host: host)
        var report = FixProposalReport(groups: [])
        var warnings: [StageWarning] = []
        for group in groups {
            try Task.checkCancellation()
            let (result, groupWarnings) = try await run.propose(group)
            report.groups.append(.init(key: group.key, result: result))
            warnings += groupWarnings
        }
        return StageOutcome(report, warnings: warnings)
    }

    /// The target's code host, or nil when only branches are pushed.
    private func makeHost(_ target: TargetConfig, environment: [String: String]) throws(ReconcileError) -> (any PullRequestHost)? {
        guard let settings = target.proposals.pullRequests else { return nil }
        let token: String
        do {
            token = try settings.token.resolve(environment: environment)
        } catch {
            throw ReconcileError(error, target: target.name, prefix: "pull request token: ")
        }
        do {
            return try settings.provider.host(
                repository: settings.repository, token: token, apiURL: settings.apiURL,
                transport: transport, retry: retry)
        } catch {
            throw ReconcileError(.invalidConfig, error.description, target: target.name, underlying: error)
        }
    }

    fileprivate var fixRenderer: FixProposalRenderer { renderer }
    fileprivate func fixPlanner(for target: TargetConfig) -> any IaCFixPlanning { planners(target) }
}

/// One cycle's proposal work for a target: what every group shares.
private struct GroupRun: Sendable {
    let stage: RemediationProposeStage
    let context: StageContext
    let repository: GitRepository
    let options: GitRemoteOptions
    let scanner: CommitScanner
    let snapshot: CommitSnapshot
    let host: (any PullRequestHost)?

    var target: TargetConfig { context.target }
    var provider: String { host?.provider.rawValue ?? "none" }
    var hostRepository: String { host?.repository ?? redactGitURL(target.repository) }

    /// Proposes one group; returns what became of it and any warnings.
    func propose(_ group: FixGroup) async throws -> (FixProposalReport.Result, [StageWarning]) {
        let branch = group.branch
        guard branch.hasPrefix(FixGroup.branchPrefix), branch != target.branch else {
            throw ReconcileError(.invalidConfig, "refusing to push \(branch): it is the target's own branch", target: target.name)
        }
        let records = try await refreshedRecords(group)
        let declined = Set(records.filter { $0.state != PullRequestState.open.rawValue }.flatMap(\.fingerprints))
        let open = records.first { $0.state == PullRequestState.open.rawValue }
        let candidates = group.findings.filter { !declined.contains($0.fingerprint.hex) }
        guard !candidates.isEmpty else { return (.declinedEarlier, []) }

        // Results name their file relative to their module; the planner reads the snapshot, so give it the tree path.
        let results = candidates.map { finding -> CheckResult in
            var result = finding.result
            if var range = result.range, let location = finding.location, !location.file.hasPrefix("/") {
                range.file = snapshot.root + "/" + location.file
                result.range = range
            }
            return result
        }
        let plan = stage.fixPlanner(for: target).plan(
            for: results, in: snapshot.tree,
            checkIDs: Set(candidates.map(\.result.checkID)))
        guard !plan.isEmpty else {
            return (
                plan.manual.isEmpty ? .noAutomaticFix : .leftManual(count: plan.manual.count),
                plan.manual.map { StageWarning(.needsPerson, "manual fix: \($0.checkID) \($0.resourceAddress): \($0.reason)") }
            )
        }
        let fixedKeys = Set(plan.fixed.map { [$0.checkID, $0.resourceAddress] })
        let fixedFindings = candidates.filter { fixedKeys.contains([$0.result.checkID, $0.result.resourceAddress]) }
        let fingerprints = Set(fixedFindings.map(\.fingerprint.hex)).sorted()
        if let open, open.baseCommit == context.commit, open.fingerprints.sorted() == fingerprints {
            return (.upToDate(open.number > 0 ? label(open.number) : branch), [])
        }

        let (fixed, outside) = snapshot.applying(plan.edits)
        guard outside.isEmpty else {
            throw ReconcileError(
                .stageFailed, "the fix plan edits files outside the scanned tree: \(outside.joined(separator: ", "))",
                target: target.name)
        }
        let after = try await scanner.scan(fixed, paths: target.paths)
        let stillFailing = Set(after.failed.map(\.fingerprint.hex)).intersection(fingerprints)
        var warnings: [StageWarning] = []
        if !stillFailing.isEmpty {
            warnings.append(StageWarning(.needsPerson, "\(group.key): \(stillFailing.count) fixed findings still fail on the fixed tree"))
        }
        let input = FixProposalRenderer.Input(
            target: target.name, branch: target.branch, commit: context.commit, fixBranch: branch, group: group.key,
            plan: plan, findings: group.findings, before: context.report.compliance, after: after.compliance,
            frameworks: target.frameworks, fingerprints: fingerprints,
            displayPath: { [snapshot] path in snapshot.relativePath(path) ?? path })
        // The push is optional to the cycle: its scan and drift are stored already, so a refused push (a non-bare
        // local clone, an unreachable remote) is this stage's error in the status, not the cycle's failure.
        let fixCommit: String
        do {
            fixCommit = try await commitAndPush(plan, branch: branch, message: stage.fixRenderer.commitMessage(input))
        } catch let error as ReconcileError where error.code != .authentication {
            return (.failed(error.message), warnings + [StageWarning(.failed, "\(group.key): \(error.message)")])
        }

        let now = Date()
        var record = FixProposalRecord(
            target: target.name, groupKey: group.key, provider: provider, repository: hostRepository, number: open?.number ?? 0,
            url: open?.url ?? "", branch: branch, state: PullRequestState.open.rawValue, fingerprints: fingerprints,
            baseCommit: context.commit, fixCommit: fixCommit, createdAt: open?.createdAt ?? now, updatedAt: now)
        var result = FixProposalReport.Result.pushed(branch: branch, commit: fixCommit)
        if let host {
            let draft = PullRequestDraft(
                title: stage.fixRenderer.title(input), body: stage.fixRenderer.body(input), head: branch,
                base: target.proposals.pullRequests?.base ?? target.branch)
            let (request, action) = try await openOrUpdate(draft, existing: open?.number, host: host)
            record.number = request.number
            record.url = request.url
            result = action == .opened ? .opened(label(request.number)) : .updated(label(request.number))
        }
        try await save(record)
        context.logger.info(
            "fix proposed",
            metadata: [
                "group": .string(group.key), "branch": .string(branch),
                "result": .string(result.description),
            ])
        return (result, warnings)
    }

    /// The group's records, newest first, with open requests' states read back from the host; with no record at all
    /// the host's requests for the branch are adopted (a lost store or a cycle that stopped before saving).
    private func refreshedRecords(_ group: FixGroup) async throws -> [FixProposalRecord] {
        var records = try await load(group.key)
        guard let host else { return records }
        if records.isEmpty {
            for request in try await call({ () async throws(PullRequestError) in try await host.find(head: group.branch) }) {
                let fingerprints = FixProposalRenderer.fingerprints(inBody: request.body)
                // Only requests Bulwark wrote carry the metadata line; anything else on the branch is not ours to track.
                guard !fingerprints.isEmpty else { continue }
                try await save(
                    FixProposalRecord(
                        target: target.name, groupKey: group.key, provider: provider, repository: hostRepository,
                        number: request.number, url: request.url, branch: group.branch, state: request.state.rawValue,
                        fingerprints: fingerprints, baseCommit: "", fixCommit: "", createdAt: Date(), updatedAt: Date()))
            }
            return try await load(group.key)
        }
        for index in records.indices where records[index].state == PullRequestState.open.rawValue && records[index].number > 0 {
            let number = records[index].number
            let request = try await call({ () async throws(PullRequestError) in try await host.get(number: number) })
            guard request.state != .open else { continue }
            records[index].state = request.state.rawValue
            records[index].updatedAt = Date()
            try await save(records[index])
            context.logger.info(
                "fix request \(request.state.rawValue); its findings will not be proposed again",
                metadata: ["group": .string(group.key), "number": .stringConvertible(number)])
        }
        return records
    }

    /// Updates the open request, adopts an open one the host already has for the branch, or opens a new one.
    private func openOrUpdate(
        _ draft: PullRequestDraft, existing: Int?, host: any PullRequestHost
    ) async throws
        -> (PullRequest, RequestAction)
    {
        if let existing {
            let updated = try await call({ () async throws(PullRequestError) in
                try await host.update(number: existing, title: draft.title, body: draft.body)
            })
            return (updated, .updated)
        }
        let found = try await call({ () async throws(PullRequestError) in try await host.find(head: draft.head) })
        if let open = found.first(where: { $0.state == .open }) {
            let updated = try await call({ () async throws(PullRequestError) in
                try await host.update(number: open.number, title: draft.title, body: draft.body)
            })
            return (updated, .updated)
        }
        let created = try await call({ () async throws(PullRequestError) in try await host.create(draft) })
        return (created, .opened)
    }

    /// One commit with the plan's edits on the scanned commit, force-pushed to the fix branch; returns its SHA.
    private func commitAndPush(_ plan: FixPlan, branch: String, message: String) async throws -> String {
        var changes: [String: GitFileChange] = [:]
        for edit in plan.edits {
            guard let path = snapshot.relativePath(edit.path) else { continue }
            changes[path] = .write(Data(edit.updated.utf8))
        }
        let settings = target.proposals
        let signature = GitSignature(name: settings.authorName, email: settings.authorEmail)
        do {
            let sha = try await repository.createCommit(
                branch: branch, parent: context.commit, changes: changes,
                message: message, author: signature, committer: signature)
            // The branch belongs to Bulwark: moving it onto the new scanned commit rewrites it.
            try await repository.push(branch: branch, force: true, options: options)
            return sha
        } catch {
            let mapped = ReconcileError(git: error, target: target.name, step: .push)
            let code: ReconcileError.Code = mapped.code == .authentication ? .authentication : .stageFailed
            throw ReconcileError(code, "pushing \(branch): \(mapped.message)", target: target.name, underlying: error)
        }
    }

    private func label(_ number: Int) -> String { host?.label(number) ?? "#\(number)" }

    private func load(_ group: String) async throws -> [FixProposalRecord] {
        do {
            return try await context.store.fixProposals(target: target.name, group: group)
        } catch {
            throw ReconcileError(.storeFailed, "reading fix proposals: \(error)", target: target.name, underlying: error)
        }
    }

    private func save(_ record: FixProposalRecord) async throws {
        do {
            try await context.store.saveFixProposal(record)
        } catch {
            throw ReconcileError(
                .storeFailed, "saving the fix proposal for \(record.groupKey): \(error)", target: target.name,
                underlying: error)
        }
    }

    /// Runs a host call; a refused token stalls the target (no retry fixes it), anything else backs off.
    private func call<T: Sendable>(_ body: () async throws(PullRequestError) -> T) async throws(ReconcileError) -> T {
        do {
            return try await body()
        } catch {
            let code: ReconcileError.Code = error.code == .unauthorized || error.code == .forbidden ? .authentication : .stageFailed
            throw ReconcileError(code, error.description, target: target.name, underlying: error)
        }
    }
}

/// What `openOrUpdate` did with a request.
private enum RequestAction {
    case opened, updated
}
