import Synchronization

/// The tokens this server verified lately, kept in memory by hash, so a request with a known token reads no
/// database. A token revoked through this server's API is forgotten at once; one revoked by another process
/// (`bulwark token revoke`) stays accepted until its entry is older than `lifetime`, when it is read again.
/// Only verified tokens are kept (an unknown token is read every time, as before), and the table is bounded.
final class TokenCache: Sendable {
    private struct Entry {
        var caller: Caller
        var verified: ContinuousClock.Instant
    }

    private struct State {
        var entries: [String: Entry] = [:]
        /// Bumped by every revocation, so a lookup that began before one does not put its answer back.
        var generation = 0
        var storeReads = 0
    }

    private let state = Mutex(State())
    /// How long a verified token is believed without reading the store again.
    let lifetime: Duration
    /// Entries kept at once; past it the table is cleared (each token is read once more).
    let capacity: Int
    let now: @Sendable () -> ContinuousClock.Instant

    init(
        lifetime: Duration = .seconds(5), capacity: Int = 10_000,
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.lifetime = lifetime
        self.capacity = max(1, capacity)
        self.now = now
    }

    /// The holder of the token hashed `hash` if it was verified less than `lifetime` ago.
    func caller(hash: String) -> Caller? {
        let now = now()
        return state.withLock { state in
            guard let entry = state.entries[hash] else { return nil }
            guard entry.verified.duration(to: now) < lifetime else {
                state.entries[hash] = nil
                return nil
            }
            return entry.caller
        }
    }

    /// Counts a store read about to be made; returns the generation to hand back to `remember`.
    func beginRead() -> Int {
        state.withLock { state in
            state.storeReads += 1
            return state.generation
        }
    }

    /// Keeps `caller` for `hash`, unless a revocation happened since the read that found it began.
    func remember(hash: String, caller: Caller, readAt generation: Int) {
        let now = now()
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.entries.count >= capacity && state.entries[hash] == nil { state.entries.removeAll() }
            state.entries[hash] = Entry(caller: caller, verified: now)
        }
    }

    /// Drops every entry of the token named `name` (just revoked).
    func forget(name: String) {
        state.withLock { state in
            state.generation += 1
            state.entries = state.entries.filter { $0.value.caller.name != name }
        }
    }

    /// Store reads made for tokens so far.
    var storeReads: Int { state.withLock { $0.storeReads } }
}
