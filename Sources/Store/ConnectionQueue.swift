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

    /// Runs a non-escaping body on the queue; safe because the caller waits until it has finished.
    func runBody<C, T: Sendable>(
        _ connection: C, _ body: @Sendable (C) throws -> T
    ) async throws -> T {
        try await withoutActuallyEscaping(body) { escapable in
            let box = UncheckedBox((escapable, connection))
            return try await run { try box.value.0(box.value.1) }
        }
    }
}

/// Carries a value across a queue hop whose exclusivity the caller guarantees (one borrower per connection).
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
