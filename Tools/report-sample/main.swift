import Foundation
import Model
import Reports

// Writes a sample stored compliance report or history report, so the HTML can be looked at and printed
// without a database: `report-sample compliance|history json|markdown|html|csv`.

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 2, ["compliance", "history"].contains(arguments[0]),
    let format = StoredReportFormat(rawValue: arguments[1])
else {
    FileHandle.standardError.write(Data("usage: report-sample compliance|history json|markdown|html|csv\n".utf8))
    exit(2)
}

let framework = FrameworkInfo(id: "cis-aws", name: "CIS Amazon Web Services Foundations Benchmark", version: "5.0.0")
let day = 86_400.0
let first = Date(timeIntervalSince1970: 1_740_787_200)  // 2025-03-01T00:00:00Z

/// A deterministic fake commit SHA.
func sha(_ i: Int) -> String {
    var x = UInt64(i + 1) &* 0x9E37_79B9_7F4A_7C15
    var s = ""
    while s.count < 40 {
        x ^= x >> 29
        x &*= 0xBF58_476D_1CE4_E5B9
        s += String(x, radix: 16)
    }
    return String(s.prefix(40))
}

// Fourteen commits: a dip after a careless change, a commit where nothing could be decided, then recovery.
let scores: [Double?] = [0.45, 0.5, 0.5, 0.55, 0.62, 0.41, 0.44, nil, 0.6, 0.68, 0.73, 0.73, 0.8, 0.7]
let history = scores.enumerated().map { i, score in
    let decided = 22
    let passed = score.map { Int(($0 * Double(decided)).rounded()) } ?? 0
    return HistoryRow(
        commit: sha(i), date: first.addingTimeInterval(Double(i) * 2.5 * day), score: score,
        passedControls: passed, failedControls: score == nil ? 0 : decided - passed, openFindings: 40 - passed)
}

let controls: [ControlResult] = [
    ControlResult(
        control: ComplianceControl(id: "1.1", title: "Maintain current contact details", automated: false), status: .notAutomated,
        passed: 0, failed: 0, unknown: 0),
    ControlResult(
        control: ComplianceControl(
            id: "1.7", title: "Ensure IAM password policy requires minimum length of 14 or greater", automated: true), status: .passed,
        passed: 1, failed: 0, unknown: 0),
    ControlResult(
        control: ComplianceControl(id: "1.14", title: "Ensure IAM Users Receive Permissions Only Through Groups", automated: true),
        status: .failed, passed: 3, failed: 1, unknown: 0),
    ControlResult(
        control: ComplianceControl(
            id: "1.15", title: "Ensure IAM policies that allow full \"*:*\" administrative privileges are not attached", automated: true),
        status: .failed, passed: 5, failed: 1, unknown: 0),
    ControlResult(
        control: ComplianceControl(id: "2.1.1", title: "Ensure S3 Bucket Policy is set to deny HTTP requests", automated: true),
        status: .passed, passed: 6, failed: 0, unknown: 0),
    ControlResult(
        control: ComplianceControl(id: "2.1.4", title: "Ensure that S3 is configured with 'Block Public Access' enabled", automated: true),
        status: .failed, passed: 10, failed: 2, unknown: 0),
    ControlResult(
        control: ComplianceControl(id: "2.2.1", title: "Ensure that encryption-at-rest is enabled for RDS instances", automated: true),
        status: .passed, passed: 2, failed: 0, unknown: 0),
    ControlResult(
        control: ComplianceControl(id: "2.3.1", title: "Ensure that encryption is enabled for EFS file systems", automated: true),
        status: .unknown, passed: 0, failed: 0, unknown: 1),
    ControlResult(
        control: ComplianceControl(id: "3.1", title: "Ensure CloudTrail is enabled in all regions", automated: true), status: .passed,
        passed: 2, failed: 0, unknown: 0),
    ControlResult(
        control: ComplianceControl(id: "3.7", title: "Ensure VPC flow logging is enabled in all VPCs", automated: true), status: .passed,
        passed: 3, failed: 0, unknown: 0),
    ControlResult(
        control: ComplianceControl(id: "4.16", title: "Ensure AWS Security Hub is enabled", automated: true), status: .notApplicable,
        passed: 0, failed: 0, unknown: 0),
    ControlResult(
        control: ComplianceControl(
            id: "5.3", title: "Ensure no security groups allow ingress from 0.0.0.0/0 to remote server administration ports",
            automated: true), status: .passed, passed: 8, failed: 0, unknown: 0),
    ControlResult(
        control: ComplianceControl(id: "5.6", title: "Ensure routing tables for VPC peering are \"least access\"", automated: false),
        status: .notAutomated, passed: 0, failed: 0, unknown: 0),
    ControlResult(
        control: ComplianceControl(id: "5.7", title: "Ensure that the EC2 Metadata Service only allows IMDSv2", automated: true),
        status: .passed, passed: 4, failed: 0, unknown: 0),
]

