import AWS
import CloudHTTP
import Foundation
import Model

/// Reads an AWS account into Terraform-shaped resources: global services (IAM, S3, account settings) once,
/// regional ones per region, all concurrently within the client's per-(service, region) bound. Failures are
/// listed per service and region; discovery itself never throws once the account is known.
public struct AWSDiscovery: Sendable {
    /// Services that can be read.
    public enum Service: String, Sendable, CaseIterable {
        case s3, iam, ec2, rds, kms, cloudtrail, config, logs
        case cloudwatch, elbv2, sns, sqs, dynamodb, secretsmanager, ssm, ecr, ecs, lambda, guardduty, efs
        case securityhub, organizations, backup
        case eks, elasticache, opensearch, redshift, accessanalyzer
        case cloudfront, apigateway, apigatewayv2, wafv2, acm, route53
    }

    public let client: AWSClient
    /// Regions to read; the client's region when empty.
    public var regions: [String]
    public var services: Set<Service>

    /// Creates a discovery over `client`.
    public init(client: AWSClient, regions: [String] = [], services: Set<Service> = Set(Service.allCases)) {
        self.client = client
        self.regions = regions.isEmpty ? [client.region] : regions
        self.services = services
    }

    /// Runs discovery. Only a failure to learn the account (STS GetCallerIdentity) is fatal: without it no ARN
    /// or address can be formed, and every other call would fail the same way.
    public func run() async throws(AWSError) -> DiscoveryResult {
        let account = try await accountID()
        let client = self.client
        let services = self.services
        let readers = await withTaskGroup(of: ServiceReader.self) { group in
            if services.contains(.s3) { group.addTask { await S3Discovery.read(client: client, account: account) } }
            if services.contains(.iam) { group.addTask { await IAMDiscovery.read(client: client, account: account) } }
            for region in regions {
                if services.contains(.ec2) { group.addTask { await EC2Discovery.read(client: client, account: account, region: region) } }
                if services.contains(.rds) { group.addTask { await RDSDiscovery.read(client: client, account: account, region: region) } }
                if services.contains(.kms) { group.addTask { await KMSDiscovery.read(client: client, account: account, region: region) } }
                if services.contains(.cloudtrail) {
                    group.addTask { await CloudTrailDiscovery.read(client: client, account: account, region: region) }
                }
                if services.contains(.config) {
                    group.addTask { await ConfigDiscovery.read(client: client, account: account, region: region) }
                }
                if services.contains(.logs) { group.addTask { await LogsDiscovery.read(client: client, account: account, region: region) } }
            }
            addInventoryReaders(to: &group, account: account)
            var collected: [ServiceReader] = []
            for await reader in group { collected.append(reader) }
            return collected
        }
        var live = readers.flatMap(\.resources)
        let tagging = await withTaskGroup(of: (String, ServiceReader, [String: Value]?).self) { group in
            for (region, filters) in TagBackfill.requests(for: live) {
                group.addTask {
                    let (reader, tags) = await TagBackfill.read(client: client, account: account, region: region, filters: filters)
                    return (region, reader, tags)
                }
            }
            var collected: [(String, ServiceReader, [String: Value]?)] = []
            for await result in group { collected.append(result) }
            return collected
        }
        TagBackfill.apply(Dictionary(tagging.compactMap { r in r.2.map { (r.0, $0) } }, uniquingKeysWith: { a, _ in a }), to: &live)
        let webACLErrors = await WebACLLinks.link(&live, client: client, account: account, read: services.contains(.wafv2))
        let errors = ((readers + tagging.map(\.1)).flatMap(\.errors) + webACLErrors).sorted {
            ($0.service, $0.region, $0.operation, $0.resource ?? "")
                < ($1.service, $1.region, $1.operation, $1.resource ?? "")
        }
        LiveAnchors.linkAlarms(&live)
        LiveAnchors.markTrailBuckets(&live, errors: errors, selected: Set(services.map(\.rawValue)))
        BackupSelectionLinks.link(&live, errors: errors, regions: regions, read: services.contains(.backup))
        live += LiveAnchors.anchors(
            live: live, errors: errors, account: account, regions: regions, selected: Set(services.map(\.rawValue)))
        let entries = await client.stats.entries()
        var byOperation: [String: Int] = [:]
        for entry in entries { byOperation["\(entry.service):\(entry.operation)", default: 0] += entry.calls }
        return DiscoveryResult(
            resources: LiveAddressing.aws.resources(live, account: account), errors: errors,
            apiCalls: entries.reduce(0) { $0 + $1.calls },
            callsByService: await client.stats.callsByService(), callsByOperation: byOperation,
            regions: regions, account: account,
            unread: LiveAddressing.aws.resources(readers.flatMap(\.unread), account: account),
            stoppedServices: await StoppedService.stopped(by: client.callGuard),
            deadlineExceeded: errors.contains { ($0.underlying as? AWSError)?.code == .deadlineExceeded })
    }

    /// The account the client's credentials belong to (STS GetCallerIdentity).
    func accountID() async throws(AWSError) -> String {
        let identity = try await client.query(service: .sts, action: "GetCallerIdentity")
        guard let account = identity.first(named: "Account")?.text, !account.isEmpty else {
            throw AWSError(
                .malformedResponse, "GetCallerIdentity returned no Account", service: "sts",
                operation: "GetCallerIdentity")
        }
        return account
    }
}
