import ArgumentParser
import ControllerConfig
import Foundation
import LiveRemediation
import Logging
import Server
import ServiceLifecycle

/// `bulwark serve`: the reconcile loop and the HTTP API in one process.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the reconcile loop and the HTTP API (/api/v1, webhooks, /health, /metrics) in one process.",
        discussion: """
            The API needs a bearer token (bulwark token create); /health/* and /metrics need none. SIGTERM/SIGINT \
            stop the server and the loop together: running cycles get --shutdown-grace to finish.
            """)

    @Option(
        name: .customLong("config"),
        help: "The controller config (bulwark.yaml). Default: $BULWARK_CONFIG, else the text of $BULWARK_CONFIG_YAML.")
    var config: String?

    @Option(name: .customLong("listen"), help: "HOST:PORT to listen on. Default: $BULWARK_LISTEN, else 127.0.0.1:8080.")
    var listen: String?

    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain; with --tls-key the server speaks HTTPS only.")
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key of --tls-cert.")
    var tlsKey: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    @Option(name: .customLong("checks-dir"), help: "The check library directory (default: as bulwark scan finds it).")
    var checksDir: String?

    @Option(name: .customLong("replica"), help: "This replica's name in target leases and statuses.")
    var replica: String?

    @Option(name: .customLong("shutdown-grace"), help: "How long running cycles may take to finish at shutdown.")
    var shutdownGrace: String = "30s"

    @OptionGroup var store: StoreOption

    func validate() throws {
        if (tlsCertificate == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
        if let listen { _ = try Self.parseListen(listen) }
    }

    /// `HOST:PORT` (an IPv6 host in brackets).
    static func parseListen(_ text: String) throws -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port)
        else { throw ValidationError("--listen must be HOST:PORT (got '\(text)')") }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw ValidationError("--listen must be HOST:PORT (got '\(text)')") }
        return (host, port)
    }

    func run() async throws {
        guard let grace = DurationText.parse(shutdownGrace) else {
            throw ValidationError("--shutdown-grace must be a duration such as 10s or 1m (got '\(shutdownGrace)')")
        }
        _ = try ControllerSetup.bootstrapLogging(logLevel)
        let logger = Logger(label: "bulwark.serve")
        let environmentVariables = ProcessInfo.processInfo.environment
        let configFile = try ServeConfigSource.file(explicit: config, environment: environmentVariables)
        let listen = self.listen ?? environmentVariables["BULWARK_LISTEN"].flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1:8080"
        let setup = try await ControllerSetup.make(
            configFile: configFile, checksDir: checksDir, replica: replica, grace: grace, storeOption: store, logger: logger)
        let address = try Self.parseListen(listen)
        let environment = setup.environment
        let checks = setup.library.checks
        let opened = setup.store
        var serverEnvironment = ServerEnvironment(
            store: opened,
            targets: try ServeTargets.resolve(setup.config, environment: environment),
            cycles: setup.reconciler.requests,
            remediator: { plan in
                LiveRemediator(
                    store: opened, clients: try RemediationCommand.Apply.cloud(for: plan, environment: environment, profile: nil),
                    checks: checks)
            },
            frameworks: setup.library.frameworks.mapValues { (name: $0.name, version: $0.version) })
        serverEnvironment.checks = Dictionary(checks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        serverEnvironment.pullRequestScans = ServePullRequests.reviewer(
            setup.config, scanner: setup.scanner, environment: environment, logger: logger)?.queue()
        let application: any Service
        do {
            application = try BulwarkServer(environment: serverEnvironment).application(
                listen: .init(host: address.host, port: address.port, tlsCertificate: tlsCertificate, tlsKey: tlsKey),
                logger: logger,
                onRunning: { port in logger.notice("serving", metadata: ["listen": .string("\(address.host):\(port)")]) })
        } catch {
            await opened.close()
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        // Shutdown runs in reverse order: the server stops taking requests, then running pull request scans are
        // cancelled (their statuses set to error, never left pending), then the loop stops.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: setup.reconciler)]
        if let scans = serverEnvironment.pullRequestScans { services.append(.init(service: scans)) }
        services.append(.init(service: application))
        let group = ServiceGroup(
            configuration: .init(
                services: services,
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        await opened.close()
    }
}

/// The configured targets as the server needs them, webhook secrets resolved (a missing one stops the start).
enum ServeTargets {
    static func resolve(_ config: ReconcileConfig, environment: [String: String]) throws -> [ServerEnvironment.Target] {
        try config.targets.map { target in
            var secret: String?
            if let reference = target.webhookSecret {
                do {
                    secret = try reference.resolve(environment: environment)
                } catch {
                    FileHandle.standardError.write(Data("Error: target \(target.name): webhookSecret: \(error)\n".utf8))
                    throw ExitCode(2)
                }
            }
            return ServerEnvironment.Target(
                name: target.name, branch: target.branch, repository: target.repository, webhookSecret: secret)
        }
    }
}
