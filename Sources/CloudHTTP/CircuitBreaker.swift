/// Stops calling an endpoint that is down: after `threshold` consecutive transport failures (connection refused
/// or reset, timeout) for one key (a service and region), every later call for that key fails at once instead of
/// waiting out its own retries and timeouts. An HTTP answer of any status closes the count again: an endpoint that
/// answers is up, even when it refuses.
public actor CircuitBreaker {
    /// Why a key was opened: its last transport failure and how many came in a row.
    public struct Trip: Sendable, Hashable {
        /// The key (`ec2/us-east-1`, `arm`).
        public var key: String
        /// The last transport failure's text.
        public var reason: String
        /// Consecutive transport failures that opened it.
        public var failures: Int
    }

    /// Consecutive transport failures that open a key; 0 never opens one.
    public let threshold: Int
    private var consecutive: [String: Int] = [:]
    private var trips: [String: Trip] = [:]
    private var attemptCount: [String: Int] = [:]
    private var rejectedCount: [String: Int] = [:]

    /// Creates a breaker opening after `threshold` consecutive transport failures (0 = never).
    public init(threshold: Int) { self.threshold = max(0, threshold) }

    /// The trip that opened `key`, or nil while calls may go through; a refused call is counted.
    public func admit(_ key: String) -> Trip? {
        if let trip = trips[key] {
            rejectedCount[key, default: 0] += 1
            return trip
        }
        attemptCount[key, default: 0] += 1
        return nil
    }

    /// Records an attempt that got an HTTP response.
    public func succeeded(_ key: String) {
        consecutive[key] = 0
    }

    /// Records a transport failure; opens `key` when it is the `threshold`-th in a row.
    public func failed(_ key: String, reason: String) {
        let count = consecutive[key, default: 0] + 1
        consecutive[key] = count
        if threshold > 0, count >= threshold, trips[key] == nil {
            trips[key] = Trip(key: key, reason: reason, failures: count)
        }
    }

    /// Every open key, sorted.
    public func openKeys() -> [Trip] { trips.values.sorted { $0.key < $1.key } }

    /// Attempts let through per key (retries included).
    public func attempts() -> [String: Int] { attemptCount }

    /// Calls refused per key because it was open.
    public func rejected() -> [String: Int] { rejectedCount }
}
