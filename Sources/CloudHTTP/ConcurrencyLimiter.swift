/// Bounds how many requests run at once per key (service and region), so a wide discovery cannot flood one API.
public actor ConcurrencyLimiter {
    private let limit: Int
    private var inUse: [String: Int] = [:]
    private var waiters: [String: [CheckedContinuation<Void, Never>]] = [:]

    /// Creates a limiter allowing `limit` concurrent holders per key.
    public init(limit: Int) { self.limit = max(1, limit) }

    /// Waits for a slot for `key`.
    public func acquire(_ key: String) async {
        if inUse[key, default: 0] < limit {
            inUse[key, default: 0] += 1
            return
        }
        await withCheckedContinuation { waiters[key, default: []].append($0) }
    }

    /// Returns a slot for `key`, handing it straight to the next waiter if there is one.
    public func release(_ key: String) {
        if var queue = waiters[key], !queue.isEmpty {
            let next = queue.removeFirst()
            waiters[key] = queue
            next.resume()
        } else {
            inUse[key, default: 1] -= 1
        }
    }

    /// Runs `body` holding a slot for `key`.
    public func withSlot<T: Sendable, E: Error>(_ key: String, _ body: @Sendable () async throws(E) -> T) async throws(E) -> T {
        await acquire(key)
        do {
            let value = try await body()
            release(key)
            return value
        } catch {
            release(key)
            throw error
        }
    }
}
