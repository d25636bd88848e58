import Model

/// Stratus Red Team's AWS credential-access, discovery, execution, exfiltration, impact, initial-access and
/// lateral-movement techniques, and the GuardDuty families of the same kind.
extension StratusTechnique {
    static let instance = "i-0f1e2d3c4b5a69788"

    static let awsAccessAndImpact: [StratusTechnique] = [
        aws(
            "aws.credential-access.ec2-get-password-data", "monitoring", kind: .role,
            [w("GetPasswordData", "ec2", count: 30, error: "Client.UnauthorizedOperation", ["instanceId": s("i-0{i}a1b2c3d4e5f6071")])]),
        aws(
            "aws.credential-access.ec2-steal-instance-credentials", "dev-bob",
            [
                w(
                    "SendCommand", "ssm",
                    [
                        "documentName": s("AWS-RunShellScript"), "instanceIds": a([s(instance)]),
                        "parameters": s("HIDDEN_DUE_TO_SECURITY_REASONS"),
                    ]),
                r("GetCommandInvocation", "ssm", ["commandId": s("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"), "instanceId": s(instance)]),
                // The instance role's credentials, used from the attacker's host.
                r("GetCallerIdentity", "sts").by("web-instance-role"), r("DescribeInstances", "ec2").by("web-instance-role"),
            ]),
        aws(
            "aws.credential-access.secretsmanager-batch-retrieve-secrets", "dev-alice",
            [
                r("ListSecrets", "secretsmanager"),
                r("BatchGetSecretValue", "secretsmanager", ["filters": a([o(["key": s("tag-key"), "values": a([s("StratusRedTeam")])])])]),
            ]),
        aws(
            "aws.credential-access.secretsmanager-retrieve-secrets", "dev-alice",
            [
                r("ListSecrets", "secretsmanager"),
                r(
                    "GetSecretValue", "secretsmanager", count: 20,
                    ["secretId": s("arn:aws:secretsmanager:us-east-1:\(account):secret:stratus-red-team-secret-{i}")]),
            ]),
        aws(
            "aws.credential-access.ssm-retrieve-securestring-parameters", "etl-job", kind: .role,
            [
                r("DescribeParameters", "ssm"),
                r(
                    "GetParameters", "ssm", count: 5,
                    ["names": a((0..<10).map { s("/credentials/stratus-red-team/credentials-{i}-\($0)") }), "withDecryption": .bool(true)]),
            ]),
        aws(
            "aws.discovery.ec2-enumerate-from-instance", "dev-bob",
            [
                // The commands run on the instance through SSM; the calls are the instance role's.
                w(
                    "SendCommand", "ssm",
                    [
                        "documentName": s("AWS-RunShellScript"), "instanceIds": a([s(instance)]),
                        "parameters": s("HIDDEN_DUE_TO_SECURITY_REASONS"),
                    ])
            ]
                + [
                    "GetCallerIdentity|sts", "ListBuckets|s3", "GetAccountSummary|iam", "ListRoles|iam", "ListUsers|iam",
                    "GetAccountAuthorizationDetails|iam", "DescribeSnapshots|ec2", "DescribeTrails|cloudtrail", "ListDetectors|guardduty",
                ].map {
                    let parts = $0.split(separator: "|").map(String.init)
                    return r(parts[0], parts[1]).by("web-instance-role")
                }),
        aws(
            "aws.discovery.ec2-download-user-data", "dev-dave",
            [
                r(
                    "DescribeInstanceAttribute", "ec2", count: 15, error: "Client.InvalidInstanceID.NotFound",
                    ["instanceId": s("i-0{i}f00d"), "attribute": s("userData")])
            ]),
        aws(
            "aws.discovery.ses-enumerate", "app-backend", kind: .role,
            [
                r("GetAccountSendingEnabled", "ses"), r("GetSendQuota", "ses"), r("ListIdentities", "ses"),
                r("GetIdentityVerificationAttributes", "ses", ["identities": a([s("example.com")])]),
            ]),
        aws(
            "aws.execution.ec2-launch-unusual-instances", "ci-deploy", kind: .role,
            [
                w(
                    "RunInstances", "ec2", error: "Client.UnauthorizedOperation",
                    [
                        "instanceType": s("p2.xlarge"),
                        "instancesSet": o([
                            "items": a([o(["imageId": s("ami-0abcdef1234567890"), "minCount": .number(10), "maxCount": .number(10)])])
                        ]),
                    ])
            ]),
        aws(
            "aws.execution.ec2-user-data", "dev-carol",
            [
                w("StopInstances", "ec2", ["instancesSet": o(["items": a([o(["instanceId": s(instance)])])])]),
                w("ModifyInstanceAttribute", "ec2", ["instanceId": s(instance), "userData": s("<sensitiveDataRemoved>")]),
                w("StartInstances", "ec2", ["instancesSet": o(["items": a([o(["instanceId": s(instance)])])])]),
            ]),
        aws(
            "aws.execution.sagemaker-update-lifecycle-config", "dev-alice",
            [
                w(
                    "CreateNotebookInstanceLifecycleConfig", "sagemaker",
                    ["notebookInstanceLifecycleConfigName": s("stratus-red-team-lifecycle")]),
                w("StopNotebookInstance", "sagemaker", ["notebookInstanceName": s("stratus-red-team-notebook")]),
                w(
                    "UpdateNotebookInstance", "sagemaker",
                    ["notebookInstanceName": s("stratus-red-team-notebook"), "lifecycleConfigName": s("stratus-red-team-lifecycle")]),
                w("StartNotebookInstance", "sagemaker", ["notebookInstanceName": s("stratus-red-team-notebook")]),
            ]),
        aws(
            "aws.execution.ssm-send-command", "dev-bob",
            [
                w(
                    "SendCommand", "ssm",
                    [
                        "documentName": s("AWS-RunShellScript"), "instanceIds": a([s(instance)]),
                        "parameters": s("HIDDEN_DUE_TO_SECURITY_REASONS"),
                    ])
            ]),
        aws("aws.execution.ssm-start-session", "dev-bob", [w("StartSession", "ssm", count: 3, ["target": s(instance)])]),
        aws(
            "aws.exfiltration.ec2-security-group-open-port-22-ingress", "dev-carol",
            [
                w(
                    "AuthorizeSecurityGroupIngress", "ec2",
                    [
                        "groupId": s("sg-0123456789abcdef0"),
                        "ipPermissions": o([
                            "items": a([
                                o([
                                    "ipProtocol": s("tcp"), "fromPort": .number(22), "toPort": .number(22),
                                    "ipRanges": o(["items": a([o(["cidrIp": s("0.0.0.0/0")])])]),
                                ])
                            ])
                        ]),
                    ])
            ]),
        aws(
            "aws.exfiltration.ec2-share-ami", "etl-job", kind: .role,
            [
                w(
                    "ModifyImageAttribute", "ec2",
                    [
                        "imageId": s("ami-0a1b2c3d4e5f60718"),
                        "launchPermission": o(["add": o(["items": a([o(["userId": s(external)])])])]),
                        "attributeType": s("launchPermission"),
                    ])
            ]),
        aws(
            "aws.exfiltration.ec2-share-ebs-snapshot", "etl-job", kind: .role,
            [
                w(
                    "ModifySnapshotAttribute", "ec2",
                    [
                        "snapshotId": s("snap-0a1b2c3d4e5f60718"), "attributeType": s("CREATE_VOLUME_PERMISSION"),
                        "createVolumePermission": o(["add": o(["items": a([o(["userId": s(external)])])])]),
                    ])
            ]),
        aws(
            "aws.exfiltration.rds-share-snapshot", "dev-dave",
            [
                w(
                    "ModifyDBSnapshotAttribute", "rds",
                    ["dBSnapshotIdentifier": s("exfiltration"), "attributeName": s("restore"), "valuesToAdd": a([s(external)])])
            ]),
        aws(
            "aws.exfiltration.s3-backdoor-bucket-policy", "dev-bob",
            [
                r("GetBucketPolicy", "s3", ["bucketName": s("stratus-red-team-bucket")]),
                w(
                    "PutBucketPolicy", "s3",
                    [
                        "bucketName": s("stratus-red-team-bucket"),
                        "bucketPolicy": o([
                            "Version": s("2012-10-17"),
                            "Statement": a([
                                o([
                                    "Effect": s("Allow"), "Principal": o(["AWS": s(externalRoot)]),
                                    "Action": a([s("s3:GetObject"), s("s3:GetBucketLocation"), s("s3:ListBucket")]),
                                    "Resource": a([s("arn:aws:s3:::stratus-red-team-bucket/*"), s("arn:aws:s3:::stratus-red-team-bucket")]),
                                ])
                            ]),
                        ]),
                    ]),
            ]),
        aws(
            "aws.impact.bedrock-invoke-model", "app-backend", kind: .role, region: "us-west-2",
            [r("InvokeModel", "bedrock", ["modelId": s("anthropic.claude-3-haiku-20240307-v1:0")])]),
        aws(
            "aws.impact.s3-ransomware-batch-deletion", "dev-carol",
            [
                r("ListObjectVersions", "s3", ["bucketName": s("stratus-red-team-ransomware-bucket")]),
                w("DeleteObjects", "s3", ["bucketName": s("stratus-red-team-ransomware-bucket"), "delete": s("")]),
                w("PutObject", "s3", ["bucketName": s("stratus-red-team-ransomware-bucket"), "key": s("FILES-DELETED.txt")]),
            ]),
        aws(
            "aws.impact.s3-ransomware-client-side-encryption", "dev-carol",
            [
                r("ListObjects", "s3", ["bucketName": s("stratus-red-team-ransomware-bucket")]),
                w(
                    "PutObject", "s3", count: 51,
                    [
                        "bucketName": s("stratus-red-team-ransomware-bucket"), "key": s("data/file-{i}.csv"),
                        "x-amz-server-side-encryption-customer-algorithm": s("AES256"),
                    ]),
            ]),
        aws(
            "aws.impact.s3-ransomware-individual-deletion", "dev-carol",
            [
                r("ListObjectVersions", "s3", ["bucketName": s("stratus-red-team-ransomware-bucket")]),
                w("DeleteObject", "s3", count: 51, ["bucketName": s("stratus-red-team-ransomware-bucket"), "key": s("data/file-{i}.csv")]),
            ]),
        aws(
            "aws.initial-access.console-login-without-mfa", "dev-alice", agent: Persona.console,
            [Step(event: "ConsoleLogin", service: "signin", readOnly: false, console: true, mfa: false)]),
        aws(
            "aws.lateral-movement.ec2-instance-connect", "dev-dave",
            [
                w(
                    "SendSSHPublicKey", "ec2-instance-connect",
                    ["instanceId": s(instance), "instanceOSUser": s("ec2-user"), "sSHPublicKey": s("ssh-ed25519 AAAAC3Nza")])
            ]),
        aws(
            "aws.lateral-movement.ec2-serial-console-send-ssh-public-key", "dev-dave",
            [
                w("EnableSerialConsoleAccess", "ec2"),
                w(
                    "SendSerialConsoleSSHPublicKey", "ec2-instance-connect",
                    ["instanceId": s(instance), "serialPort": .number(0), "sSHPublicKey": s("ssh-ed25519 AAAAC3Nza")]),
            ]),
        // GuardDuty finding families (CredentialAccess, Discovery, Impact) beyond the Stratus catalogue.
        aws(
            "guardduty.credential-access.console-brute-force", "dev-alice", agent: Persona.console,
            [
                Step(
                    event: "ConsoleLogin", service: "signin", readOnly: false, count: 6, errorCode: "Failed authentication", console: true,
                    mfa: false)
            ]),
        aws(
            "guardduty.discovery.access-denied-across-services", "etl-job", kind: .role,
            [
                r("ListUsers", "iam", error: "AccessDenied"), r("ListRoles", "iam", error: "AccessDenied"),
                r("ListBuckets", "s3", error: "AccessDenied"),
                r("DescribeInstances", "ec2", error: "Client.UnauthorizedOperation"),
                r("ListSecrets", "secretsmanager", error: "AccessDeniedException"),
                r("DescribeTrails", "cloudtrail", error: "AccessDenied"), r("ListKeys", "kms", error: "AccessDeniedException"),
                r("ListFunctions20150331", "lambda", error: "AccessDeniedException"),
                r("DescribeDBInstances", "rds", error: "AccessDenied"),
            ]),
        aws(
            "guardduty.impact.bedrock-model-access", "dev-bob", region: "us-east-1",
            [
                r("ListFoundationModels", "bedrock"), w("PutUseCaseForModelAccess", "bedrock"),
                w("CreateFoundationModelAgreement", "bedrock", ["modelId": s("anthropic.claude-3-sonnet-20240229-v1:0")]),
            ]),
        aws(
            "bulwark.credential-access.user-data-secrets-read", "dev-dave",
            [r("DescribeInstanceAttribute", "ec2", count: 8, ["instanceId": s("i-0{i}c0ffee"), "attribute": s("userData")])]),
        aws(
            "bulwark.persistence.lambda-foreign-layer", "dev-bob",
            [
                w(
                    "UpdateFunctionConfiguration20150331v2", "lambda",
                    ["functionName": s("billing-export"), "layers": a([s("arn:aws:lambda:us-east-1:\(external):layer:telemetry:3")])])
            ]),
    ]
}
