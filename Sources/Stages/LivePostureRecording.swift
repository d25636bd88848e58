import Checks
import CommitScan
import ControllerConfig
import Drift
import Foundation
import HCL
import Model
import Posture
import Store

/// Turns a live posture result into store records: a scan of the target's live companion (`<target>#live`, trigger
/// `live`) holding the live resources, check results and baseline settings, and drift rows for the cycle's scan.
///
/// The live results go under their own target name because the store's finding lifecycle is per target: recorded
/// under the IaC target, a live scan would "resolve" every IaC finding it does not repeat, and the next IaC scan
/// would reopen them. `bulwark report show --target <target>#live` shows them; `#` cannot occur in a configured name.
public enum LivePostureRecording {
    /// The store target that holds the live results of `target`.
    public static func liveTarget(_ target: String) -> String { target + "#live" }

    /// The scan record of one cycle's live results. A cycle with unread parts is `partial`, so a finding that
    /// merely was not read this time is never marked resolved.
    /// Compliance rows cover the target's frameworks (every framework a live result evidences when it names
    /// none), from `frameworks`, so `bulwark report --target <target>#live` reads them as for a commit scan.
    public static func record(
        _ result: LivePostureResult, target: TargetConfig, repository: String, commit: String,
        startedAt: Date, finishedAt: Date, frameworks: [String: ComplianceFramework] = [:]
    ) -> ScanRecord {
        let excepted = Dictionary(
            result.baselineResults.flatMap(\.checks.excepted).map { ($0.result.fingerprint, $0.exception) },
            uniquingKeysWith: { first, _ in first })
        var findings = result.findings.map { check -> FindingRecord in
            var verdict = check.verdict.kind
            var suppression: FindingSuppression?
            if case .skipped(let reason) = check.verdict { suppression = FindingSuppression(reason: reason) }
            if check.verdict == .failed, let exception = excepted[check.fingerprint] {
                verdict = .skipped
                suppression = FindingSuppression(
                    reason: "baseline exception until \(exception.expires) (owner \(exception.owner)): "
                        + exception.reason)
            }
            let controls = ScanRecording.controlIDs(check.check)
            return FindingRecord(
                fingerprint: check.fingerprint, checkID: check.checkID, title: check.check.title,
                severity: check.check.severity, verdict: verdict,
                resourceAddress: check.resourceAddress, resourceType: check.resourceType,
                message: check.evidence.isEmpty ? nil : check.evidence, controls: controls,
                suppression: suppression)
        }
        for outcome in result.baselineResults {
            for setting in outcome.settings {
                let subject = setting.subject ?? "account"
                let id = "BASELINE:\(setting.setting)"
                let actual = setting.actual.map(JSONEncoding.encode) ?? "not read"
                findings.append(
                    FindingRecord(
                        fingerprint: Fingerprint(checkID: id, resource: outcome.baseline.name + "/" + subject), checkID: id,
                        title: "Baseline \(outcome.baseline.name): \(setting.setting)", severity: .high,
                        verdict: settingVerdict(setting.status), resourceAddress: "baseline.\(outcome.baseline.name).\(subject)",
                        resourceType: "baseline_setting", file: outcome.file,
                        message: "expected \(JSONEncoding.encode(setting.expected)), live \(actual)"))
            }
        }
        let resources = result.resources.map { r -> ScannedResource in
            var liveID: String?
            var region: String?
            if case .live(let origin) = r.origin {
                liveID = origin.id
                region = origin.region
            }
            return ScannedResource(
                address: r.address, type: r.type, provider: r.provider, origin: .live, liveID: liveID,
                region: region)
        }
        let partial = !result.warnings.isEmpty
        return ScanRecord(
            target: liveTarget(target.name), repo: repository, branch: target.branch, commit: commit,
            trigger: "live", startedAt: startedAt, finishedAt: finishedAt,
            status: partial ? .partial : .succeeded,
            error: partial
                ? result.warnings.prefix(20).joined(separator: "\n")
                    + (result.warnings.count > 20 ? "\n… and \(result.warnings.count - 20) more" : "") : nil,
            resources: resources, findings: findings,
            compliance: compliance(result.findings, frameworks: frameworks, only: target.frameworks))
    }

    /// One row per control of each framework the results touch (or of `only`).
    static func compliance(
        _ results: [CheckResult], frameworks: [String: ComplianceFramework], only: [String]
    ) -> [ComplianceRecord] {
        var touched = Set(only)
        if only.isEmpty {
            for r in results { for (id, controls) in r.check.references.cis where !controls.isEmpty { touched.insert(id) } }
        }
        return touched.sorted().compactMap { frameworks[$0] }.flatMap { framework in
            ComplianceSummary.compute(framework: framework, results: results).controls.map {
                ComplianceRecord(framework: framework.id, frameworkVersion: framework.version, result: $0)
            }
        }
    }

    /// A baseline setting's result as a verdict.
    static func settingVerdict(_ status: SettingResult.Status) -> Verdict.Kind {
        switch status {
        case .passed: return .passed
        case .failed: return .failed
        case .unknown: return .unknown
        }
    }

    /// One row per drifted attribute (`drifted`: desired = the state's value), missing resource, unmanaged
    /// resource, pending attribute (`pending`: desired = the code's value, live = the state's) and pending resource
    /// (`pending`, no attribute: created, or destroyed when `live_id` is set).
    public static func driftRecords(_ report: DriftReport) -> [DriftRecord] {
        var rows = (report.changed + report.pendingChanges).map {
            DriftRecord(
                kind: $0.kind.rawValue, resourceType: $0.type, address: $0.address, liveID: $0.id, attribute: $0.attribute,
                desired: JSONEncoding.encode($0.desired), live: JSONEncoding.encode($0.live))
        }
        rows += report.missing.map {
            DriftRecord(kind: "missing", resourceType: $0.type, address: $0.address ?? "\($0.type).\($0.id)", liveID: $0.id)
        }
        rows += report.unmanaged.map {
            DriftRecord(kind: "unmanaged", resourceType: $0.type, address: $0.address ?? "\($0.type).\($0.id)", liveID: $0.id)
        }
        // Not yet applied: no live ID; where it is declared goes in `desired`. Removed from the code: the state's ID.
        rows += report.pending.map { p in
            DriftRecord(
                kind: "pending", resourceType: p.type, address: p.address, liveID: p.id,
                desired: p.file == nil ? nil : JSONEncoding.encode(.string(p.location)))
        }
        return rows
    }
}
