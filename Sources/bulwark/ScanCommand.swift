import ArgumentParser
import Checks
import CommitScan
import Foundation
import GitOps
import Model
import Reports
import Scanner
import Store
import Terraform

/// `bulwark scan`: run the check library over Terraform and report findings (the pull-request gate).
struct ScanCommand: AsyncParsableCommand {
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

            Pull-request mode: --repo URL|PATH --base REF --head REF reads both commits straight from Git's \
            object database (no checkout) and reports the failed findings that are new in head, resolved in \
            head, and unchanged; only new findings at or above --fail-on make the exit status 1. Paths are then \
            relative to the repository root (default: the whole tree).

            --store records the scan (findings with their lifecycle, compliance per control) in the database \
            (--database, $BULWARK_DATABASE_URL, or the embedded SQLite file).

            -o asff and --security-hub need the AWS account and region (--aws-account-id, --aws-region, or \
            $AWS_ACCOUNT_ID and $AWS_REGION); --security-hub is not available with --repo.
            """
    )

    @Argument(help: "Directories, .tf/.tf.json files, plan JSON or state JSON files (with --repo: paths inside the repository).")
    var paths: [String] = []

    @Option(name: .customLong("repo"), help: "Pull-request mode: a Git repository (URL or local path) to read commits from.")
    var repo: String?

    @Option(name: .customLong("base"), help: "Pull-request mode: the base revision (branch, tag or SHA).")
    var base: String?

    @Option(name: .customLong("head"), help: "Pull-request mode: the head revision (branch, tag or SHA).")
    var head: String?

    @Flag(name: .customLong("store"), help: "Record the scan in the database (findings lifecycle and compliance per commit).")
    var storeScan = false

    @Option(name: .customLong("target"), help: "With --store: the target name the scan is recorded under (default: the directory name).")
    var targetName: String?

    @Option(
        name: .customLong("commit"),
        help: "With --store: the commit the scan belongs to (default: HEAD of the Git repository around the scan root).")
    var commit: String?

    @OptionGroup var store: StoreOption

    @OptionGroup var export: ExportOptions

    @Option(
        name: [.short, .customLong("output")],
        help: ArgumentHelp(
            "Output as FORMAT[:FILE] (repeatable): human, json, sarif, junit, csv, markdown, ocsf, asff. Without FILE: standard output.",
            valueName: "format[:file]"))
    var outputs: [String] = []

    @Option(
        name: .customLong("check"),
        help: "Run only these checks (IDs, Checkov/AVD IDs, * wildcards, severities; comma-separated, repeatable).")
    var include: [String] = []

    @Option(name: .customLong("skip-check"), help: "Skip these checks (same forms as --check).")
    var exclude: [String] = []

    @Option(
        help: ArgumentHelp(
            "Run only checks mapped to this compliance framework and summarise it; repeatable.",
            discussion: "Shipped: cis-aws, cis-azure, aws-fsbp, nist-800-53."))
    var framework: [String] = []

    @Option(
        name: .customLong("fail-on"), help: "Lowest severity of a FAILED finding that makes the exit status 1: critical, high, medium, low."
    )
    var failOn: SeverityArgument = .low

    @Flag(name: .customLong("soft-fail"), help: "Always exit 0 after a scan (usage errors still exit 2).")
    var softFail = false

    @Option(name: .customLong("skip-config"), help: "A skip file (YAML: skips: [{check, resource, reason, expires}]); repeatable.")
    var skipConfigs: [String] = []

    @Option(help: "Report only failed findings not listed in this baseline file.")
    var baseline: String?

    @Option(name: .customLong("create-baseline"), help: "Write the failed findings of this run to a baseline file.")
    var createBaseline: String?

    @Option(
        name: .customLong("external-checks-dir"), help: "Extra checks: Bulwark YAML checks or Checkov custom YAML policies (repeatable).")
    var externalChecks: [String] = []

    @Option(
        name: .customLong("checks-dir"),
        help: "The check library directory, replacing the built-in one (default: $BULWARK_CHECKS_DIR, else the built-in library).")
    var checksDir: String?

    @Option(name: .customLong("var-file"), help: "A tfvars file for every root module (repeatable, applied in order).")
    var varFiles: [String] = []

    @Option(name: .customLong("var"), help: "A root variable value as NAME=VALUE (repeatable).")
    var variables: [String] = []

    @Option(
        name: .customLong("allow-read"),
        help: ArgumentHelp(
            "A directory file functions and module sources may read besides the scanned repository (repeatable).",
            discussion:
                "Reads are confined to the Git repository enclosing each path (or the path itself outside one); a read elsewhere is unknown, with a warning."
        ))
    var allowRead: [String] = []

    @Option(
        name: .customLong("max-file-size"),
        help: "Largest plan or state JSON file read, in bytes (Terraform files have their own 8 MiB limit).")
    var maxFileSize: Int = LoadOptions.defaultMaxInputFileSize

    @Option(
        name: .customLong("source-root"),
        help:
            "Directory that report paths are relative to (and SARIF %SRCROOT%); default: the working directory, and for SARIF the Git repository root enclosing the first path (that path outside a repository)."
    )
    var sourceRoot: String?

    func validate() throws {
        _ = try targets()
        if repo == nil {
            if paths.isEmpty { throw ValidationError("give at least one path to scan (or --repo with --head)") }
            if base != nil || head != nil { throw ValidationError("--base and --head need --repo") }
        } else if head == nil {
            throw ValidationError("--repo needs --head (and --base for a pull-request comparison)")
        }
        if maxFileSize < 1 { throw ValidationError("--max-file-size takes a positive number of bytes") }
        if export.securityHub && repo != nil { throw ValidationError("--security-hub is not available with --repo") }
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

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var options = ScanOptions()
        options.library = CheckLibraryLocator.load(explicit: checksDir, external: externalChecks, environment: environment)
        options.filter = CheckFilter(include: include, exclude: exclude)
        options.frameworks = framework
        options.skipConfigFiles = skipConfigs
        options.baselineFile = baseline
        options.createBaselineFile = createBaseline
        options.varFiles = varFiles
        options.variables = variables.compactMap { v in
            v.firstIndex(of: "=").map { (String(v[..<$0]), String(v[v.index(after: $0)...])) }
        }
        options.environment = environment
        if let sourceRoot { options.scanRoot = ScanPaths.absolute(sourceRoot) }
        options.allowRead = allowRead.map { ScanPaths.absolute($0) }
        options.maxInputFileSize = maxFileSize
        let scope = targetName ?? (ScanPaths(root: options.scanRoot).root as NSString).lastPathComponent
        let exportContext = try export.context(
            environment: environment, scope: scope,
            required: export.securityHub || (try targets()).contains { $0.format.needsAWSAccount })

        if let repo, let head {
            try await runPullRequest(
                repo: repo, base: base, head: head, options: options, environment: environment, export: exportContext)
        }
        let started = Date()
        let report: ScanReport
        do {
            report = try ScanRunner.run(paths: paths, options: options)
        } catch {
            // Bad options found only once the library is loaded (unknown framework, unreadable baseline): usage errors.
            FileHandle.standardError.write(Data("Error: \(error.description)\n".utf8))
            throw ExitCode(ExitPolicy.Status.error.rawValue)
        }
        let scanRoot = ScanPaths(root: options.scanRoot).root
        let sarifRoot = sourceRoot == nil ? SARIFSourceRoot.locate(scanning: ScanPaths.absolute(paths.first ?? ".")) : scanRoot
        try write(report, scanRoot: scanRoot, sourceRoot: sarifRoot, environment: environment, export: exportContext)
        if export.securityHub {
            try await SecurityHubUpload.run(
                report, account: exportContext.awsAccountID ?? "", regions: export.regions(environment: environment),
                scope: scope, environment: environment)
        }
        if storeScan {
            let provenance = await localProvenance(scanRoot: scanRoot)
            try await record(report, provenance: provenance, started: started)
        }
        let status = ExitPolicy(failOn: failOn.severity, softFail: softFail).status(for: report)
        FastExit.now(status.rawValue)
    }

    /// Writes `report` to every `-o` target. When every target holds findings only (OCSF, ASFF), load errors and
    /// warnings go to standard error, so they are never lost.
    private func write(
        _ report: ScanReport, scanRoot: String, sourceRoot: String? = nil,
        environment: [String: String], export: ExportContext
    ) throws {
        if try targets().allSatisfy(\.format.isFindingsOnly) {
            for d in report.diagnostics { FileHandle.standardError.write(Data((d.display + "\n").utf8)) }
        }
        for target in try targets() {
            if let file = target.file {
                do {
                    try ReportWriter.write(
                        target.format, report, scanRoot: scanRoot, sourceRoot: sourceRoot, export: export, toFile: file)
                } catch {
                    FileHandle.standardError.write(Data("Error: cannot write \(error)\n".utf8))
                    throw ExitCode(ExitPolicy.Status.error.rawValue)
                }
            } else if target.format == .json {
                JSONReport.write(report) { print($0, terminator: "") }
            } else {
                let color = target.format == .human && Self.colorWanted(environment: environment)
                print(
                    target.format.render(report, color: color, scanRoot: scanRoot, sourceRoot: sourceRoot, export: export),
                    terminator: "")
            }
        }
    }

    /// Pull-request mode: scan base and head from the object database and report the difference; never returns.
    private func runPullRequest(
        repo: String, base: String?, head: String, options: ScanOptions,
        environment: [String: String], export: ExportContext
    ) async throws -> Never {
        let started = Date()
        let scanner = CommitScanner(options: options)
        let inside = paths.isEmpty ? ["."] : paths
        let repository: GitRepository
        let baseCommit: String?
        let headCommit: String
        let baseReport: ScanReport?
        let headReport: ScanReport
        do {
            repository = try await PullRequestSource.open(repo, environment: environment)
            headCommit = try await repository.resolve(head)
            if let base { baseCommit = try await repository.resolve(base) } else { baseCommit = nil }
            headReport = try await scanner.scan(repository: repository, commit: headCommit, paths: inside)
            if let baseCommit {
                baseReport = try await scanner.scan(repository: repository, commit: baseCommit, paths: inside)
            } else {
                baseReport = nil
            }
        } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            throw ExitCode(ExitPolicy.Status.error.rawValue)
        }
        if storeScan {
            try await record(
                headReport,
                provenance: .init(
                    target: targetName ?? PullRequestSource.name(of: repo), repository: redactGitURL(repo), branch: head,
                    commit: headCommit, trigger: baseCommit == nil ? "cli" : "pull-request"), started: started)
        }
        guard let baseReport, let baseCommit, let base else {
            try write(headReport, scanRoot: CommitScanner.root(of: headCommit), environment: environment, export: export)
            FastExit.now(ExitPolicy(failOn: failOn.severity, softFail: softFail).status(for: headReport).rawValue)
        }
        let diff = ScanDiff(
            base: baseReport, head: headReport, baseRef: base, headRef: head,
            baseCommit: baseCommit, headCommit: headCommit)
        // Only what the pull request introduces gates it; formats without a diff view get the new findings.
        let newOnly = ScanReport(
            tool: headReport.tool, findings: diff.new, diagnostics: headReport.diagnostics,
            compliance: headReport.compliance, checks: headReport.checks, checkCount: headReport.checkCount,
            resourceCount: headReport.resourceCount, durationSeconds: Date().timeIntervalSince(started))
        for target in try targets() {
            let text: String
            switch target.format {
            case .human: text = ScanDiffReport.human(diff)
            case .json: text = ScanDiffReport.json(diff)
            case .markdown: text = ScanDiffReport.markdown(diff)
            default: text = target.format.render(newOnly, color: false, scanRoot: "/", export: export)
            }
            if let file = target.file {
                do {
                    try OutputFile(path: file).write(text)
                } catch {
                    FileHandle.standardError.write(Data("Error: cannot write \(error)\n".utf8))
                    throw ExitCode(ExitPolicy.Status.error.rawValue)
                }
            } else {
                print(text, terminator: "")
            }
        }
        FastExit.now(ExitPolicy(failOn: failOn.severity, softFail: softFail).status(for: newOnly).rawValue)
    }

    /// Records `report` in the database; a failure is an error (exit 2), since the user asked for it.
    private func record(_ report: ScanReport, provenance: ScanRecording.Provenance, started: Date) async throws {
        let opened = try await store.open()
        do {
            let recorded = try await opened.recordScan(
                ScanRecording.record(
                    report, provenance: provenance, startedAt: started, finishedAt: Date()))
            FileHandle.standardError.write(
                Data(
                    ("stored scan \(recorded.scanID) of \(provenance.target)@\(provenance.commit.prefix(12)) in "
                        + "\(opened.backendName): \(recorded.newFindings) new, \(recorded.resolvedFindings) resolved, "
                        + "\(recorded.openFindings) open findings\n").utf8))
        } catch {
            FileHandle.standardError.write(Data("Error: cannot store the scan: \(error)\n".utf8))
            await opened.close()
            throw ExitCode(ExitPolicy.Status.error.rawValue)
        }
        await opened.close()
    }

    /// Target, repository and commit of a scan of the working tree: the Git repository around the scan root
    /// when there is one.
    private func localProvenance(scanRoot: String) async -> ScanRecording.Provenance {
        let name = targetName ?? (scanRoot as NSString).lastPathComponent
        var sha = commit ?? "working-tree"
        if commit == nil, let root = PullRequestSource.enclosingRepository(of: scanRoot),
            let repository = try? await GitRepository.open(path: root), let head = try? await repository.resolve("HEAD")
        {
            sha = head
        }
        return .init(target: name, repository: scanRoot, branch: "-", commit: sha, trigger: "cli")
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
