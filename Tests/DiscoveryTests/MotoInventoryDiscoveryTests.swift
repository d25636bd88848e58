import AWS
import Checks
import CloudHTTP
import Discovery
import Foundation
import Model
import Scanner
import TestSupport
import Testing

/// The wider AWS inventory (network pieces, snapshots and AMIs with their sharing, RDS clusters, IAM roles,
/// load balancers, messaging, data stores, serverless, detection) read from moto, seeded with one compliant and one
/// misconfigured resource per service, then the unchanged check library on what was read.
@Suite("AWS inventory discovery against moto", .serialized)
struct MotoInventoryDiscoveryTests {
    static func seed(_ moto: MotoServer) throws -> [String: String] {
        guard let script = Bundle.module.url(forResource: "seed_moto_inventory", withExtension: "py", subdirectory: "Fixtures")
        else { throw TestServerError("seed_moto_inventory.py missing from the test bundle") }
        let output = try moto.runPython(script: script.path)
        let line = output.split(separator: "\n").last.map(String.init) ?? ""
        return try JSONDecoder().decode([String: String].self, from: Data(line.utf8))
    }

    func find(_ result: DiscoveryResult, _ type: String, _ id: String) -> Resource? {
        result.resources.first { r in
            guard r.type == type, case .live(let live) = r.origin else { return false }
            return live.id == id || r.attributes["id"]?.stringValue == id || r.name == id
        }
    }

    @Test func readsTheInventoryInTerraformsVocabularyAndTheChecksFireOnTheMisconfiguredOnes() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        let ids = try Self.seed(moto)
        func id(_ key: String) -> String { ids[key] ?? "<missing \(key)>" }
        let discovery = AWSDiscovery(
            client: MotoDiscoveryTests.client(moto.environment()),
            services: Set(AWSDiscovery.Service.allCases).subtracting([.s3, .cloudtrail, .config]))
        let result = try await discovery.run()
        #expect(result.errors.isEmpty, "\(result.errors.map { "\($0.service) \($0.operation): \($0.message)" })")

        // Every type the seed creates was read and is one AWSDiscovery says it supports.
        let seeded: Set<String> = [
            "aws_subnet", "aws_network_acl", "aws_default_network_acl", "aws_vpc_endpoint", "aws_internet_gateway",
            "aws_ebs_snapshot", "aws_snapshot_create_volume_permission", "aws_ami", "aws_ami_launch_permission",
            "aws_rds_cluster", "aws_db_snapshot", "aws_db_cluster_snapshot", "aws_db_parameter_group", "aws_iam_role",
            "aws_iam_role_policy", "aws_iam_role_policy_attachment", "aws_iam_policy", "aws_iam_group",
            "aws_iam_group_policy", "aws_kms_alias", "aws_cloudwatch_log_metric_filter", "aws_cloudwatch_metric_alarm",
            "aws_lb", "aws_lb_listener", "aws_lb_target_group", "aws_sns_topic", "aws_sqs_queue", "aws_dynamodb_table",
            "aws_secretsmanager_secret", "aws_ssm_parameter", "aws_ssm_document", "aws_ecr_repository",
            "aws_ecs_cluster", "aws_lambda_function", "aws_lambda_permission", "aws_guardduty_detector",
            "aws_efs_file_system",
        ]
        #expect(seeded.subtracting(result.resources.map(\.type)).isEmpty)
        #expect(seeded.isSubset(of: AWSDiscovery.supportedTypes))
        #expect(Set(result.resources.map(\.address)).count == result.resources.count)

