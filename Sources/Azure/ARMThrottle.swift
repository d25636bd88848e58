/// Adaptive concurrency per resource provider. ARM throttles per provider as well as per principal, so each
/// provider (`microsoft.web`) gets its own window of requests in flight, starting at `ceiling`: a call that needed
/// retries (429, 5xx, transport failures) halves its provider's window, and as many first-time answers as the
/// window is wide widen it by one again (additive increase, multiplicative decrease). A throttled provider backs
/// off without slowing the others, and the client's overall cap still applies on top.
public actor ARMThrottle {
    private let ceiling: Int
    private var windows: [String: Int] = [:]
    private var inUse: [String: Int] = [:]
    private var cleanStreak: [String: Int] = [:]
    private var waiters: [String: [CheckedContinuation<Void, Never>]] = [:]
    /// How many times a window was halved (tests and diagnostics).
    public private(set) var reductions = 0

    /// Creates a throttle whose windows never exceed `ceiling`.
    public init(ceiling: Int) { self.ceiling = max(1, ceiling) }

    /// The current window of `provider` (case-insensitive).
    public func window(for provider: String) -> Int { windows[provider.lowercased()] ?? ceiling }

    /// The provider of an API label (`LIST Microsoft.Web/sites` → `microsoft.web`).
    static func provider(ofAPI api: String) -> String {
        let type = api.split(separator: " ", maxSplits: 1).last.map(String.init) ?? api
        return (type.split(separator: "/").first.map(String.init) ?? type).lowercased()
    }

    /// Waits until `provider` has a free slot in its window.
    func acquire(_ provider: String) async {
        while inUse[provider, default: 0] >= window(for: provider) {
            await withCheckedContinuation { waiters[provider, default: []].append($0) }
        }
        inUse[provider, default: 0] += 1
    }

    /// Returns a slot and adapts the window: `retried` halves it, enough clean answers widen it by one.
    func release(_ provider: String, retried: Bool) {
        inUse[provider, default: 1] -= 1
        let current = window(for: provider)
        if retried {
            windows[provider] = max(1, current / 2)
            cleanStreak[provider] = 0
            reductions += 1
        } else if current < ceiling {
            let streak = cleanStreak[provider, default: 0] + 1
            if streak >= current {
                windows[provider] = current + 1
                cleanStreak[provider] = 0
            } else {
                cleanStreak[provider] = streak
            }
        }
        // Every waiter re-checks the window itself; waking all keeps a widened window from idling.
        let queue = waiters.removeValue(forKey: provider) ?? []
        for waiter in queue { waiter.resume() }
    }
}
