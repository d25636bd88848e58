import Checks
import Foundation
import Model

/// The failed findings of two scans of the same tree compared by fingerprint: what a pull request introduces,
/// what it fixes, and what it leaves as it was.
public struct ScanDiff: Sendable {
    /// The base and head revisions as given (`main`, a SHA) and as resolved.
    public var baseRef: String
    public var headRef: String
    public var baseCommit: String
    public var headCommit: String
    /// Failed in head, not in base.
    public var new: [Finding]
    /// Failed in base, not failed in head (fixed, or the resource is gone).
    public var resolved: [Finding]
    /// Failed in both.
    public var unchanged: [Finding]
    /// Compliance of each side, by framework ID.
    public var baseCompliance: [ComplianceSummary]
    public var headCompliance: [ComplianceSummary]
    /// Load problems of the head scan (the base's are not the pull request's doing).
    public var headDiagnostics: [ReportDiagnostic]

    /// Compares `base` and `head`; findings keep the head's (or, for resolved ones, the base's) order.
    public init(base: ScanReport, head: ScanReport, baseRef: String, headRef: String, baseCommit: String, headCommit: String) {
        // `failed` filters every finding on each access: take each side's once.
        let baseFindings = base.failed
        let headFindings = head.failed
        let baseFailed = Set(baseFindings.map(\.fingerprint.hex))
        let headFailed = Set(headFindings.map(\.fingerprint.hex))
        self.baseRef = baseRef
        self.headRef = headRef
        self.baseCommit = baseCommit
        self.headCommit = headCommit
        new = headFindings.filter { !baseFailed.contains($0.fingerprint.hex) }
        unchanged = headFindings.filter { baseFailed.contains($0.fingerprint.hex) }
        resolved = baseFindings.filter { !headFailed.contains($0.fingerprint.hex) }
        baseCompliance = base.compliance
        headCompliance = head.compliance
        headDiagnostics = head.diagnostics
    }

    /// New failed findings at or above `severity` (what fails the pull-request check).
    public func newFailures(atLeast severity: Severity) -> [Finding] {
        new.filter { $0.result.check.severity >= severity }
    }
}

/// Renders a `ScanDiff` as text, JSON or a Markdown pull-request comment.
public enum ScanDiffReport {
    /// Plain text for a terminal or CI log.
    public static func human(_ diff: ScanDiff) -> String {
        var out = "Pull request \(diff.baseRef) (\(diff.baseCommit.prefix(12))) → \(diff.headRef) (\(diff.headCommit.prefix(12)))\n"
        out += "  new: \(diff.new.count)   resolved: \(diff.resolved.count)   unchanged: \(diff.unchanged.count)\n"
        func section(_ title: String, _ findings: [Finding]) {
            guard !findings.isEmpty else { return }
            out += "\n\(title):\n"
            for f in findings {
                out += "  [\(f.result.check.severity.rawValue)] \(f.result.checkID) \(f.result.resourceAddress)"
                out += f.location.map { " (\($0.display))" } ?? ""
                out += "\n      \(f.result.check.title)\n"
            }
        }
        section("New failed findings (introduced by this change)", diff.new)
        section("Resolved findings (fixed by this change)", diff.resolved)
        out += complianceLines(diff).map { "\n" + $0 }.joined()
        let errors = diff.headDiagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            out += "\n\nLoad errors in head:\n" + errors.map { "  " + $0.display }.joined(separator: "\n")
        }
        return out + "\n"
    }

    /// Markdown for a pull-request comment.
    public static func markdown(_ diff: ScanDiff) -> String {
        var out = "## Bulwark: \(diff.new.count) new, \(diff.resolved.count) resolved, \(diff.unchanged.count) unchanged\n\n"
        out += "Base `\(diff.baseCommit.prefix(12))` → head `\(diff.headCommit.prefix(12))`.\n\n"
        func table(_ title: String, _ findings: [Finding]) {
            guard !findings.isEmpty else { return }
            out += "### \(title)\n\n| Severity | Check | Resource | Location | Title |\n|---|---|---|---|---|\n"
            for f in findings.prefix(MarkdownReport.maxFailedRows) {
                out += "| \(f.result.check.severity.rawValue) | \(TextEscaping.markdownCell(f.result.checkID)) | "
                out +=
                    "`\(TextEscaping.markdownCell(f.result.resourceAddress))` | `\(TextEscaping.markdownCell(f.location?.display ?? ""))` | "
                out += "\(TextEscaping.markdownCell(f.result.check.title)) |\n"
            }
            if findings.count > MarkdownReport.maxFailedRows {
                out += "\n…and \(findings.count - MarkdownReport.maxFailedRows) more.\n"
            }
            out += "\n"
        }
        table("New failed findings", diff.new)
        table("Resolved findings", diff.resolved)
        let lines = complianceLines(diff)
        if !lines.isEmpty { out += "### Compliance\n\n" + lines.map { "- " + $0 }.joined(separator: "\n") + "\n" }
        return out
    }

    /// A stable JSON document: refs, counts, and the three finding lists.
    public static func json(_ diff: ScanDiff) -> String {
        func finding(_ f: Finding) -> JSONOutput {
            .object([
                ("check_id", .string(f.result.checkID)),
                ("title", .string(f.result.check.title)),
                ("severity", .string(f.result.check.severity.rawValue)),
                ("resource", .string(f.result.resourceAddress)),
                ("file", .optional(f.location?.file)),
                ("line", .optional(f.location?.startLine)),
                ("fingerprint", .string(f.fingerprint.hex)),
            ])
        }
        func compliance(_ summaries: [ComplianceSummary]) -> JSONOutput {
            .object(summaries.map { ($0.framework.id, $0.score.map(JSONOutput.double) ?? .null) })
        }
        return JSONOutput.object([
            ("base", .object([("ref", .string(diff.baseRef)), ("commit", .string(diff.baseCommit))])),
            ("head", .object([("ref", .string(diff.headRef)), ("commit", .string(diff.headCommit))])),
            (
                "summary",
                .object([
                    ("new", .int(diff.new.count)), ("resolved", .int(diff.resolved.count)),
                    ("unchanged", .int(diff.unchanged.count)),
                ])
            ),
            ("new", .array(diff.new.map(finding))),
            ("resolved", .array(diff.resolved.map(finding))),
            ("unchanged", .array(diff.unchanged.map(finding))),
            ("compliance_before", compliance(diff.baseCompliance)),
            ("compliance_after", compliance(diff.headCompliance)),
            ("load_errors", .array(diff.headDiagnostics.filter { $0.severity == .error }.map { .string($0.display) })),
        ]).rendered()
    }

    /// `CIS …: 80% → 85%` per framework present on either side.
    static func complianceLines(_ diff: ScanDiff) -> [String] {
        let before = Dictionary(diff.baseCompliance.map { ($0.framework.id, $0) }, uniquingKeysWith: { a, _ in a })
        return diff.headCompliance.map { after in
            let name = "\(after.framework.name) \(after.framework.version)"
            return "\(name): \(TextEscaping.percent(before[after.framework.id]?.score)) → \(TextEscaping.percent(after.score))"
        }
    }
}
