import AWS
import Checks
import Discovery
import Foundation
import Model
import Scanner
import TestSupport
import Testing

/// The account-level estate read from moto (seed_moto.py, then seed_moto_account.py): the live account and region
/// anchors, the CIS monitoring chain, SNS subscriptions, Security Hub and the credential-report settings, with the
/// account-level checks run on what was read. A read that fails or is not made leaves those checks UNKNOWN.
@Suite("AWS account-level discovery against moto", .serialized)
struct MotoAccountDiscoveryTests {
    static let services: Set<AWSDiscovery.Service> = [
        .iam, .cloudtrail, .logs, .cloudwatch, .sns, .securityhub, .guardduty, .config, .organizations, .backup,
        .kms, .secretsmanager, .s3,
    ]

    static func seed(_ moto: MotoServer) throws -> [String: String] {
        let base = try MotoDiscoveryTests.seed(moto)
        guard let script = Bundle.module.url(forResource: "seed_moto_account", withExtension: "py", subdirectory: "Fixtures")
        else { throw TestServerError("seed_moto_account.py missing from the test bundle") }
        let line = try moto.runPython(script: script.path).split(separator: "\n").last.map(String.init) ?? ""
        return base.merging(try JSONDecoder().decode([String: String].self, from: Data(line.utf8))) { _, new in new }
    }

    /// Each result of the library on `resources`, by check ID and resource address.
    static func verdicts(_ resources: [Resource]) -> [String: Verdict] {
        let library = CheckLibrary.load(directory: MotoDiscoveryTests.checksDirectory)
        let results = CheckEngine(checks: library.checks).evaluate(graph: ResourceGraph(resources))
        return Dictionary(results.map { ("\($0.check.id) \($0.resourceAddress)", $0.verdict) }) { first, _ in first }
    }

    static let account = "data.aws_live_account.account_123456789012"
    static let region = "data.aws_live_region.us-east-1"

    @Test func readsTheAccountLevelEstateAndTheAccountChecksDecideOnIt() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        let ids = try Self.seed(moto)
        let result = try await AWSDiscovery(client: MotoDiscoveryTests.client(moto.environment()), services: Self.services).run()
        #expect(result.errors.isEmpty, "\(result.errors.map { "\($0.service) \($0.operation): \($0.message)" })")
        func resource(_ type: String, _ id: String?) -> Resource? {
            result.resources.first { r in
                guard r.type == type, case .live(let live) = r.origin else { return false }
                return live.id == id || r.attributes["id"]?.stringValue == id
            }
        }
        let https = try #require(resource("aws_sns_topic_subscription", ids["subscription_https"]))
        #expect(https.attributes["protocol"] == .string("https"))
        #expect(https.attributes["endpoint"] == nil, "the endpoint is not copied")
        #expect(https.references.contains { $0.attribute == "topic_arn" && $0.target.hasPrefix("aws_sns_topic.security-alerts") })
        let hub = try #require(result.resources.first { $0.type == "aws_securityhub_account" })
        #expect(hub.attributes["arn"] == .string("arn:aws:securityhub:us-east-1:123456789012:hub/default"))
        let alarm = try #require(resource("aws_cloudwatch_metric_alarm", "cis-root-usage"))
        #expect(alarm.references.contains { $0.attribute == "metric_name" && $0.target.hasPrefix("aws_cloudwatch_log_metric_filter.") })
        #expect(alarm.references.contains { $0.attribute == "alarm_actions" && $0.target.hasPrefix("aws_sns_topic.security-alerts") })
        let anchor = try #require(result.resources.first { $0.address == Self.account })
        #expect(anchor.attributes["monitoring_unread"] == .bool(false))
        #expect(anchor.references.filter { $0.attribute == "trail" }.count == 2)
        let region = try #require(result.resources.first { $0.address == Self.region })
        #expect(region.references.contains { $0.attribute == "securityhub_account" && $0.target == hub.address })
        #expect(region.references.contains { $0.attribute == "config_recorder" })
        let twoKeys = try #require(resource("aws_iam_user", "two-keys"))
        #expect(twoKeys.attributes["active_access_keys"] == .number(2))
        let key = try #require(resource("aws_iam_access_key", ids["two_keys"]?.split(separator: ",").first.map(String.init)))
        #expect(key.attributes["age_days"] == .number(0))

