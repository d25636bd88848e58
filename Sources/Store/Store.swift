import Foundation

/// Everything Bulwark records — scans, findings and their lifecycle, compliance, drift, alerts, remediations,
/// reconcile status — on SQLite or PostgreSQL behind one API.
public final class Store: Sendable {
    let database: any Database
    public let configuration: StoreConfiguration

    init(database: any Database, configuration: StoreConfiguration) {
        self.database = database
        self.configuration = configuration
    }

    /// Opens the database and runs pending migrations; `access` says whether a missing or empty SQLite file may
    /// become a new database (by default a missing one is created with its directory, an empty one refused).
    public static func open(_ configuration: StoreConfiguration, access: StoreAccess = .create) async throws -> Store {
        try await open(configuration, access: access, migrations: Migration.all)
    }

    /// `open(_:access:)` with the migrations to run (tests inject one that fails).
    static func open(
        _ configuration: StoreConfiguration, access: StoreAccess, migrations: [Migration]
    ) async throws -> Store {
        let database: any Database
        switch configuration {
        case .sqlite(let path):
            try access.check(sqlitePath: path)
            // A new database is built beside its path and moved in complete, so an interrupted creation never
            // leaves an empty or half-migrated file that later runs refuse.
            if SQLiteCreation.needsCreation(path, access: access) {
                try await SQLiteCreation.create(at: path, migrations: migrations)
            }
            database = try await SQLiteDatabase(path: path)
        case .postgres(let conninfo, let poolSize):
            do {
                database = try await PostgresDatabase(conninfo: conninfo, poolSize: poolSize)
            } catch var error as StoreError {
                // libpq's message names host and port, never the password; add which database, redacted.
                if error.database == nil { error.database = configuration.redactedDescription }
                throw error
            }
        }
        do {
            try await Migrator.migrate(database, migrations: migrations)
        } catch {
            await database.close()
            throw error
        }
        return Store(database: database, configuration: configuration)
    }

    /// Closes every connection.
    public func close() async {
        await database.close()
    }

    /// "sqlite" or "postgresql".
    public var backendName: String { database.dialect.rawValue }

    /// The highest migration recorded in the database.
    public func schemaVersion() async throws -> Int {
        try await Migrator.version(database)
    }

    /// Runs `body` in one write transaction, for callers that need SQL the API does not cover (tools, tests).
    public func withTransaction<T: Sendable>(_ body: @Sendable (any DatabaseConnection) throws -> T) async throws -> T {
        try await database.transaction(body)
    }

    /// Runs `body` on a read connection.
    public func withRead<T: Sendable>(_ body: @Sendable (any DatabaseConnection) throws -> T) async throws -> T {
        try await database.read(body)
    }
}
