import CloudHTTP

/// How long discovery may wait on the clouds: per attempt, until a response starts, per endpoint that keeps
/// failing (the circuit breaker), and in total. A discovery that hangs on a dead endpoint is worse than one that
/// reports the endpoint unread.
public struct DiscoveryLimits: Sendable, Hashable {
    /// Total time for one HTTP attempt.
    public var requestTimeout: Duration
    /// Time until a response starts (connect, send, first bytes), where discovery makes the transport; nil = only
    /// `requestTimeout`.
    public var connectTimeout: Duration?
    /// Consecutive transport failures after which a service (in one region) is no longer called; 0 = never.
    public var breakerThreshold: Int
    /// The whole run's time; nil = no limit. Calls not made by then are reported unread.
    public var deadline: Duration?
    /// Member accounts read at the same time when several are configured.
    public var maxConcurrentAccounts = 4

    /// For the controller and library callers: 30 s per attempt, a service stopped after 3 transport failures in
    /// a row, no separate time to a first response (a loaded but working endpoint is not cut off), no deadline.
    public static let standard = DiscoveryLimits()

    /// For `discover` and `drift` run by a person or a CI job: `standard` with 10 s to a first response, so a
    /// listener that never answers is given up on in three attempts of 10 s instead of five of 30 s.
    public static let command = DiscoveryLimits(connectTimeout: .seconds(10))

    /// Creates limits.
    public init(
        requestTimeout: Duration = .seconds(30), connectTimeout: Duration? = nil, breakerThreshold: Int = 3,
        deadline: Duration? = nil
    ) {
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        self.breakerThreshold = breakerThreshold
        self.deadline = deadline
    }

    /// A transport honouring `connectTimeout`.
    public func transport() -> any HTTPTransport { URLSessionTransport(connectTimeout: connectTimeout) }

    /// A fresh breaker and deadline for one run, starting now.
    func callGuard() -> CallGuard { CallGuard(breakerThreshold: breakerThreshold, deadline: deadline) }
}
