/// Puts events that arrive roughly in time order (CloudTrail writes a file per region every few minutes, and
/// records inside a file are not sorted) back in order before the detector sees them: events are held until
/// the newest event seen is `tolerance` seconds past them. At most `maxHeld` events are held, so memory stays
/// bounded whatever the input; beyond that the oldest are released early.
public struct EventReorderBuffer: Sendable {
    public let tolerance: Double
    public let maxHeld: Int
    var held: [ActivityEvent] = []
    var newest = -Double.infinity
    /// Events released before the newest one had moved `tolerance` past them (the buffer was full).
    public private(set) var releasedEarly = 0

    /// A buffer waiting `tolerance` seconds of event time and holding at most `maxHeld` events.
    public init(tolerance: Double = 900, maxHeld: Int = 50_000) {
        self.tolerance = tolerance
        self.maxHeld = max(1, maxHeld)
    }

    /// Takes `events`; returns the events now due, oldest first.
    public mutating func add(_ events: [ActivityEvent]) -> [ActivityEvent] {
        for e in events where e.time > newest { newest = e.time }
        held += events
        // Sorting on every call would cost more than the detector: release in steps.
        guard held.count >= min(maxHeld, 16_384) else { return [] }
        held.sort { $0.time < $1.time }
        let cutoff = newest - tolerance
        var split = held.partitionPoint { $0.time > cutoff }
        if held.count - split > maxHeld / 2 {
            let extra = held.count - split - maxHeld / 2
            releasedEarly += extra
            split += extra
        }
        let due = Array(held[..<split])
        held.removeSubrange(..<split)
        return due
    }

    /// Everything still held, oldest first.
    public mutating func flush() -> [ActivityEvent] {
        held.sort { $0.time < $1.time }
        defer { held = [] }
        return held
    }
}

extension Array {
    /// The first index whose element satisfies `belongsAfter`, given the array is partitioned by it.
    func partitionPoint(_ belongsAfter: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if belongsAfter(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
