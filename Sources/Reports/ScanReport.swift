import Checks
import Model

/// Everything one `bulwark scan` found: the data every output format renders.
///
/// It lives here rather than in `Scanner` so that formatters need only the check model, never the loaders.
public struct ScanReport: Sendable {
    /// The scanner's name, version and home page (SARIF's `tool.driver`).
    public var tool: ToolInfo
    /// Check results after filters, suppressions and baseline, sorted by file, line, check and resource.
    public var findings: [Finding]
    /// Problems while loading inputs, checks, skip files or baselines (errors and warnings), sorted by place.
    public var diagnostics: [ReportDiagnostic]
    /// One summary per framework the results touch (or the one asked for with `--framework`), by framework ID.
    public var compliance: [ComplianceSummary]
    /// The checks that were run, sorted by ID; empty when the scan compiled only the checks its resources needed.
    public var checks: [CheckDefinition]
    /// How many checks the scan ran (what the reports print), compiled or not.
    public var checkCount: Int
    /// Failed findings hidden because the baseline already lists them.
    public var baselined: Int
    /// Number of resources evaluated across every input.
    public var resourceCount: Int
    /// Wall-clock time of the scan in seconds.
    public var durationSeconds: Double
    /// Every resource the scan evaluated (what the store records per scan), in input order.
    public var resources: [ScannedResource]

    /// Builds a report; findings, diagnostics, compliance and checks are sorted so output is deterministic.
    public init(
        tool: ToolInfo = ToolInfo(), findings: [Finding], diagnostics: [ReportDiagnostic] = [],
        compliance: [ComplianceSummary] = [], checks: [CheckDefinition] = [], checkCount: Int? = nil, baselined: Int = 0,
        resourceCount: Int = 0, durationSeconds: Double = 0, resources: [ScannedResource] = []
    ) {
        self.tool = tool
        // Sorting indices moves integers instead of large Finding values.
        let order = FindingOrder.indices(findings)
        self.findings = order.map { findings[$0] }
        self.diagnostics = diagnostics.sorted(by: ReportDiagnostic.precedes)
        self.compliance = compliance.sorted { $0.framework.id < $1.framework.id }
        self.checks = checks.sorted { $0.id < $1.id }
        self.checkCount = checkCount ?? checks.count
        self.baselined = baselined
        self.resourceCount = resourceCount
        self.durationSeconds = durationSeconds
        self.resources = resources
    }

    /// Diagnostics of severity error: inputs or configuration that did not load.
    public var loadErrors: [ReportDiagnostic] { diagnostics.filter { $0.severity == .error } }
    /// Diagnostics of severity warning (expired skips, modules not loaded, …).
    public var warnings: [ReportDiagnostic] { diagnostics.filter { $0.severity == .warning } }
    /// Findings whose verdict is FAILED.
    public var failed: [Finding] { findings.filter { $0.result.verdict == .failed } }
    /// Verdict and severity tallies.
    public var counts: Counts { Counts(findings) }
}

/// Name, version and home page of the tool that produced a report.
public struct ToolInfo: Sendable, Hashable {
    public var name: String
    public var version: String
    /// The tool's home page; nil until the project publishes one (SARIF and JSON then leave it out / null).
    public var informationURI: String?

    /// Bulwark's identity by default.
    public init(name: String = "bulwark", version: String = BulwarkVersion.current, informationURI: String? = nil) {
        self.name = name
        self.version = version
        self.informationURI = informationURI
    }
}

/// The version printed in reports and `--version`.
public enum BulwarkVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}

/// One check result with its place in the scanned tree.
public struct Finding: Sendable {
    public var result: CheckResult
    /// Where the resource is, relative to the scan root (absolute when outside it); nil when unknown.
    public var location: FindingLocation?
    /// The baseline identity. Equal to `result.fingerprint` for the root module at the scan root; for other
    /// inputs the address is qualified with the input's path so that `envs/prod` and `envs/staging`, which
    /// often share resource names, never hide each other's findings.
    public var fingerprint: Fingerprint
    /// The root module directory or input file, relative to the scan root (`.` for the scan root itself).
    public var input: String

    /// Builds a finding; `input` defaults to the scan root, which keeps the plain fingerprint.
    public init(result: CheckResult, location: FindingLocation?, input: String = ".") {
        self.result = result
        self.location = location
        self.input = input
        self.fingerprint = Fingerprint(checkID: result.checkID, resource: Self.qualifiedAddress(result.resourceAddress, input: input))
    }

    /// `address` at the scan root, `input::address` elsewhere: the resource string fingerprints and baselines use.
    public static func qualifiedAddress(_ address: String, input: String) -> String {
        input == "." || input.isEmpty ? address : "\(input)::\(address)"
    }

