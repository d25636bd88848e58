import Foundation

/// What `recordScan` did: the new scan's id and the lifecycle counts it produced.
public struct RecordedScan: Sendable, Hashable, Codable {
    public var scanID: Int64
    public var newFindings: Int
    public var resolvedFindings: Int
    /// Unresolved, unsuppressed findings of the target after this scan.
    public var openFindings: Int

    /// Memberwise.
    public init(scanID: Int64, newFindings: Int, resolvedFindings: Int, openFindings: Int) {
        self.scanID = scanID
        self.newFindings = newFindings
        self.resolvedFindings = resolvedFindings
        self.openFindings = openFindings
    }
}

/// A recorded scan as read back (without its rows).
public struct StoredScan: Sendable, Hashable, Codable {
    public var id: Int64
    public var target: String
    public var repo: String
    public var branch: String
    public var commit: String
    public var trigger: String
    public var startedAt: Date
    public var finishedAt: Date
    public var status: ScanStatus
    public var error: String?
    public var resourceCount: Int
    /// Result rows of the scan (every verdict).
    public var findingCount: Int
    public var newFindings: Int
    public var resolvedFindings: Int
    public var openFindings: Int

    /// Memberwise.
    public init(
        id: Int64, target: String, repo: String, branch: String, commit: String, trigger: String,
        startedAt: Date, finishedAt: Date, status: ScanStatus, error: String?, resourceCount: Int,
        findingCount: Int, newFindings: Int = 0, resolvedFindings: Int = 0, openFindings: Int = 0
    ) {
        self.id = id
        self.target = target
        self.repo = repo
        self.branch = branch
        self.commit = commit
        self.trigger = trigger
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.error = error
        self.resourceCount = resourceCount
        self.findingCount = findingCount
        self.newFindings = newFindings
        self.resolvedFindings = resolvedFindings
        self.openFindings = openFindings
    }
}
