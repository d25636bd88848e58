import Foundation
import Model

/// The JSON documents of the stored reports (shape in docs/report-json.md), written through `JSONOutput`.
enum StoredReportJSON {
    /// Bumped when a field changes meaning or disappears; additions keep the version.
    static let schemaVersion = 1

    static func compliance(_ d: ComplianceReportData) -> JSONOutput {
        .object([
            ("report", .string("compliance")),
            ("schema_version", .int(schemaVersion)),
            ("generated_at", .string(StoredReportText.date(d.generatedAt))),
            ("target", .string(d.target)),
            ("repo", .string(d.repo)),
            ("branch", .string(d.branch)),
            ("commit", .string(d.commit)),
            ("scanned_at", .string(StoredReportText.date(d.scannedAt))),
            ("framework", framework(d.framework)),
            ("score", score(d.score)),
            ("summary", .object(StoredReportText.statuses.map { ($0.rawValue, .int(d.count($0))) })),
            (
                "controls",
                .array(
                    d.controls.map { c in
                        .object([
                            ("id", .string(c.control.id)), ("title", .string(c.control.title)), ("automated", .bool(c.control.automated)),
                            ("status", .string(c.status.rawValue)), ("passed", .int(c.passed)), ("failed", .int(c.failed)),
                            ("unknown", .int(c.unknown)),
                        ])
                    })
            ),
            (
                "failing_findings",
                .array(StoredReportText.bySeverity(d.failingFindings).map { finding($0, framework: d.framework.id) })
            ),
            ("history", .array(StoredReportText.chronological(d.history).map(history))),
        ])
    }

    static func history(_ d: HistoryReportData) -> JSONOutput {
        .object([
            ("report", .string("history")),
            ("schema_version", .int(schemaVersion)),
            ("target", .string(d.target)),
            ("framework", framework(d.framework)),
            ("points", .array(StoredReportText.chronological(d.points).map(history))),
            (
                "diff",
                d.diff.map { diff in
                    .object([
                        ("from_commit", .string(diff.fromCommit)), ("to_commit", .string(diff.toCommit)),
                        ("new", .array(StoredReportText.bySeverity(diff.new).map { finding($0, framework: nil) })),
                        ("resolved", .array(StoredReportText.bySeverity(diff.resolved).map { finding($0, framework: nil) })),
                        ("unchanged_count", .int(diff.unchangedCount)),
                    ])
                } ?? .null
            ),
        ])
    }

    private static func framework(_ f: FrameworkInfo) -> JSONOutput {
        .object([("id", .string(f.id)), ("name", .string(f.name)), ("version", .string(f.version))])
    }

    private static func score(_ s: Double?) -> JSONOutput { s.map { .double($0) } ?? .null }

    private static func finding(_ f: StoredFinding, framework: String?) -> JSONOutput {
        .object([
            ("check_id", .string(f.checkID)), ("title", .string(f.title)), ("severity", .string(f.severity.rawValue)),
            ("resource", .string(f.resourceAddress)), ("file", .optional(f.file)), ("line", .optional(f.line)),
            ("controls", .strings(StoredReportText.controls(f, framework: framework))), ("first_seen_commit", .optional(f.firstSeenCommit)),
            ("state", .string(StoredReportText.state(f).rawValue)),
        ])
    }

    private static func history(_ h: HistoryRow) -> JSONOutput {
        .object([
            ("commit", .string(h.commit)), ("date", .string(StoredReportText.date(h.date))), ("score", score(h.score)),
            ("passed_controls", .int(h.passedControls)), ("failed_controls", .int(h.failedControls)),
            ("open_findings", .int(h.openFindings)),
        ])
    }
}
