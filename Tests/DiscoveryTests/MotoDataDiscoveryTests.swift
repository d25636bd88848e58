import AWS
import Checks
import CloudHTTP
import Foundation
import Model
import Scanner
import TestSupport
import Testing

@testable import Discovery

/// EKS, ElastiCache, OpenSearch, Redshift, Lambda layers and ECS task definitions read from moto, seeded with one
/// compliant and one misconfigured resource each: the attributes in Terraform's vocabulary, no secret in what was
/// read, the unchanged check library FAILED on the bad and PASSED on the good, and a denied call leaving what it
/// would have read unknown.
@Suite("AWS data services discovery against moto", .serialized)
struct MotoDataDiscoveryTests {
    static let services: Set<AWSDiscovery.Service> = [.eks, .elasticache, .opensearch, .redshift, .lambda, .ecs]
    /// Values the seed sets that must never appear in discovery's output.
    static let secrets = [
        "fake-env-value-for-redaction-test-7f3a", "fake-auth-token-for-test-0123456789", "Fake-Passw0rd1", "Fake-Passw0rd!",
    ]

    static func seed(_ moto: MotoServer) throws -> [String: String] {
        guard let script = Bundle.module.url(forResource: "seed_moto_data", withExtension: "py", subdirectory: "Fixtures")
        else { throw TestServerError("seed_moto_data.py missing from the test bundle") }
        let output = try moto.runPython(script: script.path)
        let line = output.split(separator: "\n").last.map(String.init) ?? ""
        return try JSONDecoder().decode([String: String].self, from: Data(line.utf8))
    }

    static func find(_ resources: [Resource], _ type: String, _ id: String) -> Resource? {
        resources.first { r in
            guard r.type == type, case .live(let live) = r.origin else { return false }
            return live.id == id || r.attributes["id"]?.stringValue == id || r.name == id
        }
    }

    /// The verdict of the check in `checks/aws/<file>.yaml` on `resource`.
    static func verdict(_ results: [CheckResult], _ file: String, _ resource: Resource?) throws -> Verdict? {
        let check = try CheckLibrary.loadCheck(file: "\(MotoDiscoveryTests.checksDirectory)/aws/\(file).yaml").get().id
        return results.first { $0.check.id == check && $0.resourceAddress == resource?.address }?.verdict
    }

    @Test func readsTheDataServicesInTerraformsVocabularyAndTheChecksJudgeThem() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        let ids = try Self.seed(moto)
        let result = try await AWSDiscovery(client: MotoDiscoveryTests.client(moto.environment()), services: Self.services).run()
        #expect(result.errors.isEmpty, "\(result.errors.map { "\($0.service) \($0.operation): \($0.message)" })")
        let types: Set<String> = [
            "aws_eks_cluster", "aws_eks_node_group", "aws_elasticache_replication_group", "aws_elasticache_cluster",
            "aws_elasticache_subnet_group", "aws_opensearch_domain", "aws_opensearch_domain_policy", "aws_redshift_cluster",
            "aws_redshift_parameter_group", "aws_lambda_layer_version", "aws_lambda_layer_version_permission",
            "aws_ecs_task_definition",
        ]
        #expect(types.subtracting(result.resources.map(\.type)).isEmpty, "\(types.subtracting(result.resources.map(\.type)))")
        #expect(types.isSubset(of: AWSDiscovery.supportedTypes))
        #expect(Set(result.resources.map(\.address)).count == result.resources.count)
        func find(_ type: String, _ id: String) -> Resource? { Self.find(result.resources, type, id) }

