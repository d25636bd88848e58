import AWS
import CloudHTTP
import Foundation
import LiveRemediation
import Store
import TestHTTPServer
import Testing

/// Forwards to the real transport but answers one EC2 action with AccessDenied, as a policy denying it would.
struct DenyingTransport: HTTPTransport {
    let base = URLSessionTransport()
    let deniedAction: String

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        if String(decoding: request.body, as: UTF8.self).contains("Action=\(deniedAction)&") {
            return HTTPResponse(status: 403, headers: [("Content-Type", "text/xml")], body: Data("""
                <?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>UnauthorizedOperation</Code>\
                <Message>You are not authorized to perform this operation.</Message></Error></Errors>\
                <RequestID>test-denied</RequestID></Response>
                """.utf8))
        }
        return try await base.send(request, timeout: timeout)
    }
}

@Suite("A fix whose second call fails", .serialized)
struct PartialFailureTests {
    @Test func theFailureNamesTheCallThatFailedAndTheCallsThatCompleted() async throws {
        try await withMotoStore { fixture, store, _ in
            let client = AWSClient(
                credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing")),
                region: "us-east-1", environment: fixture.moto.environment(),
                transport: DenyingTransport(deniedAction: "AuthorizeSecurityGroupIngress"), retryPolicy: MotoFixture.fast)
            let findings = try await fixture.findings(["BLW-AWS-VPC-001"], client: client)
            let remediator = LiveRemediator(store: store, cloud: LiveCloud(aws: client), checks: MotoFixture.checks)
            let proposal = try #require(try await remediator.propose(
                findings: findings, target: LiveRemediationPolicy(target: "prod", mode: .approve, adminCIDR: "10.0.0.0/8"))
                .first)
            let id = try #require(proposal.record?.id)
            _ = try await remediator.approve(id: id, by: "alice")
            let outcome = try await remediator.apply(id: id, by: "controller-1")

            guard case .failed(let error) = outcome.result else {
                Issue.record("expected failed, got \(outcome.result)")
                return
            }
            #expect(error.hasPrefix("call 2/2 failed: call_failed ec2:AuthorizeSecurityGroupIngress"))
            #expect(error.contains("UnauthorizedOperation"))
            #expect(error.contains("calls that completed and were not rolled back: ec2 RevokeSecurityGroupIngress"))
            #expect(outcome.executed.map(\.action) == ["RevokeSecurityGroupIngress"])
            #expect(try await store.remediation(id: id)?.status == .failed)
            // moto's state matches the message: the open rule is gone, the admin rule never arrived.
            #expect(fixture.readbackRules() == ["3389/0.0.0.0/0", "443/0.0.0.0/0"])
        }
    }
}
