import ArgumentParser
import ControllerConfig
import Foundation
import Logging
import Reconciler
import ServiceLifecycle
import Store

/// `bulwark reconcile`: the controller loop over the targets of a config file.
struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Keep the targets of a config file reconciled: fetch, scan, store compliance per commit.",
        discussion: """
            Each target is fetched every pollInterval; a new commit is scanned at once, an unchanged one again \
            after interval. Failures back off from about 1 s to 15 min per target. SIGTERM/SIGINT stop new \
            cycles and let running ones finish (--shutdown-grace, 30 s by default), then abandon them (nothing of \
            an abandoned cycle is stored) and release the leases. Several replicas may share one PostgreSQL: a \
            target is reconciled by one replica at a time (row leases with expiry; a lease left by a process that \
            died on the same host is taken over at once). --once releases its leases when it ends.

            A missing SQLite database is created; an existing empty (0-byte) file is refused unless --init.

            Exit status with --once: 0 every target Ready; 1 some target failed, stalled, was scanned only \
            partially (PartialScan), was skipped because another live process holds its lease (LeaseHeld), or \
            its status could not be stored; 2 bad config/usage or the database cannot be opened; 143 (SIGTERM) \
            or 130 (SIGINT) stopped by a signal, after the cleanup.
            """)

    @Option(name: .customLong("config"), help: "The controller config (bulwark.yaml).")
    var config: String

    @Flag(name: .customLong("once"), help: "Run one cycle of every target and exit (cron/CI).")
    var once = false

    @Flag(name: .customLong("force"), help: "With --once: scan even when the commit is unchanged.")
    var force = false

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    @Option(name: .customLong("checks-dir"), help: "The check library directory (default: as bulwark scan finds it).")
    var checksDir: String?

    @Option(
        name: .customLong("replica"),
        help: ArgumentHelp(
            "This replica's name in target leases and statuses (replicas sharing one PostgreSQL need distinct names).",
            discussion: "Default: $BULWARK_REPLICA, else host:pid."))
    var replica: String?

    @Option(
        name: .customLong("shutdown-grace"),
        help: "After SIGTERM/SIGINT, how long running cycles may take to finish before they are abandoned (e.g. 30s).")
    var shutdownGrace: String = "30s"

    @OptionGroup var store: StoreOption

    func run() async throws {
        if let replica, replica.isEmpty || replica.count > 200 {
            throw ValidationError("--replica must be 1 to 200 characters")
        }
        guard let grace = DurationText.parse(shutdownGrace) else {
            throw ValidationError("--shutdown-grace must be a duration such as 10s or 1m (got '\(shutdownGrace)')")
        }
        _ = try ControllerSetup.bootstrapLogging(logLevel)
        let logger = Logger(label: "bulwark.reconcile")
        let setup = try await ControllerSetup.make(
            configFile: config, checksDir: checksDir, replica: replica, grace: grace, storeOption: store, logger: logger)
        let reconciler = setup.reconciler
        let opened = setup.store
        if once {
            let status = await OnceRun(reconciler: reconciler, grace: grace, logger: logger).run(force: force)
            await opened.close()
            throw ExitCode(status)
        }
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: reconciler)],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        await opened.close()
    }
}
