import Checks
import Model
import Reports

/// A recorded scan's results as a `ScanReport`, so the SARIF writer of `bulwark scan` renders stored scans too.
enum StoredSARIF {
    /// SARIF of `results`; checks the library knows keep their text, others get their stored title and severity.
    static func render(_ results: [StoredFinding], checks: [String: CheckDefinition]) -> String {
        var definitions: [String: CheckDefinition] = [:]
        let findings = results.map { stored -> Finding in
            let check =
                checks[stored.checkID] ?? definitions[stored.checkID]
                ?? CheckDefinition(
                    id: stored.checkID, title: stored.title, severity: stored.severity, provider: "",
                    resourceTypes: [stored.resourceType], condition: .constant(true))
            definitions[check.id] = check
            let verdict: Verdict =
                switch stored.verdict {
                case .passed: .passed
                case .failed: .failed
                case .unknown: .unknown(reason: stored.message ?? "")
                case .skipped: .skipped(reason: stored.suppression?.reason ?? stored.message ?? "")
                }
            let result = CheckResult(
                check: check, resourceAddress: stored.resourceAddress, resourceType: stored.resourceType, range: nil,
                verdict: verdict, evidence: stored.message ?? "")
            return Finding(result: result, location: stored.file.map { FindingLocation(file: $0, startLine: stored.line) })
        }
        let report = ScanReport(findings: findings, checks: Array(definitions.values))
        return SARIFReport.render(report, scanRoot: ".")
    }
}
