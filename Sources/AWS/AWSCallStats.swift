/// Counts API calls per service and operation (and HTTP attempts, retries included) for reports and benchmarks.
public actor AWSCallStats {
    /// One counter row.
    public struct Entry: Sendable, Hashable {
        public var service: String
        public var operation: String
        public var calls: Int
        public var attempts: Int
    }

    private var counts: [String: Entry] = [:]

    /// Creates empty statistics.
    public init() {}

    /// Records one logical call that took `attempts` HTTP attempts.
    public func record(service: String, operation: String, attempts: Int) {
        let key = "\(service):\(operation)"
        var entry = counts[key] ?? Entry(service: service, operation: operation, calls: 0, attempts: 0)
        entry.calls += 1
        entry.attempts += attempts
        counts[key] = entry
    }

    /// Every row, sorted by service then operation.
    public func entries() -> [Entry] {
        counts.values.sorted { ($0.service, $0.operation) < ($1.service, $1.operation) }
    }

    /// Total logical calls.
    public func totalCalls() -> Int { counts.values.reduce(0) { $0 + $1.calls } }

    /// Calls per service.
    public func callsByService() -> [String: Int] {
        counts.values.reduce(into: [:]) { $0[$1.service, default: 0] += $1.calls }
    }
}
