import Foundation
import Model

/// How many elements `for` expressions, `%{for}` directives and splats may produce in total, across every
/// expression of one load: each may be small (a `for` over 1,000 elements) and still multiply when nested.
public final class IterationBudget: @unchecked Sendable {
    /// The total allowed.
    public let limit: Int
    // Module instances of one load evaluate on one thread; the lock keeps a shared budget exact if they do not.
    private let lock = NSLock()
    private var spent = 0

    /// A budget of `limit` elements.
    public init(limit: Int) {
        self.limit = limit
    }

    /// Whether the whole budget has been spent.
    public var isExhausted: Bool {
        lock.lock()
        defer { lock.unlock() }
        return spent > limit
    }

    /// Spends `count` elements for `what` at `range`; throws a `limit_exceeded` diagnostic once the total passes the limit.
    public func spend(_ count: Int, for what: @autoclosure () -> String, at range: SourceRange?) throws(Diagnostic) {
        lock.lock()
        spent += count
        let over = spent > limit
        lock.unlock()
        guard over else { return }
        throw Diagnostic(
            .limitExceeded,
            "\(what()) goes past the limit of \(limit) elements produced by for expressions in this configuration (nested for expressions multiply)",
            at: range)
    }
}
