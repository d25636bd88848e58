import Anomaly

/// One synthetic principal of the evaluation harness: who it is, where it calls from, when it works
/// and what it usually does.
struct Persona: Sendable {
    /// `.service` is an AWS service acting on its own (`userIdentity` with only `invokedBy`): `name` is its host name.
    enum Kind: Sendable { case user, role, service }

    /// An API call it may make, with a relative weight.
    struct Call: Sendable {
        var action: String
        var service: String
        var readOnly: Bool
        var weight: Double
    }

    var name: String
    /// For Azure, `.user` is a signed-in user (UPN name) and `.role` a service principal (application ID name).
    var kind: Kind
    /// The IAM path between `user/` or `role/` and the name (`developers/`): principals under one path are peers.
    var path = ""
    var cloud: ActivityEvent.Cloud = .aws
    /// Source IPs, the first the most used.
    var ips: [String]
    var agents: [String]
    /// Regions with their share of calls.
    var regions: [(String, Double)]
    /// Chance of being active in a window, by UTC hour, on weekdays and at weekends.
    var weekdayHours: [Double]
    var weekendHours: [Double]
    /// Calls per active window.
    var volume: ClosedRange<Int>
    var calls: [Call]
    /// Calls it makes rarely (each window: chance of one), producing honest first-seen actions.
    var rareCalls: [Call] = []
    var rareChance = 0.0
    /// Chance per active window of calling from a brand-new IP (travel, a new runner) or a new client version.
    var newIPChance = 0.0
    var newAgentChance = 0.0
    /// Share of calls that fail with AccessDenied.
    var deniedShare = 0.0
    /// Signs in to the console (with MFA) at the first active window of a day.
    var consoleDaily = false
    /// The hard case of benign traffic it stands for (reported apart); nil for the ordinary cast.
    var hardCase: String?
    /// The first day it is active (a new hire); 0 for the whole history.
    var firstDay = 0
    /// From `day` on its home address (the last of `ips`) and clients are new (a new laptop, a CLI upgrade).
    var move: (day: Int, ip: String, agents: [String])?
    /// From `day` on it also works in `region`, with that share of its calls (a new region rollout).
    var rollout: (day: Int, region: String, share: Double)?
    /// On `day` its volume is multiplied by `factor` (a month-end reprocessing).
    var spike: (day: Int, factor: Double)?

    func arn(account: String) -> String {
        switch kind {
        case .user: return "arn:aws:iam::\(account):user/\(path)\(name)"
        case .role: return "arn:aws:iam::\(account):role/\(path)\(name)"
        case .service: return name
        }
    }

    /// The principal as the readers name it: the IAM ARN, or the Azure caller in lower case.
    func principal(account: String) -> String { cloud == .aws ? arn(account: account) : name.lowercased() }

    /// Chance per hour from a list of working hours.
    static func hours(_ range: ClosedRange<Int>, _ p: Double, else q: Double = 0) -> [Double] {
        (0..<24).map { range.contains($0) ? p : q }
    }

    static func r(_ action: String, _ service: String, _ w: Double = 1) -> Call {
        Call(action: action, service: service, readOnly: true, weight: w)
    }
    static func w(_ action: String, _ service: String, _ w: Double = 1) -> Call {
        Call(action: action, service: service, readOnly: false, weight: w)
    }

    static let cli = "aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0 exe/x86_64.debian.12 prompt/off command/"
    static let console = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36"

    /// What developers call.
    static let developerCalls: [Call] = [
        r("DescribeInstances", "ec2", 5), r("DescribeSecurityGroups", "ec2", 2), r("DescribeVpcs", "ec2"),
        r("ListBuckets", "s3", 2), r("GetBucketLocation", "s3"), r("FilterLogEvents", "logs", 4),
        r("DescribeLogGroups", "logs", 2), r("ListFunctions", "lambda", 2), r("GetFunction", "lambda", 2),
        r("GetMetricData", "monitoring", 3), r("ListClusters", "ecs"), r("DescribeTasks", "ecs", 2),
        r("GetCallerIdentity", "sts"), r("GetParameter", "ssm", 2),
        w("UpdateFunctionConfiguration", "lambda", 0.3), w("StartInstances", "ec2", 0.15),
        w("StopInstances", "ec2", 0.15), w("PutLogEvents", "logs", 0.2),
    ]

