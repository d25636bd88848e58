import AWS
import CloudHTTP
import Foundation
import TestSupport
import Testing

/// The client's closed codes beside AWS's own, the cause kept, and where each error was raised.
@Suite("AWS errors keep their cause")
struct AWSErrorTests {
    @Test func anAWSErrorBodyIsAServiceErrorWithTheCodeVerbatim() async throws {
        let server = try LoopbackHTTPServer { _ in
            CannedResponse(status: 400, text: "<Error><Code>NoSuchBucketPolicy</Code><Message>none</Message></Error>")
        }
        defer { server.stop() }
        let error = await #expect(throws: AWSError.self) {
            _ = try await AWSClientTests.client(server).s3(bucket: "b", query: [("policy", "")], operation: "GetBucketPolicy")
        }
        #expect(error?.code == .serviceError)
        #expect(error?.serviceCode == "NoSuchBucketPolicy")
        #expect(error?.errorCode == "NoSuchBucketPolicy")
        #expect(error?.description.hasPrefix("s3:GetBucketPolicy [b]: NoSuchBucketPolicy: none") == true)
        #expect(error?.file.hasSuffix("AWSClient.swift") == true)
    }

    @Test func aBodilessStatusIsAnHTTPStatusErrorUnlessItMeansDenied() async throws {
        let server = try LoopbackHTTPServer { request in
            CannedResponse(status: request.target.contains("denied") ? 403 : 500, text: "")
        }
        defer { server.stop() }
        let failed = await #expect(throws: AWSError.self) {
            _ = try await AWSClientTests.client(server).s3(bucket: "broken", operation: "HeadBucket")
        }
        #expect(failed?.code == .httpStatus)
        #expect(failed?.serviceCode == nil)
        #expect(failed?.httpStatus == 500)
        let denied = await #expect(throws: AWSError.self) {
            _ = try await AWSClientTests.client(server).s3(bucket: "denied", operation: "HeadBucket")
        }
        #expect(denied?.code == .serviceError)
        #expect(denied?.isAccessDenied == true)
    }

    @Test func aTransportFailureKeepsTheHTTPErrorAsItsCause() async throws {
        let port = try MotoServer.freePort()
        let client = AWSClient(
            credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: "A", secretAccessKey: "S")),
            region: "us-east-1", environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:\(port)"],
            retryPolicy: RetryPolicy(maxAttempts: 1))
        let error = await #expect(throws: AWSError.self) {
            _ = try await client.query(service: .iam, action: "ListUsers")
        }
        #expect(error?.code == .transport)
        #expect(error?.serviceCode == nil)
        let cause = try #require(error?.underlying as? HTTPError)
        #expect(cause.code == .connection)
        #expect(error?.message == "connection: \(cause.message)")
    }
}
