import Foundation
import Logging
import ServiceLifecycle
import Store
import Testing

@testable import ControllerConfig
@testable import Reconciler

/// A stage that sleeps (cancellably) before it reports, standing in for a long cloud read.
private struct SleepingStage: ReconcileStage {
    let name = "sleep"
    let duration: Duration

    func applies(to target: TargetConfig) -> Bool { true }

    func run(_ context: StageContext) async throws -> StageOutcome {
        try await Task.sleep(for: duration)
        return StageOutcome(StageNote("slept"))
    }
}

/// Graceful shutdown through swift-service-lifecycle: no new cycles, running ones get the grace period, then are
/// cancelled.
@Suite(.serialized) struct GracefulShutdownTests {
    /// Runs `reconciler` in a service group until its first scan is stored, then shuts the group down gracefully;
    /// returns how long the shutdown took.
    private func shutDownDuringTheFirstCycle(_ reconciler: Reconciler, store: Store, target: String) async throws -> Duration {
        let group = ServiceGroup(services: [reconciler], logger: Logger(label: "test"))
        let loop = Task { try await group.run() }
        while try await store.scans(target: target, limit: 10).isEmpty {
            try await Task.sleep(for: .milliseconds(50))
        }
        let clock = ContinuousClock()
        let started = clock.now
        await group.triggerGracefulShutdown()
        try await loop.value
        return clock.now - started
    }

    @Test(.timeLimit(.minutes(10))) func aRunningCycleFinishesWithinTheGracePeriod() async throws {
        let h = try await ReconcileLoopTests.Harness()
        try h.remote.createRepository("slow", files: ["main.tf": ReconcileLoopTests.fixed])
        let reconciler = h.reconciler(
            [h.target("slow")], stages: [SleepingStage(duration: .seconds(2))],
            shutdownGrace: .seconds(60))
        _ = try await shutDownDuringTheFirstCycle(reconciler, store: h.store, target: "slow")
        let status = try #require(await reconciler.currentStatuses().first)
        #expect(status.ready == .true, "\(status)")
        #expect(status.message.contains("; sleep: slept"), "\(status.message)")
    }

    @Test(.timeLimit(.minutes(10))) func aCycleStillRunningAfterTheGracePeriodIsCancelled() async throws {
        let h = try await ReconcileLoopTests.Harness()
        try h.remote.createRepository("stuck", files: ["main.tf": ReconcileLoopTests.fixed])
        let reconciler = h.reconciler(
            [h.target("stuck")], stages: [SleepingStage(duration: .seconds(600))],
            shutdownGrace: .seconds(1))
        let took = try await shutDownDuringTheFirstCycle(reconciler, store: h.store, target: "stuck")
        #expect(took < .seconds(30), "shutdown took \(took)")
        let status = try #require(await reconciler.currentStatuses().first)
        #expect(status.ready == .unknown, "\(status)")
        #expect(status.message == "cycle abandoned at shutdown; nothing of it was stored", "\(status.message)")
    }
}
