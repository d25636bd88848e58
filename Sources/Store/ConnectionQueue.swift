import Dispatch

/// A serial dispatch queue owned by one connection: every blocking C call of that connection runs here,
/// never on Swift's cooperative thread pool.
final class ConnectionQueue: Sendable {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label, qos: .userInitiated)
    }

    /// Runs `work` on the queue and resumes the caller with its result.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
            queue.async {
                continuation.resume(with: Result { try work() })
            }
        }
    }

    /// Runs a non-escaping body on the queue; safe because the caller waits until it has finished, and the
    /// queue drops its reference to the body before resuming the caller (`withoutActuallyEscaping` checks that).
    func runBody<C, T: Sendable>(
        _ connection: C, _ body: @Sendable (C) throws -> T
    ) async throws -> T {
        try await withoutActuallyEscaping(body) { escapable in
            let slot = WorkSlot<T>()
            slot.work = { try escapable(connection) }
            return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
                queue.async {
                    let result = Result { try slot.runOnce() }
                    continuation.resume(with: result)
                }
            }
        }
    }
}

/// Holds a borrowed closure until it has run, then lets go of it.
private final class WorkSlot<T>: @unchecked Sendable {
    // @unchecked: written before the queue hop, read and cleared once on the queue.
    var work: (() throws -> T)?

    func runOnce() throws -> T {
        guard let work else { throw StoreError(.closed, "work already ran", backend: "store") }
        self.work = nil
        return try work()
    }
}

/// Carries a value across a queue hop whose exclusivity the caller guarantees (one borrower per connection).
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
