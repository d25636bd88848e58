import Checks
import Model

/// The `asff` output format: one AWS Security Finding Format object per check result, as a JSON array (the
/// `Findings` of a Security Hub `BatchImportFindings` request).
///
/// Every verdict is exported, so Security Hub can show a control passing as well as failing: PASSED and FAILED keep
/// their names, UNKNOWN becomes `NOT_AVAILABLE` (a value known only after apply decides nothing), and a SKIPPED
/// result is `NOT_AVAILABLE` with the workflow status `SUPPRESSED`. Bulwark has no warning verdict, so `WARNING`
/// is never written.
public enum ASFFReport {
    /// The ASFF schema version Security Hub accepts.
    public static let schemaVersion = "2018-10-08"

    /// The report as a JSON array of findings. `context` must name the account and region (the CLI refuses
    /// `-o asff` without them); a missing one is written as an empty string, which Security Hub rejects.
    public static func render(_ report: ScanReport, context: ExportContext) -> String {
        JSONOutput.array(findings(report, context: context).map(\.json)).rendered()
    }

    /// One exported finding: its ASFF `Id` (for archival bookkeeping) and the object itself.
    public struct Exported: Sendable {
        public var id: String
        public var json: JSONOutput
    }

    /// The findings of `report`, in report order.
    public static func findings(_ report: ScanReport, context: ExportContext) -> [Exported] {
        let account = context.awsAccountID ?? ""
        let region = context.awsRegion ?? ""
        let time = ExportContext.timestamp(context.time)
        let names = Dictionary(
            report.compliance.map { ($0.framework.id, "\($0.framework.name) \($0.framework.version)") },
            uniquingKeysWith: { a, _ in a })
        return report.findings.map { finding in
            let id = findingID(finding, account: account, scope: context.scope)
            return Exported(
                id: id,
                json: object(
                    finding, id: id, account: account, region: region, partition: context.awsPartition, time: time,
                    scope: context.scope, frameworkNames: names))
        }
    }

    /// `bulwark/ACCOUNT/SCOPE-HASH/CHECK/FINGERPRINT`: the same check on the same resource of the same target in the
    /// same account keeps its ID from run to run, so a re-import updates the finding instead of adding another.
    public static func findingID(_ finding: Finding, account: String, scope: String) -> String {
        "\(idPrefix(account: account, scope: scope))\(finding.result.checkID)/\(finding.fingerprint.hex)"
    }

    /// The start every finding ID of one account and scope shares.
    public static func idPrefix(account: String, scope: String) -> String {
        "bulwark/\(account)/\(Fingerprint(hashing: scope).hex)/"
    }

    /// The product field naming the scope of a finding.
    public static let scopeField = "bulwark/Scope"

    /// `arn:PARTITION:securityhub:REGION:ACCOUNT:product/ACCOUNT/default`: the account's own default product,
    /// which accepts findings from any tool the account runs.
    public static func productARN(account: String, region: String, partition: String = "aws") -> String {
        "arn:\(partition):securityhub:\(region):\(account):product/\(account)/default"
    }

    /// ASFF's compliance status for a verdict.
    public static func complianceStatus(_ verdict: Verdict) -> String {
        switch verdict {
        case .passed: return "PASSED"
        case .failed: return "FAILED"
        case .unknown, .skipped: return "NOT_AVAILABLE"
        }
    }