    /// What developers call rarely.
    static let developerRareCalls: [Call] = [
        r("DescribeDBInstances", "rds"), r("ListTables", "dynamodb"), r("ListTopics", "sns"),
        r("ListQueues", "sqs"), r("DescribeRepositories", "ecr"), r("ListStacks", "cloudformation"),
        r("DescribeAlarms", "monitoring"), r("ListHostedZones", "route53"), r("DescribeKeyPairs", "ec2"),
        r("ListRoles", "iam"), r("GetRole", "iam"),
    ]

    /// The harness's cast: a CI deploy role, four developers, an administrator, four service roles, two Azure
    /// principals, and the hard cases of benign traffic.
    static func cast() -> [Persona] {
        var alice = developer("dev-alice", home: "203.0.113.21", start: 8, end: 17)
        alice.calls.append(r("GetSecretValue", "secretsmanager", 0.2))
        let developers = [
            alice, developer("dev-bob", home: "203.0.113.34", start: 9, end: 18),
            developer("dev-carol", home: "203.0.113.47", start: 7, end: 16),
            developer("dev-dave", home: "203.0.113.58", start: 10, end: 19),
        ]
        let ci = Persona(
            name: "ci-deploy", kind: .role, ips: ["34.201.10.11", "34.201.10.12", "34.201.10.13", "34.201.10.14"],
            agents: [
                "aws-cli/2.15.30 Python/3.11.8 Linux/5.10.0 exe/x86_64.amzn.2 command/cloudformation.deploy",
                "Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.0 lang/python#3.11.8",
            ],
            regions: [("us-east-1", 0.8), ("eu-west-1", 0.2)],
            weekdayHours: hours(9...18, 0.5, else: 0).enumerated().map { $0.offset == 2 ? 0.9 : $0.element },
            weekendHours: hours(2...2, 0.9),
            volume: 30...90,
            calls: [
                r("DescribeStacks", "cloudformation", 6), w("CreateChangeSet", "cloudformation", 2),
                r("DescribeChangeSet", "cloudformation", 3), w("ExecuteChangeSet", "cloudformation", 2),
                r("GetAuthorizationToken", "ecr", 2), w("UpdateService", "ecs", 1), r("DescribeServices", "ecs", 2),
                w("UpdateFunctionCode", "lambda", 1), r("GetRole", "iam", 1), r("GetBucketLocation", "s3", 1),
                r("GetParameters", "ssm", 3), w("PutBucketPolicy", "s3", 0.05), w("CreateLogGroup", "logs", 0.3),
            ],
            rareCalls: [w("CreateRepository", "ecr"), w("CreateFunction", "lambda"), w("CreateQueue", "sqs")],
            rareChance: 0.02, newIPChance: 0.01)
        let admin = Persona(
            name: "admin-ops", kind: .user, path: "admins/", ips: ["198.51.100.10", "198.51.100.77"], agents: [console, cli],
            regions: [("us-east-1", 1)], weekdayHours: hours(9...17, 0.4), weekendHours: hours(10...12, 0.02),
            volume: 5...25,
            calls: [
                r("ListUsers", "iam", 3), r("GetUser", "iam", 2), r("ListRoles", "iam", 2), r("GetRole", "iam", 2),
                r("ListPolicies", "iam", 1), r("GetAccountAuthorizationDetails", "iam", 0.3),
                r("DescribeOrganization", "organizations", 0.5), r("DescribeTrails", "cloudtrail", 0.5),
                r("GetTrailStatus", "cloudtrail", 0.5), r("DescribeConfigRules", "config", 0.5),
                w("CreateUser", "iam", 0.08), w("AttachUserPolicy", "iam", 0.08), w("CreateLoginProfile", "iam", 0.06),
                w("CreateAccessKey", "iam", 0.05), w("AddUserToGroup", "iam", 0.08),
            ],
            rareCalls: [r("GetCredentialReport", "iam"), w("GenerateCredentialReport", "iam"), r("ListAccessKeys", "iam")],
            rareChance: 0.05, newIPChance: 0.02, consoleDaily: true)
        let backend = Persona(
            name: "app-backend", kind: .role, ips: ["52.4.20.30", "52.4.20.31"],
            agents: ["aws-sdk-java/2.25.10 Linux/5.10.0 OpenJDK_64-Bit_Server_VM/21.0.2 Java/21.0.2"],
            regions: [("us-east-1", 1)], weekdayHours: hours(0...23, 1), weekendHours: hours(0...23, 1), volume: 20...40,
            calls: [
                r("GetSecretValue", "secretsmanager", 1.2), r("Decrypt", "kms", 5), r("GetParameters", "ssm", 1.5),
                r("GetCallerIdentity", "sts", 0.2),
            ])
        let etl = Persona(
            name: "etl-job", kind: .role, ips: ["52.4.20.40"],
            agents: ["Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#5.10.0 lang/python#3.11.8 exec-env/AWS_Lambda"],
            regions: [("us-east-1", 1)], weekdayHours: hours(1...2, 1), weekendHours: hours(1...2, 1), volume: 50...150,
            calls: [
                w("StartJobRun", "glue", 1), r("GetJobRun", "glue", 6), w("StartQueryExecution", "athena", 2),
                r("GetQueryExecution", "athena", 8), r("GetTable", "glue", 3), w("CreateSnapshot", "ec2", 0.05),
                r("DescribeSnapshots", "ec2", 0.5),
            ])
        let monitoring = Persona(
            name: "monitoring", kind: .role, ips: ["3.90.12.5"], agents: ["Datadog/AWS-integration aws-sdk-go/1.50.0"],
            regions: [("us-east-1", 0.6), ("eu-west-1", 0.4)], weekdayHours: hours(0...23, 1),
            weekendHours: hours(0...23, 1), volume: 30...60,
            calls: [
                r("DescribeInstances", "ec2", 3), r("DescribeVolumes", "ec2", 2), r("GetMetricData", "monitoring", 5),
                r("DescribeLoadBalancers", "elasticloadbalancing", 1), r("DescribeDBInstances", "rds", 1),
                r("ListTagsForResource", "rds", 1),
            ])
        let audit = Persona(
            name: "security-audit", kind: .role, ips: ["3.90.12.9"], agents: ["aws-sdk-go-v2/1.25.0 os/linux lang/go#1.22"],
            regions: [("us-east-1", 0.5), ("eu-west-1", 0.5)], weekdayHours: hours(6...6, 1), weekendHours: hours(6...6, 1),
            volume: 100...200,
            calls: [
                r("GetAccountAuthorizationDetails", "iam", 1), r("GetBucketPolicy", "s3", 3), r("GetBucketAcl", "s3", 3),
                r("DescribeSecurityGroups", "ec2", 3), r("DescribeTrails", "cloudtrail", 1),
                r("GetTrailStatus", "cloudtrail", 1), r("DescribeConfigRules", "config", 1),
                r("ListKeys", "kms", 1), r("GetKeyPolicy", "kms", 1), r("ListSecrets", "secretsmanager", 1),
                r("DescribeSnapshotAttribute", "ec2", 1),
            ])
        return [ci] + developers + [admin, backend, etl, monitoring, audit] + azureCast() + hardCases()
    }

