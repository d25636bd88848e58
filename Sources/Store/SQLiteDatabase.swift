import Foundation

/// The embedded backend: one SQLite file in WAL mode, one writer connection and a few reader connections.
public final class SQLiteDatabase: Database {
    public let path: String
    public var dialect: SQLDialect { .sqlite }
    private let writer: ConnectionPool<SQLiteConnection>
    private let readers: ConnectionPool<SQLiteConnection>

    /// Opens (creating the file and its directory if needed) the database at `path`.
    public init(path: String, readers readerCount: Int = 2, busyTimeoutMilliseconds: Int32 = 30_000) async throws {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                // Owner-only: the database holds findings about the infrastructure.
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError(
                    .io, "cannot create directory \(directory): \(error.localizedDescription)",
                    backend: "sqlite", database: path)
            }
        }
        writer = ConnectionPool(limit: 1, backend: "sqlite") {
            try await SQLiteConnection.open(path: path, label: "writer", busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        }
        readers = ConnectionPool(limit: readerCount, backend: "sqlite") {
            try await SQLiteConnection.open(path: path, label: "reader", busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        }
        // Open the writer now so a bad path fails here, and WAL mode is set before any reader opens.
        let first = try await writer.acquire()
        await writer.release(first)
    }

    /// Runs `body` in one write transaction on a pooled connection.
    public func transaction<T: Sendable>(_ body: @Sendable (any DatabaseConnection) throws -> T) async throws -> T {
        try await writer.transaction(begin: "BEGIN IMMEDIATE", body)
    }

    /// Runs `body` in one read-only transaction (one snapshot).
    public func read<T: Sendable>(_ body: @Sendable (any DatabaseConnection) throws -> T) async throws -> T {
        try await readers.transaction(begin: "BEGIN", body)
    }

    /// Closes every connection.
    public func close() async {
        await writer.close()
        await readers.close()
    }
}
