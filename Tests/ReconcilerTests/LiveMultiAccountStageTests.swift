import Foundation
import Scanner
import Store
import TestSupport
import Testing

@testable import ControllerConfig
@testable import Reconciler
@testable import Stages

/// The live stage of a target with `clouds.aws.accounts`: every member account read through its role is stored in
/// the one `<target>#live` scan, each resource under its account; a refused role makes the cycle partial and names
/// the role, never a credential.
@Suite(.serialized) struct LiveMultiAccountStageTests {
    static let seed = """
        import json, sys
        import boto3
        sts = boto3.client("sts")
        for arn in sys.argv[1:]:
            account = arn.split(":")[4]
            c = sts.assume_role(RoleArn=arn, RoleSessionName="seed")["Credentials"]
            s = boto3.session.Session(
                aws_access_key_id=c["AccessKeyId"], aws_secret_access_key=c["SecretAccessKey"],
                aws_session_token=c["SessionToken"])
            s.client("s3").create_bucket(Bucket="member-" + account)
        """

    @Test(.timeLimit(.minutes(5))) func everyMemberAccountIsStoredUnderItsOwnAddresses() async throws {
        let roleA = "arn:aws:iam::111111111111:role/bulwark-audit"
        let roleB = "arn:aws:iam::222222222222:role/bulwark-audit"
        let refused = "arn:aws:iam::333333333333:role/bulwark-audit"
        let moto = try MotoServer()
        defer { moto.stop() }
        try LivePostureStageTests.python(moto, Self.seed, [roleA, roleB])
        let upstream = try #require(URL(string: moto.endpoint))
        let sessions = TestCounter()
        let proxy = try ForwardingProxy(upstream: upstream) { request in
            guard request.text.contains("Action=AssumeRole") else { return nil }
            // The session is named after the target, and the ExternalId comes from the environment.
            if request.text.contains("RoleSessionName=bulwark-estate"), request.text.contains("ExternalId=ext-from-env") {
                _ = sessions.next()
            }
            guard request.text.contains("333333333333") else { return nil }
            return CannedResponse(
                status: 403,
                text: "<ErrorResponse><Error><Code>AccessDenied</Code><Message>not authorized</Message></Error></ErrorResponse>")
        }
        defer { proxy.stop() }

        let h = try await ReconcileLoopTests.Harness()
        _ = try h.remote.createRepository("estate", files: ["main.tf": "# nothing managed here\n"])
        var target = h.target("estate")
        target.clouds = TargetConfig.Clouds(
            aws: .init(
                regions: ["us-east-1"],
                accounts: [
                    AWSAccountConfig(roleARN: roleA, externalID: .reference(.environment("MEMBER_EXTERNAL_ID"))),
                    AWSAccountConfig(roleARN: roleB, externalID: .reference(.environment("MEMBER_EXTERNAL_ID"))),
                    AWSAccountConfig(roleARN: refused, externalID: .reference(.environment("MEMBER_EXTERNAL_ID"))),
                ]))
        var environment = moto.environment()
        environment["AWS_ENDPOINT_URL_STS"] = proxy.baseURL.absoluteString
        environment["MEMBER_EXTERNAL_ID"] = "ext-from-env"
        let stage = LivePostureStage(
            library: CheckLibrary.load(directory: ReconcileLoopTests.checksDirectory), environment: environment)
        let reconciler = h.reconciler([target], stages: [stage])

        let status = try #require(await reconciler.runOnce().first)
        #expect(status.ready == .true, "\(status)")
        #expect(status.message.contains(refused), "\(status.message)")
        #expect(sessions.count == 3)

        let live = try #require(try await h.store.latestScan(target: LivePostureRecording.liveTarget("estate")))
        #expect(live.status == .partial, "an unread account must keep the live scan from resolving findings")
        let results = try await h.store.results(scanID: live.id).map(\.finding)
        for account in ["111111111111", "222222222222"] {
            let address = "module.account_\(account).aws_s3_bucket.member-\(account)"
            #expect(results.contains { $0.resourceAddress == address }, "no results for \(address)")
        }
        #expect(!results.contains { $0.resourceAddress.contains("333333333333") })
        #expect(!status.message.contains("ext-from-env"))
    }
}
