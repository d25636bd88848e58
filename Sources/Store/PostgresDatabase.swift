import Foundation

/// The server backend: libpq connections in a bounded pool, reconnecting after a lost connection.
public final class PostgresDatabase: Database {
    public var dialect: SQLDialect { .postgresql }
    private let pool: ConnectionPool<PostgresConnection>

    /// Connects once (so bad settings fail here) and keeps up to `poolSize` connections.
    /// An empty `conninfo` lets libpq take everything from the `PG*` environment variables.
    public init(conninfo: String, poolSize: Int = 4) async throws {
        let counter = ConnectionCounter()
        let conninfo = Self.withConnectTimeout(conninfo)
        pool = ConnectionPool(limit: poolSize, backend: "postgresql") {
            try await PostgresConnection.open(conninfo: conninfo, label: "conn\(counter.next())")
        }
        let first = try await pool.acquire()
        await pool.release(first)
    }

    /// Runs `body` in one write transaction on a pooled connection.
    public func transaction<T: Sendable>(_ body: @Sendable (any DatabaseConnection) throws -> T) async throws -> T {
        try await pool.transaction(begin: "BEGIN", body)
    }

    /// Runs `body` in one read-only transaction (one snapshot).
    public func read<T: Sendable>(_ body: @Sendable (any DatabaseConnection) throws -> T) async throws -> T {
        // One snapshot for every query of the read.
        try await pool.transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    /// Closes every connection.
    public func close() async {
        await pool.close()
    }

    /// libpq waits for an unreachable host as long as TCP does; bound it at 10 s unless the URL, the conninfo
    /// or PGCONNECT_TIMEOUT says otherwise.
    static func withConnectTimeout(
        _ conninfo: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        if conninfo.contains("connect_timeout") || environment["PGCONNECT_TIMEOUT"] != nil { return conninfo }
        let lower = conninfo.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            return conninfo + (conninfo.contains("?") ? "&" : "?") + "connect_timeout=10"
        }
        return conninfo.isEmpty ? "connect_timeout=10" : conninfo + " connect_timeout=10"
    }
}

/// Numbers connections for their queue labels.
private final class ConnectionCounter: @unchecked Sendable {
    // @unchecked: guarded by `lock`.
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}
