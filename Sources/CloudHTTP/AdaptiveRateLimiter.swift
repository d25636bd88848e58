import Foundation

/// A client-side send rate per key (service and region) that adapts to throttling, as the AWS SDKs' "adaptive"
/// retry mode does: a key is unlimited until the service throttles it; the first throttling answer sets its rate
/// to half the rate it was sending at, each later one halves the rate again, and every success adds
/// `increase / rate` requests per second — about `increase` per second at full pace (additive increase,
/// multiplicative decrease, as TCP's congestion window). Sends are paced one token at a time (a token bucket of
/// depth one), so a throttled key slows only its own calls.
///
/// The rate decreases at most once per `cooldown` (one second, the window AWS services meter requests over), and
/// never for a request sent before the last decrease: a burst in flight when the service pushed back, and the
/// answers while its window still remembers the burst, are one signal, not many (TCP decreases once per round trip
/// for the same reason).
public actor AdaptiveRateLimiter {
    /// How a key stands: nil rate = not throttled yet, unlimited.
    struct KeyState {
        var rate: Double?
        var nextSlot: ContinuousClock.Instant?
        var lastDecrease: ContinuousClock.Instant?
        var recentSends: [ContinuousClock.Instant] = []
    }

    /// The lowest rate a key is slowed to (requests per second).
    public let minimumRate: Double
    /// Requests per second added per second of successes at full pace.
    public let increase: Double
    /// The factor a throttling answer multiplies the rate by.
    public let decrease: Double
    /// The shortest time between two decreases of one key.
    public let cooldown: Duration
    private var keys: [String: KeyState] = [:]
    /// Throttling answers that lowered a rate (tests and diagnostics).
    public private(set) var reductions = 0

    /// Creates a limiter; every key starts unlimited.
    public init(minimumRate: Double = 1, increase: Double = 4, decrease: Double = 0.5, cooldown: Duration = .seconds(1)) {
        self.cooldown = cooldown
        self.minimumRate = max(0.01, minimumRate)
        self.increase = max(0, increase)
        self.decrease = min(0.95, max(0.05, decrease))
    }

    /// The current rate of `key` in requests per second; nil while it has never been throttled.
    public func rate(for key: String) -> Double? { keys[key]?.rate }

    /// Reserves the next send slot of `key` and returns when it comes (now while the key is unlimited).
    public func reserve(_ key: String) -> ContinuousClock.Instant {
        let now = ContinuousClock.now
        var state = keys[key] ?? KeyState()
        state.recentSends.removeFirst(state.recentSends.prefix { now - $0 > .seconds(1) }.count)
        var slot = now
        if let rate = state.rate {
            slot = max(now, state.nextSlot ?? now)
            state.nextSlot = slot + .seconds(1 / rate)
        }
        state.recentSends.append(slot)
        keys[key] = state
        return slot
    }

    /// Records a throttling answer to a request of `key` sent at `sentAt`.
    public func throttled(_ key: String, sentAt: ContinuousClock.Instant) {
        var state = keys[key] ?? KeyState()
        let now = ContinuousClock.now
        if let last = state.lastDecrease, sentAt < last || now - last < cooldown { return }
        // The pace it was sending at: the sends of the last second, at least one.
        let measured = Double(max(1, state.recentSends.filter { now - $0 <= .seconds(1) }.count))
        let current = state.rate.map { min($0, measured) } ?? measured
        state.rate = max(minimumRate, current * decrease)
        state.lastDecrease = now
        state.nextSlot = max(state.nextSlot ?? now, now) + .seconds(1 / (state.rate ?? minimumRate))
        keys[key] = state
        reductions += 1
    }

    /// Records a successful (not throttled) answer for `key`.
    public func succeeded(_ key: String) {
        guard var state = keys[key], let rate = state.rate else { return }
        state.rate = rate + increase / rate
        keys[key] = state
    }

    /// Waits for `key`'s next slot; throws `CancellationError` when the task is cancelled meanwhile.
    public nonisolated func acquire(_ key: String) async throws -> ContinuousClock.Instant {
        let slot = await reserve(key)
        if slot > ContinuousClock.now { try await Task.sleep(until: slot, clock: .continuous) }
        return ContinuousClock.now
    }

    /// `base` with every attempt paced by `key`'s rate, and each answer fed back: `isThrottled` answers lower
    /// the rate, other answers raise it. Transport failures leave it as it is.
    public nonisolated func transport(
        _ base: any HTTPTransport, key: String, isThrottled: @escaping @Sendable (HTTPResponse) -> Bool
    ) -> any HTTPTransport {
        RateLimitedTransport(base: base, limiter: self, key: key, isThrottled: isThrottled)
    }
}

/// One key's view of an `AdaptiveRateLimiter`.
struct RateLimitedTransport: HTTPTransport {
    let base: any HTTPTransport
    let limiter: AdaptiveRateLimiter
    let key: String
    let isThrottled: @Sendable (HTTPResponse) -> Bool

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let sentAt = try await limiter.acquire(key)
        let response = try await base.send(request, timeout: timeout)
        if isThrottled(response) {
            await limiter.throttled(key, sentAt: sentAt)
        } else if response.status < 500 {
            await limiter.succeeded(key)
        }
        return response
    }
}
