import ServiceLifecycle

/// The reconciler as a swift-service-lifecycle service: SIGTERM/SIGINT stop new cycles, running cycles get a
/// grace period to finish, then are cancelled (a cancelled cycle stores nothing, since each scan is one transaction).
public struct ReconcilerService: Service {
    public let reconciler: Reconciler
    public let grace: Duration

    /// Wraps `reconciler`.
    public init(reconciler: Reconciler, grace: Duration = .seconds(30)) {
        self.reconciler = reconciler
        self.grace = grace
    }

    public func run() async throws {
        let reconciler = self.reconciler
        await withGracefulShutdownHandler {
            await reconciler.run(grace: grace)
        } onGracefulShutdown: {
            Task { await reconciler.stop() }
        }
    }
}
