import ArgumentParser
import Checks
import Foundation
import Reports
import Scanner

/// `bulwark checks`: browse the check library.
struct ChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checks",
        abstract: "List or show the checks of the library.",
        subcommands: [ChecksListCommand.self, ChecksShowCommand.self]
    )
}

/// Where the checks come from, shared by `checks list` and `checks show`.
struct LibraryOptions: ParsableArguments {
    @Option(
        name: .customLong("checks-dir"),
        help: "The check library directory, replacing the built-in one (default: $BULWARK_CHECKS_DIR, else the built-in library).")
    var checksDir: String?

    @Option(
        name: .customLong("external-checks-dir"), help: "Extra checks: Bulwark YAML checks or Checkov custom YAML policies (repeatable).")
    var externalChecks: [String] = []

    /// Loads the library; diagnostics go to standard error. Throws a usage error when there is nothing to load.
    func load() throws -> CheckLibrary {
        let library = CheckLibraryLocator.load(
            explicit: checksDir, external: externalChecks,
            environment: ProcessInfo.processInfo.environment)
        if !library.hasSource { throw ValidationError(ScanError.noChecks.description) }
        for d in library.diagnostics { FileHandle.standardError.write(Data("\(d)\n".utf8)) }
        return library
    }
}

/// `bulwark checks list`.
struct ChecksListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List checks with severity, resource types, Checkov/AVD IDs and CIS controls.",
        discussion: "Exit status: 0, or 2 when a check file failed to load (the others are still listed)."
    )

    @OptionGroup var library: LibraryOptions

    @Option(help: "Only checks of this provider (aws, azure, kubernetes).")
    var provider: String?

    @Option(help: "Only checks mapped to this framework (cis-aws, cis-azure, aws-fsbp, nist-800-53).")
    var framework: String?

    @Option(name: [.short, .customLong("output")], help: "Output format: text or json.")
    var output: ListFormat = .text

    enum ListFormat: String, ExpressibleByArgument {
        case text
        case json
    }

    func run() throws {
        let loaded = try library.load()
        let checks = loaded.checks.filter { check in
            if let provider, check.provider != provider.lowercased() { return false }
            if let framework, (check.references.cis[framework] ?? []).isEmpty { return false }
            return true
        }.sorted { $0.id < $1.id }
        switch output {
        case .json:
            print(JSONOutput.array(checks.map(CheckDescription.json)).rendered(), terminator: "")
        case .text:
            for check in checks { print(CheckDescription.line(check)) }
            print("\(checks.count) checks")
        }
        if !loaded.diagnostics.isEmpty { throw ExitCode(2) }
    }
}

/// `bulwark checks show ID`.
struct ChecksShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one check in full (by Bulwark ID or a Checkov/AVD ID it references).",
        discussion: "Exit status: 0, or 2 when no check has that ID."
    )

    @OptionGroup var library: LibraryOptions

    @Argument(help: "A check ID such as BLW-AWS-S3-001, or CKV_AWS_53.")
    var id: String

    func run() throws {
        let loaded = try library.load()
        let wanted = id.uppercased()
        let match =
            loaded.checks.first { $0.id.uppercased() == wanted }
            ?? loaded.checks.first { c in (c.references.checkov + c.references.avd).contains { $0.uppercased() == wanted } }
        guard let check = match else {
            FileHandle.standardError.write(Data("no check with ID \(id)\n".utf8))
            throw ExitCode(2)
        }
        print(CheckDescription.full(check, text: check.source.flatMap { loaded.text(ofFile: $0.file) }), terminator: "")
    }
}

/// Text and JSON descriptions of a check.
enum CheckDescription {
    static func line(_ c: CheckDefinition) -> String {
        let refs = c.references
        var parts = [c.id, c.severity.displayName, c.title, "[" + c.resourceTypes.joined(separator: ", ") + "]"]
        if !refs.checkov.isEmpty { parts.append("checkov: " + refs.checkov.joined(separator: ",")) }
        if !refs.avd.isEmpty { parts.append("avd: " + refs.avd.joined(separator: ",")) }
        let cis = controls(refs)
        if !cis.isEmpty { parts.append(cis.joined(separator: " ")) }
        return parts.joined(separator: "  ")
    }

    static func controls(_ refs: CheckReferences) -> [String] {
        refs.cis.keys.sorted().flatMap { fw in (refs.cis[fw] ?? []).map { "\(fw):\($0)" } }
    }

    static func json(_ c: CheckDefinition) -> JSONOutput {
        let refs = c.references
        return .object([
            ("id", .string(c.id)), ("title", .string(c.title)), ("severity", .string(c.severity.rawValue)),
            ("provider", .string(c.provider)), ("resource_types", .strings(c.resourceTypes)),
            ("checkov_ids", .strings(refs.checkov)), ("avd_ids", .strings(refs.avd)), ("tfsec_ids", .strings(refs.tfsec)),
            ("compliance", .object(refs.cis.keys.sorted().map { ($0, .strings(refs.cis[$0] ?? [])) })),
            ("description", .string(c.description)), ("remediation", .string(c.remediation)),
            ("file", .optional(c.source?.file)),
        ])
    }

    /// The whole description; `text` is the check's file as the library holds it.
    static func full(_ c: CheckDefinition, text: String?) -> String {
        let refs = c.references
        var out = "\(c.id): \(c.title)\n"
        out += "severity:       \(c.severity.rawValue)\n"
        out += "provider:       \(c.provider)\n"
        out += "resource types: \(c.resourceTypes.joined(separator: ", "))\n"
        if !refs.checkov.isEmpty { out += "checkov:        \(refs.checkov.joined(separator: ", "))\n" }
        if !refs.avd.isEmpty { out += "avd:            \(refs.avd.joined(separator: ", "))\n" }
        if !refs.tfsec.isEmpty { out += "tfsec:          \(refs.tfsec.joined(separator: ", "))\n" }
        let cis = controls(refs)
        if !cis.isEmpty { out += "compliance:     \(cis.joined(separator: ", "))\n" }
        if !c.description.isEmpty { out += "\n\(c.description)\n" }
        if !c.remediation.isEmpty { out += "\nRemediation:\n\(c.remediation)\n" }
        if let file = c.source?.file {
            out += "\nDefined in \(file):\n\n"
            if let text {
                out += text.hasSuffix("\n") ? text : text + "\n"
            }
        }
        return out
    }
}
