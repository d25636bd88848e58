import ArgumentParser
import Foundation
import Model
import Reports
import Scanner
import Store

/// `bulwark report`: compliance of a stored scan, and compliance history across commits.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render stored compliance: one commit's report, or the history across commits.",
        subcommands: [ReportShowCommand.self, ReportHistoryCommand.self],
        defaultSubcommand: ReportShowCommand.self)
}

/// Options shared by both report commands.
struct ReportCommonOptions: ParsableArguments {
    @Option(name: .customLong("target"), help: "The target (default: the most recently scanned one).")
    var target: String?

    @Option(name: .customLong("framework"), help: "Framework ID: cis-aws, cis-azure, aws-fsbp or nist-800-53.")
    var framework: String

    @Option(name: [.short, .customLong("format")], help: "json, markdown, html or csv.")
    var format: StoredReportFormat = .markdown

    @Option(name: [.short, .customLong("output")], help: "Write to this file instead of standard output.")
    var output: String?

    @OptionGroup var store: StoreOption

    /// Writes `text` to the output file or standard output.
    func emit(_ text: String) throws {
        guard let output else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            return
        }
        do {
            try OutputFile(path: output).write(text)
        } catch {
            FileHandle.standardError.write(Data("Error: cannot write \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// Name and version of the framework, from the stored rows (version) and the check library (name).
    func frameworkInfo(version: String?) -> FrameworkInfo {
        let environment = ProcessInfo.processInfo.environment
        let library = CheckLibraryLocator.frameworks(explicit: nil, environment: environment)
        let known = library[framework]
        return FrameworkInfo(id: framework, name: known?.name ?? framework, version: version ?? known?.version ?? "")
    }
}

extension StoredReportFormat: ExpressibleByArgument {}

/// Fails with exit status 2 and a message.
func reportFailure(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
    return ExitCode(2)
}

/// `bulwark report [--commit SHA | --latest]`: one scan's compliance report.
struct ReportShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Compliance of one stored scan: controls, score, failing findings and the score trend.")

    @Option(name: .customLong("commit"), help: "The commit (full SHA or a prefix of at least 7 characters).")
    var commit: String?

    @Flag(name: .customLong("latest"), help: "The most recent scan (the default).")
    var latest = false

    @OptionGroup var common: ReportCommonOptions

    func validate() throws {
        if commit != nil && latest { throw ValidationError("give --commit or --latest, not both") }
    }

    func run() async throws {
        let store = try await common.store.open(mustExist: true)
        defer { Task { await store.close() } }
        let scan: StoredScan?
        if let commit {
            scan = try await store.scan(target: common.target, commit: commit)
        } else {
            scan = try await store.latestScan(target: common.target)
        }
        guard let scan else {
            throw reportFailure(
                commit.map { "no stored scan of commit \($0)" + (common.target.map { " for target \($0)" } ?? "") }
                    ?? "no stored scans yet: run bulwark scan --store or bulwark reconcile")
        }
        let controls = try await store.compliance(scanID: scan.id, framework: common.framework)
        guard !controls.isEmpty else {
            let recorded = try await store.complianceFrameworks(scanID: scan.id)
            throw reportFailure(MissingCompliance(scan: scan, framework: common.framework, recorded: recorded).message)
        }
        let prefix = common.framework + ":"
        let failing = try await store.results(scanID: scan.id).filter { r in
            r.verdict == .failed && r.controls.contains { $0.hasPrefix(prefix) }
        }
        let history = try await store.history(target: scan.target, framework: common.framework, limit: 50)
        let data = ComplianceReportData(
            target: scan.target, repo: scan.repo, branch: scan.branch, commit: scan.commit, scannedAt: scan.finishedAt,
            generatedAt: Date(), framework: common.frameworkInfo(version: controls.first?.frameworkVersion),
            controls: controls.map(\.result), failingFindings: failing,
            history: history.map(HistoryRow.init))
        try common.emit(ComplianceReportRenderer.render(data, as: common.format))
    }
}

/// `bulwark report history`: score and open findings per commit, and what changed between two commits.
struct ReportHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Score and open findings per commit over time; with --from/--to, the new and resolved findings between two commits.")

    @Option(name: .customLong("from"), help: "Older commit of the comparison.")
    var from: String?

    @Option(name: .customLong("to"), help: "Newer commit of the comparison (default: the latest scan's).")
    var to: String?

    @Option(name: .customLong("limit"), help: "Most recent scans to include.")
    var limit: Int = 50

    @OptionGroup var common: ReportCommonOptions

    func run() async throws {
        let store = try await common.store.open(mustExist: true)
        defer { Task { await store.close() } }
        guard let latest = try await store.latestScan(target: common.target) else {
            throw reportFailure("no stored scans yet: run bulwark scan --store or bulwark reconcile")
        }
        let target = common.target ?? latest.target
        let points = try await store.history(target: target, framework: common.framework, limit: limit)
        var diff: FindingsDiffData?
        if let from {
            let result = try await store.findingsDiff(target: target, fromCommit: from, toCommit: to ?? latest.commit)
            diff = FindingsDiffData(
                fromCommit: result.fromCommit, toCommit: result.toCommit,
                new: result.new, resolved: result.resolved,
                unchangedCount: result.unchanged.count)
        }
        let version = try await store.compliance(scanID: latest.id, framework: common.framework).first?.frameworkVersion
        let data = HistoryReportData(
            target: target, framework: common.frameworkInfo(version: version), points: points.map(HistoryRow.init),
            diff: diff)
        try common.emit(HistoryReportRenderer.render(data, as: common.format))
    }
}

extension HistoryRow {
    init(_ p: HistoryPoint) {
        self.init(
            commit: p.commit, date: p.finishedAt, score: p.score, passedControls: p.passedControls,
            failedControls: p.failedControls, openFindings: p.openFindings)
    }
}
