import AWS
import CloudHTTP
import Foundation
import LiveRemediation
import Store
import TestSupport
import Testing

/// Forwards to the real transport but answers one EC2 action with AccessDenied, as a policy denying it would —
/// only for requests whose body also contains `onlyWith` (a denial scoped to one CIDR, say), when given.
struct DenyingTransport: HTTPTransport {
    let base = URLSessionTransport()
    let deniedAction: String
    var onlyWith: String?

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let body = String(decoding: request.body, as: UTF8.self)
        if body.contains("Action=\(deniedAction)&"), onlyWith.map(body.contains) ?? true {
            return HTTPResponse(
                status: 403, headers: [("Content-Type", "text/xml")],
                body: Data(
                    """
                    <?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>UnauthorizedOperation</Code>\
                    <Message>You are not authorized to perform this operation.</Message></Error></Errors>\
                    <RequestID>test-denied</RequestID></Response>
                    """.utf8))
        }
        return try await base.send(request, timeout: timeout)
    }
}

/// A client of `fixture`'s moto whose `transport` denies what the test needs denied.
func denyingClient(_ fixture: MotoFixture, _ transport: DenyingTransport) -> AWSClient {
    AWSClient(
        credentials: StaticCredentialProvider(AWSCredentials(accessKeyID: "testing", secretAccessKey: "testing")),
        region: "us-east-1", environment: fixture.moto.environment(), transport: transport,
        retryPolicy: MotoFixture.fast)
}

/// Proposes the SSH finding on the seeded group with admin CIDR 10.0.0.0/8, approves it and applies it.
func applySSHFix(_ fixture: MotoFixture, _ store: Store, client: AWSClient) async throws -> (Int64, ApplyOutcome) {
    let findings = try await fixture.findings(["BLW-AWS-VPC-001"], client: client)
    let remediator = LiveRemediator(store: store, clients: FixClients(aws: client), checks: MotoFixture.checks)
    let proposal = try #require(
        try await remediator.propose(
            findings: findings, target: LiveRemediationPolicy(target: "prod", mode: .approve, adminCIDR: "10.0.0.0/8")
        )
        .first)
    let id = try #require(proposal.record?.id)
    _ = try await remediator.approve(id: id, by: "alice")
    return (id, try await remediator.apply(id: id, by: "controller-1"))
}

/// The error of a failed apply; nil (and an issue naming the actual result) for any other outcome.
func failureText(_ outcome: ApplyOutcome) -> String? {
    guard case .failed(let error) = outcome.result else {
        Issue.record("expected failed, got \(outcome.result)")
        return nil
    }
    return error
}

@Suite("A fix whose second call fails is rolled back", .serialized)
struct PartialFailureTests {
    static let before = ["22/0.0.0.0/0", "3389/0.0.0.0/0", "443/0.0.0.0/0"]

    @Test func theCompletedCallIsUndoneAndTheGroupIsExactlyAsBefore() async throws {
        try await withMotoStore { fixture, store, _ in
            // Only the revoke of the world rule is denied, so the undo (a revoke of the admin rule) goes through.
            let client = denyingClient(
                fixture,
                DenyingTransport(
                    deniedAction: "RevokeSecurityGroupIngress",
                    onlyWith: "CidrIp=0.0.0.0"))
            let (id, outcome) = try await applySSHFix(fixture, store, client: client)

            let error = try #require(failureText(outcome))
            #expect(error.hasPrefix("call 2/2 failed: call_failed ec2:RevokeSecurityGroupIngress"))
            #expect(error.contains("UnauthorizedOperation"))
            #expect(error.contains("; rolled back: ec2 RevokeSecurityGroupIngress POST / region=us-east-1 GroupId="))
            #expect(error.contains("IpPermissions.1.IpRanges.1.CidrIp=10.0.0.0/8"))
            #expect(outcome.executed.map(\.action) == ["AuthorizeSecurityGroupIngress"])
            #expect(outcome.rollback?.complete == true)
            #expect(outcome.rollback?.undone.map(\.action) == ["RevokeSecurityGroupIngress"])
            #expect(outcome.rollback?.leftInPlace == [])
            let record = try #require(try await store.remediation(id: id))
            #expect(record.status == .failed)
            #expect(record.error == error)
            let trail = try await store.auditEvents(remediationID: id)
            #expect(trail.map(\.toStatus) == [.proposed, .approved, .applying, .applying, .failed])
            #expect(trail.dropFirst(3).first?.detail.contains("rolled back: ec2 RevokeSecurityGroupIngress") == true)
            // Read back through the API: the admin rule is gone again and the world rules were never touched.
            #expect(fixture.readbackRules() == Self.before)
        }
    }

