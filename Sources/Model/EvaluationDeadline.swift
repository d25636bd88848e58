import Foundation

/// When evaluation must stop: a point in time, a cancellation by whoever started it, or both.
///
/// Loading and checking run synchronously on Dispatch threads, where Swift task cancellation does not reach;
/// every long loop (module expansion, `for` expressions, the check engine's resources) asks this object instead,
/// so a reconcile cycle's `timeout` stops the work rather than only the wait for it.
public final class EvaluationDeadline: @unchecked Sendable {
    /// The instant after which work stops; nil: only `cancel()` stops it.
    public let instant: ContinuousClock.Instant?
    // A flag set once from another thread; the lock only makes the write visible.
    private let lock = NSLock()
    private var cancelled = false

    /// A deadline at `instant` (nil: none, only cancellation).
    public init(at instant: ContinuousClock.Instant? = nil) {
        self.instant = instant
    }

    /// A deadline `duration` from now.
    public convenience init(after duration: Duration) {
        self.init(at: ContinuousClock.now.advanced(by: duration))
    }

    /// Stops every loop that checks this deadline, whatever the time.
    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    /// Whether `cancel()` was called.
    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    /// Whether work must stop now: cancelled, or past the instant.
    public var isExpired: Bool {
        if isCancelled { return true }
        guard let instant else { return false }
        return ContinuousClock.now >= instant
    }

    /// Throws a `deadline_exceeded` diagnostic naming `what` was stopped when the deadline has expired.
    public func check(_ what: @autoclosure () -> String, at range: SourceRange?) throws(Diagnostic) {
        guard isExpired else { return }
        throw Diagnostic(
            .deadlineExceeded,
            "Evaluation stopped \(isCancelled ? "(cancelled)" : "at its deadline") while evaluating \(what()); the result is incomplete",
            at: range)
    }
}

extension Diagnostic.Code {
    /// Evaluation was stopped by its deadline or cancelled; what it produced is incomplete.
    public static let deadlineExceeded: Diagnostic.Code = "deadline_exceeded"
}
