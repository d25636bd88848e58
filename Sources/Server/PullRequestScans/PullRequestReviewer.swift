import CommitScan
import Foundation
import GitOps
import Logging
import PullRequests
import Reports

/// Scans a pull/merge request as `bulwark scan --pr` does (base and head from Git's object database, only the
/// findings the head adds count) and reports back on the code host: a commit status on the head and one comment
/// on the request, edited in place on every later scan.
public struct PullRequestReviewer: Sendable {
    /// How one target's requests are reached.
    public struct Target: Sendable {
        /// The code host the statuses and comments go to.
        public var host: any PullRequestHost
        /// Root modules, directories or plan files inside the repository to scan (`.` = the whole tree).
        public var paths: [String]
        /// Opens the target's repository and fetches its branches, and the given request ref (the host's ref of
        /// a request's head in that same repository) when not nil, so the request's commits are there.
        public var repository: @Sendable (_ requestRef: String?) async throws -> GitRepository

        /// Memberwise.
        public init(
            host: any PullRequestHost, paths: [String],
            repository: @escaping @Sendable (_ requestRef: String?) async throws -> GitRepository
        ) {
            self.host = host
            self.paths = paths
            self.repository = repository
        }
    }

    /// The hidden line that marks Bulwark's comment, so a later scan edits it instead of adding another.
    public static let marker = "<!-- bulwark:pull-request-scan -->"
    /// The status of a head whose scan the server's shutdown cut short.
    public static let cancelledDescription = "the server stopped before the scan finished; push again or re-run it"
    /// GitHub keeps comments up to 65,536 characters; longer tables are cut.
    static let maxCommentLength = 60_000

    public var targets: [String: Target]
    public var scanner: CommitScanner
    /// The status's name on the host.
    public var context: String
    public var logger: Logger

    /// A reviewer of `targets`' requests scanning with `scanner`.
    public init(
        targets: [String: Target], scanner: CommitScanner, context: String = "bulwark",
        logger: Logger = Logger(label: "bulwark.pull-requests")
    ) {
        self.targets = targets
        self.scanner = scanner
        self.context = context
        self.logger = logger
    }

    /// A queue running this reviewer for its targets.
    public func queue(maxRunning: Int = 2, maxQueued: Int = 256) -> PullRequestScanQueue {
        PullRequestScanQueue(targets: Set(targets.keys), maxRunning: maxRunning, maxQueued: maxQueued) { event in
            await review(event)
        }
    }

    /// Scans `event` and reports it; returns `passed`, `failed`, `unknown` (head files not loaded), `error`, or
    /// `cancelled` (the process stopped during the scan; the head's status says so).
    public func review(_ event: PullRequestEvent) async -> String {
        guard let target = targets[event.target] else { return "error" }
        var log = logger
        log[metadataKey: "target"] = .string(event.target)
        log[metadataKey: "request"] = .stringConvertible(event.number)
        await report(target, event, .pending, "scanning \(event.headSHA.prefix(12)) against \(event.baseRef)", log)
        let diff: ScanDiff
        let loadErrors: Int
        do {
            (diff, loadErrors) = try await scan(target, event)
            try Task.checkCancellation()
        } catch {
            if Task.isCancelled {
                // The process is stopping: the status must not stay pending. The report runs in a task of its
                // own, since the cancelled one would cut its request to the host short.
                log.notice("pull request scan cancelled by shutdown")
                await Task { await report(target, event, .error, Self.cancelledDescription, log) }.value
                return "cancelled"
            }
            log.error("pull request scan failed", metadata: ["error": .string("\(error)")])
            await report(target, event, .error, "the scan could not run; the server log says why", log)
            return "error"
        }
        let new = diff.new.count
        let (state, description, result): (CommitStatus.State, String, String)
        if new > 0 {
            (state, description, result) = (.failure, "\(new) new failed finding(s), \(diff.resolved.count) resolved", "failed")
        } else if loadErrors > 0 {
            // Files the head could not load were not checked: nothing new found is not the same as nothing new.
            (state, description, result) = (.error, "\(loadErrors) load error(s): not every file was checked", "unknown")
        } else {
            (state, description, result) = (.success, "no new failed findings, \(diff.resolved.count) resolved", "passed")
        }
        var body = ScanDiffReport.markdown(diff)
        if body.count > Self.maxCommentLength { body = String(body.prefix(Self.maxCommentLength)) + "\n\n…cut here.\n" }
        do {
            try await target.host.upsertComment(number: event.number, marker: Self.marker, body: Self.marker + "\n" + body)
        } catch {
            log.error("cannot comment on the pull request", metadata: ["error": .string(error.description)])
        }
        await report(target, event, state, description, log)
        return result
    }

    /// Base and head scanned from the object database and compared; the count is the head's load errors.
    func scan(_ target: Target, _ event: PullRequestEvent) async throws -> (ScanDiff, Int) {
        // A fork's head is in the target's repository only under the host's request ref; a same-repository head
        // whose branch moved or went away since the delivery is there too.
        var repository = try await target.repository(event.fork ? event.requestRef : nil)
        if !event.fork, let requestRef = event.requestRef, (try? await repository.resolve(event.headSHA)) == nil {
            repository = try await target.repository(requestRef)
        }
        let head = try await repository.resolve(event.headSHA)
        // The base commit the host named, else the base branch as fetched (a base that moved since still compares).
        let base: String
        if let sha = event.baseSHA, let known = try? await repository.resolve(sha) {
            base = known
        } else {
            base = try await repository.resolve(event.baseRef)
        }
        let headReport = try await scanner.scan(repository: repository, commit: head, paths: target.paths)
        let baseReport = try await scanner.scan(repository: repository, commit: base, paths: target.paths)
        let diff = ScanDiff(
            base: baseReport, head: headReport, baseRef: event.baseRef, headRef: event.headRef, baseCommit: base,
            headCommit: head)
        return (diff, headReport.loadErrors.count)
    }

    private func report(_ target: Target, _ event: PullRequestEvent, _ state: CommitStatus.State, _ text: String, _ log: Logger) async {
        do {
            try await target.host.setStatus(CommitStatus(sha: event.headSHA, state: state, description: text, context: context))
        } catch {
            log.error("cannot set the commit status", metadata: ["error": .string(error.description)])
        }
    }
}
