import Checks
import Model

/// The `ocsf` output format: one OCSF 1.5.0 Detection Finding (class 2004) per check result, as a JSON array, as
/// Prowler writes its OCSF output.
///
/// Every verdict is a finding so a consumer sees what passed as well as what failed; `status_code` carries the
/// verdict (`PASSED`, `FAILED`, `UNKNOWN`, `SKIPPED`), a skipped result has the status `Suppressed`, and the
/// framework controls a check evidences sit under `unmapped.compliance` (Detection Finding has no compliance
/// object of its own).
public enum OCSFReport {
    /// The OCSF schema version written into `metadata.version`.
    public static let schemaVersion = "1.5.0"

    /// The report as a JSON array of Detection Findings.
    public static func render(_ report: ScanReport, context: ExportContext) -> String {
        let time = ExportContext.epochMilliseconds(context.time)
        let timeText = ExportContext.timestamp(context.time)
        return JSONOutput.array(report.findings.map { event($0, context: context, time: time, timeText: timeText) }).rendered()
    }

    /// OCSF's severity ID (1 informational … 5 critical) for a check severity.
    public static func severityID(_ s: Severity) -> Int {
        switch s {
        case .critical: return 5
        case .high: return 4
        case .medium: return 3
        case .low: return 2
        }
    }

    static func event(_ f: Finding, context: ExportContext, time: Int, timeText: String) -> JSONOutput {
        let check = f.result.check
        let verdict = f.result.verdict
        let suppressed: Bool
        if case .skipped = verdict { suppressed = true } else { suppressed = false }
        let product: JSONOutput = .object([
            ("name", .string("Bulwark")), ("vendor_name", .string("Bulwark")), ("uid", .string("bulwark")),
            ("version", .string(BulwarkVersion.current)),
        ])
        var resourceData: [(String, JSONOutput)] = [("input", .string(f.input))]
        if let location = f.location {
            resourceData.append(("file", .string(location.file)))
            if let line = location.startLine { resourceData.append(("line", .int(line))) }
        }
        var resource: [(String, JSONOutput)] = [
            ("uid", .string(Finding.qualifiedAddress(f.result.resourceAddress, input: f.input))),
            ("name", .string(f.result.resourceAddress)),
            ("type", .string(f.result.resourceType)),
        ]
        let isAWS = check.provider == "aws"
        if isAWS, let region = context.awsRegion {
            resource += [("region", .string(region)), ("cloud_partition", .string(context.awsPartition))]
        }
        resource.append(("data", .object(resourceData)))
        var cloud: [(String, JSONOutput)] = [("provider", .string(cloudProvider(check.provider)))]
        if isAWS, let region = context.awsRegion { cloud.append(("region", .string(region))) }
        if isAWS, let account = context.awsAccountID {
            // Account type 10 is "AWS Account" in OCSF's account type enumeration.
            cloud.append(
                (
                    "account",
                    .object([
                        ("name", .string(account)), ("type", .string("AWS Account")), ("type_id", .int(10)), ("uid", .string(account)),
                    ])
                ))
        }
        var findingInfo: [(String, JSONOutput)] = [
            ("uid", .string("bulwark-\(check.id)-\(f.fingerprint.hex)")),
            ("title", .string(check.title)),
            ("desc", .string(check.description.isEmpty ? check.title : check.description)),
            ("types", .strings(["Infrastructure as Code"])),
            ("created_time", .int(time)),
            ("created_time_dt", .string(timeText)),
        ]
        if let location = f.location { findingInfo.append(("src_url", .string(location.display))) }
        var members: [(String, JSONOutput)] = [
            ("message", .string(check.title)),
            (
                "metadata",
                .object([
                    ("event_code", .string(check.id)), ("product", product), ("profiles", .strings(["cloud"])),
                    ("version", .string(schemaVersion)),
                ])
            ),
            ("severity_id", .int(severityID(check.severity))),
            ("severity", .string(check.severity.rawValue.capitalized)),
            ("status", .string(suppressed ? "Suppressed" : "New")),
            ("status_code", .string(verdict.description)),
        ]
        let detail = f.reason.isEmpty ? f.result.evidence : f.reason
        if !detail.isEmpty { members.append(("status_detail", .string(detail))) }
        members += [
            ("status_id", .int(suppressed ? 3 : 1)),
            (
                "unmapped",
                .object([("compliance", .object(check.references.cis.keys.sorted().map { ($0, .strings(check.references.cis[$0] ?? [])) }))]
                )
            ),
            ("activity_name", .string("Create")),
            ("activity_id", .int(1)),
            ("finding_info", .object(findingInfo)),
            ("resources", .array([.object(resource)])),
            ("category_name", .string("Findings")),
            ("category_uid", .int(2)),
            ("class_name", .string("Detection Finding")),
            ("class_uid", .int(2004)),
            ("cloud", .object(cloud)),
        ]
        if !check.remediation.isEmpty { members.append(("remediation", .object([("desc", .string(check.remediation))]))) }
        members += [
            ("time", .int(time)),
            ("time_dt", .string(timeText)),
            ("type_uid", .int(200401)),
            ("type_name", .string("Detection Finding: Create")),
        ]
        return .object(members)
    }

    /// OCSF's cloud provider name for a check provider.
    static func cloudProvider(_ provider: String) -> String {
        switch provider {
        case "aws": return "AWS"
        case "azure": return "Azure"
        default: return provider
        }
    }
}
