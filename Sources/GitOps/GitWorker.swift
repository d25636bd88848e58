import Foundation

/// One dedicated thread that runs a repository's libgit2 work items in order, off Swift's cooperative pool
/// (libgit2 calls block, and its handles and thread-local errors must stay on one thread).
final class GitWorker: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [@Sendable () -> Void] = []
    private var stopping = false

    /// Starts the thread.
    init(name: String) {
        let thread = Thread { [self] in self.loop() }
        thread.name = name
        thread.start()
    }

    /// Queues `item`; the thread runs items one at a time in submission order.
    func submit(_ item: @escaping @Sendable () -> Void) {
        condition.lock()
        items.append(item)
        condition.signal()
        condition.unlock()
    }

    /// Lets the thread exit once the queued items have run.
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while items.isEmpty && !stopping { condition.wait() }
            if items.isEmpty {
                condition.unlock()
                return
            }
            let item = items.removeFirst()
            condition.unlock()
            item()
        }
    }

    /// Runs `body` on the thread and returns its result to the caller's task.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws(GitError) -> T) async throws(GitError) -> T {
        let result: Result<T, GitError> = await withCheckedContinuation { continuation in
            submit {
                do throws(GitError) {
                    continuation.resume(returning: .success(try body()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }

    /// Runs a network operation on the thread with its watchdog; if the libgit2 call is still blocked
    /// 5 s after the deadline (a hang no socket check can reach, such as name resolution), the caller
    /// gets `.timeout` anyway and the late result is dropped. Task cancellation cuts the operation's sockets.
    func runNetwork<T: Sendable>(
        _ operation: GitOperation, _ body: @escaping @Sendable () throws(GitError) -> T
    ) async throws(GitError) -> T {
        if let refusal = operation.cleartextCredentialRefusal() { throw refusal }
        let result: Result<T, GitError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let once = ResumeOnce(continuation)
                let grace = operation.remainingNanoseconds() &+ 5_000_000_000
                DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .nanoseconds(Int(clamping: grace))) {
                    guard once.isPending else { return }
                    operation.cancel()
                    once.resume(.failure(operation.hardDeadlineError()))
                }
                submit {
                    do throws(GitError) {
                        once.resume(.success(try CurrentGitOperation.with(operation, body)))
                    } catch {
                        once.resume(.failure(error))
                    }
                }
            }
        } onCancel: {
            operation.cancel()
        }
        return try result.get()
    }
}

/// A continuation that only the first of several racing resumers gets to resume.
private final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Result<T, GitError>, Never>?

    init(_ continuation: CheckedContinuation<Result<T, GitError>, Never>) { self.continuation = continuation }

    var isPending: Bool {
        lock.lock()
        defer { lock.unlock() }
        return continuation != nil
    }

    func resume(_ result: Result<T, GitError>) {
        lock.lock()
        let pending = continuation
        continuation = nil
        lock.unlock()
        pending?.resume(returning: result)
    }
}
