import Foundation
import Model

/// Warnings raised while evaluating that do not stop the value (a file a build creates later makes `file()`
/// unknown). Each distinct warning is kept once, however many instances evaluate the same expression.
public final class WarningLog: @unchecked Sendable {
    // Evaluation contexts are values copied across tasks; the lock keeps the shared log consistent.
    private let lock = NSLock()
    private var seen: Set<String> = []
    private var collected: [Diagnostic] = []

    public init() {}

    /// Records `diagnostic` unless the same message at the same place is already recorded.
    public func append(_ diagnostic: Diagnostic) {
        lock.lock()
        defer { lock.unlock() }
        guard seen.insert("\(diagnostic.range.map { "\($0)" } ?? "")|\(diagnostic.message)").inserted else { return }
        collected.append(diagnostic)
    }

    /// Everything recorded, in order.
    public var diagnostics: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }
}
