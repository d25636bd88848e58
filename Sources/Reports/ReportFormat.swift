/// The output formats of `bulwark scan -o FORMAT[:FILE]`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case human
    case json
    case sarif
    case junit
    case csv
    case markdown
    case ocsf
    case asff

    /// Whether the format needs an AWS account and region (`ExportContext`) to be written.
    public var needsAWSAccount: Bool { self == .asff }

    /// Whether the format holds findings only (one object per result, for another system to ingest), without the
    /// report's load errors, warnings and compliance summaries.
    public var isFindingsOnly: Bool { self == .ocsf || self == .asff }

    /// Renders `report` in this format. `color` applies to `human` only; `scanRoot` (absolute) and `sourceRoot`
    /// (SARIF's `%SRCROOT%`, default `scanRoot`) to `sarif` only; `export` (account, region, time) to `ocsf` and
    /// `asff`.
    public func render(
        _ report: ScanReport, color: Bool = false, scanRoot: String = "/", sourceRoot: String? = nil,
        export: ExportContext = ExportContext()
    ) -> String {
        switch self {
        case .human: return HumanReport.render(report, color: color)
        case .json: return JSONReport.render(report)
        case .sarif: return SARIFReport.render(report, scanRoot: scanRoot, sourceRoot: sourceRoot)
        case .junit: return JUnitReport.render(report)
        case .csv: return CSVReport.render(report)
        case .markdown: return MarkdownReport.render(report)
        case .ocsf: return OCSFReport.render(report, context: export)
        case .asff: return ASFFReport.render(report, context: export)
        }
    }
}

/// One `-o FORMAT[:FILE]` request: a format and where to write it (nil = standard output).
public struct OutputTarget: Sendable, Hashable {
    public var format: ReportFormat
    public var file: String?

    /// Builds a target.
    public init(format: ReportFormat, file: String? = nil) {
        self.format = format
        self.file = file
    }

    /// Parses `json`, `sarif:out.sarif`, `junit:reports/junit.xml`; nil for an unknown format or empty file.
    public init?(argument: String) {
        let parts = argument.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, let format = ReportFormat(rawValue: first.lowercased()) else { return nil }
        self.format = format
        if parts.count == 2 {
            guard !parts[1].isEmpty else { return nil }
            self.file = String(parts[1])
        } else {
            self.file = nil
        }
    }
}
