import Foundation

/// The server backend: libpq connections in a bounded pool, reconnecting after a lost connection.
public final class PostgresDatabase: Database {
    public var dialect: SQLDialect { .postgresql }
    private let pool: ConnectionPool<PostgresConnection>

    /// Connects once (so bad settings fail here) and keeps up to `poolSize` connections.
    /// An empty `conninfo` lets libpq take everything from the `PG*` environment variables.
    public init(conninfo: String, poolSize: Int = 4) async throws {
        let counter = ConnectionCounter()
        pool = ConnectionPool(limit: poolSize, backend: "postgresql") {
            try await PostgresConnection.open(conninfo: conninfo, label: "conn\(counter.next())")
        }
        let first = try await pool.acquire()
        await pool.release(first)
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any DatabaseConnection) throws -> T) async throws -> T {
        try await pool.transaction(begin: "BEGIN", body)
    }

    public func read<T: Sendable>(_ body: @Sendable (any DatabaseConnection) throws -> T) async throws -> T {
        // One snapshot for every query of the read.
        try await pool.transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    public func close() async {
        await pool.close()
    }
}

/// Numbers connections for their queue labels.
private final class ConnectionCounter: @unchecked Sendable {
    // @unchecked: guarded by `lock`.
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.withLock { value += 1; return value } }
}
