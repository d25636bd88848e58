import ArgumentParser
import CommitScan
import ControllerConfig
import Foundation
import Logging
import Reconciler
import Scanner
import Store

/// What `bulwark reconcile` and `bulwark serve` both start from: the loaded config and check library, the opened
/// store (interrupted applies recovered) and the reconciler with its statuses restored.
struct ControllerSetup {
    let config: ReconcileConfig
    let library: CheckLibrary
    let store: Store
    let reconciler: Reconciler
    /// The scanner the loop uses (pull request scans use it too).
    let scanner: CommitScanner
    let environment: [String: String]

    /// Loads and opens everything; a bad config exits 2 with its error printed.
    static func make(
        configFile: String, checksDir: String?, replica: String?, grace: Duration, storeOption: StoreOption,
        logger: Logger
    ) async throws -> ControllerSetup {
        let loaded: ReconcileConfig
        do {
            loaded = try ReconcileConfig.load(file: configFile)
        } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let environment = ProcessInfo.processInfo.environment
        var options = ScanOptions()
        options.library = CheckLibraryLocator.load(explicit: checksDir ?? loaded.checksDirectory, environment: environment)
        options.environment = environment
        do {
            try loaded.validateFrameworks(known: Set(options.library.frameworks.keys))
        } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let opened = try await storeOption.open(default: loaded.database)
        let owner =
            replica ?? environment["BULWARK_REPLICA"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
        await InterruptedApplies.recover(
            store: opened, checks: options.library.checks, environment: environment, profile: nil, actor: "bulwark:\(owner)")
        let scanner = CommitScanner(options: options)
        let reconciler = Reconciler(
            config: loaded, store: opened, scanner: scanner,
            stages: StageCatalog.stages(config: loaded, environment: environment, library: options.library),
            owner: owner, logger: logger, shutdownGrace: grace)
        do {
            try await reconciler.restoreStatuses()
        } catch {
            logger.warning("cannot read previous statuses; every target starts fresh", metadata: ["error": .string("\(error)")])
        }
        return ControllerSetup(
            config: loaded, library: options.library, store: opened, reconciler: reconciler, scanner: scanner,
            environment: environment)
    }

    /// Sends the controller's log lines to standard error at `level`.
    static func bootstrapLogging(_ level: String) throws -> Logger.Level {
        guard let parsed = Logger.Level(rawValue: level) else { throw ValidationError("unknown --log-level \(level)") }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = parsed
            return handler
        }
        return parsed
    }
}
