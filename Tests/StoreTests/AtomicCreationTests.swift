import Foundation
import Testing

@testable import Store

extension StoreTests {
    /// Creating a SQLite database leaves either no file or a complete one, whatever stops the creation.
    @Suite("Creating a database: all or nothing")
    struct AtomicCreationTests {
        /// Every migration, then one that fails: the creation stops after the schema was partly built.
        private static let failing = Migration.all + [Migration(Migration.latestVersion + 1, "broken", ["CREATE TABLE ("])]

        private func directory() throws -> String {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-create-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            return path
        }

        private func names(_ directory: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        }

        @Test("a creation that fails leaves no file, and the next run creates the database")
        func failedCreationLeavesNothing() async throws {
            let dir = try directory()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let path = dir + "/bulwark.db"
            let error = await #expect(throws: StoreError.self) {
                try await Store.open(.sqlite(path: path), access: .create, migrations: Self.failing)
            }
            #expect(error?.code == .migrationFailed)
            #expect(try names(dir) == [])

            let store = try await Store.open(.sqlite(path: path), access: .create)
            #expect(try await store.schemaVersion() == Migration.latestVersion)
            await store.close()
            #expect(try names(dir).filter { $0.contains(SQLiteCreation.marker) } == [])
            let again = try await Store.open(.sqlite(path: path), access: .existing)
            await again.close()
        }

        @Test("initialising an empty file that fails leaves it empty, and a later --init works")
        func failedInitialisationKeepsTheEmptyFile() async throws {
            let dir = try directory()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let path = dir + "/bulwark.db"
            #expect(FileManager.default.createFile(atPath: path, contents: Data()))
            await #expect(throws: StoreError.self) {
                try await Store.open(.sqlite(path: path), access: .initialise, migrations: Self.failing)
            }
            #expect(try names(dir) == ["bulwark.db"])
            #expect((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) == 0)

            let store = try await Store.open(.sqlite(path: path), access: .initialise)
            #expect(try await store.schemaVersion() == Migration.latestVersion)
            await store.close()
        }

        @Test("a work file left by a creator that died is removed by the next creation; a live one's is kept")
        func abandonedWorkFilesAreRemoved() async throws {
            let dir = try directory()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let path = dir + "/bulwark.db"
            // No process has the largest pid; this process is alive.
            let dead = dir + "/.bulwark.db" + SQLiteCreation.marker + "\(Int32.max)-left"
            let live = dir + "/.bulwark.db" + SQLiteCreation.marker + "\(getpid())-running"
            #expect(FileManager.default.createFile(atPath: dead, contents: Data("partial".utf8)))
            #expect(FileManager.default.createFile(atPath: live, contents: Data("partial".utf8)))
            let store = try await Store.open(.sqlite(path: path), access: .create)
            await store.close()
            #expect(!FileManager.default.fileExists(atPath: dead))
            #expect(FileManager.default.fileExists(atPath: live))
            #expect(FileManager.default.fileExists(atPath: path))
        }
    }
}
