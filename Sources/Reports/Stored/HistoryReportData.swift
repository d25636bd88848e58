import Model

/// What changed between two scanned commits.
public struct FindingsDiffData: Sendable {
    public var fromCommit: String
    public var toCommit: String
    /// Open at `toCommit`, not at `fromCommit`; every control they evidence is listed (`cis-aws:2.1.4`).
    public var new: [StoredFinding]
    /// Open at `fromCommit`, gone at `toCommit`.
    public var resolved: [StoredFinding]
    /// Open at both.
    public var unchangedCount: Int

    /// Builds a diff.
    public init(fromCommit: String, toCommit: String, new: [StoredFinding], resolved: [StoredFinding], unchangedCount: Int) {
        self.fromCommit = fromCommit
        self.toCommit = toCommit
        self.new = new
        self.resolved = resolved
        self.unchangedCount = unchangedCount
    }
}

/// The input of `bulwark report history`: score and open findings per commit, and optionally a findings diff.
public struct HistoryReportData: Sendable {
    public var target: String
    public var framework: FrameworkInfo
    /// One row per scanned commit; rendered oldest first.
    public var points: [HistoryRow]
    public var diff: FindingsDiffData?

    /// Builds the report input.
    public init(target: String, framework: FrameworkInfo, points: [HistoryRow], diff: FindingsDiffData? = nil) {
        self.target = target
        self.framework = framework
        self.points = points
        self.diff = diff
    }
}
