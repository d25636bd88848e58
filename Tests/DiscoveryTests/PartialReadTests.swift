import AWS
import Checks
import CloudHTTP
import Discovery
import Foundation
import Model
import Scanner
import TestSupport
import Testing

/// A read that fails part-way (one operation denied, an endpoint that dies or never answers) leaves what it did
/// not read unknown, never absent, so checks over it are UNKNOWN; and a failing endpoint is stopped, not retried
/// call after call.
@Suite("Partial cloud reads", .serialized)
struct PartialReadTests {
    static let checks = CheckEngine(checks: CheckLibrary.load(directory: MotoDiscoveryTests.checksDirectory).checks)

    static func client(
        _ environment: [String: String], transport: any HTTPTransport = URLSessionTransport(),
        callGuard: CallGuard = CallGuard(breakerThreshold: 3), maxAttempts: Int = 5
    ) -> AWSClient {
        AWSClient(
            credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing")),
            region: "us-east-1", environment: environment, transport: transport,
            retryPolicy: RetryPolicy(maxAttempts: maxAttempts, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5)),
            timeout: .seconds(30), maxConcurrentPerServiceRegion: 1, callGuard: callGuard)
    }

    static func verdicts(_ result: DiscoveryResult, address: String) -> [String: Verdict] {
        var out: [String: Verdict] = [:]
        for r in checks.evaluate(graph: ResourceGraph(result.resources)) where r.resourceAddress == address {
            out[r.check.id] = r.verdict
        }
        return out
    }

    @Test func aDeniedBucketACLIsUnknownSoTheACLChecksAreUnknownNotPassed() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        _ = try MotoDiscoveryTests.seed(moto)
        let proxy = try ForwardingProxy(upstream: try #require(URL(string: moto.endpoint))) { request in
            guard request.method == "GET", request.target.contains("?acl") else { return nil }
            return CannedResponse(status: 403, text: "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>")
        }
        defer { proxy.stop() }
        var environment = moto.environment()
        environment["AWS_ENDPOINT_URL_S3"] = proxy.baseURL.absoluteString
        let result = try await AWSDiscovery(client: Self.client(environment), services: [.s3]).run()

        #expect(
            result.errors.contains {
                $0.operation == "GetBucketAcl" && $0.resource == "public-bucket" && $0.code == .accessDenied
            })
        let bucket = try #require(result.resources.first { $0.address == "aws_s3_bucket.public-bucket" })
        #expect(bucket.attributes["acl"] == .unknown)
        #expect(result.unread.contains { $0.address == "aws_s3_bucket_acl.public-bucket" })
        // What was read is still known.
        #expect(bucket.attributes["bucket"] == .string("public-bucket"))
        for address in ["aws_s3_bucket.public-bucket", "aws_s3_bucket_acl.public-bucket"] {
            let verdicts = Self.verdicts(result, address: address)
            for id in ["BLW-AWS-S3-001", "BLW-AWS-S3-002"] {
                #expect(verdicts[id]?.kind == .unknown, "\(id) on \(address): \(String(describing: verdicts[id]))")
            }
        }
        #expect(result.isPartial)
    }

    @Test func anEndpointThatDiesMidReadIsStoppedAndWhatItDidNotReadIsUnknown() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        _ = try MotoDiscoveryTests.seed(moto)
        let served = TestCounter()
        let box = ProxyBox()
        let proxy = try ForwardingProxy(upstream: try #require(URL(string: moto.endpoint))) { request in
            let n = served.next()
            guard n > 4 else { return nil }
            // The endpoint dies: this answer is its last, and every later connection is refused.
            if n == 5 { box.stop() }
            return CannedResponse(status: 503, text: "going away")
        }
        box.proxy = proxy
        defer { proxy.stop() }
        var environment = moto.environment()
        environment["AWS_ENDPOINT_URL_S3"] = proxy.baseURL.absoluteString
        let transport = CountingTransport(URLSessionTransport())
        let result = try await AWSDiscovery(client: Self.client(environment, transport: transport), services: [.s3]).run()

        #expect(result.stoppedServices.map { "\($0.service)/\($0.region)" } == ["s3/us-east-1"])
        // Three refused attempts open the breaker: the remaining calls are not sent at all.
        #expect(transport.transportFailures.count == 3)
        #expect(result.errors.contains { ($0.underlying as? AWSError)?.code == .unreachable })
        // Each bucket read before the death keeps its settings; each one not read has them unknown, never absent.
        let buckets = result.resources.filter { $0.type == "aws_s3_bucket" }
        #expect(!buckets.isEmpty)
        for bucket in buckets {
            let name = bucket.attributes["bucket"]?.stringValue ?? ""
            let aclFailed = result.errors.contains { $0.operation == "GetBucketAcl" && $0.resource == name }
            let verdict = Self.verdicts(result, address: bucket.address)["BLW-AWS-S3-001"]
            if aclFailed {
                #expect(bucket.attributes["acl"] == .unknown)
                #expect(verdict?.kind == .unknown, "\(bucket.address): \(String(describing: verdict))")
            }
            let versioningFailed = result.errors.contains { $0.operation == "GetBucketVersioning" && $0.resource == name }
            if versioningFailed {
                #expect(Self.verdicts(result, address: bucket.address)["BLW-AWS-S3-012"]?.kind == .unknown)
            }
        }
        #expect(result.isPartial)
    }

    @Test func aSilentEndpointIsStoppedAfterThreeTimeoutsAndTheOtherServicesAreRead() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        _ = try MotoDiscoveryTests.seed(moto)
        let silent = try SilentTCPListener()
        defer { silent.stop() }
        var environment = moto.environment()
        environment["AWS_ENDPOINT_URL_EC2"] = silent.baseURL.absoluteString
        // Long enough for a loaded moto to start answering, short enough to give up on the silent listener.
        let transport = URLSessionTransport(connectTimeout: .seconds(3))
        let result = try await AWSDiscovery(
            client: Self.client(environment, transport: transport), services: [.ec2, .kms, .s3]
        ).run()

        // Three attempts that never got an answer, then every other EC2 call refused unsent.
        #expect(silent.connections == 3)
        #expect(result.stoppedServices.contains { $0.service == "ec2" && $0.region == "us-east-1" })
        #expect(result.errors.contains { $0.service == "ec2" && ($0.underlying as? AWSError)?.code == .unreachable })
        #expect(!result.resources.contains { $0.type == "aws_instance" })
        #expect(result.resources.contains { $0.type == "aws_kms_key" })
        #expect(result.resources.contains { $0.type == "aws_s3_bucket" })
    }

    @Test func aPassedDeadlineStopsEveryCall() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        let proxy = try ForwardingProxy(upstream: try #require(URL(string: moto.endpoint)))
        defer { proxy.stop() }
        var environment = moto.environment()
        environment["AWS_ENDPOINT_URL"] = proxy.baseURL.absoluteString
        let client = Self.client(environment, callGuard: CallGuard(breakerThreshold: 3, deadline: .zero))
        do {
            _ = try await AWSDiscovery(client: client).run()
            Issue.record("discovery past its deadline read the account")
        } catch {
            #expect(error.code == .deadlineExceeded)
        }
        #expect(proxy.requests.isEmpty)
    }
}

/// Lets a proxy's handler stop the proxy it runs in.
final class ProxyBox: @unchecked Sendable {
    // Unchecked: `proxy` is set once before the first request and only read afterwards.
    var proxy: ForwardingProxy?
    func stop() { proxy?.stop() }
}
