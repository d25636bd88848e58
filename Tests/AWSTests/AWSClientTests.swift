import AWS
import CloudHTTP
import Foundation
import Model
import TestSupport
import Testing

/// The client against a loopback server: throttling retries, error shapes, malformed bodies, pagination, limits.
@Suite("AWSClient protocols and failures")
struct AWSClientTests {
    static let fast = RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(1), maxDelay: .milliseconds(10), jitter: { $0 })

    static func client(_ server: LoopbackHTTPServer, limit: Int = 8) -> AWSClient {
        AWSClient(
            credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: "SECRETTEST")),
            region: "us-east-1", environment: ["AWS_ENDPOINT_URL": server.baseURL.absoluteString],
            retryPolicy: fast, maxConcurrentPerServiceRegion: limit)
    }

    @Test func queryThrottlingCodeIsRetriedUntilSuccess() async throws {
        let calls = TestCounter()
        let server = try LoopbackHTTPServer { _ in
            calls.next() <= 2
                ? CannedResponse(
                    status: 400,
                    text:
                        "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>slow</Message></Error></Errors><RequestID>r1</RequestID></Response>"
                )
                : CannedResponse(text: "<DescribeVpcsResponse><vpcSet><item><vpcId>vpc-1</vpcId></item></vpcSet></DescribeVpcsResponse>")
        }
        defer { server.stop() }
        let client = Self.client(server)
        let root = try await client.query(service: .ec2, action: "DescribeVpcs")
        #expect(root.all("vpcSet/item").map { $0.string("vpcId") } == ["vpc-1"])
        #expect(server.requests.count == 3)
        let entries = await client.stats.entries()
        #expect(entries.map(\.calls) == [1])
        #expect(entries.map(\.attempts) == [3])
        let first = try #require(server.requests.first)
        #expect(first.header("Authorization")?.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDTEST/") == true)
        #expect(first.text.contains("Action=DescribeVpcs"))
        #expect(first.text.contains("Version=2016-11-15"))
    }

    @Test func http429AndJSONThrottlingAreRetried() async throws {
        let calls = TestCounter()
        let server = try LoopbackHTTPServer { request in
            switch calls.next() {
            case 1: return CannedResponse(status: 429, text: "")
            case 2: return CannedResponse(status: 400, text: #"{"__type":"com.amazonaws.kms#ThrottlingException","message":"rate"}"#)
            default:
                #expect(request.header("X-Amz-Target") == "TrentService.ListKeys")
                return CannedResponse(text: #"{"Keys":[{"KeyId":"k1"}],"Truncated":false}"#)
            }
        }
        defer { server.stop() }
        let result = try await Self.client(server).json(service: .kms, target: "ListKeys")
        #expect(result.members?["Keys"]?.elements?.count == 1)
        #expect(result.members?["Truncated"] == .bool(false))
        #expect(server.requests.count == 3)
    }

    @Test func s3SlowDownIsRetried() async throws {
        let calls = TestCounter()
        let server = try LoopbackHTTPServer { _ in
            calls.next() == 1
                ? CannedResponse(status: 503, text: "<Error><Code>SlowDown</Code><Message>Reduce</Message></Error>")
                : CannedResponse(text: "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>")
        }
        defer { server.stop() }
        let root = try await Self.client(server).s3XML(bucket: "b1", query: [("versioning", "")], operation: "GetBucketVersioning")
        #expect(root.string("Status") == "Enabled")
        #expect(server.requests.map(\.target) == ["/b1?versioning=", "/b1?versioning="])
    }

    @Test func givesUpAfterMaxAttemptsWithTheThrottlingCode() async throws {
        let server = try LoopbackHTTPServer { _ in
            CannedResponse(
                status: 400,
                text:
                    "<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>abc</RequestId></ErrorResponse>"
            )
        }
        defer { server.stop() }
        let error = await #expect(throws: AWSError.self) {
            _ = try await Self.client(server).query(service: .iam, action: "ListUsers")
        }
        #expect(error?.serviceCode == "Throttling")
        #expect(error?.requestID == "abc")
        #expect(server.requests.count == 5)
    }

    @Test func accessDeniedIsTypedAndNotRetried() async throws {
        let server = try LoopbackHTTPServer { _ in
            CannedResponse(
                status: 403, headers: [("x-amz-request-id", "req-9")],
                text: "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>")
        }
        defer { server.stop() }
        let error = await #expect(throws: AWSError.self) {
            _ = try await Self.client(server).s3XML(bucket: "secret-bucket", query: [("acl", "")], operation: "GetBucketAcl")
        }
        #expect(error?.isAccessDenied == true)
        #expect(error?.service == "s3")
        #expect(error?.operation == "GetBucketAcl")
        #expect(error?.resource == "secret-bucket")
        #expect(error?.httpStatus == 403)
        #expect(error?.requestID == "req-9")
        #expect(server.requests.count == 1)
    }

    @Test func malformedXMLNamesTheAPIAndResource() async throws {
        let server = try LoopbackHTTPServer { _ in CannedResponse(text: "<AccessControlPolicy><Owner>") }
        defer { server.stop() }
        let error = await #expect(throws: AWSError.self) {
            _ = try await Self.client(server).s3XML(bucket: "logs", query: [("acl", "")], operation: "GetBucketAcl")
        }
        #expect(error?.code == .malformedResponse)
        #expect(error?.operation == "GetBucketAcl")
        #expect(error?.resource == "logs")
        #expect(error.map { "\($0)" }?.contains("s3:GetBucketAcl [logs]") == true)
    }

    @Test func malformedJSONNamesTheAPI() async throws {
        let server = try LoopbackHTTPServer { _ in CannedResponse(text: #"{"KeyMetadata": {"KeyId": "#) }
        defer { server.stop() }
        let error = await #expect(throws: AWSError.self) {
            _ = try await Self.client(server).json(service: .kms, target: "DescribeKey", body: ["KeyId": .string("k1")], resource: "k1")
        }
        #expect(error?.code == .malformedResponse)
        #expect(error?.service == "kms")
        #expect(error?.operation == "DescribeKey")
        #expect(error?.resource == "k1")
    }

    @Test func deeplyNestedXMLIsRejectedNotRecursed() async throws {
        let body = String(repeating: "<a>", count: 500) + String(repeating: "</a>", count: 500)
        let server = try LoopbackHTTPServer { _ in CannedResponse(text: body) }
        defer { server.stop() }
        let error = await #expect(throws: AWSError.self) {
            _ = try await Self.client(server).query(service: .rds, action: "DescribeDBInstances")
        }
        #expect(error?.code == .malformedResponse)
    }

    @Test func queryPaginationFollowsTokensAndStopsOnARepeat() async throws {
        let server = try LoopbackHTTPServer { request in
            if request.text.contains("NextToken=t2") {
                return CannedResponse(text: "<R><instanceSet><item><id>3</id></item></instanceSet><nextToken>t2</nextToken></R>")
            }
            if request.text.contains("NextToken=t1") {
                return CannedResponse(text: "<R><instanceSet><item><id>2</id></item></instanceSet><nextToken>t2</nextToken></R>")
            }
            return CannedResponse(text: "<R><instanceSet><item><id>1</id></item></instanceSet><nextToken>t1</nextToken></R>")
        }
        defer { server.stop() }
        let pages = try await Self.client(server).queryPages(
            service: .ec2, action: "DescribeInstances",
            tokenParameter: "NextToken", tokenElement: "nextToken")
        #expect(pages.flatMap { $0.all("instanceSet/item") }.compactMap { $0.string("id") } == ["1", "2", "3"])
        #expect(server.requests.count == 3)
    }

    @Test func concurrencyPerServiceRegionIsBounded() async throws {
        let inFlight = TestGauge()
        let server = try LoopbackHTTPServer { _ in
            inFlight.enter()
            Thread.sleep(forTimeInterval: 0.05)
            inFlight.leave()
            return CannedResponse(text: "<R/>")
        }
        defer { server.stop() }
        let client = Self.client(server, limit: 2)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 { group.addTask { _ = try await client.query(service: .ec2, action: "DescribeVpcs") } }
            try await group.waitForAll()
        }
        #expect(server.requests.count == 8)
        #expect(inFlight.peak <= 2)
        #expect(inFlight.peak >= 1)
    }
}

/// Tracks the largest number of handlers running at once.
final class TestGauge: @unchecked Sendable {
    // Unchecked: both counters are only touched under `lock`.
    private let lock = NSLock()
    private var current = 0
    private var highest = 0
    func enter() {
        lock.withLock {
            current += 1
            highest = max(highest, current)
        }
    }
    func leave() { lock.withLock { current -= 1 } }
    var peak: Int { lock.withLock { highest } }
}
