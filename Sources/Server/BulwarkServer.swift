import Dashboard
import Foundation
import Hummingbird
import HummingbirdTLS
import LiveRemediation
import Logging
import ServiceLifecycle

/// The controller's HTTP face: `/api/v1`, `/health/*` and `/metrics` on one Hummingbird application, which runs
/// as a `Service` beside the reconcile loop in one `ServiceGroup`.
public struct BulwarkServer: Sendable {
    /// Where and how to listen.
    public struct Listen: Sendable {
        public var host: String
        /// 0: any free port (tests read the bound one from `onRunning`).
        public var port: Int
        /// PEM certificate chain and private key; both or neither.
        public var tlsCertificate: String?
        public var tlsKey: String?

        /// Plain HTTP on `host:port` unless a certificate and key are given.
        public init(host: String = "127.0.0.1", port: Int = 8080, tlsCertificate: String? = nil, tlsKey: String? = nil) {
            self.host = host
            self.port = port
            self.tlsCertificate = tlsCertificate
            self.tlsKey = tlsKey
        }
    }

    public let environment: ServerEnvironment
    public let metrics: ServerMetrics
    public let access: AccessControl

    /// A server over `environment`; the loop behind `environment.cycles`, if any, reports its cycles to `metrics`.
    public init(environment: ServerEnvironment, metrics: ServerMetrics = ServerMetrics()) {
        self.environment = environment
        self.metrics = metrics
        self.access = AccessControl(store: environment.store, recheckAfter: environment.tokenRecheck)
        environment.cycles?.observeCycles { cycle in metrics.cycle(result: cycle.result, seconds: cycle.seconds) }
    }

    /// Every route on one router; middleware comes first because Hummingbird binds it as routes are added.
    public func router() -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        HealthRoutes(
            environment: environment, metrics: metrics, cycles: CycleObserver(environment: environment, metrics: metrics)
        ).register(on: router)
        WebhookRoutes(
            environment: environment, metrics: metrics, deliveries: DeliveryGuard(perMinute: environment.webhookRatePerMinute)
        ).register(on: router)
        let api = router.group("api/v1").add(middleware: AuthenticationMiddleware(access: access))
        TargetRoutes(environment: environment).register(on: api)
        ScanRoutes(environment: environment).register(on: api)
        ComplianceRoutes(environment: environment).register(on: api)
        OperationsRoutes(environment: environment).register(on: api)
        RemediationRoutes(environment: environment).register(on: api)
        ReportRoutes(environment: environment, checks: environment.checks).register(on: api)
        TokenRoutes(environment: environment, access: access).register(on: api)
        dashboard().register(on: router)
        return router
    }

    /// The dashboard's pages, signed in with the same tokens as the API; decisions go through the CLI's remediator.
    func dashboard() -> DashboardRoutes<ServerContext> {
        let access = self.access
        let store = environment.store
        return DashboardRoutes<ServerContext>(
            store: store,
            remediator: { LiveRemediator(store: store, clients: FixClients(), checks: []) },
            viewer: { request, context in
                await access.viewer(for: request, context: context).map { DashboardViewer(name: $0.name, role: $0.role) }
            },
            verify: { token in await access.holder(of: token).map { DashboardViewer(name: $0.name, role: $0.role) } })
    }

    /// The application: the router behind the error envelope, over HTTP or TLS. A certificate or key that
    /// cannot be read is an error here, before anything listens.
    public func application(
        listen: Listen, logger: Logger = Logger(label: "bulwark.serve"),
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some Service {
        let responder = EnvelopeResponder(inner: router().buildResponder(), metrics: metrics)
        let configuration = ApplicationConfiguration(address: .hostname(listen.host, port: listen.port), serverName: nil)
        let tls: TLSConfiguration?
        switch (listen.tlsCertificate, listen.tlsKey) {
        case (let certificate?, let key?): tls = try Self.tls(certificate: certificate, key: key)
        case (nil, nil): tls = nil
        default: throw ServeError(.invalidTLS, "--tls-cert and --tls-key go together")
        }
        // The bound port (the asked one unless it was 0) is told once the server listens.
        if let tls {
            return Application(
                responder: responder, server: try .tls(.http1(), tlsConfiguration: tls), configuration: configuration,
                onServerRunning: { await onRunning($0.localAddress?.port ?? listen.port) }, logger: logger)
        }
        return Application(
            responder: responder, server: .http1(), configuration: configuration,
            onServerRunning: { await onRunning($0.localAddress?.port ?? listen.port) }, logger: logger)
    }

    static func tls(certificate: String, key: String) throws -> TLSConfiguration {
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(certificate)
            let privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
            return TLSConfiguration.makeServerConfiguration(
                certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(privateKey))
        } catch {
            throw ServeError(.invalidTLS, "cannot load the TLS certificate or key: \(error)", underlying: error)
        }
    }
}

/// A failure to start serving: a closed code, the cause, and where.
public struct ServeError: Error, Sendable, CustomStringConvertible {
    /// What kept the server from starting.
    public enum Code: String, Sendable {
        case invalidTLS = "invalid_tls"
        case invalidListen = "invalid_listen"
    }

    public var code: Code
    public var message: String
    public var underlying: (any Error)?
    public var location: String

    /// An error with its cause and the place it was raised.
    public init(_ code: Code, _ message: String, underlying: (any Error)? = nil, fileID: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.underlying = underlying
        self.location = "\(fileID):\(line)"
    }

    public var description: String { message }
}
