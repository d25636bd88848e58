import Drift
import Foundation
import Model
import TestSupport
import Testing

@testable import Posture

/// `bulwark drift` when one setting could not be read: the resource holding it is reported not read — not
/// missing, not changed, not in sync — and the run does not exit 0.
@Suite(.serialized) struct DriftPartialReadTests {
    @Test(.timeLimit(.minutes(5))) func aDeniedVersioningReadIsNotReadAndTheRunIsNotInSync() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        try LivePostureStageTests.python(moto, LivePostureFixtures.seedScript)
        let proxy = try ForwardingProxy(upstream: try #require(URL(string: moto.endpoint))) { request in
            guard request.method == "GET", request.target.contains("?versioning") else { return nil }
            return CannedResponse(status: 403, text: "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>")
        }
        defer { proxy.stop() }
        // The in-sync setup of `DriftRunTests`: only the versioning read fails.
        let dir = try DriftRunTests.directory([
            "main.tf": LivePostureFixtures.mainTF.replacingOccurrences(of: "\"Enabled\"", with: "\"Suspended\""),
            "synced.tfstate": LivePostureFixtures.awsState(dataVersioning: "Suspended", includeGone: false),
            ".bulwarkignore": DriftRunTests.onlyManagedBuckets,
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var environment = moto.environment()
        environment["AWS_ENDPOINT_URL_S3"] = proxy.baseURL.absoluteString

        let outcome = await DriftRun.run(
            DriftRequest(state: dir + "/synced.tfstate", path: dir, cloud: .aws(profile: nil, regions: ["us-east-1"])),
            environment: environment)
        let report = try #require(outcome.report, "\(outcome.render(.table))")
        #expect(report.notRead.contains { $0.address == "aws_s3_bucket_versioning.data" }, "\(outcome.render(.table))")
        #expect(report.missing.isEmpty, "\(outcome.render(.table))")
        #expect(!report.changed.contains { $0.address == "aws_s3_bucket_versioning.data" })
        #expect(outcome.exitCode == 3)
        #expect(outcome.render(.table).contains("Not read — drift unknown"))
        #expect(outcome.render(.json).contains("\"not_read\":[{"))
    }
}
