import ArgumentParser

/// `bulwark drift`: detect drift now (the default), or show what a cycle stored.
struct DriftCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Drift between Terraform code, state and the cloud: detect it now, or show what a cycle stored.",
        subcommands: [DriftDetectCommand.self, DriftShowCommand.self],
        defaultSubcommand: DriftDetectCommand.self)
}