    @Test func anUndoThatFailsIsReportedWithTheStateLeftInPlace() async throws {
        try await withMotoStore { fixture, store, _ in
            // Every revoke is denied: the fix's revoke fails, and so does the undo of the admin authorize.
            let client = denyingClient(fixture, DenyingTransport(deniedAction: "RevokeSecurityGroupIngress"))
            let (id, outcome) = try await applySSHFix(fixture, store, client: client)

            let error = try #require(failureText(outcome))
            #expect(error.hasPrefix("call 2/2 failed: call_failed ec2:RevokeSecurityGroupIngress"))
            #expect(error.contains("; rollback failed at ec2 RevokeSecurityGroupIngress POST / region=us-east-1"))
            #expect(
                error.contains(
                    "(undo of call 1, ec2:AuthorizeSecurityGroupIngress): call_failed "
                        + "ec2:RevokeSecurityGroupIngress"))
            #expect(error.contains("; left in place: ec2 AuthorizeSecurityGroupIngress POST / region=us-east-1"))
            #expect(!error.contains("rolled back:"))
            #expect(outcome.rollback?.complete == false)
            #expect(outcome.rollback?.undone == [])
            #expect(outcome.rollback?.leftInPlace.map(\.action) == ["AuthorizeSecurityGroupIngress"])
            #expect(try await store.remediation(id: id)?.status == .failed)
            let trail = try await store.auditEvents(remediationID: id)
            #expect(trail.dropFirst(3).first?.detail.contains("left in place: ec2 AuthorizeSecurityGroupIngress") == true)
            // moto's state is exactly what the message says: the original rules plus the admin rule.
            #expect(fixture.readbackRules() == ["22/0.0.0.0/0", "22/10.0.0.0/8", "3389/0.0.0.0/0", "443/0.0.0.0/0"])
        }
    }

    /// A plan as an older build stored it: no undo keys at all. Call 2 names a bucket that does not exist.
    static let oldPlan = #"""
        {"account":"123456789012","calls":[{"action":"PutBucketVersioning","body":"<VersioningConfiguration \#
        xmlns='http://s3.amazonaws.com/doc/2006-03-01/'><Status>Enabled</Status></VersioningConfiguration>",\#
        "method":"PUT","parameters":{"versioning":""},"path":"fix-me-bucket","region":"us-east-1","service":"s3",\#
        "wire":"aws-s3"},{"action":"PutBucketVersioning","body":"<VersioningConfiguration \#
        xmlns='http://s3.amazonaws.com/doc/2006-03-01/'><Status>Enabled</Status></VersioningConfiguration>",\#
        "method":"PUT","parameters":{"versioning":""},"path":"no-such-bucket","region":"us-east-1","service":"s3",\#
        "wire":"aws-s3"}],"checkID":"BLW-AWS-S3-012","fixID":"aws-s3-versioning","liveID":"arn:aws:s3:::fix-me-bucket",\#
        "provider":"aws","region":"us-east-1","resourceAddress":"aws_s3_bucket.fix-me-bucket",\#
        "resourceType":"aws_s3_bucket","summary":"enable bucket versioning"}
        """#

    @Test func aCallWithoutAnUndoStopsTheRollbackAndSaysSo() async throws {
        try await withMotoStore { fixture, store, client in
            let remediator = LiveRemediator(store: store, clients: FixClients(aws: client), checks: MotoFixture.checks)
            let at = Date()
            let (record, _) = try await store.createRemediation(
                RemediationRecord(
                    idempotencyKey: "live|prod|old-plan", target: "prod", checkID: "BLW-AWS-S3-012",
                    resourceAddress: "aws_s3_bucket.fix-me-bucket", liveID: "arn:aws:s3:::fix-me-bucket", kind: "live",
                    plan: Self.oldPlan, detectedAt: at, createdAt: at, updatedAt: at))
            let id = try #require(record.id)
            // The old plan still decodes; its calls simply have no undo.
            #expect(try await remediator.plan(id: id).calls.map(\.undo) == [nil, nil])
            _ = try await remediator.approve(id: id, by: "alice")
            let outcome = try await remediator.apply(id: id, by: "controller-1")

            let error = try #require(failureText(outcome))
            #expect(error.hasPrefix("call 2/2 failed: call_failed s3:PutBucketVersioning"))
            #expect(error.contains("NoSuchBucket"))
            #expect(
                error.contains(
                    "; rollback stopped at call 1 (s3:PutBucketVersioning): it has no undo (the plan "
                        + "records none; it predates undo calls); left in place: s3 PutBucketVersioning PUT "
                        + "fix-me-bucket"))
            #expect(outcome.rollback?.leftInPlace.map(\.path) == ["fix-me-bucket"])
            // As the message says, the first call's change is still there.
            #expect(try fixture.readback()["bucket_versioning"] as? String == "Enabled")
        }
    }
}
