import Foundation
import Synchronization

/// Requests for an immediate cycle of a target (from the API or a webhook), whether the loop is running, and
/// the cycles it finishes as they finish, shared between the `Reconciler` and whoever asks; safe to use from
/// any thread.
public final class CycleRequests: Sendable {
    /// One cycle the loop finished.
    public struct Finished: Sendable, Hashable {
        public var target: String
        /// `Unchanged` (same commit, nothing to do), `Skipped` (another replica holds the target, or it lost the
        /// lease), `Abandoned` (shutdown), else the target status's reason: Succeeded, PartialScan, Failed,
        /// Stalled, Suspended.
        public var result: String
        /// From the start of the cycle to its status saved.
        public var seconds: Double
    }

    private struct State {
        var queued: [String: String] = [:]
        var loopRunning = false
        var observers: [@Sendable (Finished) -> Void] = []
    }

    private let state = Mutex(State())

    /// Nothing queued; the loop not running.
    public init() {}

    /// Queues an immediate cycle of `target` and returns its id; while one is queued and not yet started, asking
    /// again returns the same id (`queued` false).
    public func request(_ target: String) -> (id: String, queued: Bool) {
        state.withLock { state in
            if let id = state.queued[target] { return (id, false) }
            let id = UUID().uuidString.lowercased()
            state.queued[target] = id
            return (id, true)
        }
    }

    /// The queued cycle of `target`, if any, without taking it.
    public func pending(_ target: String) -> String? { state.withLock { $0.queued[target] } }

    /// Takes the queued request of `target` (the loop calls this as the cycle starts).
    func take(_ target: String) -> String? { state.withLock { $0.queued.removeValue(forKey: target) } }

    /// True while `Reconciler.run()` is looping.
    public var loopRunning: Bool { state.withLock { $0.loopRunning } }

    func setLoopRunning(_ running: Bool) { state.withLock { $0.loopRunning = running } }

    /// Calls `observer` after every cycle the loop finishes, on the loop's task: it must return quickly.
    public func observeCycles(_ observer: @escaping @Sendable (Finished) -> Void) {
        state.withLock { $0.observers.append(observer) }
    }

    /// Tells the observers a cycle finished.
    func finished(_ cycle: Finished) {
        for observer in state.withLock({ $0.observers }) { observer(cycle) }
    }
}
