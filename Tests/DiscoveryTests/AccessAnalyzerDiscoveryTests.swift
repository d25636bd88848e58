import AWS
import Checks
import Discovery
import Foundation
import Model
import Scanner
import TestSupport
import Testing

/// IAM Access Analyzer, which moto does not implement, against a loopback fake speaking the documented ListAnalyzers
/// JSON (GET /analyzer): an active analyzer in one region, none in a second, a disabled one in a third and access
/// denied in a fourth make the region check PASSED, FAILED, FAILED and UNKNOWN.
@Suite("Access Analyzer discovery against a loopback fake", .serialized)
struct AccessAnalyzerDiscoveryTests {
    static let identity = """
        <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>\
        <Arn>arn:aws:iam::123456789012:user/test</Arn><UserId>AIDATEST</UserId><Account>123456789012</Account>\
        </GetCallerIdentityResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetCallerIdentityResponse>
        """

    /// The region of a SigV4-signed request, from its credential scope.
    static func region(_ request: ReceivedRequest) -> String {
        let authorization = request.header("Authorization") ?? ""
        guard let scope = authorization.range(of: "Credential=") else { return "" }
        let parts = authorization[scope.upperBound...].split(separator: "/")
        return parts.count > 2 ? String(parts[2]) : ""
    }

    static func analyzer(_ name: String, region: String, status: String) -> String {
        """
        {"arn":"arn:aws:access-analyzer:\(region):123456789012:analyzer/\(name)","name":"\(name)","type":"ACCOUNT",\
        "status":"\(status)","createdAt":"2026-01-05T10:00:00Z","lastResourceAnalyzed":"arn:aws:s3:::logs",\
        "tags":{"team":"security"}}
        """
    }

    @Test func anAnalyzerInEveryRegionPassesAMissingOneFailsAndADeniedRegionIsUnknown() async throws {
        let server = try LoopbackHTTPServer { request in
            if request.text.contains("Action=GetCallerIdentity") {
                return CannedResponse(headers: [("Content-Type", "text/xml")], text: Self.identity)
            }
            guard request.method == "GET", request.path == "/analyzer" else {
                return CannedResponse(status: 404, headers: [("x-amzn-ErrorType", "ResourceNotFoundException")], text: "{}")
            }
            let json = [("Content-Type", "application/json")]
            switch Self.region(request) {
            case "us-east-1":
                return CannedResponse(
                    headers: json, text: "{\"analyzers\":[\(Self.analyzer("account", region: "us-east-1", status: "ACTIVE"))]}")
            case "eu-west-1":
                return CannedResponse(headers: json, text: "{\"analyzers\":[]}")
            case "sa-east-1":
                return CannedResponse(
                    headers: json, text: "{\"analyzers\":[\(Self.analyzer("old", region: "sa-east-1", status: "DISABLED"))]}")
            default:
                return CannedResponse(
                    status: 403, headers: json + [("x-amzn-ErrorType", "AccessDeniedException")],
                    text: "{\"message\":\"User is not authorized to perform: access-analyzer:ListAnalyzers\"}")
            }
        }
        defer { server.stop() }
        let environment = [
            "AWS_ENDPOINT_URL": server.baseURL.absoluteString, "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1",
            "AWS_CONFIG_FILE": "/nonexistent/bulwark-test/aws-config",
            "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/bulwark-test/aws-credentials",
        ]
        let regions = ["us-east-1", "eu-west-1", "sa-east-1", "ap-south-1"]
        let result = try await AWSDiscovery(
            client: PartialReadTests.client(environment), regions: regions, services: [.accessanalyzer]
        ).run()
        #expect(server.requests.contains { $0.method == "GET" && $0.path == "/analyzer" && Self.region($0) == "eu-west-1" })
        #expect(result.errors.count == 1)
        let error = try #require(result.errors.first)
        #expect(error.service == "accessanalyzer" && error.region == "ap-south-1" && error.operation == "ListAnalyzers")
        #expect(error.code == .accessDenied)

        let analyzer = try #require(result.resources.first { $0.type == "aws_accessanalyzer_analyzer" && $0.name == "account" })
        #expect(analyzer.attributes["type"] == .string("ACCOUNT") && analyzer.attributes["status"] == .string("ACTIVE"))
        #expect(analyzer.attributes["analyzer_name"] == .string("account"))
        #expect(analyzer.attributes["tags"] == .map(["team": .string("security")]))
        #expect(AWSDiscovery.supportedTypes.contains("aws_accessanalyzer_analyzer"))

        let check = try CheckLibrary.loadCheck(file: "\(MotoDiscoveryTests.checksDirectory)/aws/accessanalyzer_enabled_region.yaml").get()
        let results = CheckEngine(checks: [check]).evaluate(graph: ResourceGraph(result.resources))
        func verdict(_ region: String) -> Verdict? {
            let anchor = result.resources.first { $0.type == "aws_live_region" && $0.attributes["name"] == .string(region) }
            return results.first { $0.resourceAddress == anchor?.address }?.verdict
        }
        #expect(verdict("us-east-1") == .passed)
        #expect(verdict("eu-west-1") == .failed)
        #expect(verdict("sa-east-1") == .failed)
        #expect(verdict("ap-south-1")?.kind == .unknown, "\(String(describing: verdict("ap-south-1")))")
    }
}
