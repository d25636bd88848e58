import Foundation
import Model
import Store

/// Builds large, deterministic scans for the benchmark and the crash/concurrency tests.
enum SyntheticScan {
    /// A scan of `findings` results (every `passEvery`-th one passing, 0 = all failing), with resources and a
    /// 60-control compliance summary; titles hold quotes so every run also exercises parameter binding.
    static func make(target: String, commit: String, findings: Int, passEvery: Int) -> ScanRecord {
        let start = Date()
        let resourceCount = max(1, findings / 5)
        let resources = (0..<resourceCount).map { i in
            ScannedResource(
                address: "aws_s3_bucket.b\(i)", type: "aws_s3_bucket", provider: "aws", origin: .iac,
                file: "main\(i % 40).tf", line: i % 900 + 1)
        }
        let results = (0..<findings).map { i in
            let check = "CKV_AWS_\(i % 97)"
            let passing = passEvery > 0 && i % passEvery == 0
            return FindingRecord(
                fingerprint: Fingerprint(hashing: "fp-\(i)"), checkID: check, title: "Bucket's \"policy\" check \(i % 97); -- '",
                severity: [.low, .medium, .high, .critical][i % 4], verdict: passing ? .passed : .failed,
                resourceAddress: "aws_s3_bucket.b\(i % resourceCount)", resourceType: "aws_s3_bucket",
                file: "main\(i % 40).tf", line: i % 900 + 1, message: passing ? nil : "attribute is not set",
                controls: ["cis-aws:\(i % 60 / 10 + 1).\(i % 10 + 1)"])
        }
        let compliance = (0..<60).map { c in
            ComplianceRecord(
                framework: "cis-aws", frameworkVersion: "5.0.0",
                result: ControlResult(
                    control: ComplianceControl(id: "\(c / 10 + 1).\(c % 10 + 1)", title: "Control \(c)", automated: c % 6 != 5),
                    status: c % 6 == 5 ? .notAutomated : (c % 3 == 0 ? .passed : .failed),
                    passed: c % 3 == 0 ? 10 : 2, failed: c % 3 == 0 ? 0 : 5, unknown: 0))
        }
        return ScanRecord(
            target: target, repo: "example/infra", branch: "main", commit: commit, trigger: "cli",
            startedAt: start, finishedAt: Date(), status: .succeeded, resources: resources,
            findings: results, compliance: compliance)
    }
}
