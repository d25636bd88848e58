import Foundation
import Hummingbird
import HummingbirdTesting
import Model
import Reconciler
import ServiceLifecycle
import Store
import TestSupport
import Testing

@testable import Server

/// The two backends every server test runs against.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgresql

    var testDescription: String { rawValue }

    func freshConfiguration() async throws -> StoreConfiguration {
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-server-\(UUID().uuidString)").path
            return .sqlite(path: directory + "/bulwark.db")
        case .postgresql:
            return .postgres(conninfo: try await PostgresTestServer.shared.createDatabase(), poolSize: 4)
        }
    }
}

/// A response read whole.
struct Reply: Sendable {
    var status: Int
    var headers: HTTPFields
    var body: String

    /// The body as a JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
    }

    /// `error.code` of an error envelope.
    var errorCode: String? { (json["error"] as? [String: Any])?["code"] as? String }
}

/// A real server on a loopback port over a fresh store, with one token per role (named after the role).
final class ServerHarness: Sendable {
    let store: Store
    let configuration: StoreConfiguration
    let port: Int
    let tokens: [AccessRole: String]
    let cycles: CycleRequests
    /// The server's token checks (their store reads are counted).
    let access: AccessControl
    /// The server's kept per-scan response bodies (hits and misses are counted).
    let scanResponses: ScanResponseCache
    let group: ServiceGroup
    let running: Task<Void, any Error>

    private init(
        store: Store, configuration: StoreConfiguration, port: Int, tokens: [AccessRole: String], cycles: CycleRequests,
        access: AccessControl, scanResponses: ScanResponseCache, group: ServiceGroup, running: Task<Void, any Error>
    ) {
        self.store = store
        self.configuration = configuration
        self.port = port
        self.tokens = tokens
        self.cycles = cycles
        self.access = access
        self.scanResponses = scanResponses
        self.group = group
        self.running = running
    }

    /// Starts a server with targets `infra` (branch main) and `apps`; `adjust` may change the environment.
    static func start(
        _ backend: Backend, listen: BulwarkServer.Listen = .init(host: "127.0.0.1", port: 0),
        adjust: (inout ServerEnvironment) -> Void = { _ in }
    ) async throws -> ServerHarness {
        let configuration = try await backend.freshConfiguration()
        let store = try await Store.open(configuration)
        var tokens: [AccessRole: String] = [:]
        for role in AccessRole.allCases {
            tokens[role] = try await TokenIssuer.issue(name: role.rawValue, role: role, store: store).1
        }
        let cycles = CycleRequests()
        var environment = ServerEnvironment(
            store: store,
            targets: [
                .init(name: "infra", branch: "main", repository: "https://github.com/example/infra"),
                .init(name: "apps", branch: "main", repository: "https://github.com/example/apps"),
            ], cycles: cycles)
        adjust(&environment)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let server = BulwarkServer(environment: environment)
        let service = try server.application(listen: listen) { port in
            continuation.yield(port)
        }
        let group = ServiceGroup(configuration: .init(services: [service], logger: .init(label: "test")))
        let running = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw TestFailure("the server did not start") }
        return ServerHarness(
            store: store, configuration: configuration, port: port, tokens: tokens, cycles: cycles, access: server.access,
            scanResponses: environment.scanResponses, group: group, running: running)
    }

    /// Stops the server and closes the store.
    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await running.value
        await store.close()
        if case .sqlite(let path) = configuration {
            try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
        }
    }

    /// One request on a new connection; `role` picks a bearer token.
    func request(
        _ method: HTTPRequest.Method, _ path: String, role: AccessRole? = nil, token: String? = nil,
        headers: HTTPFields = [:], body: String? = nil
    ) async throws -> Reply {
        var fields = headers
        if let bearer = token ?? role.flatMap({ tokens[$0] }) { fields[.authorization] = "Bearer \(bearer)" }
        // A generous read timeout: the whole suite runs in parallel beside this server on two cores.
        let client = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(120)))
        client.connect()
        defer { Task { try? await client.shutdown() } }
        let response = try await client.execute(
            .init(path, method: method, headers: fields, body: body.map { ByteBuffer(string: $0) }))
        return Reply(
            status: Int(response.status.code), headers: response.headers,
            body: response.body.map { String(buffer: $0) } ?? "")
    }
}

/// Runs `body` against a fresh server of `backend`, stopping it whatever happens.
func withServer<T>(
    _ backend: Backend, adjust: (inout ServerEnvironment) -> Void = { _ in },
    _ body: (ServerHarness) async throws -> T
) async throws -> T {
    let harness = try await ServerHarness.start(backend, adjust: adjust)
    do {
        let value = try await body(harness)
        await harness.stop()
        return value
    } catch {
        await harness.stop()
        throw error
    }
}

/// The root suite: one PostgreSQL serves the run and is stopped at the end.
@Suite(.postgresServer)
struct ServerTests {}
