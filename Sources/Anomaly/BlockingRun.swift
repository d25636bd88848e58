import Foundation

/// Runs async work to completion from synchronous code (a command-line entry point), blocking the calling
/// thread — never call it from a task on the cooperative pool.
public enum BlockingRun {
    /// The result of `body`, or its error.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do { box.set(.success(try await body())) } catch { box.set(.failure(error)) }
            done.signal()
        }
        done.wait()
        guard let result = box.get() else { throw AnomalyError(.io, "async work ended without a result") }
        return try result.get()
    }

    final class Box<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<T, any Error>?
        func set(_ r: Result<T, any Error>) {
            lock.lock()
            result = r
            lock.unlock()
        }
        func get() -> Result<T, any Error>? {
            lock.lock()
            defer { lock.unlock() }
            return result
        }
    }
}
