/// The bounds one run (a discovery, a drift, a reconcile cycle's live stage) puts on every cloud call it makes:
/// a circuit breaker per key and one deadline for the whole run. Clients pass each attempt through `transport`.
public struct CallGuard: Sendable {
    /// The per-key breaker.
    public let breaker: CircuitBreaker
    /// When the run must stop calling; nil for no limit.
    public let deadline: ContinuousClock.Instant?

    /// A guard opening a key after `breakerThreshold` consecutive transport failures (0 = never) and refusing
    /// every call once `deadline` (from now) has passed.
    public init(breakerThreshold: Int = 3, deadline: Duration? = nil) {
        self.breaker = CircuitBreaker(threshold: breakerThreshold)
        self.deadline = deadline.map { ContinuousClock.now.advanced(by: $0) }
    }

    /// A guard that never opens and never expires.
    public static var unbounded: CallGuard { CallGuard(breakerThreshold: 0) }

    /// `base` with every attempt for `key` checked against the deadline and the breaker, and recorded in it.
    public func transport(_ base: any HTTPTransport, key: String) -> any HTTPTransport {
        GuardedTransport(base: base, bounds: self, key: key)
    }

    /// Whether the deadline has passed.
    public var isExpired: Bool { deadline.map { ContinuousClock.now >= $0 } ?? false }
}

/// One key's view of a `CallGuard`: refuses attempts once the key is open or the deadline passed (with errors no
/// retry policy retries), shortens the last attempts to the time left, and feeds the breaker.
struct GuardedTransport: HTTPTransport {
    let base: any HTTPTransport
    let bounds: CallGuard
    let key: String

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        var limit = timeout
        if let deadline = bounds.deadline {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else {
                throw HTTPError(
                    .deadlineExceeded, "the run's deadline passed before this call", api: request.api,
                    url: request.redactedURL)
            }
            limit = min(limit, left)
        }
        if let trip = await bounds.breaker.admit(key) {
            throw HTTPError(
                .circuitOpen, "\(key) not called after \(trip.failures) consecutive transport failures (\(trip.reason))",
                api: request.api, url: request.redactedURL)
        }
        do {
            let response = try await base.send(request, timeout: limit)
            await bounds.breaker.succeeded(key)
            return response
        } catch let error as HTTPError where error.isTransient {
            await bounds.breaker.failed(key, reason: "\(error.code): \(error.message)")
            throw error
        }
    }
}
