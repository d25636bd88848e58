import Foundation
import Store
import Testing

extension StoreTests {
    @Suite("Migrations")
    struct MigrationTests {
        @Test("migrations are recorded once and reopening is idempotent", arguments: Backend.allCases)
        func recordedAndIdempotent(backend: Backend) async throws {
            let configuration = try await backend.freshConfiguration()
            let first = try await Store.open(configuration)
            #expect(try await first.schemaVersion() == Migration.latestVersion)
            await first.close()
            let second = try await Store.open(configuration)
            let rows = try await second.withRead { connection in
                try connection.query("SELECT version, name FROM schema_migrations ORDER BY version", [])
            }
            #expect(rows.count == Migration.all.count)
            #expect(rows.first?.string("name") == "initial schema")
            #expect(try await second.schemaVersion() == Migration.latestVersion)
            #expect(second.backendName == backend.rawValue)
            await second.close()
            discard(configuration)
        }

        @Test("a database migrated by a newer bulwark is refused", arguments: Backend.allCases)
        func newerDatabaseRefused(backend: Backend) async throws {
            let configuration = try await backend.freshConfiguration()
            defer { discard(configuration) }
            let store = try await Store.open(configuration)
            let future = Migration.latestVersion + 7
            _ = try await store.withTransaction { connection in
                try connection.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                    [.int(future), .text("from the future"), .integer(0)])
            }
            await store.close()
            do {
                let reopened = try await Store.open(configuration)
                await reopened.close()
                Issue.record("opening a newer database should fail")
            } catch let error as StoreError {
                #expect(error.code == .databaseTooNew)
                #expect(
                    error.message
                        == "database schema version \(future) is newer than this bulwark (knows up to \(Migration.latestVersion)); upgrade bulwark"
                )
            }
        }
    }
}
