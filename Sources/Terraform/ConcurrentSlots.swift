import Foundation

/// Result slots filled from `DispatchQueue.concurrentPerform`; each index is written by exactly one iteration,
/// the lock only makes the writes visible to the thread that collects them.
public final class ConcurrentSlots<T: Sendable>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    /// `count` empty slots.
    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// Stores the result of iteration `index`.
    public func store(_ value: T, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The stored results in index order.
    public func values() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
