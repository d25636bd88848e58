import Foundation
import Synchronization

/// Bounds what webhook senders can make the server do: deliveries per source per minute, and each delivery id
/// acted on once (a replay is answered but does nothing). Both tables are bounded, so a flood cannot grow memory.
final class DeliveryGuard: Sendable {
    private struct State {
        var windows: [String: (start: Date, count: Int)] = [:]
        var seen: Set<String> = []
        var order: [String] = []
    }

    private let state = Mutex(State())
    let perMinute: Int
    /// Delivery ids remembered; the oldest are forgotten first.
    let remembered: Int
    /// Sources tracked at once; past it the table is cleared (a fresh minute for everyone).
    let sources: Int

    init(perMinute: Int, remembered: Int = 10_000, sources: Int = 10_000) {
        self.perMinute = perMinute
        self.remembered = remembered
        self.sources = sources
    }

    /// Counts one delivery from `source`; false when it is over the limit for the current minute.
    func admit(source: String, now: Date = Date()) -> Bool {
        state.withLock { state in
            if state.windows.count >= sources && state.windows[source] == nil { state.windows.removeAll() }
            var window = state.windows[source] ?? (start: now, count: 0)
            if now.timeIntervalSince(window.start) >= 60 { window = (start: now, count: 0) }
            window.count += 1
            state.windows[source] = window
            return window.count <= perMinute
        }
    }

    /// Records `delivery`; false when it was seen before (a replay).
    func firstSeen(_ delivery: String) -> Bool {
        state.withLock { state in
            guard state.seen.insert(delivery).inserted else { return false }
            state.order.append(delivery)
            if state.order.count > remembered {
                let dropped = state.order.prefix(state.order.count - remembered)
                for id in dropped { state.seen.remove(id) }
                state.order.removeFirst(dropped.count)
            }
            return true
        }
    }
}
