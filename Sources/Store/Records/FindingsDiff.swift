import Model

/// Failed, unsuppressed findings compared by fingerprint between the latest scans of two commits.
public struct FindingsDiff: Sendable, Hashable, Codable {
    public var fromCommit: String
    public var toCommit: String
    /// Failing at `toCommit` only.
    public var new: [StoredFinding]
    /// Failing at `fromCommit` only (rows from the `from` scan).
    public var resolved: [StoredFinding]
    /// Failing at both (rows from the `to` scan).
    public var unchanged: [StoredFinding]

    /// Memberwise.
    public init(
        fromCommit: String, toCommit: String, new: [StoredFinding], resolved: [StoredFinding],
        unchanged: [StoredFinding]
    ) {
        self.fromCommit = fromCommit
        self.toCommit = toCommit
        self.new = new
        self.resolved = resolved
        self.unchanged = unchanged
    }
}
