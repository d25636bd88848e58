import Foundation
import LiveRemediation
import Model
import Store

/// A SQLite store in a temporary directory, seeded through the APIs the reconcile loop writes with.
struct DashboardFixture {
    static let base = Date(timeIntervalSince1970: 1_796_000_000)
    /// Strings a pull request's Terraform could carry into names, titles and evidence.
    static let hostileResource = "aws_s3_bucket.x\"><script>alert('resource')</script>"
    static let hostileTitle = "Bucket <img src=x onerror=alert(1)> & 'quotes'"
    static let hostileMessage = "evidence: </td><script>document.cookie</script>"

    let store: Store
    let directory: String

    /// An empty store.
    static func empty() async throws -> DashboardFixture {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-dashboard-\(UUID().uuidString)").path
        let store = try await Store.open(.sqlite(path: directory + "/bulwark.db"))
        return DashboardFixture(store: store, directory: directory)
    }

    /// A store with two targets (`prod` ready with three scans, `edge` failed with none), drift, an alert and
    /// two remediation requests of `prod` (ids returned, the first proposed).
    static func seeded() async throws -> (fixture: DashboardFixture, requests: [Int64]) {
        let fixture = try await empty()
        let store = fixture.store
        let controls: [[ControlStatus]] = [[.failed, .failed, .passed], [.failed, .passed, .passed], [.failed, .passed, .unknown]]
        var lastScan: Int64 = 0
        for (i, statuses) in controls.enumerated() {
            let findings = [
                finding(
                    "CKV_AWS_18", title: hostileTitle, resource: hostileResource, severity: .high, verdict: .failed, message: hostileMessage
                ),
                finding("CKV_AWS_21", title: "Versioning enabled", resource: "aws_s3_bucket.logs", severity: .medium, verdict: .passed),
                finding(
                    "CKV_AWS_19", title: "Encryption at rest", resource: "aws_s3_bucket.data", severity: .low, verdict: .unknown,
                    message: "kms key unknown"),
            ]
            let compliance = statuses.enumerated().map { j, status in
                ComplianceRecord(
                    framework: "cis-aws", frameworkVersion: "5.0.0",
                    result: ControlResult(
                        control: ComplianceControl(id: "2.1.\(j + 1)", title: "Control 2.1.\(j + 1)", automated: true),
                        status: status, passed: status == .passed ? 1 : 0, failed: status == .failed ? 1 : 0,
                        unknown: status == .unknown ? 1 : 0))
            }
            let commit = String(repeating: "\(i + 1)", count: 40)
            lastScan = try await store.recordScan(
                ScanRecord(
                    target: "prod", repo: "example/infra", branch: "main", commit: commit, trigger: "reconcile",
                    startedAt: base.addingTimeInterval(Double(i) * 3600), finishedAt: base.addingTimeInterval(Double(i) * 3600 + 60),
                    status: .succeeded,
                    resources: [
                        ScannedResource(
                            address: "aws_s3_bucket.logs", type: "aws_s3_bucket", provider: "aws", origin: .iac, file: "main.tf", line: 1)
                    ],
                    findings: findings, compliance: compliance)
            ).scanID
        }
        try await store.recordDrift(
            scanID: lastScan,
            items: [
                DriftRecord(
                    kind: "changed", resourceType: "aws_s3_bucket", address: "aws_s3_bucket.logs", liveID: "logs",
                    attribute: "versioning", desired: "{\"enabled\":true}", live: "{\"enabled\":false}")
            ])
        _ = try await store.recordAlerts([
            AlertRecord(
                dedupeKey: "a1", createdAt: base, severity: .critical, principal: "arn:aws:iam::1:user/mallory",
                title: "Root credentials used <b>twice</b>", detail: "{}", source: "rule")
        ])
        try await store.saveTargetStatus(
            TargetStatusRecord(
                target: "prod", ready: "True", reason: "Succeeded", message: "scanned", lastObservedCommit: "main@sha1:3333333",
                lastAttemptAt: base))
        try await store.saveTargetStatus(
            TargetStatusRecord(
                target: "edge", ready: "False", reason: "Failed", message: "clone failed", lastError: "authentication required",
                lastAttemptAt: base, failures: 2))
        var ids: [Int64] = []
        for (check, resource) in [("CKV_AWS_20", "aws_s3_bucket.public"), ("CKV_AWS_24", "aws_security_group.ssh")] {
            let plan = LivePlan(
                fixID: "fix-\(check)", checkID: check, provider: "aws", resourceType: "aws_s3_bucket",
                resourceAddress: resource, liveID: resource, account: "111122223333", region: "eu-west-1",
                summary: "Block public access of \(resource)", calls: [])
            let (record, _) = try await store.createRemediation(
                RemediationRecord(
                    idempotencyKey: "key-\(check)", target: "prod", checkID: check, resourceAddress: resource, liveID: resource,
                    kind: "live", plan: try plan.json(), detectedAt: base, createdAt: base, updatedAt: base))
            if let id = record.id { ids.append(id) }
        }
        return (fixture, ids)
    }

    static func finding(
        _ check: String, title: String, resource: String, severity: Severity, verdict: Verdict.Kind, message: String? = nil
    ) -> FindingRecord {
        FindingRecord(
            fingerprint: Fingerprint(checkID: check, resource: resource), checkID: check, title: title, severity: severity,
            verdict: verdict, resourceAddress: resource, resourceType: "aws_s3_bucket", file: "main.tf", line: 4,
            message: message, controls: ["cis-aws:2.1.1"])
    }

    /// A remediator over the store with no cloud client: enough to approve and reject.
    var remediator: LiveRemediator { LiveRemediator(store: store, clients: FixClients(), checks: []) }

    /// Closes the store and deletes its directory.
    func close() async {
        await store.close()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
