import ArgumentParser
import CommitScan
import ControllerConfig
import Foundation
import Logging
import Reconciler
import Scanner
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
            cycles and let running ones finish (30 s grace). Several replicas may share one PostgreSQL: a target \
            is reconciled by one replica at a time (row leases with expiry).

            Exit status with --once: 0 every target Ready, 1 some target failed or stalled, 2 bad config/usage.
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

    @OptionGroup var store: StoreOption

    func run() async throws {
        if let replica, replica.isEmpty || replica.count > 200 {
            throw ValidationError("--replica must be 1 to 200 characters")
        }
        guard let level = Logger.Level(rawValue: logLevel) else { throw ValidationError("unknown --log-level \(logLevel)") }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "bulwark.reconcile")
        let loaded: ReconcileConfig
        do {
            loaded = try ReconcileConfig.load(file: config)
        } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let environment = ProcessInfo.processInfo.environment
        var options = ScanOptions()
        options.library = CheckLibraryLocator.load(explicit: checksDir ?? loaded.checksDirectory, environment: environment)
        options.environment = environment
        let opened = try await store.open(default: loaded.database)
        let owner =
            replica ?? environment["BULWARK_REPLICA"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
        let reconciler = Reconciler(
            config: loaded, store: opened, scanner: CommitScanner(options: options),
            stages: StageCatalog.stages(
                config: loaded, environment: environment,
                library: options.library),
            owner: owner, logger: logger)
        do {
            try await reconciler.restoreStatuses()
        } catch {
            logger.warning("cannot read previous statuses; every target starts fresh", metadata: ["error": .string("\(error)")])
        }
        if once {
            let statuses = await reconciler.runOnce(force: force)
            StatusTable.print(statuses.map { StatusTable.Row($0.record) })
            await opened.close()
            throw ExitCode(statuses.allSatisfy { $0.ready == .true || $0.reason == .suspended } ? 0 : 1)
        }
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: reconciler)],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        await opened.close()
    }
}
