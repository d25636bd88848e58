/// The services live discovery reads beyond the core set (load balancers, messaging, data stores, serverless,
/// detection), each with the protocol its current SDKs speak.
extension AWSService {
    public static let elbv2 = AWSService(
        id: "elbv2", environmentName: "ELASTIC_LOAD_BALANCING_V2", endpointPrefix: "elasticloadbalancing",
        signingName: "elasticloadbalancing", wireProtocol: .query(version: "2015-12-01", ec2: false))
    public static let sns = AWSService(
        id: "sns", environmentName: "SNS", endpointPrefix: "sns", signingName: "sns",
        wireProtocol: .query(version: "2010-03-31", ec2: false))
    public static let sqs = AWSService(
        id: "sqs", environmentName: "SQS", endpointPrefix: "sqs", signingName: "sqs",
        wireProtocol: .json(targetPrefix: "AmazonSQS", version: "1.0"))
    /// Application Auto Scaling: which DynamoDB tables scale their provisioned capacity.
    public static let applicationAutoScaling = AWSService(
        id: "application-autoscaling", environmentName: "APPLICATION_AUTO_SCALING",
        endpointPrefix: "application-autoscaling", signingName: "application-autoscaling",
        wireProtocol: .json(targetPrefix: "AnyScaleFrontendService", version: "1.1"))
    public static let dynamodb = AWSService(
        id: "dynamodb", environmentName: "DYNAMODB", endpointPrefix: "dynamodb", signingName: "dynamodb",
        wireProtocol: .json(targetPrefix: "DynamoDB_20120810", version: "1.0"))
    public static let secretsmanager = AWSService(
        id: "secretsmanager", environmentName: "SECRETS_MANAGER", endpointPrefix: "secretsmanager",
        signingName: "secretsmanager", wireProtocol: .json(targetPrefix: "secretsmanager", version: "1.1"))
    public static let ssm = AWSService(
        id: "ssm", environmentName: "SSM", endpointPrefix: "ssm", signingName: "ssm",
        wireProtocol: .json(targetPrefix: "AmazonSSM", version: "1.1"))
    public static let ecr = AWSService(
        id: "ecr", environmentName: "ECR", endpointPrefix: "api.ecr", signingName: "ecr",
        wireProtocol: .json(targetPrefix: "AmazonEC2ContainerRegistry_V20150921", version: "1.1"))
    public static let ecs = AWSService(
        id: "ecs", environmentName: "ECS", endpointPrefix: "ecs", signingName: "ecs",
        wireProtocol: .json(targetPrefix: "AmazonEC2ContainerServiceV20141113", version: "1.1"))
    public static let cloudwatch = AWSService(
        id: "cloudwatch", environmentName: "CLOUDWATCH", endpointPrefix: "monitoring", signingName: "monitoring",
        wireProtocol: .query(version: "2010-08-01", ec2: false))
    public static let lambda = AWSService(
        id: "lambda", environmentName: "LAMBDA", endpointPrefix: "lambda", signingName: "lambda",
        wireProtocol: .restJSON)
    public static let guardduty = AWSService(
        id: "guardduty", environmentName: "GUARDDUTY", endpointPrefix: "guardduty", signingName: "guardduty",
        wireProtocol: .restJSON)
    public static let efs = AWSService(
        id: "efs", environmentName: "EFS", endpointPrefix: "elasticfilesystem", signingName: "elasticfilesystem",
        wireProtocol: .restJSON)
    /// AWS Organizations: its one endpoint is in us-east-1 (commercial partition), so it is called there.
    public static let organizations = AWSService(
        id: "organizations", environmentName: "ORGANIZATIONS", endpointPrefix: "organizations", signingName: "organizations",
        wireProtocol: .json(targetPrefix: "AWSOrganizationsV20161128", version: "1.1"))
    public static let backup = AWSService(
        id: "backup", environmentName: "BACKUP", endpointPrefix: "backup", signingName: "backup", wireProtocol: .restJSON)
    /// The Resource Groups Tagging API: every tagged resource of a region with its tags, in pages of 100.
    public static let tagging = AWSService(
        id: "tagging", environmentName: "RESOURCE_GROUPS_TAGGING_API", endpointPrefix: "tagging", signingName: "tagging",
        wireProtocol: .json(targetPrefix: "ResourceGroupsTaggingAPI_20170126", version: "1.1"))
}