    /// Report order: file, line, check ID, resource address, then input and verdict so ties never depend on input order.
    static func precedes(_ a: Finding, _ b: Finding) -> Bool {
        let fa = a.location?.file ?? ""
        let fb = b.location?.file ?? ""
        if fa != fb { return fa < fb }
        let la = a.location?.startLine ?? 0
        let lb = b.location?.startLine ?? 0
        if la != lb { return la < lb }
        if a.result.checkID != b.result.checkID { return a.result.checkID < b.result.checkID }
        if a.result.resourceAddress != b.result.resourceAddress { return a.result.resourceAddress < b.result.resourceAddress }
        // The same check on the same address twice happens when two inputs share a module directory.
        if a.input != b.input { return a.input < b.input }
        return a.result.verdict.description < b.result.verdict.description
    }

    /// The skip or unknown reason, empty for passed and failed results.
    public var reason: String {
        switch result.verdict {
        case .passed, .failed: return ""
        case .unknown(let reason), .skipped(let reason): return reason
        }
    }
}

/// A file position in report form: a path relative to the scan root and 1-based lines and columns.
public struct FindingLocation: Sendable, Hashable {
    public var file: String
    /// 1-based first line; nil when the input (a state file) has no source lines.
    public var startLine: Int?
    public var startColumn: Int?
    public var endLine: Int?

    /// Builds a location.
    public init(file: String, startLine: Int? = nil, startColumn: Int? = nil, endLine: Int? = nil) {
        self.file = file
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
    }

    /// `file:line` (or just `file`), as editors and CI logs link it.
    public var display: String { startLine.map { "\(file):\($0)" } ?? file }
}

/// A diagnostic with its file already relative to the scan root.
public struct ReportDiagnostic: Sendable, Hashable {
    public var code: String
    public var severity: Diagnostic.Severity
    public var message: String
    /// Relative to the scan root; nil for problems not tied to a file.
    public var file: String?
    public var line: Int?
    public var column: Int?

    /// Builds a report diagnostic.
    public init(
        code: String, severity: Diagnostic.Severity, message: String, file: String? = nil, line: Int? = nil,
        column: Int? = nil
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// Converts a diagnostic, rewriting its file with `path` (for example, to make it relative to the scan root).
    public init(_ diagnostic: Diagnostic, path: (String) -> String = { $0 }) {
        self.init(
            code: diagnostic.code.rawValue, severity: diagnostic.severity, message: diagnostic.message,
            file: diagnostic.range.map { path($0.file) }, line: diagnostic.range?.start.line,
            column: diagnostic.range?.start.column)
    }

    /// Report order: file, line, column, message.
    static func precedes(_ a: ReportDiagnostic, _ b: ReportDiagnostic) -> Bool {
        let fa = a.file ?? ""
        let fb = b.file ?? ""
        if fa != fb { return fa < fb }
        let la = a.line ?? 0
        let lb = b.line ?? 0
        if la != lb { return la < lb }
        let ca = a.column ?? 0
        let cb = b.column ?? 0
        if ca != cb { return ca < cb }
        if a.message != b.message { return a.message < b.message }
        return a.code < b.code
    }

    /// `file:line:column: severity: message [code]`.
    public var display: String {
        var place = file ?? ""
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return (place.isEmpty ? "" : place + ": ") + "\(severity.rawValue): \(message) [\(code)]"
    }
}

/// Verdict tallies overall and per severity.
public struct Counts: Sendable, Hashable {
    /// Tally of one row (a severity, or the total).
    public struct Row: Sendable, Hashable {
        public var passed = 0
        public var failed = 0
        public var unknown = 0
        public var skipped = 0
        /// Sum of the four verdicts.
        public var total: Int { passed + failed + unknown + skipped }

        mutating func add(_ verdict: Verdict) {
            switch verdict {
            case .passed: passed += 1
            case .failed: failed += 1
            case .unknown: unknown += 1
            case .skipped: skipped += 1
            }
        }
    }

    public var total = Row()
    /// Every severity is present, even with zero counts, so tables have stable rows.
    public var bySeverity: [Severity: Row]

    /// Tallies `findings`.
    public init(_ findings: [Finding]) {
        var bySeverity: [Severity: Row] = [:]
        for s in Severity.allCases { bySeverity[s] = Row() }
        for f in findings {
            total.add(f.result.verdict)
            bySeverity[f.result.check.severity, default: Row()].add(f.result.verdict)
        }
        self.bySeverity = bySeverity
    }

    /// Severities from critical down to low.
    public static let severityOrder: [Severity] = [.critical, .high, .medium, .low]
}
