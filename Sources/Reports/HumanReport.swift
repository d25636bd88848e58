import Checks
import Model

/// The `human` output format: findings grouped by file, a summary table and the compliance summary.
///
/// Passed results are only counted, not listed, so the failures stay readable on a large tree.
public enum HumanReport {
    /// Renders the report; `color` adds ANSI colours (the caller decides from `isatty` and `NO_COLOR`).
    public static func render(_ report: ScanReport, color: Bool) -> String {
        let style = Style(enabled: color)
        var out = ""
        var byFile: [String: [Finding]] = [:]
        for f in report.findings where f.result.verdict != .passed {
            byFile[f.location?.file ?? "(no file)", default: []].append(f)
        }
        for file in byFile.keys.sorted() {
            out += style.bold(file) + "\n"
            for f in byFile[file] ?? [] { out += line(f, style: style) }
            out += "\n"
        }
        if !report.diagnostics.isEmpty {
            out += style.bold("Load errors and warnings") + "\n"
            for d in report.diagnostics {
                let label = d.severity == .error ? style.red("error") : style.yellow("warning")
                var place = d.file ?? ""
                if let l = d.line { place += ":\(l)" }
                if let c = d.column { place += ":\(c)" }
                out += "  \(place.isEmpty ? "" : place + ": ")\(label): \(d.message) [\(d.code)]\n"
            }
            out += "\n"
        }
        out += summaryTable(report, style: style)
        for s in report.compliance {
            out += "\n" + style.bold("\(s.framework.name) \(s.framework.version) (\(s.framework.id))")
            out += ": score \(TextEscaping.percent(s.score))\n"
            out += "  controls: \(s.count(.passed)) passed, \(s.count(.failed)) failed, \(s.count(.unknown)) unknown, "
            out += "\(s.count(.notAutomated)) manual, \(s.count(.notApplicable)) not applicable\n"
            for c in s.controls where c.status == .failed {
                out += "  " + style.red("✗") + " \(c.control.id) \(c.control.title)\n"
            }
        }
        return out
    }

    private static func line(_ f: Finding, style: Style) -> String {
        let r = f.result
        let label = pad(r.verdict.description, 7)
        let verdict: String
        switch r.verdict {
        case .failed: verdict = style.red(label)
        case .unknown: verdict = style.yellow(label)
        case .skipped: verdict = style.dim(label)
        case .passed: verdict = style.green(label)
        }
        let severity = pad(r.check.severity.displayName, 8)
        var out = "  \(verdict) \(style.severity(r.check.severity, severity)) \(r.checkID)  \(r.check.title)\n"
        out += "          \(r.resourceAddress)  \(style.dim(f.location?.display ?? ""))\n"
        switch r.verdict {
        case .failed where !r.evidence.isEmpty:
            out += "          \(style.dim(r.evidence))\n"
        case .unknown(let reason), .skipped(let reason):
            out += "          \(style.dim(reason))\n"
        default:
            break
        }
        return out
    }

    private static func summaryTable(_ report: ScanReport, style: Style) -> String {
        let counts = report.counts
        var out = style.bold("Summary") + "\n"
        out += "  " + pad("severity", 10) + ["failed", "passed", "unknown", "skipped"].map { lpad($0, 8) }.joined() + "\n"
        func row(_ name: String, _ r: Counts.Row) -> String {
            "  " + pad(name, 10) + [r.failed, r.passed, r.unknown, r.skipped].map { lpad(String($0), 8) }.joined() + "\n"
        }
        for s in Counts.severityOrder { out += row(s.rawValue, counts.bySeverity[s] ?? Counts.Row()) }
        out += row("total", counts.total)
        out += "  \(report.resourceCount) resources, \(report.checkCount) checks, \(report.loadErrors.count) load errors"
        if report.baselined > 0 { out += ", \(report.baselined) baselined findings hidden" }
        out += ", \(JSONOutput.format(report.durationSeconds)) s\n"
        return out
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    private static func lpad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }

    /// ANSI SGR sequences, or nothing when colour is off.
    private struct Style {
        let enabled: Bool
        func wrap(_ code: String, _ s: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        func bold(_ s: String) -> String { wrap("1", s) }
        func dim(_ s: String) -> String { wrap("2", s) }
        func red(_ s: String) -> String { wrap("31", s) }
        func green(_ s: String) -> String { wrap("32", s) }
        func yellow(_ s: String) -> String { wrap("33", s) }
        func severity(_ severity: Severity, _ s: String) -> String {
            switch severity {
            case .critical: return wrap("1;31", s)
            case .high: return wrap("31", s)
            case .medium: return wrap("33", s)
            case .low: return wrap("36", s)
            }
        }
    }
}
