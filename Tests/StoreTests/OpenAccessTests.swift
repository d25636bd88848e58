import Foundation
import Store
import Testing

extension StoreTests {
    /// What opening may create, and how a file that is not a database is reported.
    @Suite("Opening: missing, empty and damaged files")
    struct OpenAccessTests {
        private func directory() throws -> String {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-open-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            return path
        }

        @Test("a command that only reads never creates a database")
        func existingOnlyCreatesNothing() async throws {
            let dir = try directory()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let path = dir + "/sub/bulwark.db"
            let error = await #expect(throws: StoreError.self) {
                try await Store.open(.sqlite(path: path), access: .existing)
            }
            #expect(error?.code == .missingDatabase)
            #expect(error?.database == path)
            #expect(error.map { "\($0)" }?.contains(path) == true)
            #expect(!FileManager.default.fileExists(atPath: path))
            #expect(!FileManager.default.fileExists(atPath: dir + "/sub"))
        }

        @Test("an empty (0-byte) file is refused unless initialising, and then becomes a database")
        func emptyFileNeedsInit() async throws {
            let dir = try directory()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let path = dir + "/bulwark.db"
            #expect(FileManager.default.createFile(atPath: path, contents: Data()))
            for access in [StoreAccess.create, .existing] {
                let error = await #expect(throws: StoreError.self) { try await Store.open(.sqlite(path: path), access: access) }
                #expect(error?.code == .emptyDatabaseFile)
                #expect(error?.message.contains("--init") == true)
                #expect(error?.database == path)
            }
            #expect((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) == 0)
            let store = try await Store.open(.sqlite(path: path), access: .initialise)
            #expect(try await store.schemaVersion() == Migration.latestVersion)
            await store.close()
            // Once initialised it is an ordinary database, for every access.
            let again = try await Store.open(.sqlite(path: path), access: .existing)
            await again.close()
        }

        @Test("a file that is not a database names the file and quotes no SQL")
        func notADatabase() async throws {
            let dir = try directory()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let path = dir + "/bulwark.db"
            try Data(String(repeating: "this is not a database\n", count: 200).utf8).write(to: URL(fileURLWithPath: path))
            let error = await #expect(throws: StoreError.self) { try await Store.open(.sqlite(path: path)) }
            #expect(error?.code == .corrupt)
            #expect(error?.database == path)
            let text = error.map { "\($0)" } ?? ""
            #expect(text.contains(path))
            #expect(text.contains("not a Bulwark SQLite database, or it is damaged"))
            #expect(!text.contains("PRAGMA") && !text.contains("SELECT") && !text.contains("CREATE"))
        }

        @Test("a failing statement names the database it ran on")
        func sqlErrorsNameTheDatabase() async throws {
            try await withStore(.sqlite) { store, configuration in
                guard case .sqlite(let path) = configuration else { return }
                let error = await #expect(throws: StoreError.self) {
                    try await store.withRead { connection in try connection.query("SELECT nope FROM nowhere", []) }
                }
                #expect(error?.database == path)
                #expect(error.map { "\($0)" }?.hasPrefix("sqlite \(path): SELECT nope FROM nowhere: ") == true)
            }
        }
    }
}
