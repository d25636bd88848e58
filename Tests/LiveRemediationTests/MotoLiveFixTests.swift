import AWS
import Foundation
import LiveRemediation
import Model
import Store
import TestSupport
import Testing

/// Every AWS live fix against a real (moto) API: propose → approve → apply → verify, outcomes read back from moto.
@Suite("AWS live fixes against moto", .serialized)
struct MotoLiveFixTests {
    static let fixedChecks: Set<String> = [
        "BLW-AWS-S3-007", "BLW-AWS-S3-010", "BLW-AWS-S3-012", "BLW-AWS-VPC-001", "BLW-AWS-VPC-002", "BLW-AWS-EC2-002",
        "BLW-AWS-EC2-005", "BLW-AWS-KMS-001", "BLW-AWS-CLOUDTRAIL-001", "BLW-AWS-CLOUDTRAIL-002",
        "BLW-AWS-CLOUDTRAIL-003", "BLW-AWS-IAM-001", "BLW-AWS-IAM-004",
    ]

    @Test func everyAWSFixGoesProposedApprovedAppliedVerified() async throws {
        try await withMotoStore { fixture, store, client in
            let findings = try await fixture.findings(Self.fixedChecks, client: client)
            #expect(Set(findings.map(\.result.checkID)) == Self.fixedChecks)

            let remediator = LiveRemediator(store: store, clients: FixClients(aws: client), checks: MotoFixture.checks)
            let policy = LiveRemediationPolicy(target: "prod", mode: .approve, adminCIDR: "10.0.0.0/8")
            let proposals = try await remediator.propose(findings: findings, target: policy)
            #expect(proposals.allSatisfy { $0.created && $0.record?.status == .proposed && $0.skipped == nil })
            // Proposing the same findings again creates nothing (idempotency keys).
            let again = try await remediator.propose(findings: findings, target: policy)
            #expect(again.allSatisfy { !$0.created })
            #expect(try await store.remediations(status: nil, target: "prod").count == findings.count)

            for proposal in proposals {
                let id = try #require(proposal.record?.id)
                _ = try await remediator.approve(id: id, by: "alice")
                let outcome = try await remediator.apply(id: id, by: "controller-1")
                #expect(outcome.result == .verified, "\(proposal.checkID): \(outcome.result)")
                #expect(outcome.record.status == .verified)
                let mttr = try #require(outcome.record.timeToRemediate)
                #expect(mttr >= 0)
                let trail = try await store.auditEvents(remediationID: id).map(\.toStatus)
                #expect(trail == [.proposed, .approved, .applying, .applied, .verified])
            }

            let state = try fixture.readback()
            #expect(state["bucket_pab"] as? Bool == true)
            #expect(state["bucket_versioning"] as? String == "Enabled")
            #expect(state["bucket_sse"] as? String == "AES256")
            #expect(state["sg_rules"] as? [String] == ["22/10.0.0.0/8", "3389/10.0.0.0/8", "443/0.0.0.0/0"])
            #expect(state["http_tokens"] as? String == "required")
            #expect(state["ebs_default"] as? Bool == true)
            #expect(state["key_rotation"] as? Bool == true)
            #expect(state["trail_multi_region"] as? Bool == true)
            #expect(state["trail_validation"] as? Bool == true)
            #expect(state["trail_logging"] as? Bool == true)
            #expect(state["password_min_length"] as? Int == 14)
            #expect(state["password_symbols"] as? Bool == true)
        }
    }

