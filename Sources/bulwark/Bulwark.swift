import ArgumentParser
import Foundation
import Reports

/// The `bulwark` command-line tool.
@main
struct Bulwark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulwark",
        abstract: "GitOps controller for infrastructure-as-code security and cloud posture.",
        // The library is part of what a binary does, so its version names the checks built in.
        version: "\(BulwarkVersion.current) (\(CheckLibraryLocator.builtInSummary))",
        subcommands: [
            ScanCommand.self, ReconcileCommand.self, StatusCommand.self, ReportCommand.self, DiscoverCommand.self,
            DriftCommand.self, FixCommand.self, RemediationCommand.self,
            AnomalyCommand.self, ChecksCommand.self, InspectCommand.self, ParseCommand.self, ServeCommand.self,
            TokenCommand.self, HealthCommand.self,
        ]
    )

    /// Runs the command like `ParsableCommand.main()`, except that usage errors exit 2 rather than 64:
    /// CI scripts treat 2 as "the scan could not run", the same status as a load error.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