/// A failed result as the store reads it back.
func row(
    _ checkID: String, title: String, severity: Severity, resource: String, file: String? = nil,
    line: Int? = nil, controls: [String], firstSeenCommit: String? = nil, state: LifecycleState
) -> StoredFinding {
    let type = resource.split(separator: ".").first { $0.hasPrefix("aws_") }.map(String.init) ?? ""
    return StoredFinding(
        finding: FindingRecord(
            fingerprint: Fingerprint(checkID: checkID, resource: resource), checkID: checkID,
            title: title, severity: severity, verdict: .failed, resourceAddress: resource,
            resourceType: type, file: file, line: line, controls: controls),
        lifecycle: state, firstSeenCommit: firstSeenCommit)
}

let findings: [StoredFinding] = [
    row(
        "BLW-AWS-S3-007", title: "S3 bucket has a public access block with all settings enabled", severity: .high,
        resource: "aws_s3_bucket.exports", file: "envs/prod/storage.tf", line: 41, controls: ["cis-aws:2.1.4"],
        firstSeenCommit: sha(5), state: .open),
    row(
        "BLW-AWS-S3-004", title: "S3 public access block blocks public bucket policies", severity: .high,
        resource: "aws_s3_bucket_public_access_block.exports", file: "envs/prod/storage.tf", line: 58, controls: ["cis-aws:2.1.4"],
        firstSeenCommit: sha(5), state: .open),
    row(
        "BLW-AWS-IAM-008", title: "IAM policy does not grant full *:* administrative privileges", severity: .critical,
        resource: "module.ci.aws_iam_policy.deploy[\"<legacy & ops>\"]", file: "modules/ci/iam.tf", line: 12, controls: ["cis-aws:1.15"],
        firstSeenCommit: sha(13), state: .new),
    row(
        "BLW-AWS-IAM-010", title: "IAM policies are not attached directly to users", severity: .medium,
        resource: "aws_iam_user_policy_attachment.alice_readonly", file: "envs/prod/iam.tf", line: 7, controls: ["cis-aws:1.14"],
        firstSeenCommit: sha(2), state: .open),
]

let output: String
if arguments[0] == "compliance" {
    let data = ComplianceReportData(
        target: "payments-prod", repo: "git@git.example.org:platform/payments-infra.git", branch: "main", commit: sha(13),
        scannedAt: history[13].date, generatedAt: history[13].date.addingTimeInterval(3_600), framework: framework,
        controls: controls, failingFindings: findings, history: history)
    output = ComplianceReportRenderer.render(data, as: format)
} else {
    let diff = FindingsDiffData(
        fromCommit: sha(12), toCommit: sha(13), new: [findings[2]],
        resolved: [
            row(
                "BLW-AWS-VPC-001", title: "Security group does not allow SSH (port 22) from the internet",
                severity: .critical, resource: "aws_security_group.bastion", file: "envs/prod/network.tf",
                line: 88, controls: ["cis-aws:5.3", "cis-aws:5.4"], firstSeenCommit: sha(4), state: .open)
        ],
        unchangedCount: 3)
    output = HistoryReportRenderer.render(
        HistoryReportData(target: "payments-prod", framework: framework, points: history, diff: diff), as: format)
}
FileHandle.standardOutput.write(Data(output.utf8))
