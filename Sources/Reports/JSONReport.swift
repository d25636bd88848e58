import Checks
import Dispatch
import Foundation
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
        // Results are rendered on every core, a few thousand per core at a time, and emitted in order: the text
        // is the same as one thread writes, and only one round of pieces is held at once.
        let findings = report.findings
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let perPiece = 2048
        var start = 0
        while start < findings.count {
            let (first, end) = (start, min(findings.count, start + perPiece * workers))
            let pieces = (end - first + perPiece - 1) / perPiece
            let rendered = RenderedPieces(count: pieces)
            DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                let lower = first + piece * perPiece
                let upper = min(end, lower + perPiece)
                var chunk = ""
                chunk.reserveCapacity((upper - lower) * 1536)
                for i in lower..<upper {
                    chunk += "    "
                    JSONResultWriter.write(findings[i], into: &chunk)
                    chunk += i == findings.count - 1 ? "\n" : ",\n"
                }
                rendered.store(chunk, at: piece)
            }
            for piece in rendered.values() { emit(piece) }
            start = end
        }
        emit("  ]" + String(frame[split.upperBound...]))
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

/// Pieces of text rendered by `concurrentPerform`, each index written by exactly one iteration; the lock makes
/// the writes visible to the thread that reads them after the loop.
private final class RenderedPieces: @unchecked Sendable {
    private var pieces: [String]
    private let lock = NSLock()

    init(count: Int) { pieces = Array(repeating: "", count: count) }

    func store(_ piece: String, at index: Int) {
        lock.lock()
        pieces[index] = piece
        lock.unlock()
    }

    func values() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        return pieces
    }
}
