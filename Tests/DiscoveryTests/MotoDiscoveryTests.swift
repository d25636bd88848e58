import AWS
import Checks
import CloudHTTP
import Discovery
import Foundation
import Model
import Scanner
import TestSupport
import Testing

/// Discovery against a real (moto) AWS API seeded with compliant and non-compliant resources, then the check
/// library on the live resources. One moto per test; the seed runs through boto3.
@Suite("AWS discovery against moto", .serialized)
struct MotoDiscoveryTests {
    static let fast = RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5))

    static func seed(_ moto: MotoServer) throws -> [String: String] {
        guard let script = Bundle.module.url(forResource: "seed_moto", withExtension: "py", subdirectory: "Fixtures") else {
            throw TestServerError("seed_moto.py missing from the test bundle")
        }
        let output = try moto.runPython(script: script.path)
        let line = output.split(separator: "\n").last.map(String.init) ?? ""
        return try JSONDecoder().decode([String: String].self, from: Data(line.utf8))
    }

    static func client(_ environment: [String: String]) -> AWSClient {
        AWSClient(
            credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing")),
            region: "us-east-1", environment: environment, retryPolicy: fast)
    }

    static var checksDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("checks").path
    }

    func find(_ result: DiscoveryResult, _ type: String, id: String) -> Resource? {
        result.resources.first { r in
            guard r.type == type, case .live(let live) = r.origin else { return false }
            return live.id == id || live.id.hasSuffix("/\(id)") || r.attributes["id"]?.stringValue == id || r.name == id
        }
    }

    @Test func discoversSeededResourcesInTerraformsVocabularyAndChecksThem() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        let ids = try Self.seed(moto)
        let result = try await AWSDiscovery(client: Self.client(moto.environment())).run()
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.account == "123456789012")
        #expect(result.apiCalls > 0)
        #expect(result.callsByService["s3"] ?? 0 > 0)

        // S3: the bucket and its split resources, each pointing at the bucket's address.
        let secure = try #require(find(result, "aws_s3_bucket", id: "secure-bucket"))
        #expect(secure.address == "aws_s3_bucket.secure-bucket")
        let versioning = try #require(find(result, "aws_s3_bucket_versioning", id: "secure-bucket"))
        #expect(versioning.attributes["versioning_configuration"]?.elements?.first?.members?["status"] == .string("Enabled"))
        #expect(versioning.references.contains { $0.attribute == "bucket" && $0.target == secure.address })
        let encryption = try #require(find(result, "aws_s3_bucket_server_side_encryption_configuration", id: "secure-bucket"))
        let sse = encryption.attributes["rule"]?.elements?.first?.members?["apply_server_side_encryption_by_default"]
        #expect(sse?.elements?.first?.members?["sse_algorithm"] == .string("aws:kms"))
        let logging = try #require(find(result, "aws_s3_bucket_logging", id: "secure-bucket"))
        #expect(logging.attributes["target_bucket"] == .string("log-bucket"))
        #expect(logging.references.contains { $0.attribute == "target_bucket" && $0.target == "aws_s3_bucket.log-bucket" })
        let block = try #require(find(result, "aws_s3_bucket_public_access_block", id: "secure-bucket"))
        #expect(block.attributes["restrict_public_buckets"] == .bool(true))
        #expect(
            find(result, "aws_s3_bucket_policy", id: "secure-bucket")?.attributes["policy"]?.stringValue?
                .contains("aws:SecureTransport") == true)
        #expect(find(result, "aws_s3_bucket_acl", id: "public-bucket")?.attributes["acl"] == .string("public-read"))
        #expect(find(result, "aws_s3_bucket_versioning", id: "public-bucket") == nil)

        // EC2.
        let v1 = try #require(find(result, "aws_instance", id: ids["instance_v1", default: "<missing instance_v1>"]))
        #expect(v1.attributes["metadata_options"]?.elements?.first?.members?["http_tokens"] == .string("optional"))
        let v2 = try #require(find(result, "aws_instance", id: ids["instance_v2", default: "<missing instance_v2>"]))
        #expect(v2.attributes["metadata_options"]?.elements?.first?.members?["http_tokens"] == .string("required"))
        #expect(v2.attributes["root_block_device"]?.elements?.first?.members?["encrypted"] == .bool(true))
        let open = try #require(find(result, "aws_security_group", id: ids["sg_open", default: "<missing sg_open>"]))
        let ingress = try #require(open.attributes["ingress"]?.elements?.first?.members)
        #expect(ingress["from_port"] == .number(22))
        #expect(ingress["cidr_blocks"] == .list([.string("0.0.0.0/0")]))
        #expect(
            find(result, "aws_ebs_volume", id: ids["volume_plain", default: "<missing volume_plain>"])?.attributes["encrypted"]
                == .bool(false))
        let flow = try #require(result.resources.first { $0.type == "aws_flow_log" })
        #expect(flow.references.contains { $0.attribute == "vpc_id" && $0.target == "aws_vpc.\(ids["vpc"] ?? "")" })
        #expect(result.resources.contains { $0.type == "aws_ebs_encryption_by_default" })

        // RDS, KMS, IAM, CloudTrail, Config, Logs.
        let plainDB = try #require(find(result, "aws_db_instance", id: "db-plain"))
        #expect(plainDB.attributes["storage_encrypted"] == .bool(false))
        #expect(plainDB.attributes["publicly_accessible"] == .bool(true))
        #expect(find(result, "aws_db_instance", id: "db-secure")?.attributes["storage_encrypted"] == .bool(true))
        #expect(
            find(result, "aws_kms_key", id: ids["key_plain", default: "<missing key_plain>"])?.attributes["enable_key_rotation"]
                == .bool(false))
        #expect(
            find(result, "aws_kms_key", id: ids["key_rotated", default: "<missing key_rotated>"])?.attributes["enable_key_rotation"]
                == .bool(true))
        let key = try #require(result.resources.first { $0.type == "aws_iam_access_key" })
        #expect(key.attributes["id"] == .string(ids["alice_key"] ?? ""))
        #expect(key.attributes["age_days"] == .number(0))
        #expect(key.references.contains { $0.target == "aws_iam_user.alice" })
        #expect(result.resources.contains { $0.type == "aws_iam_user_policy" && $0.attributes["user"] == .string("alice") })
        #expect(result.resources.contains { $0.type == "aws_iam_virtual_mfa_device" && $0.attributes["user_name"] == .string("bob") })
        #expect(
            result.resources.first { $0.type == "aws_iam_account_password_policy" }?
                .attributes["minimum_password_length"] == .number(8))
        let trail = try #require(result.resources.first { $0.type == "aws_cloudtrail" && $0.name == "main-trail" })
        #expect(trail.attributes["enable_logging"] == .bool(true))
        #expect(trail.attributes["is_multi_region_trail"] == .bool(true))
        #expect(trail.attributes["event_selector"]?.elements?.count == 1)
        #expect(trail.references.contains { $0.attribute == "s3_bucket_name" && $0.target == "aws_s3_bucket.secure-bucket" })
        #expect(result.resources.first { $0.type == "aws_config_configuration_recorder_status" }?.attributes["is_enabled"] == .bool(true))
        #expect(result.resources.contains { $0.type == "aws_cloudwatch_log_group" && $0.attributes["name"] == .string("/app/encrypted") })

        // Addresses are unique.
        #expect(Set(result.resources.map(\.address)).count == result.resources.count)

        // The check library on live data.
        let library = CheckLibrary.load(directory: Self.checksDirectory)
        #expect(!library.checks.isEmpty)
        let results = CheckEngine(checks: library.checks).evaluate(graph: ResourceGraph(result.resources))
        func verdict(_ check: String, _ address: String) -> Verdict? {
            results.first { $0.check.id == check && $0.resourceAddress == address }?.verdict
        }
        func checkID(_ file: String) throws -> String {
            try CheckLibrary.loadCheck(file: "\(Self.checksDirectory)/aws/\(file).yaml").get().id
        }
        #expect(verdict(try checkID("s3_acl_public_read"), "aws_s3_bucket_acl.public-bucket") == .failed)
        #expect(verdict(try checkID("s3_versioning"), "aws_s3_bucket.secure-bucket") == .passed)
        #expect(verdict(try checkID("s3_default_encryption"), "aws_s3_bucket.secure-bucket") == .passed)
        #expect(verdict(try checkID("s3_versioning"), "aws_s3_bucket.public-bucket") == .failed)
        #expect(verdict(try checkID("sg_inline_ssh"), open.address) == .failed)
        #expect(verdict(try checkID("ec2_imdsv2"), v1.address) == .failed)
        #expect(verdict(try checkID("ec2_imdsv2"), v2.address) == .passed)
        #expect(verdict(try checkID("rds_instance_encrypted"), plainDB.address) == .failed)
        #expect(verdict(try checkID("rds_not_public"), plainDB.address) == .failed)
        let plainKey = try #require(find(result, "aws_kms_key", id: ids["key_plain", default: "<missing key_plain>"]))
        #expect(verdict(try checkID("kms_rotation"), plainKey.address) == .failed)
        #expect(verdict(try checkID("vpc_flow_logs"), "aws_vpc.\(ids["vpc"] ?? "")") == .passed)
    }

    @Test func aDeniedServiceAndAnUnreachableOneGivePartialResultsWithTheGapsListed() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        _ = try Self.seed(moto)
        let denied = try LoopbackHTTPServer { _ in
            CannedResponse(status: 403, text: "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>")
        }
        defer { denied.stop() }
        var environment = moto.environment()
        environment["AWS_ENDPOINT_URL_S3"] = denied.baseURL.absoluteString
        environment["AWS_ENDPOINT_URL_RDS"] = "http://127.0.0.1:\(try MotoServer.freePort())"
        let result = try await AWSDiscovery(client: Self.client(environment)).run()
        #expect(result.errors.contains { $0.service == "s3" && $0.operation == "ListBuckets" && $0.apiCode == "AccessDenied" })
        #expect(
            result.errors.contains {
                $0.service == "rds" && $0.operation == "DescribeDBInstances" && ($0.underlying as? AWSError)?.code == .transport
            })
        #expect(!result.resources.contains { $0.type == "aws_s3_bucket" || $0.type == "aws_db_instance" })
        // Everything else was still read.
        #expect(result.resources.contains { $0.type == "aws_instance" })
        #expect(result.resources.contains { $0.type == "aws_kms_key" })
        #expect(result.resources.contains { $0.type == "aws_iam_user" })
    }

    @Test func aFailingRegionIsListedAndTheOtherRegionIsStillRead() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        _ = try Self.seed(moto)
        let result = try await AWSDiscovery(client: Self.client(moto.environment()), regions: ["us-east-1", "Bad_Region"]).run()
        let failed = Set(result.errors.filter { $0.region == "Bad_Region" }.map(\.service))
        // S3 listing, IAM, Organizations, CloudFront and Route 53 are global: read once, not per region.
        // DynamoDB's read also asks Application Auto Scaling, which fails on its own.
        let regional = Set(AWSDiscovery.Service.allCases.map(\.rawValue)).subtracting([
            "s3", "iam", "organizations", "cloudfront", "route53",
        ])
        .union(["application-autoscaling"])
        #expect(failed == regional)
        #expect(result.errors.allSatisfy { $0.region == "Bad_Region" && ($0.underlying as? AWSError)?.code == .invalidConfiguration })
        #expect(result.resources.contains { $0.type == "aws_instance" })
        #expect(result.resources.contains { $0.type == "aws_s3_bucket" })
    }
}