        // No secret the seed set reaches what was read: environment values, AUTH tokens and master passwords.
        let text = result.resources.map { "\($0.attributes)" }.joined(separator: "\n")
        for secret in Self.secrets { #expect(!text.contains(secret), "\(secret) reached discovery's output") }

        let openCluster = try #require(find("aws_eks_cluster", "eks-open"))
        let vpc = try #require(openCluster.attributes["vpc_config"]?.elements?.first)
        #expect(vpc[member: "endpoint_public_access"] == .bool(true))
        #expect(vpc[member: "public_access_cidrs"] == .strings(["0.0.0.0/0"]))
        #expect(openCluster.attributes["enabled_cluster_log_types"] == .strings(["api"]))
        #expect(openCluster.attributes["version"] == .string("1.27"))
        let privateCluster = try #require(find("aws_eks_cluster", "eks-private"))
        let encryption = try #require(privateCluster.attributes["encryption_config"]?.elements?.first)
        #expect(encryption[member: "resources"] == .strings(["secrets"]))
        #expect(encryption[member: "provider"].elements?.first?[member: "key_arn"] == .string(ids["kms"] ?? "<kms>"))

        let sealedGroup = try #require(find("aws_elasticache_replication_group", "redis-sealed"))
        #expect(sealedGroup.attributes["auth_token_enabled"] == .bool(true))
        #expect(sealedGroup.attributes["auth_token"] == nil)
        #expect(sealedGroup.attributes["automatic_failover_enabled"] == .bool(true))
        #expect(sealedGroup.attributes["multi_az_enabled"] == .bool(true))
        #expect(sealedGroup.attributes["snapshot_retention_limit"] == .number(7))
        #expect(find("aws_elasticache_cluster", "redis-backed")?.attributes["subnet_group_name"] == .string("cache-private"))
        #expect(find("aws_elasticache_subnet_group", "cache-private")?.attributes["subnet_ids"]?.elements?.count == 2)

        let openDomain = try #require(find("aws_opensearch_domain", "search-open"))
        #expect(openDomain.attributes["vpc_options"] == .list([]))
        let policy = try #require(find("aws_opensearch_domain_policy", "search-open"))
        #expect(policy.attributes["access_policies"]?.stringValue?.contains("\"AWS\": \"*\"") == true)
        #expect(find("aws_opensearch_domain_policy", "search-sealed") == nil)
        let sealedDomain = try #require(find("aws_opensearch_domain", "search-sealed"))
        let logs = sealedDomain.attributes["log_publishing_options"]?.elements ?? []
        #expect(logs.map { $0[member: "log_type"] } == [.string("AUDIT_LOGS"), .string("ES_APPLICATION_LOGS")])
        #expect(sealedDomain.attributes["cluster_config"]?.elements?.first?[member: "zone_awareness_enabled"] == .bool(true))

        let warehouse = try #require(find("aws_redshift_cluster", "warehouse-sealed"))
        #expect(warehouse.attributes["master_username"] == .string("warehouse_admin"))
        #expect(warehouse.attributes["logging"]?.elements?.first?[member: "bucket_name"] == .string("warehouse-audit-logs"))
        let parameterGroup = try #require(find("aws_redshift_parameter_group", "require-ssl"))
        #expect(parameterGroup.attributes["family"] == .string("redshift-1.0"))
        #expect(warehouse.references.contains { $0.target == parameterGroup.address })
        #expect(find("aws_redshift_parameter_group", "default.redshift-1.0") == nil)

        let layer = try #require(find("aws_lambda_layer_version", "shared-helpers"))
        #expect(layer.attributes["compatible_runtimes"] == .strings(["python3.12"]))
        let everyone = try #require(find("aws_lambda_layer_version_permission", "shared-helpers_1_everyone"))
        #expect(everyone.attributes["principal"] == .string("*"))
        let partner = try #require(find("aws_lambda_layer_version_permission", "team-helpers_1_partner"))

        let risky = try #require(find("aws_ecs_task_definition", "task-risky"))
        #expect(risky.attributes["pid_mode"] == .string("host") && risky.attributes["network_mode"] == .string("host"))
        let definitions = try #require(risky.attributes["container_definitions"]?.stringValue)
        let containers = try JSONBody.decode(Data(definitions.utf8))
        #expect(containers.elements?.first?[member: "privileged"] == .bool(true))
        #expect(containers.elements?.first?[member: "environment"] == .list([.object(["name": .string("DB_PASSWORD")])]))

        let results = CheckEngine(checks: CheckLibrary.load(directory: MotoDiscoveryTests.checksDirectory).checks)
            .evaluate(graph: ResourceGraph(result.resources))
        let safe = find("aws_ecs_task_definition", "task-safe")
        let pairs: [(check: String, bad: Resource?, good: Resource?)] = [
            ("eks_private_endpoint", openCluster, privateCluster), ("eks_public_access_cidrs", openCluster, privateCluster),
            ("eks_control_plane_logging", openCluster, privateCluster), ("eks_secrets_encryption", openCluster, privateCluster),
            ("eks_node_group_ssh", find("aws_eks_node_group", "eks-open:ssh-open"), find("aws_eks_node_group", "eks-private:ssh-scoped")),
            ("elasticache_at_rest", find("aws_elasticache_replication_group", "redis-open"), sealedGroup),
            ("elasticache_in_transit", find("aws_elasticache_replication_group", "redis-open"), sealedGroup),
            ("elasticache_transit_auth", find("aws_elasticache_replication_group", "redis-open"), sealedGroup),
            ("elasticache_automatic_failover", find("aws_elasticache_replication_group", "redis-open"), sealedGroup),
            ("elasticache_cmk", find("aws_elasticache_replication_group", "redis-open"), sealedGroup),
            ("elasticache_backups", find("aws_elasticache_cluster", "redis-nobackup"), find("aws_elasticache_cluster", "redis-backed")),
            (
                "elasticache_auto_minor_upgrade", find("aws_elasticache_cluster", "redis-nobackup"),
                find("aws_elasticache_cluster", "redis-backed")
            ),
            (
                "elasticache_custom_subnet_group", find("aws_elasticache_cluster", "redis-nobackup"),
                find("aws_elasticache_cluster", "redis-backed")
            ),
            ("opensearch_encrypt_at_rest", openDomain, sealedDomain), ("opensearch_node_to_node", openDomain, sealedDomain),
            ("opensearch_enforce_https", openDomain, sealedDomain), ("opensearch_tls_policy", openDomain, sealedDomain),
            ("opensearch_in_vpc", openDomain, sealedDomain), ("opensearch_logging", openDomain, sealedDomain),
            ("opensearch_audit_logs", openDomain, sealedDomain), ("opensearch_fine_grained_access", openDomain, sealedDomain),
            ("opensearch_cmk", openDomain, sealedDomain),
            ("redshift_not_public", find("aws_redshift_cluster", "warehouse-open"), warehouse),
            ("redshift_encrypted", find("aws_redshift_cluster", "warehouse-open"), warehouse),
            ("redshift_cmk", find("aws_redshift_cluster", "warehouse-open"), warehouse),
            ("redshift_enhanced_vpc_routing", find("aws_redshift_cluster", "warehouse-open"), warehouse),
            ("redshift_version_upgrade", find("aws_redshift_cluster", "warehouse-open"), warehouse),
            ("redshift_automated_snapshots", find("aws_redshift_cluster", "warehouse-open"), warehouse),
            ("redshift_audit_logging", find("aws_redshift_cluster", "warehouse-open"), warehouse),
            ("redshift_database_name", find("aws_redshift_cluster", "warehouse-open"), warehouse),
            ("lambda_layer_not_public", everyone, partner),
            ("ecs_task_efs_transit_encryption", risky, safe), ("ecs_task_no_privileged_containers", risky, safe),
            ("ecs_task_pid_mode_not_host", risky, safe),
        ]
        for pair in pairs {
            #expect(try Self.verdict(results, pair.check, pair.bad) == .failed, "\(pair.check) on \(pair.bad?.address ?? "<not read>")")
            #expect(try Self.verdict(results, pair.check, pair.good) == .passed, "\(pair.check) on \(pair.good?.address ?? "<not read>")")
        }
    }

