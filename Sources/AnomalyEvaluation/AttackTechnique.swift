import Anomaly

/// An attack the harness injects, modelled on a Stratus Red Team technique: who does it (a compromised
/// principal of the cast), when (day offset into the test period and UTC hour), and the calls it makes.
public struct AttackTechnique: Sendable, Hashable {
    /// Stratus Red Team technique name.
    public var name: String
    let persona: String
    let day: Int
    let hour: Int
    /// Attackers often come from a new address and client.
    let ip: String
    let agent: String
    let calls: [AttackCall]
    /// An insider: the calls come from the principal's own usual IP and client, not `ip` and `agent`.
    var usualHost = false
    /// Seconds between calls (on average) when set; else 2–22 s.
    var spacing: Double? = nil

    struct AttackCall: Sendable, Hashable {
        var action: String
        var service: String
        var readOnly: Bool
        var count = 1
        var errorCode: String? = nil
        var console = false
        var mfa = true
        /// Request parameters, flat; `ipPermissions` is nested specially.
        var params: [String: String] = [:]
    }

    static let torIP = "185.220.101.7"
    static let vpsIP = "45.137.21.9"
    static let attackerAgent = "aws-cli/2.9.0 Python/3.9.11 Linux/5.15.0 exe/x86_64.ubuntu.22"
    static let external = "arn:aws:iam::999988887777:root"

    static func r(_ a: String, _ s: String, _ n: Int = 1) -> AttackCall { AttackCall(action: a, service: s, readOnly: true, count: n) }
    static func w(_ a: String, _ s: String, _ p: [String: String] = [:], _ n: Int = 1) -> AttackCall {
        AttackCall(action: a, service: s, readOnly: false, count: n, params: p)
    }

    /// The techniques of the harness: eleven on AWS, two on Azure.
    public static let all: [AttackTechnique] = [
        AttackTechnique(
            name: "aws.defense-evasion.cloudtrail-stop", persona: "dev-bob", day: 1, hour: 2, ip: torIP,
            agent: attackerAgent,
            calls: [
                r("GetCallerIdentity", "sts"), r("DescribeTrails", "cloudtrail"), r("GetTrailStatus", "cloudtrail"),
                w("StopLogging", "cloudtrail", ["name": "arn:aws:cloudtrail:us-east-1:123456789012:trail/org-trail"]),
            ]),
        AttackTechnique(
            name: "aws.defense-evasion.cloudtrail-delete", persona: "ci-deploy", day: 2, hour: 14, ip: vpsIP,
            agent: attackerAgent,
            calls: [r("DescribeTrails", "cloudtrail"), w("DeleteTrail", "cloudtrail", ["name": "org-trail"])]),
        AttackTechnique(
            name: "aws.persistence.iam-create-admin-user", persona: "dev-carol", day: 2, hour: 22, ip: torIP,
            agent: attackerAgent,
            calls: [
                r("GetCallerIdentity", "sts"), w("CreateUser", "iam", ["userName": "backup-svc"]),
                w("AttachUserPolicy", "iam", ["userName": "backup-svc", "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess"]),
                w("CreateLoginProfile", "iam", ["userName": "backup-svc"]),
            ]),
        AttackTechnique(
            name: "aws.persistence.iam-backdoor-role", persona: "dev-dave", day: 3, hour: 11, ip: "203.0.113.58",
            agent: attackerAgent,
            calls: [
                r("ListRoles", "iam"), r("GetRole", "iam"),
                w(
                    "UpdateAssumeRolePolicy", "iam",
                    [
                        "roleName": "OrganizationAccountAccessRole",
                        "policyDocument":
                            "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"\(external)\"},\"Action\":\"sts:AssumeRole\"}]}",
                    ]),
            ]),
        AttackTechnique(
            name: "aws.persistence.iam-backdoor-user", persona: "app-backend", day: 3, hour: 3,
            ip: vpsIP, agent: attackerAgent,
            calls: [r("ListUsers", "iam"), w("CreateAccessKey", "iam", ["userName": "admin-ops"])]),
        AttackTechnique(
            name: "aws.credential-access.secretsmanager-retrieve-secrets", persona: "dev-alice", day: 4, hour: 10,
            ip: vpsIP, agent: attackerAgent,
            calls: [
                r("ListSecrets", "secretsmanager"),
                AttackCall(action: "GetSecretValue", service: "secretsmanager", readOnly: true, count: 37),
            ]),
        AttackTechnique(
            name: "aws.credential-access.ec2-get-password-data", persona: "monitoring", day: 4, hour: 4, ip: torIP,
            agent: attackerAgent,
            calls: [
                r("DescribeInstances", "ec2"),
                AttackCall(
                    action: "GetPasswordData", service: "ec2", readOnly: true, count: 30, errorCode: "Client.InvalidInstanceID.NotFound"),
            ]),
        AttackTechnique(
            name: "aws.exfiltration.ec2-share-ebs-snapshot", persona: "etl-job", day: 5, hour: 1, ip: "52.4.20.40",
            agent: attackerAgent,
            calls: [
                r("DescribeSnapshots", "ec2"),
                w(
                    "ModifySnapshotAttribute", "ec2",
                    [
                        "snapshotId": "snap-0a1b2c3d4e5f", "attributeType": "CREATE_VOLUME_PERMISSION",
                        "createVolumePermission.add.userId": "999988887777",
                    ]),
            ]),
        AttackTechnique(
            name: "aws.exfiltration.s3-backdoor-bucket-policy", persona: "dev-bob", day: 5, hour: 15, ip: "203.0.113.34",
            agent: attackerAgent,
            calls: [
                r("GetBucketPolicy", "s3"),
                w(
                    "PutBucketPolicy", "s3",
                    [
                        "bucketName": "prod-customer-data",
                        "bucketPolicy": "{\"Statement\":[{\"Principal\":{\"AWS\":\"\(external)\"},\"Action\":\"s3:GetObject\"}]}",
                    ]),
            ]),
        AttackTechnique(
            name: "aws.exfiltration.ec2-security-group-open-port-22-ingress", persona: "dev-carol", day: 6, hour: 13,
            ip: "203.0.113.47", agent: attackerAgent,
            calls: [
                r("DescribeSecurityGroups", "ec2"),
                w("AuthorizeSecurityGroupIngress", "ec2", ["groupId": "sg-0123456789abcdef0", "cidrIp": "0.0.0.0/0", "fromPort": "22"]),
            ]),
        AttackTechnique(
            name: "aws.initial-access.console-login-without-mfa", persona: "admin-ops", day: 6, hour: 20, ip: torIP,
            agent: Persona.console,
            calls: [
                AttackCall(action: "ConsoleLogin", service: "signin", readOnly: false, console: true, mfa: false),
                r("ListUsers", "iam"), r("GetAccountAuthorizationDetails", "iam"),
            ]),
        AttackTechnique(
            name: "azure.execution.vm-run-command", persona: "ops@contoso.com", day: 3, hour: 23, ip: torIP, agent: "",
            calls: [
                r("microsoft.compute/virtualmachines/read", "microsoft.compute"),
                w("microsoft.compute/virtualmachines/runcommand/action", "microsoft.compute", [:], 3),
            ]),
        AttackTechnique(
            name: "azure.exfiltration.disk-export", persona: "5f1c7a2e-9d4b-4c1e-8a57-3b2d6e9f0a11", day: 5, hour: 9,
            ip: vpsIP, agent: "",
            calls: [
                r("microsoft.compute/disks/read", "microsoft.compute"),
                w("microsoft.compute/disks/begingetaccess/action", "microsoft.compute", [:], 2),
            ]),
    ]
}
