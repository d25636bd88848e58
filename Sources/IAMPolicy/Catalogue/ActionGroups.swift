/// Named groups of actions that matter to security reviews, beyond the reference's access levels.
public enum ActionGroups {
    /// Actions whose response carries credentials, keys, tokens or passwords another identity can use.
    /// `ecr:GetAuthorizationToken` is left out: every image pull needs it, and its token only reaches the
    /// repositories the caller's other permissions allow.
    public static let credentialsExposure: [String] = [
        "airflow:CreateCliToken", "airflow:CreateWebLoginToken",
        "appsync:CreateApiKey",
        "chime:CreateApiKey",
        "cloud9:CreateEnvironmentToken",
        "codeartifact:GetAuthorizationToken",
        "codepipeline:PollForJobs",
        "cognito-identity:GetCredentialsForIdentity", "cognito-identity:GetOpenIdToken",
        "cognito-identity:GetOpenIdTokenForDeveloperIdentity",
        "cognito-idp:GetSigningCertificate",
        "connect:GetFederationToken", "connect:GetFederationTokens",
        "ec2:GetPasswordData",
        "ecr-public:GetAuthorizationToken",
        "emr-containers:GetManagedEndpointSessionCredentials",
        "finspace-api:GetProgrammaticAccessCredentials",
        "gamelift:GetComputeAccess", "gamelift:GetComputeAuthToken", "gamelift:GetInstanceAccess",
        "gamelift:RequestUploadCredentials",
        "grafana:CreateWorkspaceApiKey",
        "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:CreateServiceSpecificCredential",
        "iam:ResetServiceSpecificCredential", "iam:UpdateAccessKey",
        "license-manager:GetAccessToken",
        "lightsail:CreateBucketAccessKey", "lightsail:DownloadDefaultKeyPair", "lightsail:GetInstanceAccessDetails",
        "lightsail:GetRelationalDatabaseMasterUserPassword",
        "mediapackage:RotateChannelCredentials", "mediapackage:RotateIngestEndpointCredentials",
        "rds-db:connect",
        "redshift:GetClusterCredentials", "redshift:GetClusterCredentialsWithIAM",
        "redshift-serverless:GetCredentials",
        "sso:GetRoleCredentials",
        "sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity", "sts:GetFederationToken",
        "sts:GetSessionToken",
    ]

    /// Read actions that hand over stored data or secrets wholesale.
    public static let dataExfiltration: [String] = [
        "s3:GetObject",
        "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath",
        "secretsmanager:GetSecretValue",
    ]

    /// A way to gain more permissions than granted: every action of the path, allowed together, lets the holder
    /// give itself (or a compute resource it controls) other permissions.
    public struct EscalationPath: Sendable, Hashable {
        public let name: String
        public let actions: [String]
    }

    /// The well-known privilege escalation paths (Rhino Security Labs' catalogue of IAM escalation methods).
    public static let privilegeEscalation: [EscalationPath] = [
        EscalationPath(name: "CreateAccessKey", actions: ["iam:CreateAccessKey"]),
        EscalationPath(name: "CreateLoginProfile", actions: ["iam:CreateLoginProfile"]),
        EscalationPath(name: "UpdateLoginProfile", actions: ["iam:UpdateLoginProfile"]),
        EscalationPath(name: "AddUserToGroup", actions: ["iam:AddUserToGroup"]),
        EscalationPath(name: "CreateNewPolicyVersion", actions: ["iam:CreatePolicyVersion"]),
        EscalationPath(name: "SetExistingDefaultPolicyVersion", actions: ["iam:SetDefaultPolicyVersion"]),
        EscalationPath(name: "AttachUserPolicy", actions: ["iam:AttachUserPolicy"]),
        EscalationPath(name: "AttachGroupPolicy", actions: ["iam:AttachGroupPolicy"]),
        EscalationPath(name: "AttachRolePolicy", actions: ["iam:AttachRolePolicy", "sts:AssumeRole"]),
        EscalationPath(name: "PutUserPolicy", actions: ["iam:PutUserPolicy"]),
        EscalationPath(name: "PutGroupPolicy", actions: ["iam:PutGroupPolicy"]),
        EscalationPath(name: "PutRolePolicy", actions: ["iam:PutRolePolicy", "sts:AssumeRole"]),
        EscalationPath(name: "UpdateRolePolicyToAssumeIt", actions: ["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"]),
        EscalationPath(name: "PassRoleToNewEC2Instance", actions: ["iam:PassRole", "ec2:RunInstances"]),
        EscalationPath(
            name: "PassRoleToNewLambdaThenInvoke",
            actions: ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"]),
        EscalationPath(
            name: "PassRoleToNewLambdaThenTriggerWithNewDynamoTable",
            actions: [
                "iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping", "dynamodb:CreateTable",
                "dynamodb:PutItem",
            ]),
        EscalationPath(
            name: "PassRoleToNewLambdaThenTriggerWithExistingDynamoTable",
            actions: ["iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"]),
        EscalationPath(name: "PassRoleToNewGlueDevEndpoint", actions: ["iam:PassRole", "glue:CreateDevEndpoint"]),
        EscalationPath(name: "PassRoleToCloudFormation", actions: ["iam:PassRole", "cloudformation:CreateStack"]),
        EscalationPath(name: "PassRoleToNewDataPipeline", actions: ["iam:PassRole", "datapipeline:CreatePipeline"]),
        EscalationPath(name: "UpdateExistingGlueDevEndpoint", actions: ["glue:UpdateDevEndpoint"]),
        EscalationPath(name: "EditExistingLambdaFunctionWithRole", actions: ["lambda:UpdateFunctionCode"]),
    ]

}
