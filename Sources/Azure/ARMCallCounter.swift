/// Counts ARM calls (logical requests, pages included) and HTTP attempts (retries included) per API label.
public actor ARMCallCounter {
    /// Calls and attempts of one API label.
    public struct Tally: Sendable, Hashable {
        public var calls: Int
        public var attempts: Int
    }

    private var tallies: [String: Tally] = [:]

    /// Creates an empty counter.
    public init() {}

    func record(_ api: String, attempts: Int) {
        tallies[api, default: Tally(calls: 0, attempts: 0)].calls += 1
        tallies[api, default: Tally(calls: 0, attempts: 0)].attempts += attempts
    }

    /// Every API label with its tally.
    public var byAPI: [String: Tally] { tallies }

    /// All calls made so far.
    public var totalCalls: Int { tallies.values.reduce(0) { $0 + $1.calls } }

    /// All HTTP attempts made so far, retries included.
    public var totalAttempts: Int { tallies.values.reduce(0) { $0 + $1.attempts } }
}
