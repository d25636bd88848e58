import Foundation

/// One scan on a compliance trend: score and finding counts.
public struct HistoryPoint: Sendable, Hashable, Codable {
    public var scanID: Int64
    public var commit: String
    public var finishedAt: Date
    /// passed / (passed + failed) controls; nil when no control passed or failed.
    public var score: Double?
    public var passedControls: Int
    public var failedControls: Int
    public var openFindings: Int
    public var newFindings: Int
    public var resolvedFindings: Int

    /// Memberwise.
    public init(
        scanID: Int64, commit: String, finishedAt: Date, score: Double?, passedControls: Int,
        failedControls: Int, openFindings: Int, newFindings: Int, resolvedFindings: Int
    ) {
        self.scanID = scanID
        self.commit = commit
        self.finishedAt = finishedAt
        self.score = score
        self.passedControls = passedControls
        self.failedControls = failedControls
        self.openFindings = openFindings
        self.newFindings = newFindings
        self.resolvedFindings = resolvedFindings
    }
}
