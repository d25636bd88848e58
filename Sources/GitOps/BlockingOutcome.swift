import Dispatch

/// A blob read on the repository's thread, waited for by a thread that may block (never a task's).
final class BlockingOutcome: @unchecked Sendable {
    // @unchecked: `value` is written once before `ready` is signalled and read only after waiting on it, so the
    // semaphore orders the two accesses.
    private let ready = DispatchSemaphore(value: 0)
    private var value: Result<[UInt8], GitError> = .failure(
        GitError(code: .io, message: "the read did not run", operation: "blob"))

    /// Hands the outcome over and wakes the waiter.
    func finish(_ value: Result<[UInt8], GitError>) {
        self.value = value
        ready.signal()
    }

    /// Blocks until `finish` ran, then returns its outcome.
    func wait() -> Result<[UInt8], GitError> {
        ready.wait()
        return value
    }
}
