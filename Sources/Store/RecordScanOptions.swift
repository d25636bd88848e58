/// How `recordScan` writes rows; the defaults are what production uses.
public struct RecordScanOptions: Sendable {
    /// One INSERT statement per result row instead of the bulk path (the benchmark's naive baseline).
    public var rowByRow: Bool
    /// Called on the connection's thread inside the open transaction after every `progressInterval` result rows
    /// (the crash test uses it to know the transaction is under way).
    public var onProgress: (@Sendable (Int) -> Void)?
    public var progressInterval: Int

    /// Memberwise.
    public init(rowByRow: Bool = false, onProgress: (@Sendable (Int) -> Void)? = nil, progressInterval: Int = 1000) {
        self.rowByRow = rowByRow
        self.onProgress = onProgress
        self.progressInterval = max(1, progressInterval)
    }
}
