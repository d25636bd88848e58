import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A real PostgreSQL for the test run: initdb into a temp dir, pg_ctl on a free loopback port, socket in the
/// temp dir. Started on first use; `stop()` (or the `.postgresServer` suite trait) stops it and deletes it.
public actor PostgresTestServer {
    /// The server shared by a test run.
    public static let shared = PostgresTestServer()
    /// Suites inside a `PostgresServerScope` right now: the server stops when the last one leaves, never under
    /// another suite that runs in parallel.
    private var scopes = 0

    /// A suite starts using the server.
    public func enterScope() { scopes += 1 }

    /// A suite is done with the server; the last one out stops it.
    public func leaveScope() async {
        scopes -= 1
        if scopes <= 0 {
            scopes = 0
            await stop()
        }
    }

    /// A started server: its directory, port and binaries.
    public struct Running: Sendable {
        public let directory: String
        public let port: Int
        public let binDirectory: String
        public let runAsPostgres: Bool
        public var dataDirectory: String { directory + "/data" }
        public var serverOptions: String {
            "-p \(port) -k \(directory) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        }
    }

    private var running: Running?
    private var starting: Task<Running, Error>?
    private var databases = 0

    /// A server of its own (not started yet); most tests use `shared`.
    public init() {}

    /// Starts the server if it is not running yet; concurrent callers share one start.
    public func start() async throws -> Running {
        if let running { return running }
        if let starting { return try await starting.value }
        let task = Task { try await Self.launch() }
        starting = task
        do {
            let server = try await task.value
            running = server
            return server
        } catch {
            starting = nil
            throw error
        }
    }

    private static func launch() async throws -> Running {
        let bin = try Self.binDirectory()
        // initdb refuses to run as root (CI is root): then run the server binaries as the `postgres` user.
        let asPostgres = getuid() == 0
        let directory = try Self.makeTempDirectory()
        if asPostgres { try await Subprocess.run("/bin/chown", ["-R", "postgres:postgres", directory]) }
        let server = Running(
            directory: directory, port: try LoopbackPort.unused(), binDirectory: bin,
            runAsPostgres: asPostgres)
        do {
            try await serverCommand(
                server, "initdb",
                [
                    "-D", server.dataDirectory, "-U", "bulwark", "-A", "trust",
                    "-E", "UTF8", "--locale=C", "--no-sync",
                ])
            try await serverCommand(
                server, "pg_ctl",
                [
                    "-D", server.dataDirectory, "-l", directory + "/server.log",
                    "-w", "-t", "60", "-o", server.serverOptions, "start",
                ])
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
        return server
    }

    /// A fresh, empty database on the server, as a postgres:// URL.
    public func createDatabase() async throws -> String {
        let server = try await start()
        databases += 1
        let name = "bulwark_test_\(getpid())_\(databases)"
        try await Subprocess.run(server.binDirectory + "/createdb", ["-h", "127.0.0.1", "-p", "\(server.port)", "-U", "bulwark", name])
        return "postgresql://bulwark@127.0.0.1:\(server.port)/\(name)"
    }

    /// Restarts the server (fast shutdown: open connections are dropped).
    public func restart() async throws {
        let server = try await start()
        try await Self.serverCommand(
            server, "pg_ctl",
            [
                "-D", server.dataDirectory, "-l", server.directory + "/server.log",
                "-m", "fast", "-w", "-t", "60", "-o", server.serverOptions, "restart",
            ])
    }

    /// Stops the server and deletes its directory.
    public func stop() async {
        let server: Running
        if let running {
            server = running
        } else if let starting, let started = try? await starting.value {
            server = started
        } else {
            return
        }
        running = nil
        starting = nil
        try? await Self.serverCommand(server, "pg_ctl", ["-D", server.dataDirectory, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: server.directory)
    }

    private static func serverCommand(_ server: Running, _ tool: String, _ arguments: [String]) async throws {
        let path = server.binDirectory + "/" + tool
        if server.runAsPostgres {
            try await Subprocess.run("/usr/sbin/runuser", ["-u", "postgres", "--", path] + arguments)
        } else {
            try await Subprocess.run(path, arguments)
        }
    }

    private static func binDirectory() throws -> String {
        var candidates: [String] = []
        if let configured = ProcessInfo.processInfo.environment["BULWARK_PG_BINDIR"] { candidates.append(configured) }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        candidates += versions.sorted().reversed().map { "/usr/lib/postgresql/\($0)/bin" }
        candidates += (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for directory in candidates
        where FileManager.default.isExecutableFile(atPath: directory + "/initdb")
            && FileManager.default.isExecutableFile(atPath: directory + "/pg_ctl")
        {
            return directory
        }
        throw TestFailure(
            "PostgreSQL server binaries (initdb, pg_ctl) not found in BULWARK_PG_BINDIR, "
                + "/usr/lib/postgresql/*/bin or PATH: install Debian's postgresql package")
    }

    private static func makeTempDirectory() throws -> String {
        var template = Array("/tmp/bulwark-pg-XXXXXX".utf8CString)
        guard let pointer = mkdtemp(&template) else { throw TestFailure("mkdtemp failed: errno \(errno)") }
        return String(cString: pointer)
    }

}

/// Stops the shared PostgreSQL once the last suite attached to it has finished.
public struct PostgresServerScope: SuiteTrait, TestScoping {
    public var isRecursive: Bool { false }

    /// Runs the suite, then stops the shared server whether it passed or not.
    public func provideScope(
        for test: Test, testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        await PostgresTestServer.shared.enterScope()
        do {
            try await function()
        } catch {
            await PostgresTestServer.shared.leaveScope()
            throw error
        }
        await PostgresTestServer.shared.leaveScope()
    }
}

extension Trait where Self == PostgresServerScope {
    /// Runs the suite with a PostgreSQL server available, stopping it afterwards.
    public static var postgresServer: Self { PostgresServerScope() }
}
