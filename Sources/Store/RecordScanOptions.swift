/// How `recordScan` writes rows; the defaults are what production uses.
public struct RecordScanOptions: Sendable {
    /// One INSERT statement per result row instead of the bulk path (the benchmark's naive baseline).
    public var rowByRow: Bool
    /// Called on the connection's thread inside the open transaction after every `progressInterval` result rows
    /// (the crash test uses it to know the transaction is under way).
    public var onProgress: (@Sendable (Int) -> Void)?
    public var progressInterval: Int
    /// When set, the scan is stored only if this replica still holds the target's lease (checked and locked inside
    /// the scan's transaction), so a replica whose lease lapsed mid-cycle cannot store beside the one that took
    /// over; otherwise `StoreError.Code.leaseLost`.
    public var leaseOwner: String?

    /// Memberwise.
    public init(
        rowByRow: Bool = false, onProgress: (@Sendable (Int) -> Void)? = nil, progressInterval: Int = 1000,
        leaseOwner: String? = nil
    ) {
        self.rowByRow = rowByRow
        self.onProgress = onProgress
        self.progressInterval = max(1, progressInterval)
        self.leaseOwner = leaseOwner
    }
}
