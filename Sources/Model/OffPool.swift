import Dispatch

/// Runs blocking or parallel CPU work (the scanner's `concurrentPerform`, check evaluation, model training) on
/// Dispatch's threads instead of holding one of Swift's cooperative threads.
public enum OffPool {
    /// The value of `body`, computed on a Dispatch thread.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: body()) }
        }
    }
}
