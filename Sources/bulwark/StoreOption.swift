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

    @Flag(
        name: .customLong("init"),
        help: ArgumentHelp(
            "Initialise a new database even where an empty (0-byte) file stands (commands that record only).",
            discussion: "Commands that record create a missing SQLite file; read-only commands never create one."))
    var initialise = false

    /// Opens (and migrates) the store; a failure is printed and exits 2. Commands that work on what is stored
    /// (`mustExist`) never create a database; the others create a missing SQLite file and refuse an empty one
    /// unless `--init` is given.
    func open(default configured: String? = nil, mustExist: Bool = false) async throws -> Store {
        if mustExist && initialise {
            throw ValidationError("--init is for commands that record scans; this one works on what is stored")
        }
        let environment = ProcessInfo.processInfo.environment
        let access: StoreAccess = mustExist ? .existing : initialise ? .initialise : .create
        do {
            let configuration = try StoreConfiguration.resolve(
                url: database ?? configured, environment: environment,
                workingDirectory: FileManager.default.currentDirectoryPath)
            return try await Store.open(configuration, access: access)
        } catch {
            FileHandle.standardError.write(Data("Error: cannot open the database: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
