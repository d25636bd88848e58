/// Benign principals that look like trouble to a detector that only knows novelty or only counts: each stands
/// for one case a security team sees every week. Written from what the AWS documentation says these actors call:
/// Terraform's AWS provider (IAM writes, state in S3 with a DynamoDB lock), administrators, a developer's new
/// laptop, a new hire, AWS services acting on their own (`userIdentity` with only `invokedBy`), a nightly backup
/// copying thousands of objects, on-call pages at night and a deployment pipeline rolling out to a new region.
extension Persona {
    static let terraformAgent =
        "APN/1.0 HashiCorp/1.0 Terraform/1.7.5 (+https://www.terraform.io) terraform-provider-aws/5.40.0 "
        + "(+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.25.3 os/linux lang/go#1.22.1"
    static let upgradedCLI = "aws-cli/2.17.4 Python/3.12.4 Darwin/23.5.0 exe/arm64 prompt/off command/"

    /// The hard cases, on AWS; days are counted from the start of the history (training is days 0–13 by default).
    static func hardCases() -> [Persona] {
        let terraform = Persona(
            name: "terraform-ci", kind: .role, path: "ci/", ips: ["34.201.20.5", "34.201.20.6"], agents: [terraformAgent],
            regions: [("us-east-1", 0.85), ("eu-west-1", 0.15)], weekdayHours: hours(9...18, 0.3), weekendHours: hours(0...23, 0),
            volume: 40...160,
            calls: [
                r("GetCallerIdentity", "sts", 2), r("GetObject", "s3", 2), w("PutObject", "s3", 1), r("GetItem", "dynamodb", 2),
                w("PutItem", "dynamodb", 2), w("DeleteItem", "dynamodb", 2), r("GetRole", "iam", 6), r("GetPolicy", "iam", 3),
                r("GetPolicyVersion", "iam", 3), r("ListAttachedRolePolicies", "iam", 3), r("ListRolePolicies", "iam", 3),
                r("DescribeVpcs", "ec2", 3), r("DescribeSecurityGroups", "ec2", 3), r("DescribeInstances", "ec2", 2),
                w("CreateRole", "iam", 0.4), w("PutRolePolicy", "iam", 0.5), w("AttachRolePolicy", "iam", 0.5),
                w("CreatePolicy", "iam", 0.3), w("CreatePolicyVersion", "iam", 0.4), w("DeletePolicyVersion", "iam", 0.3),
                w("TagRole", "iam", 0.4), w("UpdateAssumeRolePolicy", "iam", 0.2), w("DeleteRolePolicy", "iam", 0.1),
                w("DetachRolePolicy", "iam", 0.1), w("AuthorizeSecurityGroupIngress", "ec2", 0.3),
            ],
            rareCalls: [w("DeleteRole", "iam"), w("CreateInstanceProfile", "iam"), w("AddRoleToInstanceProfile", "iam")],
            rareChance: 0.05, hardCase: "Terraform/CI principal doing IAM writes")
        var kim = Persona(
            name: "admin-kim", kind: .user, path: "admins/", ips: ["198.51.100.10", "198.51.100.78"], agents: [console, cli],
            regions: [("us-east-1", 1)], weekdayHours: hours(8...16, 0.45), weekendHours: hours(9...10, 0.02), volume: 8...40,
            calls: [
                r("ListUsers", "iam", 3), r("GetUser", "iam", 2), r("ListRoles", "iam", 2), r("ListGroups", "iam", 1),
                r("ListAttachedUserPolicies", "iam", 2), r("GetAccountAuthorizationDetails", "iam", 0.3),
                w("CreateUser", "iam", 0.15), w("AttachUserPolicy", "iam", 0.15), w("AddUserToGroup", "iam", 0.2),
                w("CreateLoginProfile", "iam", 0.1), w("DeactivateMFADevice", "iam", 0.03), w("UpdateLoginProfile", "iam", 0.05),
                w("RemoveUserFromGroup", "iam", 0.08), w("DeleteUser", "iam", 0.04), r("DescribeTrails", "cloudtrail", 0.3),
            ],
            rareCalls: [r("GetCredentialReport", "iam"), w("GenerateCredentialReport", "iam"), r("ListAccessKeys", "iam")],
            rareChance: 0.05, newIPChance: 0.02, consoleDaily: true)
        kim.hardCase = "administrator"
        var erin = developer("dev-erin", home: "203.0.113.61", start: 8, end: 17)
        erin.hardCase = "new laptop and CLI upgrade"
        erin.move = (day: 16, ip: "203.0.113.140", agents: [upgradedCLI, console])
        var frank = developer("dev-frank", home: "203.0.113.62", start: 9, end: 18)
        frank.hardCase = "new hire (no history of its own)"
        frank.firstDay = 15
        let lambda = Persona(
            name: "lambda.amazonaws.com", kind: .service, ips: ["lambda.amazonaws.com"], agents: ["lambda.amazonaws.com"],
            regions: [("us-east-1", 0.8), ("eu-west-1", 0.2)], weekdayHours: hours(0...23, 1), weekendHours: hours(0...23, 0.9),
            volume: 5...40, calls: [w("AssumeRole", "sts", 1)], hardCase: "service-invoked events")
        let autoscaling = Persona(
            name: "autoscaling.amazonaws.com", kind: .service, ips: ["autoscaling.amazonaws.com"],
            agents: ["autoscaling.amazonaws.com"], regions: [("us-east-1", 1)],
            weekdayHours: hours(7...20, 0.5, else: 0.1), weekendHours: hours(0...23, 0.1), volume: 1...12,
            calls: [w("RunInstances", "ec2", 1), w("TerminateInstances", "ec2", 1), w("CreateTags", "ec2", 1)],
            hardCase: "service-invoked events")
        var backup = Persona(
            name: "backup-job", kind: .role, ips: ["52.4.20.50"],
            agents: ["aws-sdk-go-v2/1.25.0 os/linux lang/go#1.22 api/s3#1.51.1 md/backup"], regions: [("us-east-1", 1)],
            weekdayHours: hours(3...3, 1), weekendHours: hours(3...3, 1), volume: 800...1600,
            calls: [r("ListObjectsV2", "s3", 0.2), r("GetObject", "s3", 5), w("PutObject", "s3", 5), r("HeadObject", "s3", 1)],
            hardCase: "bulk but legitimate job")
        backup.spike = (day: 18, factor: 2)
        var onCall = Persona(
            name: "sre-oncall", kind: .user, path: "sre/", ips: ["198.51.100.10", "203.0.113.80"], agents: [cli, console],
            regions: [("us-east-1", 0.7), ("eu-west-1", 0.3)],
            weekdayHours: hours(9...17, 0.5, else: 0.02), weekendHours: hours(0...23, 0.02), volume: 10...60,
            calls: [
                r("DescribeInstances", "ec2", 4), r("DescribeInstanceStatus", "ec2", 2), w("RebootInstances", "ec2", 0.3),
                r("FilterLogEvents", "logs", 5), r("GetMetricData", "monitoring", 4), r("DescribeAlarms", "monitoring", 2),
                r("DescribeServices", "ecs", 2), w("UpdateService", "ecs", 0.4), r("DescribeDBInstances", "rds", 1),
                w("RebootDBInstance", "rds", 0.05),
            ],
            rareCalls: [w("ModifyDBInstance", "rds"), w("SetDesiredCapacity", "autoscaling")], rareChance: 0.05,
            newIPChance: 0.03, consoleDaily: true)
        onCall.hardCase = "on-call at night"
        var release = Persona(
            name: "release-pipeline", kind: .role, ips: ["34.201.30.7", "34.201.30.8"],
            agents: ["Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.0 lang/python#3.11.8 exec-env/CodeBuild"],
            regions: [("us-east-1", 0.7), ("eu-west-1", 0.3)], weekdayHours: hours(10...16, 0.4), weekendHours: hours(0...23, 0),
            volume: 20...70,
            calls: [
                r("DescribeStacks", "cloudformation", 5), w("CreateChangeSet", "cloudformation", 2),
                w("ExecuteChangeSet", "cloudformation", 2), r("DescribeChangeSet", "cloudformation", 3),
                r("GetAuthorizationToken", "ecr", 1), w("UpdateFunctionCode20150331v2", "lambda", 1),
                w("PublishVersion20150331", "lambda", 0.5), r("GetFunction20150331v2", "lambda", 1),
            ],
            hardCase: "new region rollout")
        release.rollout = (day: 16, region: "ap-southeast-2", share: 0.35)
        return [terraform, kim, erin, frank, lambda, autoscaling, backup, onCall, release]
    }

    /// A developer of the `developers/` group (the cast's four and the hard cases' two).
    static func developer(_ name: String, home: String, start: Int, end: Int) -> Persona {
        Persona(
            name: name, kind: .user, path: "developers/", ips: ["198.51.100.10", home], agents: [cli, console],
            regions: [("us-east-1", 0.9), ("eu-west-1", 0.1)],
            weekdayHours: hours(start...end, 0.65), weekendHours: hours(start...end, 0.03),
            volume: 5...45, calls: developerCalls, rareCalls: developerRareCalls, rareChance: 0.04, newIPChance: 0.02,
            newAgentChance: 0.01, deniedShare: 0.03, consoleDaily: true)
    }
}
