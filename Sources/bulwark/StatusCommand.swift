import ArgumentParser
import ControllerConfig
import Foundation
import Reconciler
import Store

/// `bulwark status`: the last known condition of every target, as the controller stored it.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each target's Ready condition, observed revision, last error and next run.",
        discussion: """
            Never creates a database. With --config, a status the database refused to store (read-only or damaged \
            database) is shown from the controller's record beside its Git cache, and the exit status is 1.
            """)

    @Option(name: .customLong("config"), help: "Read the database URL from this controller config.")
    var config: String?

    @Option(name: [.short, .customLong("output")], help: "table or json.")
    var output: String = "table"

    @OptionGroup var store: StoreOption

    func run() async throws {
        guard output == "table" || output == "json" else { throw ValidationError("-o takes table or json") }
        var loaded: ReconcileConfig?
        if let config {
            do {
                loaded = try ReconcileConfig.load(file: config)
            } catch {
                FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
                throw ExitCode(2)
            }
        }
        let unsaved = loaded.map { UnsavedStatusFile(cacheDirectory: $0.cacheDirectory).read() } ?? [:]
        let opened: Store
        do {
            opened = try await store.open(default: loaded?.database, mustExist: true)
        } catch {
            // The database cannot be opened (its error is printed): the controller's own record is all there is.
            if !unsaved.isEmpty {
                StatusTable.print(unsaved.values.map(\.status).sorted { $0.target < $1.target }.map { StatusTable.Row($0) })
            }
            throw error
        }
        let stored: [TargetStatusRecord]
        do {
            stored = try await opened.targetStatuses()
        } catch {
            await opened.close()
            FileHandle.standardError.write(Data("Error: cannot read the statuses: \(error)\n".utf8))
            throw ExitCode(2)
        }
        await opened.close()
        // The controller keeps beside its Git cache what the database refused; a newer status there wins.
        var records = Dictionary(stored.map { ($0.target, $0) }, uniquingKeysWith: { first, _ in first })
        var shownUnsaved: [UnsavedStatusFile.Entry] = []
        for entry in unsaved.values where entry.status.lastAttemptAt > records[entry.status.target]?.lastAttemptAt ?? .distantPast {
            records[entry.status.target] = entry.status
            shownUnsaved.append(entry)
        }
        let rows = records.values.sorted { $0.target < $1.target }.map { StatusTable.Row($0) }
        if output == "json" {
            print(StatusTable.json(rows))
        } else {
            StatusTable.print(rows)
        }
        for entry in shownUnsaved.sorted(by: { $0.status.target < $1.status.target }) {
            FileHandle.standardError.write(
                Data(
                    ("Error: the last status of target \(entry.status.target) is not in the database (it refused it: "
                        + "\(entry.storeError)); shown from the controller's record\n").utf8))
        }
        if !shownUnsaved.isEmpty { throw ExitCode(1) }
    }
}
