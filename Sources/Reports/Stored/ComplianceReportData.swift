import Foundation
import Model

/// A framework as a stored report names it.
public struct FrameworkInfo: Sendable, Hashable {
    /// The framework key (`cis-aws`).
    public var id: String
    public var name: String
    public var version: String

    /// Builds a framework description.
    public init(id: String, name: String, version: String) {
        self.id = id
        self.name = name
        self.version = version
    }
}

/// The compliance outcome of one scanned commit.
public struct HistoryRow: Sendable, Hashable {
    public var commit: String
    public var date: Date
    /// Passed / (passed + failed) controls; nil when no control was decided.
    public var score: Double?
    public var passedControls: Int
    public var failedControls: Int
    public var openFindings: Int

    /// Builds a history row.
    public init(commit: String, date: Date, score: Double?, passedControls: Int, failedControls: Int, openFindings: Int) {
        self.commit = commit
        self.date = date
        self.score = score
        self.passedControls = passedControls
        self.failedControls = failedControls
        self.openFindings = openFindings
    }
}

/// Everything a stored compliance report shows: one framework at one scanned commit, with the score history.
public struct ComplianceReportData: Sendable {
    public var target: String
    public var repo: String
    public var branch: String
    public var commit: String
    public var scannedAt: Date
    public var generatedAt: Date
    public var framework: FrameworkInfo
    /// In framework order.
    public var controls: [ControlResult]
    /// Failed results of the scan that evidence a control of `framework`; their controls are listed without the
    /// framework prefix (`2.1.4`).
    public var failingFindings: [StoredFinding]
    /// One row per scanned commit; rendered oldest first.
    public var history: [HistoryRow]

    /// Builds the report input.
    public init(
        target: String, repo: String, branch: String, commit: String, scannedAt: Date, generatedAt: Date,
        framework: FrameworkInfo, controls: [ControlResult], failingFindings: [StoredFinding], history: [HistoryRow]
    ) {
        self.target = target
        self.repo = repo
        self.branch = branch
        self.commit = commit
        self.scannedAt = scannedAt
        self.generatedAt = generatedAt
        self.framework = framework
        self.controls = controls
        self.failingFindings = failingFindings
        self.history = history
    }

    /// Controls passed / (passed + failed), as `ComplianceSummary.score` computes it; nil when none was decided.
    public var score: Double? {
        let passed = count(.passed)
        let failed = count(.failed)
        return passed + failed == 0 ? nil : Double(passed) / Double(passed + failed)
    }

    /// Number of controls whose status is `status`.
    public func count(_ status: ControlStatus) -> Int { controls.reduce(0) { $0 + ($1.status == status ? 1 : 0) } }
}
