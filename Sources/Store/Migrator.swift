/// Brings a database's schema up to `Migration.all`, recording each step in `schema_migrations`.
enum Migrator {
    /// Runs the missing migrations in one transaction; refuses a database migrated by a newer binary.
    static func migrate(
        _ database: any Database, migrations: [Migration] = Migration.all,
        now: Int64 = Timestamp.now
    ) async throws {
        let backend = database.dialect.rawValue
        try await database.transaction { connection in
            if connection.dialect == .postgresql {
                // Two processes opening a fresh database at once must not both create the tables.
                try connection.execute("SELECT pg_advisory_xact_lock(7417041)")
            }
            try connection.execute(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL,
                  applied_at BIGINT NOT NULL)
                """)
            let applied = Set(try connection.query("SELECT version FROM schema_migrations", []).compactMap { $0[0].int64 })
            let latest = migrations.map(\.version).max() ?? 0
            if let newest = applied.max(), newest > Int64(latest) {
                throw StoreError(
                    .databaseTooNew,
                    "database schema version \(newest) is newer than this bulwark (knows up to \(latest)); upgrade bulwark",
                    backend: backend)
            }
            for migration in migrations.sorted(by: { $0.version < $1.version })
            where !applied.contains(Int64(migration.version)) {
                for statement in migration.statements(for: connection.dialect) {
                    do {
                        try connection.execute(statement)
                    } catch let error as StoreError {
                        throw StoreError(
                            .migrationFailed, "migration \(migration.version) (\(migration.name)): \(error.message)",
                            backend: backend, operation: error.operation)
                    }
                }
                try connection.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                    [.int(migration.version), .text(migration.name), .integer(now)])
            }
        }
    }

    /// The highest recorded migration, 0 for an empty database.
    static func version(_ database: any Database) async throws -> Int {
        try await database.read { connection in
            Int(try connection.queryOne("SELECT MAX(version) AS v FROM schema_migrations")?["v"].int64 ?? 0)
        }
    }
}
