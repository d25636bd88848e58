import Foundation
import Model

/// How a scan ended.
public enum ScanStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case succeeded
    case failed
    /// Some inputs could not be evaluated: findings are kept, but absent findings are not marked resolved.
    case partial
}

/// One scan to record: where and when it ran, and everything it saw.
public struct ScanRecord: Sendable, Hashable, Codable {
    public var target: String
    public var repo: String
    public var branch: String
    public var commit: String
    /// "cli", "reconcile", "pull-request", …
    public var trigger: String
    public var startedAt: Date
    public var finishedAt: Date
    public var status: ScanStatus
    public var error: String?
    public var resources: [ScannedResource]
    public var findings: [FindingRecord]
    public var compliance: [ComplianceRecord]

    /// Memberwise.
    public init(
        target: String, repo: String, branch: String, commit: String, trigger: String, startedAt: Date,
        finishedAt: Date, status: ScanStatus, error: String? = nil, resources: [ScannedResource] = [],
        findings: [FindingRecord] = [], compliance: [ComplianceRecord] = []
    ) {
        self.target = target
        self.repo = repo
        self.branch = branch
        self.commit = commit
        self.trigger = trigger
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.error = error
        self.resources = resources
        self.findings = findings
        self.compliance = compliance
    }
}
