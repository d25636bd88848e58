import AWS
import Checks
import Discovery
import Foundation
import Model
import Scanner
import TestSupport
import Testing

/// The posture checks written to match Prowler's account-wide ones, on live resources read from moto: S3 ownership,
/// lifecycle, replication, notifications and Object Lock; RDS subnet groups, Multi-AZ clusters and event
/// subscriptions; ECR policies and registry scanning; EFS backup and resource policies; EC2 interfaces and
/// virtualization; VPC endpoints and security groups open to the internet. Each with a failing and a passing
/// resource (for region-level settings, a configured and an empty region).
@Suite("Posture checks on live resources", .serialized)
struct MotoPostureChecksTests {
    @Test func thePostureChecksPassAndFailOnTheSeededPairs() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        guard let script = Bundle.module.url(forResource: "seed_moto_posture", withExtension: "py", subdirectory: "Fixtures")
        else { throw TestServerError("seed_moto_posture.py missing from the test bundle") }
        let output = try moto.runPython(script: script.path)
        let ids = try JSONDecoder().decode(
            [String: String].self, from: Data((output.split(separator: "\n").last.map(String.init) ?? "").utf8))
        func id(_ key: String) -> String { ids[key] ?? "<missing \(key)>" }
        let discovery = AWSDiscovery(
            client: MotoDiscoveryTests.client(moto.environment()), regions: ["us-east-1", "us-west-2"],
            services: [.s3, .ec2, .rds, .ecr, .efs, .backup, .dynamodb])
        let result = try await discovery.run()
        #expect(result.errors.isEmpty, "\(result.errors.map { "\($0.service) \($0.operation): \($0.message)" })")

        func find(_ type: String, _ id: String) -> Resource? {
            result.resources.first { r in
                guard r.type == type, case .live(let live) = r.origin else { return false }
                return live.id == id || r.attributes["id"]?.stringValue == id || r.name == id
            }
        }
        func region(_ name: String) -> Resource? { result.resources.first { $0.type == "aws_live_region" && $0.name == name } }
        func registry(_ name: String) -> Resource? {
            result.resources.first { $0.type == "aws_ecr_registry_scanning_configuration" && $0.name == "registry_\(name)" }
        }
        let subscription = try #require(find("aws_db_event_subscription", "posture-instances"))
        #expect(subscription.attributes["event_categories"]?.elements?.count == 3)

