import ArgumentParser
import Checks
import Foundation
import Reports
import Scanner

/// `bulwark scan`: run the check library over Terraform and report findings (the pull-request gate).
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan Terraform (directories, .tf files, plan or state JSON) with the check library.",
        discussion: """
            A directory is scanned as every root module inside it (directories with .tf/.tf.json files that no \
            other directory calls as a local module; hidden directories such as .terraform are skipped).

            Suppressions: inline comments in or directly above a resource block (# bulwark:skip=ID reason, \
            #checkov:skip=CKV_ID:reason, #trivy:ignore:AVD-ID, #tfsec:ignore:ID[:exp:YYYY-MM-DD]) and skip files \
            (--skip-config). An expired skip is ignored with a warning.

            --check/--skip-check take check IDs, Checkov or AVD IDs (with * wildcards) or severities. A severity \
            in --check selects it and everything above; in --skip-check it skips it and everything below.

            Exit status:
              0  no FAILED finding at or above --fail-on, and everything loaded
              1  a FAILED finding at or above --fail-on (wins over load errors)
              2  usage error, or a load error (input, check, skip file) with no finding at or above --fail-on
            --soft-fail always exits 0 unless the command line itself is wrong.
            """
    )

    @Argument(help: "Directories, .tf/.tf.json files, plan JSON or state JSON files.")
    var paths: [String]

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(
        "Output as FORMAT[:FILE] (repeatable): human, json, sarif, junit, csv, markdown. Without FILE: standard output.",
        valueName: "format[:file]"))
    var outputs: [String] = []

    @Option(name: .customLong("check"), help: "Run only these checks (IDs, Checkov/AVD IDs, * wildcards, severities; comma-separated, repeatable).")
    var include: [String] = []

    @Option(name: .customLong("skip-check"), help: "Skip these checks (same forms as --check).")
    var exclude: [String] = []

    @Option(help: "Run only checks mapped to this compliance framework (cis-aws, cis-azure) and summarise it.")
    var framework: String?

    @Option(name: .customLong("fail-on"), help: "Lowest severity of a FAILED finding that makes the exit status 1: critical, high, medium, low.")
    var failOn: SeverityArgument = .low

    @Flag(name: .customLong("soft-fail"), help: "Always exit 0 after a scan (usage errors still exit 2).")
    var softFail = false

    @Option(name: .customLong("skip-config"), help: "A skip file (YAML: skips: [{check, resource, reason, expires}]); repeatable.")
    var skipConfigs: [String] = []

    @Option(help: "Report only failed findings not listed in this baseline file.")
    var baseline: String?

    @Option(name: .customLong("create-baseline"), help: "Write the failed findings of this run to a baseline file.")
    var createBaseline: String?

    @Option(name: .customLong("external-checks-dir"), help: "Extra checks: Bulwark YAML checks or Checkov custom YAML policies (repeatable).")
    var externalChecks: [String] = []

    @Option(name: .customLong("checks-dir"), help: "The check library directory (default: $BULWARK_CHECKS_DIR, else checks/ found above the binary or the working directory).")
    var checksDir: String?

    @Option(name: .customLong("var-file"), help: "A tfvars file for every root module (repeatable, applied in order).")
    var varFiles: [String] = []

    @Option(name: .customLong("var"), help: "A root variable value as NAME=VALUE (repeatable).")
    var variables: [String] = []

    @Option(name: .customLong("source-root"), help: "Directory that report paths are relative to (SARIF %SRCROOT%); default: the working directory.")
    var sourceRoot: String?

    func validate() throws {
        _ = try targets()
        for v in variables where !v.contains("=") {
            throw ValidationError("--var takes NAME=VALUE, got \"\(v)\"")
        }
    }

    /// The parsed `-o` values; `human` on standard output when none is given. At most one may use stdout.
    func targets() throws -> [OutputTarget] {
        var targets: [OutputTarget] = []
        for o in outputs {
            guard let target = OutputTarget(argument: o) else {
                let formats = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("-o takes FORMAT[:FILE] with FORMAT one of \(formats); got \"\(o)\"")
            }
            targets.append(target)
        }
        if targets.isEmpty { targets = [OutputTarget(format: .human)] }
        if targets.filter({ $0.file == nil }).count > 1 {
            throw ValidationError("only one -o format can write to standard output; give the others a :FILE")
        }
        return targets
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        var options = ScanOptions()
        options.checksDirectory = CheckLibrary.locate(
            explicit: checksDir, environment: environment, executablePath: Self.executablePath(),
            currentDirectory: FileManager.default.currentDirectoryPath)
        options.externalCheckDirectories = externalChecks.map { ScanPaths.absolute($0) }
        options.filter = CheckFilter(include: include, exclude: exclude)
        options.framework = framework
        options.skipConfigFiles = skipConfigs
        options.baselineFile = baseline
        options.createBaselineFile = createBaseline
        options.varFiles = varFiles
        options.variables = variables.compactMap { v in
            v.firstIndex(of: "=").map { (String(v[..<$0]), String(v[v.index(after: $0)...])) }
        }
        options.environment = environment
        if let sourceRoot { options.scanRoot = ScanPaths.absolute(sourceRoot) }

        let report: ScanReport
        do {
            report = try ScanRunner.run(paths: paths, options: options)
        } catch {
            // Bad options found only once the library is loaded (unknown framework, unreadable baseline): usage errors.
            FileHandle.standardError.write(Data("Error: \(error.description)\n".utf8))
            throw ExitCode(ExitPolicy.Status.error.rawValue)
        }
        let scanRoot = ScanPaths(root: options.scanRoot).root
        for target in try targets() {
            if let file = target.file {
                do {
                    try ReportWriter.write(target.format, report, scanRoot: scanRoot, toFile: file)
                } catch {
                    FileHandle.standardError.write(Data("Error: cannot write \(file): \(error.localizedDescription)\n".utf8))
                    throw ExitCode(ExitPolicy.Status.error.rawValue)
                }
            } else if target.format == .json {
                JSONReport.write(report) { print($0, terminator: "") }
            } else {
                let color = target.format == .human && Self.colorWanted(environment: environment)
                print(target.format.render(report, color: color, scanRoot: scanRoot), terminator: "")
            }
        }
        let status = ExitPolicy(failOn: failOn.severity, softFail: softFail).status(for: report)
        FastExit.now(status.rawValue)
    }

    /// Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
    static func colorWanted(environment: [String: String]) -> Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return isatty(STDOUT_FILENO) == 1
    }

    /// The running binary, for finding the `checks/` directory of the repository it was built in.
    static func executablePath() -> String? {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
        return Bundle.main.executablePath
    }
}

/// A severity given on the command line.
struct SeverityArgument: ExpressibleByArgument, Sendable {
    let severity: CheckDefinition.Severity

    init(_ severity: CheckDefinition.Severity) { self.severity = severity }

    init?(argument: String) {
        guard let s = CheckDefinition.Severity(rawValue: argument.lowercased()) else { return nil }
        severity = s
    }

    static let low = SeverityArgument(.low)
    static var allValueStrings: [String] { ["critical", "high", "medium", "low"] }
    var defaultValueDescription: String { severity.rawValue }
}
