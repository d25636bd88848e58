import AWS
import Model

extension AWSDiscovery {
    /// A reader of one service: global ones ignore the region.
    typealias Read = @Sendable (AWSClient, String, String) async -> ServiceReader

    /// The readers beyond each service's first one, by the service whose selection enables them: global ones
    /// (IAM roles, groups, policies, CloudFront, Route 53, CloudFront-scoped web ACLs) run once, the rest per region.
    static let globalReaders: [(Service, Read)] = [
        (.iam, { client, account, _ in await IAMRoleDiscovery.read(client: client, account: account) }),
        (.iam, { client, account, _ in await IAMAccountSummaryDiscovery.read(client: client, account: account) }),
        (.organizations, { client, account, _ in await AccountStructureDiscovery.organization(client: client, account: account) }),
        (.cloudfront, { await CloudFrontDiscovery.read(client: $0, account: $1, region: $2) }),
        (.route53, { await Route53Discovery.read(client: $0, account: $1, region: $2) }),
        (.wafv2, { await WAFv2Discovery.cloudFront(client: $0, account: $1, region: $2) }),
    ]

    /// Regional readers, each run once per region when its service is selected.
    static let regionalReaders: [(Service, Read)] = [
        (.ec2, { await EC2NetworkDiscovery.read(client: $0, account: $1, region: $2) }),
        (.ec2, { await EC2ImageDiscovery.read(client: $0, account: $1, region: $2) }),
        (.rds, { await RDSClusterDiscovery.read(client: $0, account: $1, region: $2) }),
        (.rds, { await RDSEventSubscriptionDiscovery.read(client: $0, account: $1, region: $2) }),
        (.kms, { await KMSAliasDiscovery.read(client: $0, account: $1, region: $2) }),
        (.logs, { await MonitoringDiscovery.metricFilters(client: $0, account: $1, region: $2) }),
        (.cloudwatch, { await MonitoringDiscovery.alarms(client: $0, account: $1, region: $2) }),
        (.elbv2, { await ELBv2Discovery.read(client: $0, account: $1, region: $2) }),
        (.sns, { await SNSDiscovery.read(client: $0, account: $1, region: $2) }),
        (.sqs, { await SQSDiscovery.read(client: $0, account: $1, region: $2) }),
        (.dynamodb, { await DynamoDBDiscovery.read(client: $0, account: $1, region: $2) }),
        (.secretsmanager, { await SecretsManagerDiscovery.read(client: $0, account: $1, region: $2) }),
        (.ssm, { await SSMDiscovery.read(client: $0, account: $1, region: $2) }),
        (.ecr, { await ContainerDiscovery.repositories(client: $0, account: $1, region: $2) }),
        (.ecr, { await ECRPolicyDiscovery.registryScanning(client: $0, account: $1, region: $2) }),
        (.ecs, { await ContainerDiscovery.clusters(client: $0, account: $1, region: $2) }),
        (.lambda, { await LambdaDiscovery.read(client: $0, account: $1, region: $2) }),
        (.lambda, { await LambdaLayerDiscovery.read(client: $0, account: $1, region: $2) }),
        (.ecs, { await ECSTaskDefinitionDiscovery.read(client: $0, account: $1, region: $2) }),
        (.guardduty, { await DetectionDiscovery.read(client: $0, account: $1, region: $2) }),
        (.securityhub, { await SecurityHubDiscovery.read(client: $0, account: $1, region: $2) }),
        (.backup, { await AccountStructureDiscovery.backupVaults(client: $0, account: $1, region: $2) }),
        (.backup, { await BackupPlanDiscovery.read(client: $0, account: $1, region: $2) }),
        (.efs, { await EFSDiscovery.read(client: $0, account: $1, region: $2) }),
        (.eks, { await EKSDiscovery.read(client: $0, account: $1, region: $2) }),
        (.elasticache, { await ElastiCacheDiscovery.read(client: $0, account: $1, region: $2) }),
        (.opensearch, { await OpenSearchDiscovery.read(client: $0, account: $1, region: $2) }),
        (.redshift, { await RedshiftDiscovery.read(client: $0, account: $1, region: $2) }),
        (.accessanalyzer, { await AccessAnalyzerDiscovery.read(client: $0, account: $1, region: $2) }),
        (.apigateway, { await APIGatewayDiscovery.read(client: $0, account: $1, region: $2) }),
        (.apigatewayv2, { await APIGatewayV2Discovery.read(client: $0, account: $1, region: $2) }),
        (.wafv2, { await WAFv2Discovery.regional(client: $0, account: $1, region: $2) }),
        (.acm, { await ACMDiscovery.read(client: $0, account: $1, region: $2) }),
    ]

    /// Every Terraform resource type AWS discovery can produce, sorted: what `discover --list-types` prints.
    public static var supportedTypes: [String] {
        ServiceTypes.owners.filter { $0.value.cloud == "aws" }.keys.sorted()
    }

    /// Adds the inventory readers for the selected services to `group`.
    func addInventoryReaders(to group: inout TaskGroup<ServiceReader>, account: String) {
        let client = self.client
        for (service, read) in Self.globalReaders where services.contains(service) {
            group.addTask { await read(client, account, client.region) }
        }
        for region in regions {
            for (service, read) in Self.regionalReaders where services.contains(service) {
                group.addTask { await read(client, account, region) }
            }
        }
    }
}