        let library = CheckLibrary.load(directory: MotoDiscoveryTests.checksDirectory)
        let results = CheckEngine(checks: library.checks).evaluate(graph: ResourceGraph(result.resources))
        func verdict(_ file: String, _ resource: Resource?) throws -> Verdict? {
            let check = try CheckLibrary.loadCheck(file: "\(MotoDiscoveryTests.checksDirectory)/aws/\(file).yaml").get().id
            return results.first { $0.check.id == check && $0.resourceAddress == resource?.address }?.verdict
        }
        let plain = find("aws_s3_bucket", "posture-plain")
        let managed = find("aws_s3_bucket", "posture-managed")
        let pairs: [(check: String, failing: Resource?, passing: Resource?)] = [
            ("s3_acls_disabled", plain, managed), ("s3_lifecycle_configured", plain, managed),
            ("s3_replication_enabled", plain, managed), ("s3_event_notifications", plain, managed),
            ("s3_object_lock", plain, managed), ("s3_not_public", plain, managed),
            (
                "dynamodb_autoscaling", find("aws_dynamodb_table", "posture-fixed"),
                find("aws_dynamodb_table", "posture-scaled")
            ),
            ("rds_instance_in_vpc", find("aws_db_instance", "posture-db-bare"), find("aws_db_instance", "posture-db-vpc")),
            (
                "rds_cluster_multi_az", find("aws_rds_cluster", "posture-cluster-single"),
                find("aws_rds_cluster", "posture-cluster-spread")
            ),
            ("rds_event_subscription_instances", region("us-west-2"), region("us-east-1")),
            ("ecr_registry_enhanced_scanning", registry("us-west-2"), registry("us-east-1")),
            ("ecr_registry_scans_all_repositories", registry("us-west-2"), registry("us-east-1")),
            ("ecr_lifecycle_policy", find("aws_ecr_repository", "posture-open"), find("aws_ecr_repository", "posture-kept")),
            (
                "ecr_repository_policy_not_public", find("aws_ecr_repository_policy", "posture-open"),
                find("aws_ecr_repository_policy", "posture-kept")
            ),
            ("efs_backup_policy", find("aws_efs_file_system", id("efs_bare")), find("aws_efs_file_system", id("efs_backed"))),
            ("efs_policy_not_public", find("aws_efs_file_system", id("efs_bare")), find("aws_efs_file_system", id("efs_backed"))),
            ("ec2_instance_single_eni", find("aws_instance", id("instance_dual")), find("aws_instance", id("instance_single"))),
            ("ec2_hvm_virtualization", find("aws_instance", id("instance_legacy")), find("aws_instance", id("instance_single"))),
            (
                "vpc_endpoint_policy_trusted", find("aws_vpc_endpoint", id("endpoint_open")),
                find("aws_vpc_endpoint", id("endpoint_trusted"))
            ),
            ("vpc_ec2_endpoint", find("aws_vpc", id("vpc_without_endpoint")), find("aws_vpc", id("vpc_with_endpoint"))),
            (
                "sg_internet_ingress_load_balancers_only", find("aws_security_group", id("sg_open")),
                find("aws_security_group", id("sg_closed"))
            ),
        ]
        for (check, failing, passing) in pairs {
            #expect(try verdict(check, failing) == .failed, "\(check) on \(failing?.address ?? "<not read>")")
            #expect(try verdict(check, passing) == .passed, "\(check) on \(passing?.address ?? "<not read>")")
        }
        // moto implements no backup selections, so nothing is protected here; the passing side is in the fixtures.
        for (check, resource) in [
            ("rds_instance_backup_plan", find("aws_db_instance", "posture-db-bare")),
            ("rds_cluster_backup_plan", find("aws_rds_cluster", "posture-cluster-single")),
            ("efs_backup_policy", find("aws_efs_file_system", id("efs_bare"))),
        ] {
            #expect(try verdict(check, resource) == .failed, "\(check) on \(resource?.address ?? "<not read>")")
        }
        // Only an instance subscription exists: the cluster, parameter group and security group events are not covered.
        for check in [
            "rds_event_subscription_clusters", "rds_event_subscription_parameter_groups", "rds_event_subscription_security_groups",
        ] {
            #expect(try verdict(check, region("us-east-1")) == .failed, "\(check)")
        }
    }

    /// A bucket setting whose read is refused is unknown: the checks that need it say UNKNOWN, never FAILED.
    @Test func aRefusedBucketSettingIsUnknownNotFailed() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        guard let script = Bundle.module.url(forResource: "seed_moto_posture", withExtension: "py", subdirectory: "Fixtures")
        else { throw TestServerError("seed_moto_posture.py missing from the test bundle") }
        _ = try moto.runPython(script: script.path, arguments: ["--s3-only"])
        let refused = ["?ownershipControls", "?lifecycle", "?object-lock"]
        let proxy = try ForwardingProxy(upstream: try #require(URL(string: moto.endpoint))) { request in
            guard request.method == "GET", refused.contains(where: { request.target.contains($0) }) else { return nil }
            return CannedResponse(status: 403, text: "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>")
        }
        defer { proxy.stop() }
        var environment = moto.environment()
        environment["AWS_ENDPOINT_URL_S3"] = proxy.baseURL.absoluteString
        let result = try await AWSDiscovery(client: PartialReadTests.client(environment), services: [.s3]).run()
        #expect(
            Set(result.errors.filter { $0.resource == "posture-managed" }.map(\.operation))
                == ["GetBucketOwnershipControls", "GetBucketLifecycleConfiguration", "GetObjectLockConfiguration"])
        let bucket = try #require(result.resources.first { $0.address == "aws_s3_bucket.posture-managed" })
        let verdicts = PartialReadTests.verdicts(result, address: bucket.address)
        for file in ["s3_acls_disabled", "s3_lifecycle_configured", "s3_object_lock"] {
            let check = try CheckLibrary.loadCheck(file: "\(MotoDiscoveryTests.checksDirectory)/aws/\(file).yaml").get().id
            let verdict = verdicts[check]
            #expect(verdict.map { if case .unknown = $0 { true } else { false } } == true, "\(file): \(String(describing: verdict))")
        }
        // What was read is still judged: the replication rule is enabled.
        let replication = try CheckLibrary.loadCheck(file: "\(MotoDiscoveryTests.checksDirectory)/aws/s3_replication_enabled.yaml").get()
        #expect(verdicts[replication.id] == .passed)
    }
}
