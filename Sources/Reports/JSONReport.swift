import Checks
import Model

/// The `json` output format; the schema is documented in docs/scan-json-schema.md.
public enum JSONReport {
    /// Bumped on any incompatible change; additive fields keep the major number.
    public static let schemaVersion = "1.0"

    /// The whole report as pretty JSON.
    public static func render(_ report: ScanReport) -> String {
        var text = ""
        write(report) { text += $0 }
        return text
    }

    /// Writes the same text as `render` in pieces, so a report of hundreds of thousands of results never exists
    /// as one string (nor as one JSON tree) in memory.
    public static func write(_ report: ScanReport, to emit: (String) -> Void) {
        let frame = document(report, withResults: false).rendered()
        let marker = "\"results\": []"
        guard let split = frame.range(of: marker), !report.findings.isEmpty else {
            emit(frame)
            return
        }
        emit(String(frame[..<split.lowerBound]) + "\"results\": [\n")
        var chunk = ""
        chunk.reserveCapacity(1 << 20)
        for (i, finding) in report.findings.enumerated() {
            chunk += "    "
            JSONResultWriter.write(finding, into: &chunk)
            chunk += i == report.findings.count - 1 ? "\n" : ",\n"
            if chunk.utf8.count >= 1 << 20 {
                emit(chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        emit(chunk + "  ]" + String(frame[split.upperBound...]))
    }

    /// The report as a JSON tree (tests inspect it without re-parsing); `withResults: false` leaves `results` empty.
    public static func document(_ report: ScanReport, withResults: Bool = true) -> JSONOutput {
        .object([
            ("schema_version", .string(schemaVersion)),
            (
                "tool",
                .object([
                    ("name", .string(report.tool.name)), ("version", .string(report.tool.version)),
                    ("information_uri", .optional(report.tool.informationURI)),
                ])
            ),
            ("results", .array(withResults ? report.findings.map(result) : [])),
            ("summary", summary(report)),
            ("compliance", .array(report.compliance.map(compliance))),
            ("load_errors", .array(report.loadErrors.map(diagnostic))),
            ("warnings", .array(report.warnings.map(diagnostic))),
        ])
    }

    static func result(_ f: Finding) -> JSONOutput {
        let r = f.result
        let refs = r.check.references
        return .object([
            ("check_id", .string(r.checkID)),
            ("checkov_ids", .strings(refs.checkov)),
            ("avd_ids", .strings(refs.avd)),
            ("title", .string(r.check.title)),
            ("severity", .string(r.check.severity.rawValue)),
            ("resource", .string(r.resourceAddress)),
            ("resource_type", .string(r.resourceType)),
            ("input", .string(f.input)),
            ("file", .optional(f.location?.file)),
            ("line", .optional(f.location?.startLine)),
            ("end_line", .optional(f.location?.endLine)),
            ("verdict", .string(r.verdict.description)),
            ("reason", f.reason.isEmpty ? .null : .string(f.reason)),
            ("evidence", .string(r.evidence)),
            ("fingerprint", .string(f.fingerprint.hex)),
            ("compliance", .object(refs.cis.keys.sorted().map { ($0, .strings(refs.cis[$0] ?? [])) })),
        ])
    }

    static func summary(_ report: ScanReport) -> JSONOutput {
        let counts = report.counts
        func row(_ r: Counts.Row) -> [(String, JSONOutput)] {
            [
                ("passed", .int(r.passed)), ("failed", .int(r.failed)), ("unknown", .int(r.unknown)),
                ("skipped", .int(r.skipped)),
            ]
        }
        let bySeverity = Counts.severityOrder.map { s in (s.rawValue, JSONOutput.object(row(counts.bySeverity[s] ?? Counts.Row()))) }
        return .object(
            row(counts.total) + [
                ("total", .int(counts.total.total)),
                ("baselined", .int(report.baselined)),
                ("resources", .int(report.resourceCount)),
                ("checks", .int(report.checkCount)),
                ("load_errors", .int(report.loadErrors.count)),
                ("warnings", .int(report.warnings.count)),
                ("by_severity", .object(bySeverity)),
                ("duration_seconds", .double(report.durationSeconds)),
            ])
    }

    static func compliance(_ s: ComplianceSummary) -> JSONOutput {
        .object([
            ("framework", .string(s.framework.id)),
            ("name", .string(s.framework.name)),
            ("version", .string(s.framework.version)),
            ("score", s.score.map { .double($0) } ?? .null),
            ("controls_passed", .int(s.count(.passed))),
            ("controls_failed", .int(s.count(.failed))),
            ("controls_unknown", .int(s.count(.unknown))),
            ("controls_manual", .int(s.count(.notAutomated))),
            ("controls_not_applicable", .int(s.count(.notApplicable))),
            (
                "controls",
                .array(
                    s.controls.map { c in
                        .object([
                            ("id", .string(c.control.id)), ("title", .string(c.control.title)),
                            ("status", .string(c.status.rawValue)), ("passed", .int(c.passed)), ("failed", .int(c.failed)),
                            ("unknown", .int(c.unknown)),
                        ])
                    })
            ),
        ])
    }

    static func diagnostic(_ d: ReportDiagnostic) -> JSONOutput {
        .object([
            ("file", .optional(d.file)), ("line", .optional(d.line)), ("column", .optional(d.column)),
            ("message", .string(d.message)), ("code", .string(d.code)), ("severity", .string(d.severity.rawValue)),
        ])
    }
}
