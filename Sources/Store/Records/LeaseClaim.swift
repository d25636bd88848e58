/// What `Store.claimLease` found: whether the caller holds the target's lease now, and whether it held it before.
public enum LeaseClaim: String, Sendable, Hashable {
    /// Another replica holds an unexpired lease.
    case busy
    /// The caller already held the lease (it may have lapsed, but nobody took it meanwhile); it is extended.
    case renewed
    /// The lease was free, expired, or another replica's expired one: the caller holds it now, and whatever it
    /// remembers about the target may be stale (another replica may have reconciled it meanwhile).
    case taken
}
