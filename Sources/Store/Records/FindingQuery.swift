import Model

/// Which result rows of one scan a page of findings holds: filters (all optional, combined with AND) and the
/// page's position (a cursor from the previous page, or an offset).
public struct FindingQuery: Sendable, Hashable {
    /// How the rows relate to the scan of another commit of the same target.
    public enum Change: String, Sendable, Hashable, CaseIterable {
        /// Failing, unsuppressed here and not failing (unsuppressed) in the other commit's scan.
        case new
        /// Failing, unsuppressed in the other commit's scan and not here (the rows come from that scan).
        case resolved
    }

    public var severities: Set<Severity> = []
    public var verdicts: Set<Verdict.Kind> = []
    public var checkID: String?
    /// The exact resource address.
    public var resource: String?
    /// The exact file path.
    public var file: String?
    /// With `sinceScanID`: only rows new or resolved since that scan.
    public var change: Change?
    public var sinceScanID: Int64?
    /// Rows after this one (the `nextCursor` of the previous page).
    public var cursor: Int64?
    /// Rows to skip (page pagination); ignored with a cursor.
    public var offset: Int = 0
    public var limit: Int = 100

    /// No filter: the first `limit` rows.
    public init(limit: Int = 100) { self.limit = limit }
}

/// One page of result rows and how to get the next.
public struct FindingPage: Sendable, Hashable {
    public var findings: [StoredFinding]
    /// How many rows match the filters in all.
    public var total: Int
    /// Pass as `cursor` for the next page; nil on the last page.
    public var nextCursor: Int64?

    /// Memberwise.
    public init(findings: [StoredFinding], total: Int, nextCursor: Int64?) {
        self.findings = findings
        self.total = total
        self.nextCursor = nextCursor
    }
}