    @Test func aDeniedDescriptionLeavesItsSettingsUnknownAndTheirChecksUnknown() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        _ = try Self.seed(moto)
        let denied: @Sendable (ReceivedRequest) -> Bool = { request in
            let target = request.header("X-Amz-Target") ?? ""
            return request.path == "/clusters/eks-private" || request.path == "/2021-01-01/opensearch/domain/search-sealed"
                || request.path.hasSuffix("/layers/team-helpers/versions/1/policy")
                || request.text.contains("Action=DescribeLoggingStatus") && request.text.contains("warehouse-sealed")
                || target.hasSuffix(".DescribeTaskDefinition") && request.text.contains("task-safe")
        }
        let proxy = try ForwardingProxy(upstream: try #require(URL(string: moto.endpoint))) { request in
            guard denied(request) else { return nil }
            if request.text.contains("Action=") {
                return CannedResponse(
                    status: 403,
                    text:
                        "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>denied</Message></Error></ErrorResponse>"
                )
            }
            return CannedResponse(
                status: 403, headers: [("x-amzn-ErrorType", "AccessDeniedException"), ("Content-Type", "application/json")],
                text: "{\"message\":\"denied\"}")
        }
        defer { proxy.stop() }
        var environment = moto.environment()
        environment["AWS_ENDPOINT_URL"] = proxy.baseURL.absoluteString
        let result = try await AWSDiscovery(client: PartialReadTests.client(environment), services: Self.services).run()
        let operations = Set(result.errors.map { "\($0.service) \($0.operation) \($0.resource ?? "")" })
        #expect(operations.contains("eks DescribeCluster eks-private"), "\(operations)")
        #expect(operations.contains("opensearch DescribeDomain search-sealed"), "\(operations)")
        #expect(operations.contains("redshift DescribeLoggingStatus warehouse-sealed"), "\(operations)")
        #expect(operations.contains("ecs DescribeTaskDefinition task-safe"), "\(operations)")
        #expect(result.errors.allSatisfy { $0.code == .accessDenied })
        #expect(result.isPartial)

