import ArgumentParser
import ControllerConfig
import Foundation
import Store

/// `bulwark status`: the last known condition of every target, as the controller stored it.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each target's Ready condition, observed revision, last error and next run.")

    @Option(name: .customLong("config"), help: "Read the database URL from this controller config.")
    var config: String?

    @Option(name: [.short, .customLong("output")], help: "table or json.")
    var output: String = "table"

    @OptionGroup var store: StoreOption

    func run() async throws {
        guard output == "table" || output == "json" else { throw ValidationError("-o takes table or json") }
        var configured: String?
        if let config {
            do {
                configured = try ReconcileConfig.load(file: config).database
            } catch {
                FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
                throw ExitCode(2)
            }
        }
        let opened = try await store.open(default: configured)
        let records = try await opened.targetStatuses()
        await opened.close()
        let rows = records.map { StatusTable.Row($0) }
        if output == "json" {
            print(StatusTable.json(rows))
        } else {
            StatusTable.print(rows)
        }
    }
}
