/// Exponential backoff per target: about 1 s after the first failure, doubling up to 15 minutes, with jitter.
public struct Backoff: Sendable, Hashable {
    public var base: Duration
    public var cap: Duration
    /// Fraction of each delay that is randomised (0 = exact).
    public var jitter: Double

    /// The controller's default: 1 s doubling to 15 min, ±20 %.
    public init(base: Duration = .seconds(1), cap: Duration = .seconds(900), jitter: Double = 0.2) {
        self.base = base
        self.cap = cap
        self.jitter = jitter
    }

    /// Delay before the next attempt after `failures` consecutive failures (1 = the first failure).
    public func delay(afterFailures failures: Int, random: Double) -> Duration {
        guard failures > 0 else { return .zero }
        let exponent = min(failures - 1, 30)
        let raw = min(base.seconds * Double(1 << exponent), cap.seconds)
        // Spread symmetric around the nominal delay but never above the cap.
        let spread = raw * jitter * (random * 2 - 1)
        let seconds = min(max(raw + spread, base.seconds * 0.5), cap.seconds)
        return .milliseconds(Int64(seconds * 1_000))
    }
}