        func find(_ type: String, _ id: String) -> Resource? { Self.find(result.resources, type, id) }
        let cluster = try #require(find("aws_eks_cluster", "eks-private"))
        #expect(cluster.attributes["vpc_config"] == .unknown && cluster.attributes["encryption_config"] == .unknown)
        #expect(result.unread.contains { $0.type == "aws_eks_cluster" && $0.attributes["name"] == .string("eks-private") })
        // Its node groups are still listed and read.
        #expect(find("aws_eks_node_group", "eks-private:ssh-scoped") != nil)
        let domain = try #require(find("aws_opensearch_domain", "search-sealed"))
        #expect(domain.attributes["encrypt_at_rest"] == .unknown)
        let warehouse = try #require(find("aws_redshift_cluster", "warehouse-sealed"))
        #expect(warehouse.attributes["logging"] == .unknown)
        #expect(warehouse.attributes["encrypted"] == .bool(true))
        let task = try #require(find("aws_ecs_task_definition", "task-safe"))
        #expect(task.attributes["container_definitions"] == .unknown)
        let permission = try #require(
            result.resources.first {
                $0.type == "aws_lambda_layer_version_permission" && $0.attributes["principal"] == .unknown
            })

        let results = CheckEngine(checks: CheckLibrary.load(directory: MotoDiscoveryTests.checksDirectory).checks)
            .evaluate(graph: ResourceGraph(result.resources))
        let unknown: [(String, Resource)] = [
            ("eks_private_endpoint", cluster), ("eks_secrets_encryption", cluster), ("eks_control_plane_logging", cluster),
            ("opensearch_encrypt_at_rest", domain), ("opensearch_enforce_https", domain), ("opensearch_in_vpc", domain),
            ("redshift_audit_logging", warehouse), ("ecs_task_efs_transit_encryption", task),
            ("ecs_task_no_privileged_containers", task), ("ecs_task_pid_mode_not_host", task),
            ("lambda_layer_not_public", permission),
        ]
        for (check, resource) in unknown {
            let verdict = try Self.verdict(results, check, resource)
            #expect(verdict?.kind == .unknown, "\(check) on \(resource.address): \(String(describing: verdict))")
        }
        // What the denied calls did not cover is still judged.
        #expect(try Self.verdict(results, "redshift_encrypted", warehouse) == .passed)
    }
}