    static func object(
        _ f: Finding, id: String, account: String, region: String, partition: String, time: String, scope: String,
        frameworkNames: [String: String]
    ) -> JSONOutput {
        let check = f.result.check
        let verdict = f.result.verdict
        let label: String
        switch verdict {
        case .passed: label = "INFORMATIONAL"
        default: label = check.severity.displayName
        }
        let workflow: String
        switch verdict {
        case .failed, .unknown: workflow = "NEW"
        case .passed: workflow = "RESOLVED"
        case .skipped: workflow = "SUPPRESSED"
        }
        var types = ["Software and Configuration Checks/AWS Security Best Practices/Infrastructure as Code"]
        var requirements: [String] = []
        for framework in check.references.cis.keys.sorted() {
            let name = frameworkNames[framework] ?? framework
            // A type has at most three slash-separated parts; a slash inside the name would add one.
            let classifier = name.replacingOccurrences(of: "/", with: "-")
            types.append("Software and Configuration Checks/Industry and Regulatory Standards/\(classifier)")
            requirements += (check.references.cis[framework] ?? []).map { "\(name)/\($0)" }
        }
        var productFields: [(String, JSONOutput)] = [
            ("ProviderName", .string("Bulwark")),
            ("ProviderVersion", .string(BulwarkVersion.current)),
            ("bulwark/CheckId", .string(check.id)),
            ("bulwark/Verdict", .string(verdict.description)),
            ("bulwark/Input", .string(clip(f.input, 2048))),
            (scopeField, .string(clip(scope, 2048))),
        ]
        if let location = f.location { productFields.append(("bulwark/Location", .string(clip(location.display, 2048)))) }
        if !f.reason.isEmpty { productFields.append(("bulwark/Reason", .string(clip(f.reason, 2048)))) }
        var details: [(String, JSONOutput)] = [
            ("TerraformAddress", .string(clip(f.result.resourceAddress, 1024))),
            ("TerraformType", .string(f.result.resourceType)),
        ]
        if let location = f.location { details.append(("Location", .string(clip(location.display, 1024)))) }
        var members: [(String, JSONOutput)] = [
            ("SchemaVersion", .string(schemaVersion)),
            ("Id", .string(id)),
            ("ProductArn", .string(productARN(account: account, region: region, partition: partition))),
            ("ProductName", .string("Bulwark")),
            ("CompanyName", .string("Bulwark")),
            ("Region", .string(region)),
            ("GeneratorId", .string("bulwark/\(check.id)")),
            ("AwsAccountId", .string(account)),
            ("Types", .strings(Array(types.prefix(50)))),
            ("CreatedAt", .string(time)),
            ("UpdatedAt", .string(time)),
            ("Severity", .object([("Label", .string(label)), ("Original", .string(check.severity.displayName))])),
            ("Title", .string(clip(check.title, 256))),
            ("Description", .string(clip(check.description.isEmpty ? check.title : check.description, 1024))),
        ]
        if !check.remediation.isEmpty {
            members.append(
                ("Remediation", .object([("Recommendation", .object([("Text", .string(clip(check.remediation, 512)))]))])))
        }
        members += [
            ("ProductFields", .object(productFields)),
            (
                "Resources",
                .array([
                    .object([
                        ("Type", .string(resourceType(f.result.resourceType))),
                        ("Id", .string(clip(Finding.qualifiedAddress(f.result.resourceAddress, input: f.input), 512))),
                        ("Partition", .string(partition)),
                        ("Region", .string(region)),
                        ("Details", .object([("Other", .object(details))])),
                    ])
                ])
            ),
            (
                "Compliance",
                .object(
                    [("Status", .string(complianceStatus(verdict)))]
                        + (requirements.isEmpty ? [] : [("RelatedRequirements", .strings(Array(requirements.prefix(32))))]))
            ),
            ("Workflow", .object([("Status", .string(workflow))])),
            ("RecordState", .string("ACTIVE")),
        ]
        return .object(members)
    }

    /// Security Hub's resource type for a Terraform type, `Other` for the types without one.
    public static func resourceType(_ terraformType: String) -> String { resourceTypes[terraformType] ?? "Other" }

    static let resourceTypes: [String: String] = [
        "aws_s3_bucket": "AwsS3Bucket", "aws_db_instance": "AwsRdsDbInstance", "aws_rds_cluster": "AwsRdsDbCluster",
        "aws_instance": "AwsEc2Instance", "aws_security_group": "AwsEc2SecurityGroup", "aws_ebs_volume": "AwsEc2Volume",
        "aws_vpc": "AwsEc2Vpc", "aws_subnet": "AwsEc2Subnet", "aws_network_acl": "AwsEc2NetworkAcl",
        "aws_eip": "AwsEc2Eip", "aws_iam_role": "AwsIamRole", "aws_iam_user": "AwsIamUser",
        "aws_iam_policy": "AwsIamPolicy", "aws_iam_group": "AwsIamGroup", "aws_kms_key": "AwsKmsKey",
        "aws_lambda_function": "AwsLambdaFunction", "aws_cloudtrail": "AwsCloudTrailTrail",
        "aws_dynamodb_table": "AwsDynamoDbTable", "aws_sqs_queue": "AwsSqsQueue", "aws_sns_topic": "AwsSnsTopic",
        "aws_lb": "AwsElbv2LoadBalancer", "aws_alb": "AwsElbv2LoadBalancer", "aws_elb": "AwsElbLoadBalancer",
        "aws_eks_cluster": "AwsEksCluster", "aws_ecr_repository": "AwsEcrRepository", "aws_ecs_cluster": "AwsEcsCluster",
        "aws_ecs_task_definition": "AwsEcsTaskDefinition", "aws_cloudfront_distribution": "AwsCloudFrontDistribution",
        "aws_secretsmanager_secret": "AwsSecretsManagerSecret", "aws_opensearch_domain": "AwsOpenSearchServiceDomain",
        "aws_elasticsearch_domain": "AwsElasticsearchDomain", "aws_redshift_cluster": "AwsRedshiftCluster",
        "aws_api_gateway_stage": "AwsApiGatewayStage", "aws_apigatewayv2_stage": "AwsApiGatewayV2Stage",
        "aws_efs_access_point": "AwsEfsAccessPoint", "aws_kinesis_stream": "AwsKinesisStream",
        "aws_wafv2_web_acl": "AwsWafv2WebAcl",
    ]

    /// `text` cut to at most `limit` characters (ASFF's field limits), with an ellipsis when cut.
    static func clip(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
