import ControllerConfig
import Foundation
import Logging
import Reconciler

/// `bulwark reconcile --once`: one cycle of every target, stopped gracefully by SIGTERM/SIGINT, the leases
/// released whatever happened, the statuses printed, and what kept a target from being Ready said on stderr.
struct OnceRun {
    let reconciler: Reconciler
    /// How long running cycles may finish after a signal before they are abandoned.
    let grace: Duration
    let logger: Logger

    /// Runs the cycle and returns the exit status (see `ReconcileCommand`'s discussion).
    func run(force: Bool) async -> Int32 {
        let reconciler = reconciler
        let grace = grace
        let logger = logger
        let work = Task { await reconciler.runOnce(force: force) }
        let trap = SignalTrap(
            onSignal: { signal in
                logger.notice(
                    "signal received: no further target starts; running cycles get \(DurationText.format(grace))",
                    metadata: ["signal": .stringConvertible(signal)])
                Task {
                    await reconciler.stopStartingCycles()
                    try? await Task.sleep(for: grace)
                    work.cancel()
                }
            },
            onRepeat: { _ in work.cancel() })
        let statuses = await work.value
        await reconciler.releaseLeases()
        trap.cancel()
        StatusTable.print(statuses.map { StatusTable.Row($0.record) })
        for status in statuses where status.reason == .leaseHeld {
            FileHandle.standardError.write(Data("Error: target \(status.target) \(status.message)\n".utf8))
        }
        let unsaved = await reconciler.unsavedStatuses()
        for (target, error) in unsaved.sorted(by: { $0.key < $1.key }) {
            FileHandle.standardError.write(
                Data(
                    ("Error: the status of target \(target) shown above could not be stored (\(error)); "
                        + "bulwark status still shows an earlier cycle\n").utf8))
        }
        if let signal = trap.signal { return 128 + signal }
        let ready = statuses.allSatisfy { $0.ready == .true || $0.reason == .suspended }
        return ready && unsaved.isEmpty ? 0 : 1
    }
}
