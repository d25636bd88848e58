import ArgumentParser
import Foundation
import Store

/// `--database URL`, shared by every command that reads or writes the store.
struct StoreOption: ParsableArguments {
    @Option(
        name: .customLong("database"),
        help: ArgumentHelp(
            "Database URL: postgres://… (libpq URL; PG* variables fill the gaps) or sqlite:PATH.",
            discussion: "Default: $BULWARK_DATABASE_URL, else the embedded SQLite file $BULWARK_HOME/bulwark.db or ./.bulwark/bulwark.db."))
    var database: String?

    /// Opens (and migrates) the store; a failure is printed and exits 2.
    func open(default configured: String? = nil) async throws -> Store {
        let environment = ProcessInfo.processInfo.environment
        do {
            let configuration = try StoreConfiguration.resolve(
                url: database ?? configured, environment: environment,
                workingDirectory: FileManager.default.currentDirectoryPath)
            return try await Store.open(configuration)
        } catch {
            FileHandle.standardError.write(Data("Error: cannot open the database: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