        let verdicts = Self.verdicts(result.resources)
        let expected: [(String, String, Verdict)] = [
            ("BLW-AWS-CLOUDWATCH-005", Self.account, .passed),  // unauthorised calls: filter, alarm, subscribed topic
            ("BLW-AWS-CLOUDWATCH-007", Self.account, .passed),  // root usage
            ("BLW-AWS-CLOUDWATCH-006", Self.account, .failed),  // sign-in without MFA: a filter with no alarm
            ("BLW-AWS-CLOUDWATCH-008", Self.account, .failed),  // IAM policy changes: nothing
            ("BLW-AWS-CLOUDTRAIL-011", Self.account, .passed),  // main-trail: multi-region, logging, all events
            ("BLW-AWS-IAM-036", Self.account, .failed),  // no role holds AWSSupportAccess
            ("BLW-AWS-SECURITYHUB-001", Self.region, .passed),
            ("BLW-AWS-CONFIG-003", Self.region, .passed),
            ("BLW-AWS-GUARDDUTY-002", Self.region, .failed),  // no detector in the region
            ("BLW-AWS-ORGANIZATIONS-001", Self.account, .failed),  // not in an organization
            ("BLW-AWS-BACKUP-002", Self.region, .failed),  // no backup vault
            ("BLW-AWS-SNS-002", https.address, .passed),
            ("BLW-AWS-IAM-031", "aws_iam_user.console-no-mfa", .failed),
            ("BLW-AWS-IAM-031", "aws_iam_user.console-mfa", .passed),
            ("BLW-AWS-IAM-035", twoKeys.address, .failed),
            ("BLW-AWS-IAM-035", "aws_iam_user.alice", .passed),
            ("BLW-AWS-IAM-032", key.address, .passed),
            ("BLW-AWS-IAM-033", key.address, .passed),
            ("BLW-AWS-IAM-034", "aws_iam_user.console-no-mfa", .passed),
        ]
        for (check, address, verdict) in expected {
            #expect(
                verdicts["\(check) \(address)"] == verdict, "\(check) on \(address): \(String(describing: verdicts["\(check) \(address)"]))"
            )
        }
        let http = try #require(resource("aws_sns_topic_subscription", ids["subscription_http"]))
        #expect(verdicts["BLW-AWS-SNS-002 \(http.address)"] == .failed)
        try identityAndLoggingChecks(result.resources, ids: ids, verdicts: verdicts)
    }

    /// The identity and logging checks compared with Prowler, each on a failing and a passing seeded resource.
    func identityAndLoggingChecks(_ resources: [Resource], ids: [String: String], verdicts: [String: Verdict]) throws {
        func address(_ type: String, _ id: String?) throws -> String {
            try #require(
                resources.first { r in
                    guard r.type == type, case .live(let live) = r.origin else { return false }
                    return live.id == id || r.attributes["id"]?.stringValue == id || r.attributes["name"]?.stringValue == id
                }, "\(type) \(id ?? "nil")"
            ).address
        }
        let trail = try address("aws_cloudtrail", "main-trail")
        let quiet = try address("aws_cloudtrail", "quiet-trail")
        let initialKey = try address("aws_iam_access_key", ids["initial_key"])
        let twoKeys = try address("aws_iam_access_key", ids["two_keys"]?.split(separator: ",").first.map(String.init))
        let expected: [(String, String, Verdict)] = [
            ("BLW-AWS-IAM-060", try address("aws_iam_policy", ids["policy_kms-everything"]), .failed),
            ("BLW-AWS-IAM-060", try address("aws_iam_policy", ids["policy_assume-deployer"]), .passed),
            ("BLW-AWS-IAM-063", try address("aws_iam_policy", ids["policy_assume-deployer"]), .passed),
            ("BLW-AWS-IAM-064", try address("aws_iam_role", "trail-to-logs"), .failed),  // CloudTrail, any source
            ("BLW-AWS-IAM-064", try address("aws_iam_role", "pinned-service"), .passed),  // aws:SourceAccount
            ("BLW-AWS-IAM-065", Self.account, .passed),  // nobody holds AWSCloudShellFullAccess
            ("BLW-AWS-CLOUDWATCH-060", Self.account, .passed),  // no CloudWatch-CrossAccountSharingRole
            ("BLW-AWS-IAM-066", initialKey, .failed),  // console user, key never used
            ("BLW-AWS-IAM-066", twoKeys, .passed),  // no console password
            ("BLW-AWS-IAM-067", "aws_iam_user.hardware-mfa", .passed),
            ("BLW-AWS-IAM-067", "aws_iam_user.console-mfa", .failed),  // a virtual device
            ("BLW-AWS-IAM-067", "aws_iam_user.console-no-mfa", .failed),
            ("BLW-AWS-IAM-069", try address("aws_iam_role", "key-admins"), .passed),
            ("BLW-AWS-CLOUDTRAIL-060", Self.account, .failed),  // main-trail selects one bucket's objects
            ("BLW-AWS-CLOUDTRAIL-061", Self.account, .failed),
            ("BLW-AWS-CLOUDTRAIL-062", trail, .passed),  // ApiCallRateInsight
            ("BLW-AWS-CLOUDTRAIL-062", quiet, .failed),
            ("BLW-AWS-CLOUDTRAIL-063", trail, .passed),  // secure-bucket logs to log-bucket
            ("BLW-AWS-CLOUDTRAIL-063", quiet, .failed),  // log-bucket logs nowhere
            ("BLW-AWS-CLOUDTRAIL-064", trail, .passed),
            ("BLW-AWS-CLOUDTRAIL-065", trail, .failed),  // secure-bucket keeps versions without MFA delete
            ("BLW-AWS-IAM-070", Self.account, .failed),  // no SAML provider
            ("BLW-AWS-SECRETSMANAGER-061", try address("aws_secretsmanager_secret", ids["secret_rotated"]), .passed),
            ("BLW-AWS-SECRETSMANAGER-061", try address("aws_secretsmanager_secret", ids["secret_unrotated"]), .failed),
            ("BLW-AWS-SECRETSMANAGER-060", try address("aws_secretsmanager_secret", ids["secret_unrotated"]), .failed),
            ("BLW-AWS-KMS-004", try address("aws_kms_key", ids["key_rotated"]), .passed),  // the default key policy
        ]
        for (check, address, verdict) in expected {
            #expect(
                verdicts["\(check) \(address)"] == verdict, "\(check) on \(address): \(String(describing: verdicts["\(check) \(address)"]))"
            )
        }
    }

    @Test func servicesNotReadLeaveTheAccountChecksUnknown() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        _ = try Self.seed(moto)
        let result = try await AWSDiscovery(
            client: MotoDiscoveryTests.client(moto.environment()),
            services: Self.services.subtracting([.sns, .securityhub, .guardduty, .organizations, .backup, .s3])
        ).run()
        let verdicts = Self.verdicts(result.resources)
        // The buckets were not listed: the trail's bucket may be this account's, so the trail-bucket checks cannot say.
        let trail = try #require(result.resources.first { $0.type == "aws_cloudtrail" && $0.attributes["name"] == .string("main-trail") })
        for check in ["BLW-AWS-CLOUDTRAIL-063", "BLW-AWS-CLOUDTRAIL-064", "BLW-AWS-CLOUDTRAIL-065"] {
            #expect(
                verdicts["\(check) \(trail.address)"]?.kind == .unknown,
                "\(check): \(String(describing: verdicts["\(check) \(trail.address)"]))")
        }
        for check in ["BLW-AWS-CLOUDWATCH-005", "BLW-AWS-CLOUDWATCH-006", "BLW-AWS-CLOUDWATCH-008"] {
            let verdict = verdicts["\(check) \(Self.account)"]
            #expect(verdict?.kind == .unknown, "\(check): \(String(describing: verdict))")
        }
        #expect(verdicts["BLW-AWS-SECURITYHUB-001 \(Self.region)"]?.kind == .unknown)
        #expect(verdicts["BLW-AWS-GUARDDUTY-002 \(Self.region)"]?.kind == .unknown)
        #expect(verdicts["BLW-AWS-ORGANIZATIONS-001 \(Self.account)"]?.kind == .unknown)
        #expect(verdicts["BLW-AWS-BACKUP-002 \(Self.region)"]?.kind == .unknown)
        #expect(verdicts["BLW-AWS-CONFIG-003 \(Self.region)"] == .passed)
    }

    @Test func aDeniedSecurityHubReadIsAnErrorAndLeavesTheRegionCheckUnknown() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        _ = try Self.seed(moto)
        let denied = CannedResponse(
            status: 403, headers: [("Content-Type", "application/json"), ("x-amzn-ErrorType", "AccessDeniedException")],
            text: #"{"message":"User is not authorized to perform: securityhub:DescribeHub"}"#)
        let proxy = try ForwardingProxy(upstream: try #require(URL(string: moto.endpoint))) { _ in denied }
        defer { proxy.stop() }
        var environment = moto.environment()
        environment["AWS_ENDPOINT_URL_SECURITYHUB"] = proxy.baseURL.absoluteString
        let result = try await AWSDiscovery(client: MotoDiscoveryTests.client(environment), services: [.securityhub, .config]).run()
        let error = try #require(result.errors.first { $0.service == "securityhub" })
        #expect(error.operation == "DescribeHub")
        #expect(!result.resources.contains { $0.type == "aws_securityhub_account" })
        let verdicts = Self.verdicts(result.resources)
        #expect(verdicts["BLW-AWS-SECURITYHUB-001 \(Self.region)"]?.kind == .unknown)
        #expect(verdicts["BLW-AWS-CONFIG-003 \(Self.region)"] == .passed)
    }
}
