import Model

/// Stratus Red Team's AWS defense-evasion, persistence and privilege-escalation techniques.
extension StratusTechnique {
    static func s(_ text: String) -> Value { .string(text) }
    static func o(_ members: [String: Value]) -> Value { .map(members) }
    static func a(_ items: [Value]) -> Value { .list(items) }
    static let account = "123456789012"
    static let externalRoot = "arn:aws:iam::\(external):root"
    static let trustExternal =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"\(externalRoot)\"},\"Action\":\"sts:AssumeRole\"}]}"

    static let awsDefenseEvasionAndPersistence: [StratusTechnique] = [
        aws("aws.defense-evasion.cloudtrail-delete", "dev-bob", [w("DeleteTrail", "cloudtrail", ["name": s("stratus-red-team-trail")])]),
        aws(
            "aws.defense-evasion.cloudtrail-event-selectors", "dev-bob",
            [
                w(
                    "PutEventSelectors", "cloudtrail",
                    [
                        "trailName": s("stratus-red-team-trail"),
                        "eventSelectors": a([o(["readWriteType": s("ReadOnly"), "includeManagementEvents": .bool(false)])]),
                    ])
            ]),
        aws(
            "aws.defense-evasion.cloudtrail-lifecycle-rule", "dev-carol",
            [
                w(
                    "PutBucketLifecycle", "s3",
                    [
                        "bucketName": s("stratus-red-team-cloudtrail-bucket"), "lifecycle": s(""),
                        "LifecycleConfiguration": o([
                            "Rule": a([
                                o([
                                    "ID": s("nuke-cloudtrail-logs-after-1-day"), "Status": s("Enabled"),
                                    "Expiration": o(["Days": .number(1)]),
                                ])
                            ])
                        ]),
                    ])
            ]),
        aws("aws.defense-evasion.cloudtrail-stop", "dev-bob", [w("StopLogging", "cloudtrail", ["name": s("stratus-red-team-trail")])]),
        aws(
            "aws.defense-evasion.dns-delete-logs", "ops-admin",
            [
                w(
                    "DisassociateResolverQueryLogConfig", "route53resolver",
                    ["resolverQueryLogConfigId": s("rqlc-2d8b3c1f0e9a4b5c"), "resourceId": s("vpc-0a1b2c3d4e5f60718")]),
                w("DeleteResolverQueryLogConfig", "route53resolver", ["resolverQueryLogConfigId": s("rqlc-2d8b3c1f0e9a4b5c")]),
            ]),
        aws(
            "aws.defense-evasion.organizations-leave", "dev-dave", [w("LeaveOrganization", "organizations", error: "AccessDeniedException")]
        ),
        aws(
            "aws.defense-evasion.vpc-remove-flow-logs", "dev-carol",
            [
                w(
                    "DeleteFlowLogs", "ec2",
                    ["DeleteFlowLogsRequest": o(["FlowLogId": o(["tag": .number(1), "content": s("fl-0b1c2d3e4f5a6b7c8")])])])
            ]),
        aws(
            "aws.persistence.iam-backdoor-role", "dev-dave",
            [w("UpdateAssumeRolePolicy", "iam", ["roleName": s("stratus-red-team-role"), "policyDocument": s(trustExternal)])]),
        aws(
            "aws.persistence.iam-backdoor-user", "app-backend", kind: .role,
            [w("CreateAccessKey", "iam", ["userName": s("stratus-red-team-user")])]),
        aws(
            "aws.persistence.iam-create-admin-user", "dev-carol",
            [
                w("CreateUser", "iam", ["userName": s("stratus-red-team-admin")]),
                w(
                    "AttachUserPolicy", "iam",
                    ["userName": s("stratus-red-team-admin"), "policyArn": s("arn:aws:iam::aws:policy/AdministratorAccess")]),
            ]),
        aws(
            "aws.persistence.iam-create-backdoor-role", "ci-deploy", kind: .role,
            [
                w(
                    "CreateRole", "iam",
                    ["roleName": s("stratus-red-team-malicious-iam-role"), "assumeRolePolicyDocument": s(trustExternal)]),
                w(
                    "AttachRolePolicy", "iam",
                    ["roleName": s("stratus-red-team-malicious-iam-role"), "policyArn": s("arn:aws:iam::aws:policy/AdministratorAccess")]),
            ]),
        aws(
            "aws.persistence.iam-create-user-login-profile", "dev-alice",
            [w("CreateLoginProfile", "iam", ["userName": s("stratus-red-team-user"), "passwordResetRequired": .bool(false)])]),
        aws(
            "aws.persistence.lambda-backdoor-function", "dev-bob",
            [
                w(
                    "AddPermission20150331v2", "lambda",
                    [
                        "functionName": s("stratus-red-team-backdoor-f"), "statementId": s("backdoor"),
                        "action": s("lambda:InvokeFunction"),
                        "principal": s("*"),
                    ])
            ]),
        aws(
            "aws.persistence.lambda-layer-extension", "dev-bob",
            [
                w("PublishLayerVersion20181031", "lambda", ["layerName": s("stratus-red-team-layer")]),
                w(
                    "AddLayerVersionPermission20181031", "lambda",
                    [
                        "layerName": s("stratus-red-team-layer"), "versionNumber": .number(1), "statementId": s("public"),
                        "action": s("lambda:GetLayerVersion"), "principal": s("*"),
                    ]),
                w(
                    "UpdateFunctionConfiguration20150331v2", "lambda",
                    [
                        "functionName": s("stratus-red-team-lambda"),
                        "layers": a([s("arn:aws:lambda:us-east-1:\(external):layer:stratus-red-team-layer:1")]),
                    ]),
            ]),
        aws(
            "aws.persistence.lambda-overwrite-code", "dev-alice",
            [
                w(
                    "UpdateFunctionCode20150331v2", "lambda",
                    ["functionName": s("stratus-red-team-lambda"), "publish": .bool(false), "dryRun": .bool(false)])
            ]),
        aws(
            "aws.persistence.rolesanywhere-create-trust-anchor", "dev-dave",
            [
                w(
                    "CreateTrustAnchor", "rolesanywhere",
                    ["name": s("stratus-red-team-ta"), "enabled": .bool(true), "source": o(["sourceType": s("CERTIFICATE_BUNDLE")])]),
                w(
                    "CreateProfile", "rolesanywhere",
                    ["name": s("stratus-red-team-profile"), "roleArns": a([s("arn:aws:iam::\(account):role/stratus-red-team-role")])]),
            ]),
        aws(
            "aws.persistence.sts-federation-token", "dev-alice",
            [w("GetFederationToken", "sts", ["name": s("stratus_red_team"), "durationSeconds": .number(129_600)])]),
        aws(
            "aws.privilege-escalation.iam-update-user-login-profile", "dev-carol",
            [w("UpdateLoginProfile", "iam", ["userName": s("stratus-red-team-user"), "passwordResetRequired": .bool(false)])]),
        // GuardDuty finding families (Stealth, Policy, PenTest) that no Stratus technique covers.
        aws(
            "guardduty.stealth.s3-server-access-logging-disabled", "dev-bob",
            [w("PutBucketLogging", "s3", ["bucketName": s("prod-data"), "BucketLoggingStatus": o([:])])]),
        aws("guardduty.stealth.password-policy-change", "dev-dave", [w("DeleteAccountPasswordPolicy", "iam")]),
        aws(
            "guardduty.stealth.guardduty-disabled", "ops-admin",
            [w("DeleteDetector", "guardduty", ["detectorId": s("12abc34d567e8fa901bc2d34e56789f0")])]),
        aws(
            "guardduty.stealth.config-stopped", "ops-admin",
            [w("StopConfigurationRecorder", "config", ["configurationRecorderName": s("default")])]),
        aws(
            "guardduty.policy.s3-block-public-access-disabled", "dev-carol",
            [w("DeleteBucketPublicAccessBlock", "s3", ["bucketName": s("prod-data")])]),
        aws(
            "guardduty.policy.s3-bucket-public-acl", "dev-carol",
            [w("PutBucketAcl", "s3", ["bucketName": s("prod-data"), "acl": s(""), "x-amz-acl": a([s("public-read")])])]),
        aws(
            "guardduty.pentest.kali-linux-client", "app-backend", kind: .role,
            agent: "aws-cli/2.13.25 Python/3.11.6 Linux/6.5.0-kali3-amd64 exe/x86_64.kali.2023 prompt/off command/sts.get-caller-identity",
            [r("GetCallerIdentity", "sts")]),
        aws(
            "bulwark.persistence.lambda-function-url-public", "dev-bob",
            [w("CreateFunctionUrlConfig20211031", "lambda", ["functionName": s("billing-export"), "authType": s("NONE")])]),
        aws(
            "bulwark.persistence.lambda-event-source-mapping", "dev-bob",
            [
                w(
                    "CreateEventSourceMapping20150331", "lambda",
                    [
                        "functionName": s("stats"),
                        "eventSourceArn": s("arn:aws:dynamodb:us-east-1:\(account):table/users/stream/2026-03-09T10:00:00.000"),
                    ])
            ]),
        aws(
            "bulwark.privilege-escalation.iam-inline-wildcard-policy", "dev-alice",
            [
                w(
                    "PutUserPolicy", "iam",
                    [
                        "userName": s("dev-alice"), "policyName": s("tmp"),
                        "policyDocument": s(
                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"),
                    ])
            ]),
        aws(
            "bulwark.impact.kms-key-deletion", "dev-dave",
            [
                w(
                    "ScheduleKeyDeletion", "kms",
                    [
                        "keyId": s("arn:aws:kms:us-east-1:\(account):key/1234abcd-12ab-34cd-56ef-1234567890ab"),
                        "pendingWindowInDays": .number(7),
                    ])
            ]),
        aws("bulwark.stealth.securityhub-disabled", "ops-admin", [w("DisableSecurityHub", "securityhub")]),
    ]
}
