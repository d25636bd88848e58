import Dispatch

/// Runs blocking or parallel CPU work (the scanner's `concurrentPerform`) on Dispatch's threads instead of
/// holding one of Swift's cooperative threads.
enum OffPool {
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: body()) }
        }
    }
}
