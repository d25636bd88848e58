import Checks
import Foundation
import Model
import Reports
import Store

/// Turns a scan report into the record the store keeps for a commit.
public enum ScanRecording {
    /// Where a scan came from: the target, repository, branch and commit it belongs to, and what started it.
    public struct Provenance: Sendable, Hashable {
        public var target: String
        public var repository: String
        public var branch: String
        public var commit: String
        /// `cli`, `reconcile`, `pull-request`.
        public var trigger: String
        public init(target: String, repository: String, branch: String, commit: String, trigger: String) {
            self.target = target
            self.repository = repository
            self.branch = branch
            self.commit = commit
            self.trigger = trigger
        }
    }

    /// The record for `report`; compliance rows cover `frameworks` (all summaries in the report when empty).
    public static func record(
        _ report: ScanReport, provenance: Provenance, startedAt: Date, finishedAt: Date,
        frameworks: [String] = []
    ) -> ScanRecord {
        let findings = report.findings.map { finding -> FindingRecord in
            let result = finding.result
            var suppression: FindingSuppression?
            if case .skipped(let reason) = result.verdict { suppression = FindingSuppression(reason: reason) }
            let controls = controlIDs(result.check)
            return FindingRecord(
                fingerprint: finding.fingerprint, checkID: result.checkID, title: result.check.title,
                severity: result.check.severity, verdict: result.verdict.kind,
                resourceAddress: Finding.qualifiedAddress(result.resourceAddress, input: finding.input),
                resourceType: result.resourceType, file: finding.location?.file, line: finding.location?.startLine,
                message: finding.reason.isEmpty ? nil : finding.reason, controls: controls, suppression: suppression)
        }
        let compliance = report.compliance
            .filter { frameworks.isEmpty || frameworks.contains($0.framework.id) }
            .flatMap { summary in
                summary.controls.map { control in
                    ComplianceRecord(
                        framework: summary.framework.id, frameworkVersion: summary.framework.version,
                        result: control)
                }
            }
        let errors = report.loadErrors
        return ScanRecord(
            target: provenance.target, repo: provenance.repository, branch: provenance.branch, commit: provenance.commit,
            trigger: provenance.trigger, startedAt: startedAt, finishedAt: finishedAt,
            status: errors.isEmpty ? .succeeded : .partial,
            error: errors.isEmpty
                ? nil
                : errors.prefix(5).map(\.display).joined(separator: "\n")
                    + (errors.count > 5 ? "\n… and \(errors.count - 5) more" : ""),
            resources: report.resources, findings: findings, compliance: compliance)
    }

    /// `framework:control` for every control a check evidences, sorted by framework (the findings' `controls`).
    public static func controlIDs(_ check: CheckDefinition) -> [String] {
        check.references.cis.sorted { $0.key < $1.key }.flatMap { framework, ids in ids.map { "\(framework):\($0)" } }
    }
}
