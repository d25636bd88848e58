/// A result row of a recorded scan with its lifecycle: what the store reads back and the stored reports render.
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

    /// The fields of the underlying `FindingRecord`, settable (`stored.title = …`).
    public subscript<T>(dynamicMember keyPath: WritableKeyPath<FindingRecord, T>) -> T {
        get { finding[keyPath: keyPath] }
        set { finding[keyPath: keyPath] = newValue }
    }
}