    @Test func dryRunShowsTheExactCallsAndChangesNothing() async throws {
        try await withMotoStore { fixture, store, client in
            let findings = try await fixture.findings(["BLW-AWS-VPC-001"], client: client)
            let remediator = LiveRemediator(store: store, clients: FixClients(aws: client), checks: MotoFixture.checks)
            let proposal = try #require(
                try await remediator.propose(
                    findings: findings, target: LiveRemediationPolicy(target: "prod", mode: .approve, adminCIDR: "10.0.0.0/8")
                ).first)
            let id = try #require(proposal.record?.id)
            _ = try await remediator.approve(id: id, by: "alice")
            let plan = try await remediator.plan(id: id)
            let sg = fixture.ids["sg"] ?? "-"
            let authorize =
                "ec2 AuthorizeSecurityGroupIngress POST / region=us-east-1 GroupId=\(sg) "
                + "IpPermissions.1.FromPort=22 IpPermissions.1.IpProtocol=tcp"
            let revoke =
                "ec2 RevokeSecurityGroupIngress POST / region=us-east-1 GroupId=\(sg) "
                + "IpPermissions.1.FromPort=22 IpPermissions.1.IpProtocol=tcp"
            // The admin rule goes in before the world rule comes out; each call shows the undo a failure would run.
            #expect(
                plan.calls.map(\.rendered) == [
                    "\(authorize) IpPermissions.1.IpRanges.1.CidrIp=10.0.0.0/8 "
                        + "IpPermissions.1.IpRanges.1.Description=bulwark: admin access IpPermissions.1.ToPort=22",
                    "\(revoke) IpPermissions.1.IpRanges.1.CidrIp=0.0.0.0/0 IpPermissions.1.ToPort=22",
                ])
            #expect(
                plan.calls.map(\.renderedUndo) == [
                    "undo: \(revoke) IpPermissions.1.IpRanges.1.CidrIp=10.0.0.0/8 IpPermissions.1.ToPort=22",
                    "undo: \(authorize) IpPermissions.1.IpRanges.1.CidrIp=0.0.0.0/0 IpPermissions.1.ToPort=22",
                ])
            #expect(await calls(client, "RevokeSecurityGroupIngress") == 0)
            #expect(await calls(client, "AuthorizeSecurityGroupIngress") == 0)
            #expect(try await store.remediation(id: id)?.status == .approved)
            #expect(fixture.readbackRules() == ["22/0.0.0.0/0", "3389/0.0.0.0/0", "443/0.0.0.0/0"])
        }
    }

    @Test func aFailingCallLeavesTheRequestFailedWithTheAPIError() async throws {
        try await withMotoStore { fixture, store, client in
            let findings = try await fixture.findings(["BLW-AWS-S3-012"], client: client)
            let remediator = LiveRemediator(store: store, clients: FixClients(aws: client), checks: MotoFixture.checks)
            let proposal = try #require(
                try await remediator.propose(
                    findings: findings, target: LiveRemediationPolicy(target: "prod", mode: .approve)
                ).first)
            let id = try #require(proposal.record?.id)
            _ = try await remediator.approve(id: id, by: "alice")
            try fixture.deleteBucket("fix-me-bucket")

            let outcome = try await remediator.apply(id: id, by: "controller-1")
            guard case .failed(let error) = outcome.result else {
                Issue.record("expected failed, got \(outcome.result)")
                return
            }
            #expect(error.contains("s3:PutBucketVersioning"))
            #expect(error.contains("NoSuchBucket"))
            #expect(error.contains("no call completed"))
            let record = try #require(try await store.remediation(id: id))
            #expect(record.status == .failed)
            #expect(record.error == error)
            #expect(record.verifiedAt == nil)
            #expect(try await store.auditEvents(remediationID: id).map(\.toStatus) == [.proposed, .approved, .applying, .failed])
            // A failed request is not applied again without a new approval.
            #expect(try await remediator.apply(id: id, by: "controller-2").result == .notApplied(status: .failed))
        }
    }

    @Test func autoModeAppliesOnlyTheBaselinesAutoRemediableChecks() async throws {
        try await withMotoStore { fixture, store, client in
            let findings = try await fixture.findings(["BLW-AWS-S3-012", "BLW-AWS-S3-007"], client: client)
            let remediator = LiveRemediator(store: store, clients: FixClients(aws: client), checks: MotoFixture.checks)
            let outcomes = try await remediator.propose(
                findings: findings,
                target: LiveRemediationPolicy(
                    target: "prod", mode: .auto, autoRemediate: ["BLW-AWS-S3-012"]))
            let byCheck = Dictionary(uniqueKeysWithValues: outcomes.map { ($0.checkID, $0) })
            #expect(byCheck["BLW-AWS-S3-012"]?.record?.status == .verified)
            #expect(byCheck["BLW-AWS-S3-012"]?.applied?.result == .verified)
            #expect(byCheck["BLW-AWS-S3-007"]?.record?.status == .proposed)
            #expect(byCheck["BLW-AWS-S3-007"]?.applied == nil)
            let state = try fixture.readback()
            #expect(state["bucket_versioning"] as? String == "Enabled")
            #expect(state["bucket_pab"] as? Bool == false)
            let approvals = try await store.auditEvents(remediationID: try #require(byCheck["BLW-AWS-S3-012"]?.record?.id))
                .filter { $0.toStatus == .approved }
            #expect(approvals.map(\.actor) == ["bulwark:auto"])
        }
    }
}

extension MotoFixture {
    /// The seeded group's ingress as `port/cidr`, read from moto.
    func readbackRules() -> [String]? { (try? readback())?["sg_rules"] as? [String] }
}
