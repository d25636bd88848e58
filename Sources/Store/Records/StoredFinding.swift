/// Where a finding stands across the scans of its target.
public enum LifecycleState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Failing, and not failing in the previous scan (first seen, or reopened after a fix).
    case new
    /// Failing again.
    case open
    /// No longer failing.
    case resolved
    /// Failing, but accepted by a suppression.
    case suppressed
}

/// A result row of a recorded scan with its lifecycle.
@dynamicMemberLookup
public struct StoredFinding: Sendable, Hashable, Codable {
    public var finding: FindingRecord
    /// nil for a result that is not a tracked finding (passing, unknown or skipped, and not resolved by this scan).
    public var lifecycle: LifecycleState?
    /// The commit where this fingerprint first failed on the target (nil for results never failing).
    public var firstSeenCommit: String?

    /// Memberwise.
    public init(finding: FindingRecord, lifecycle: LifecycleState?, firstSeenCommit: String?) {
        self.finding = finding
        self.lifecycle = lifecycle
        self.firstSeenCommit = firstSeenCommit
    }

    /// The fields of the underlying `FindingRecord` (`stored.fingerprint`, `stored.title`, …).
    public subscript<T>(dynamicMember keyPath: KeyPath<FindingRecord, T>) -> T { finding[keyPath: keyPath] }
}
