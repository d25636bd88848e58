import ArgumentParser

/// The `bulwark` command-line tool.
@main
struct Bulwark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulwark",
        abstract: "GitOps controller for infrastructure-as-code security and cloud posture.",
        subcommands: [InspectCommand.self, ParseCommand.self]
    )
}
