import ArgumentParser
import Foundation
import Model
import Store

/// `bulwark drift show`: the drift a reconcile cycle stored, read back from the database.
struct DriftShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "The drift a cycle stored: drifted, pending, missing and unmanaged rows of one scan.",
        discussion: """
            Without --commit, the most recent scan of the target that stored drift (of any target without \
            --target). Exit status: 0 nothing stored differs; 1 the stored rows hold drift; 2 no such scan or no \
            database.
            """)

    @Option(name: .customLong("target"), help: "The target (default: the most recently scanned one with drift rows).")
    var target: String?

    @Option(name: .customLong("commit"), help: "The commit (full SHA or a prefix of at least 7 characters).")
    var commit: String?

    @Option(name: [.short, .customLong("format")], help: "table or json.")
    var format: StoredDriftFormat = .table

    @OptionGroup var store: StoreOption

    func run() async throws {
        let store = try await store.open(mustExist: true)
        defer { Task { await store.close() } }
        var found: (StoredScan, [DriftRecord])?
        if let commit {
            if let scan = try await store.scan(target: target, commit: commit) {
                found = (scan, try await store.drift(scanID: scan.id))
            }
        } else {
            // A cycle stores drift on its commit scan; later scans (pull requests, cycles without clouds) have none.
            for scan in try await store.scans(target: target, limit: 200) {
                let rows = try await store.drift(scanID: scan.id)
                if !rows.isEmpty {
                    found = (scan, rows)
                    break
                }
            }
        }
        guard let found else {
            throw reportFailure(
                commit.map { "no stored scan of commit \($0)" + (target.map { " for target \($0)" } ?? "") }
                    ?? "no stored drift" + (target.map { " for target \($0)" } ?? "") + ": run bulwark reconcile with clouds")
        }
        let (scan, rows) = found
        print(StoredDriftRenderer.render(rows, scan: scan, format: format), terminator: "")
        if !rows.isEmpty { throw ExitCode(1) }
    }
}