        // Mapped attributes.
        let publicSubnet = try #require(find(result, "aws_subnet", id("subnet_public")))
        #expect(publicSubnet.attributes["map_public_ip_on_launch"] == .bool(true))
        #expect(find(result, "aws_subnet", id("subnet_private"))?.attributes["map_public_ip_on_launch"] == .bool(false))
        let openACL = try #require(find(result, "aws_network_acl", id("acl_open")))
        let rule = try #require(openACL.attributes["ingress"]?.elements?.first?.members)
        #expect(rule["from_port"] == .number(22) && rule["cidr_block"] == .string("0.0.0.0/0") && rule["action"] == .string("allow"))
        #expect(find(result, "aws_vpc_endpoint", id("endpoint"))?.attributes["vpc_endpoint_type"] == .string("Gateway"))
        #expect(find(result, "aws_internet_gateway", id("igw"))?.attributes["vpc_id"] == .string(id("vpc")))
        let sharedSnapshot = try #require(find(result, "aws_snapshot_create_volume_permission", "\(id("snapshot_public"))-all"))
        #expect(sharedSnapshot.references.contains { $0.attribute == "snapshot_id" })
        #expect(
            !result.resources.contains {
                $0.type == "aws_snapshot_create_volume_permission" && $0.attributes["snapshot_id"] == .string(id("snapshot_private"))
            })
        #expect(find(result, "aws_ami", id("ami_public"))?.attributes["public"] == .bool(true))
        let cluster = try #require(find(result, "aws_rds_cluster", "cluster-plain"))
        #expect(cluster.attributes["storage_encrypted"] == .bool(false))
        let publicDBSnapshot = try #require(find(result, "aws_db_snapshot", "snap-public"))
        #expect(publicDBSnapshot.attributes["shared_accounts"] == .list([.string("all")]))
        #expect(find(result, "aws_db_snapshot", "snap-private")?.attributes["shared_accounts"] == .list([]))
        let parameters = find(result, "aws_db_parameter_group", "pg-custom")?.attributes["parameter"]?.elements
        #expect(parameters?.first?.members?["name"] == .string("rds.force_ssl"))
        let openRole = try #require(find(result, "aws_iam_role", "open-trust"))
        #expect(openRole.attributes["assume_role_policy"]?.stringValue?.contains("\"AWS\": \"*\"") == true)
        #expect(find(result, "aws_iam_role_policy", "open-trust:everything")?.attributes["policy"]?.stringValue?.hasPrefix("{") == true)
        let adminPolicy = try #require(find(result, "aws_iam_policy", id("admin_policy")))
        #expect(adminPolicy.attributes["name"] == .string("admin-policy"))
        let balancer = try #require(find(result, "aws_lb", id("lb")))
        #expect(balancer.attributes["enable_deletion_protection"] == .bool(false))
        let listener = try #require(find(result, "aws_lb_listener", id("listener")))
        #expect(listener.attributes["protocol"] == .string("HTTP"))
        #expect(listener.references.contains { $0.target == balancer.address })
        #expect(find(result, "aws_sns_topic", id("topic_kms"))?.attributes["kms_master_key_id"] == .string(id("key")))
        #expect(find(result, "aws_sqs_queue", id("queue_plain"))?.attributes["sqs_managed_sse_enabled"] == .bool(false))
        let pitr = find(result, "aws_dynamodb_table", "table-pitr")?.attributes["point_in_time_recovery"]?.elements?.first?.members
        #expect(pitr?["enabled"] == .bool(true))
        #expect(find(result, "aws_ssm_parameter", "/app/secure")?.attributes["type"] == .string("SecureString"))
        #expect(find(result, "aws_ssm_document", "shared-doc")?.attributes["permissions"]?.members?["account_ids"] == .string("All"))
        #expect(find(result, "aws_ecr_repository", "app")?.attributes["image_tag_mutability"] == .string("MUTABLE"))
        #expect(find(result, "aws_kms_alias", "alias/app")?.attributes["target_key_id"] == .string(id("key")))
        let filter = try #require(result.resources.first { $0.type == "aws_cloudwatch_log_metric_filter" })
        #expect(filter.attributes["pattern"]?.stringValue?.contains("Root") == true)
        let function = try #require(find(result, "aws_lambda_function", "handler"))
        #expect(function.attributes["runtime"] == .string("python3.12"))
        #expect(find(result, "aws_lambda_permission", "public")?.attributes["principal"] == .string("*"))
        #expect(find(result, "aws_guardduty_detector", id("detector"))?.attributes["enable"] == .bool(false))
        #expect(find(result, "aws_efs_file_system", id("efs_plain"))?.attributes["encrypted"] == .bool(false))
        let summary = try #require(result.resources.first { $0.type == "aws_iam_account_summary" })
        #expect(summary.address == "data.aws_iam_account_summary.account_123456789012")
        #expect(summary.attributes["account_mfa_enabled"] == .bool(false))

        // The check library, unchanged, on the live resources: misconfigured ones fail, hardened ones pass.
        let library = CheckLibrary.load(directory: MotoDiscoveryTests.checksDirectory)
        let results = CheckEngine(checks: library.checks).evaluate(graph: ResourceGraph(result.resources))
        func verdict(_ file: String, _ resource: Resource?) throws -> Verdict? {
            let check = try CheckLibrary.loadCheck(file: "\(MotoDiscoveryTests.checksDirectory)/aws/\(file).yaml").get().id
            return results.first { $0.check.id == check && $0.resourceAddress == resource?.address }?.verdict
        }
        let failing: [(String, Resource?)] = [
            ("subnet_no_public_ip_on_launch", publicSubnet), ("nacl_admin_ports", openACL),
            ("ebs_snapshot_not_public", sharedSnapshot),
            ("ami_not_public", find(result, "aws_ami_launch_permission", "\(id("ami_public"))-all")),
            ("rds_cluster_encrypted", cluster), ("rds_snapshot_not_public", publicDBSnapshot),
            ("rds_cluster_snapshot_encrypted", find(result, "aws_db_cluster_snapshot", "cluster-snap")),
            ("iam_role_trust_no_public_principal", openRole), ("iam_policy_no_admin", adminPolicy),
            ("lb_deletion_protection", balancer), ("lb_listener_https", listener),
            ("lb_target_group_https", find(result, "aws_lb_target_group", id("target_group"))),
            ("sns_encrypted", find(result, "aws_sns_topic", id("topic_plain"))),
            ("sqs_encrypted", find(result, "aws_sqs_queue", id("queue_plain"))),
            ("dynamodb_pitr", find(result, "aws_dynamodb_table", "table-plain")),
            ("secretsmanager_rotation", find(result, "aws_secretsmanager_secret", id("secret"))),
            ("ssm_parameter_secure_string", find(result, "aws_ssm_parameter", "/app/plain")),
            ("ssm_document_not_public", find(result, "aws_ssm_document", "shared-doc")),
            ("ecr_scan_on_push", find(result, "aws_ecr_repository", "app")),
            ("ecr_immutable_tags", find(result, "aws_ecr_repository", "app")),
            ("ecs_container_insights", find(result, "aws_ecs_cluster", "plain-cluster")),
            ("cloudwatch_alarm_actions_enabled", find(result, "aws_cloudwatch_metric_alarm", "silent-alarm")),
            ("lambda_tracing", function), ("lambda_permission_not_public", find(result, "aws_lambda_permission", "public")),
            ("guardduty_enabled", find(result, "aws_guardduty_detector", id("detector"))),
            ("efs_encrypted", find(result, "aws_efs_file_system", id("efs_plain"))),
            ("iam_root_mfa_enabled", summary),
        ]
        for (check, resource) in failing {
            #expect(try verdict(check, resource) == .failed, "\(check) on \(resource?.address ?? "<not read>")")
        }
        let passing: [(String, Resource?)] = [
            ("subnet_no_public_ip_on_launch", find(result, "aws_subnet", id("subnet_private"))),
            ("nacl_admin_ports", find(result, "aws_network_acl", id("acl_tight"))),
            ("rds_snapshot_not_public", find(result, "aws_db_snapshot", "snap-private")),
            ("sns_encrypted", find(result, "aws_sns_topic", id("topic_kms"))),
            ("sqs_encrypted", find(result, "aws_sqs_queue", id("queue_kms"))),
            ("dynamodb_pitr", find(result, "aws_dynamodb_table", "table-pitr")),
            ("ssm_parameter_secure_string", find(result, "aws_ssm_parameter", "/app/secure")),
            ("ecr_scan_on_push", find(result, "aws_ecr_repository", "app-hardened")),
            ("ecr_immutable_tags", find(result, "aws_ecr_repository", "app-hardened")),
            ("ecs_container_insights", find(result, "aws_ecs_cluster", "insights-cluster")),
            ("iam_root_no_access_keys", summary),
        ]
        for (check, resource) in passing {
            #expect(try verdict(check, resource) == .passed, "\(check) on \(resource?.address ?? "<not read>")")
        }
    }

    @Test func theSupportedTypeListsCoverTheReadTypesOnceEachAndSorted() {
        let aws = AWSDiscovery.supportedTypes
        #expect(aws.count >= 50)
        #expect(aws == aws.sorted() && Set(aws).count == aws.count)
        #expect(aws.allSatisfy { $0.hasPrefix("aws_") })
        #expect(aws.contains("aws_lambda_function") && aws.contains("aws_s3_bucket"))
        let azure = AzureDiscovery.supportedTypes
        #expect(azure == azure.sorted() && azure.allSatisfy { $0.hasPrefix("azurerm_") || $0.hasPrefix("azuread_") })
        #expect(azure.contains("azurerm_storage_account"))
    }
}
