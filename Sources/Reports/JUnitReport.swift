import Checks
import Foundation
import Model

/// The `junit` output format: one `<testsuite>` per scanned file, a `<testcase>` per check result.
///
/// FAILED is a `<failure>`; SKIPPED and UNKNOWN are `<skipped>` with the reason (an unknown verdict is not a
/// pass, but it is not a failure either). Load errors are `<error>` test cases in a `bulwark.load` suite, and
/// each compliance framework is a `compliance.<id>` suite whose properties carry the scores.
public enum JUnitReport {
    /// The report as JUnit XML.
    public static func render(_ report: ScanReport) -> String {
        var byFile: [String: [Finding]] = [:]
        for f in report.findings { byFile[f.location?.file ?? "(no file)", default: []].append(f) }
        let counts = report.counts
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"bulwark\" tests=\"\(counts.total.total + report.loadErrors.count)\""
        out += " failures=\"\(counts.total.failed)\" errors=\"\(report.loadErrors.count)\""
        out += " skipped=\"\(counts.total.skipped + counts.total.unknown)\" time=\"\(JSONOutput.format(report.durationSeconds))\">\n"
        for file in byFile.keys.sorted() {
            out += suite(file: file, findings: byFile[file] ?? [])
        }
        out += loadSuite(report.diagnostics)
        for summary in report.compliance { out += complianceSuite(summary) }
        out += "</testsuites>\n"
        return out
    }

    private static func suite(file: String, findings: [Finding]) -> String {
        let failures = findings.filter { $0.result.verdict == .failed }.count
        let skipped = findings.filter {
            if case .failed = $0.result.verdict { return false }
            if case .passed = $0.result.verdict { return false }
            return true
        }.count
        var out = "  <testsuite name=\"\(attr(file))\" tests=\"\(findings.count)\" failures=\"\(failures)\""
        out += " errors=\"0\" skipped=\"\(skipped)\">\n"
        for f in findings {
            let r = f.result
            let name = "\(r.checkID) \(r.resourceAddress)"
            out += "    <testcase name=\"\(attr(name))\" classname=\"\(attr(r.checkID))\" file=\"\(attr(file))\""
            if let line = f.location?.startLine { out += " line=\"\(line)\"" }
            switch r.verdict {
            case .passed:
                out += "/>\n"
            case .failed:
                out += ">\n      <failure message=\"\(attr(r.check.title))\" type=\"\(r.check.severity.rawValue)\">"
                var body = "\(r.check.severity.displayName) \(r.checkID): \(r.check.title)\n"
                body += "resource: \(r.resourceAddress)\nlocation: \(f.location?.display ?? file)\n"
                if !r.evidence.isEmpty { body += "evidence: \(r.evidence)\n" }
                if !r.check.remediation.isEmpty { body += "remediation: \(r.check.remediation)\n" }
                out += TextEscaping.xml(body) + "</failure>\n    </testcase>\n"
            case .unknown(let reason):
                out += ">\n      <skipped message=\"\(attr("UNKNOWN: " + reason))\"/>\n    </testcase>\n"
            case .skipped(let reason):
                out += ">\n      <skipped message=\"\(attr("SKIPPED: " + reason))\"/>\n    </testcase>\n"
            }
        }
        return out + "  </testsuite>\n"
    }

    private static func loadSuite(_ diagnostics: [ReportDiagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        var out = "  <testsuite name=\"bulwark.load\" tests=\"\(errors.count)\" failures=\"0\" errors=\"\(errors.count)\" skipped=\"0\">\n"
        for d in errors {
            out += "    <testcase name=\"\(attr(d.file ?? "(input)"))\" classname=\"bulwark.load\">\n"
            out += "      <error message=\"\(attr(d.message))\" type=\"\(attr(d.code))\">\(TextEscaping.xml(d.display))</error>\n"
            out += "    </testcase>\n"
        }
        let warnings = diagnostics.filter { $0.severity == .warning }
        if !warnings.isEmpty {
            out += "    <system-err>" + TextEscaping.xml(warnings.map(\.display).joined(separator: "\n")) + "</system-err>\n"
        }
        return out + "  </testsuite>\n"
    }

    private static func complianceSuite(_ s: ComplianceSummary) -> String {
        var out = "  <testsuite name=\"compliance.\(attr(s.framework.id))\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
        out += "    <properties>\n"
        let properties: [(String, String)] = [
            ("framework", s.framework.name + " " + s.framework.version),
            ("score", TextEscaping.percent(s.score)),
            ("controls_passed", String(s.count(.passed))),
            ("controls_failed", String(s.count(.failed))),
            ("controls_unknown", String(s.count(.unknown))),
            ("controls_manual", String(s.count(.notAutomated))),
            ("controls_not_applicable", String(s.count(.notApplicable))),
        ]
        for (name, value) in properties {
            out += "      <property name=\"\(attr(name))\" value=\"\(attr(value))\"/>\n"
        }
        out += "    </properties>\n  </testsuite>\n"
        return out
    }

    private static func attr(_ s: String) -> String { TextEscaping.xml(s) }
}