    /// An Azure operator and an automation service principal (written as Activity Log storage exports).
    static func azureCast() -> [Persona] {
        let ops = Persona(
            name: "ops@contoso.com", kind: .user, cloud: .azure, ips: ["198.51.100.10", "203.0.113.70"], agents: [""],
            regions: [("westeurope", 0.7), ("eastus", 0.3)], weekdayHours: hours(8...17, 0.5),
            weekendHours: hours(10...11, 0.02), volume: 3...20,
            calls: [
                r("microsoft.compute/virtualmachines/read", "microsoft.compute", 4),
                r("microsoft.resources/subscriptions/resourcegroups/read", "microsoft.resources", 2),
                r("microsoft.storage/storageaccounts/read", "microsoft.storage", 2),
                r("microsoft.network/networksecuritygroups/read", "microsoft.network", 1),
                w("microsoft.compute/virtualmachines/write", "microsoft.compute", 0.3),
                w("microsoft.compute/virtualmachines/restart/action", "microsoft.compute", 0.2),
                w("microsoft.storage/storageaccounts/listkeys/action", "microsoft.storage", 0.05),
            ],
            rareCalls: [r("microsoft.keyvault/vaults/read", "microsoft.keyvault"), r("microsoft.web/sites/read", "microsoft.web")],
            rareChance: 0.03, newIPChance: 0.02, deniedShare: 0.02)
        let automation = Persona(
            name: "5f1c7a2e-9d4b-4c1e-8a57-3b2d6e9f0a11", kind: .role, cloud: .azure, ips: ["20.50.1.10"], agents: [""],
            regions: [("westeurope", 1)], weekdayHours: hours(0...23, 1), weekendHours: hours(0...23, 1), volume: 5...15,
            calls: [
                r("microsoft.compute/virtualmachines/read", "microsoft.compute", 3),
                r("microsoft.insights/metrics/read", "microsoft.insights", 3),
                w("microsoft.storage/storageaccounts/listkeys/action", "microsoft.storage", 1),
            ])
        return [ops, automation]
    }
}
