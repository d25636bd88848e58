import Store
import Synchronization

/// Response bodies of the routes that read one stored scan (a page of its findings, its compliance with a
/// framework), kept by scan id and query. A stored scan never changes — it is written in one transaction and its
/// result rows are not updated later — so a body made once stays right for as long as the scan exists; the route
/// still looks the scan up first, so a scan that is gone answers 404 as before. Bounded by bytes and entries; past
/// either bound the oldest bodies are dropped.
final class ScanResponseCache: Sendable {
    /// What a body answers.
    enum Key: Hashable, Sendable {
        case findings(scanID: Int64, query: FindingQuery, page: Int?)
        case compliance(scanID: Int64, framework: String)
    }

    private struct State {
        var bodies: [Key: [UInt8]] = [:]
        /// Keys oldest first, for eviction.
        var order: [Key] = []
        var bytes = 0
        var hits = 0
        var misses = 0
    }

    private let state = Mutex(State())
    /// Most bytes of bodies kept at once.
    let byteLimit: Int
    /// Most bodies kept at once.
    let entryLimit: Int

    init(byteLimit: Int = 64 << 20, entryLimit: Int = 4_096) {
        self.byteLimit = max(0, byteLimit)
        self.entryLimit = max(1, entryLimit)
    }

    /// The body kept for `key`, counting the hit or the miss.
    func body(for key: Key) -> [UInt8]? {
        state.withLock { state in
            if let body = state.bodies[key] {
                state.hits += 1
                return body
            }
            state.misses += 1
            return nil
        }
    }

    /// Keeps `body` for `key`, dropping the oldest bodies past the bounds; a body larger than the byte bound is
    /// not kept.
    func remember(_ body: [UInt8], for key: Key) {
        guard body.count <= byteLimit else { return }
        state.withLock { state in
            guard state.bodies[key] == nil else { return }
            state.bodies[key] = body
            state.order.append(key)
            state.bytes += body.count
            var dropped = 0
            while state.bytes > byteLimit || state.order.count - dropped > entryLimit {
                let oldest = state.order[dropped]
                state.bytes -= state.bodies.removeValue(forKey: oldest)?.count ?? 0
                dropped += 1
            }
            if dropped > 0 { state.order.removeFirst(dropped) }
        }
    }

    /// Lookups answered from memory and lookups that were not, since start.
    var counts: (hits: Int, misses: Int) {
        state.withLock { ($0.hits, $0.misses) }
    }
}
