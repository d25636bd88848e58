import Discovery
import Drift
import Foundation
import Scanner
import Store
import TestSupport
import Testing

@testable import CommitScan
@testable import ControllerConfig
@testable import Posture
@testable import Reconciler
@testable import Stages

/// The live posture stage end to end: a bare repository served by `git daemon`, `moto_server` seeded through its
/// API, an RDS endpoint that denies everything, and the embedded SQLite store.
@Suite(.serialized) struct LivePostureStageTests {
    static func python(_ moto: MotoServer, _ script: String, _ arguments: [String] = []) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("seed-\(UUID().uuidString).py").path
        try script.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        try moto.runPython(script: file, arguments: arguments)
    }

    static func deniedServer() throws -> LoopbackHTTPServer {
        try LoopbackHTTPServer { _ in
            CannedResponse(status: 403, headers: [("Content-Type", "text/xml")], text: LivePostureFixtures.accessDenied)
        }
    }

    @Test(.timeLimit(.minutes(5))) func awsCycleStoresDriftLiveFindingsBaselinesAndWarnings() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        let denied = try Self.deniedServer()
        defer { denied.stop() }
        try Self.python(moto, LivePostureFixtures.seedScript)

        let h = try await ReconcileLoopTests.Harness()
        _ = try h.remote.createRepository(
            "live",
            files: [
                "terraform/main.tf": LivePostureFixtures.mainTF,
                // In the configuration, not in the state: pending, not missing.
                "terraform/audit.tf": "resource \"aws_s3_bucket\" \"audit\" {\n  bucket = \"acme-audit\"\n}\n",
                "state/prod.tfstate": LivePostureFixtures.awsState(),
                "baselines/aws.yaml": LivePostureFixtures.awsBaseline,
                ".bulwarkignore": LivePostureFixtures.ignoreFile,
            ])
        var target = h.target("live")
        target.paths = ["terraform"]
        target.clouds = TargetConfig.Clouds(aws: .init(regions: ["us-east-1"]))
        target.baselines = ["baselines/aws.yaml"]
        target.state = "state/prod.tfstate"
        var environment = moto.environment()
        environment["AWS_ENDPOINT_URL_RDS"] = denied.baseURL.absoluteString
        let stage = LivePostureStage(library: CheckLibrary.load(directory: ReconcileLoopTests.checksDirectory), environment: environment)
        let reconciler = h.reconciler([target], stages: [stage])

        let status = try #require(await reconciler.runOnce().first)
        #expect(status.ready == .true, "\(status)")
        // The denied service is a warning in the status, not a failure.
        #expect(status.message.contains("partial:") && status.message.contains("AccessDenied"), "\(status.message)")
        #expect(status.message.contains("live:"), "\(status.message)")

        let scan = try #require(try await h.store.latestScan(target: "live"))
        let drift = try await h.store.drift(scanID: scan.id)
        #expect(
            drift.contains {
                $0.kind == "drifted" && $0.resourceType == "aws_s3_bucket_versioning"
                    && $0.attribute == "versioning_configuration[0].status" && $0.live == "\"Suspended\""
            }, "\(drift)")
        #expect(drift.contains { $0.kind == "missing" && $0.liveID == "acme-gone" }, "\(drift)")
        #expect(
            drift.contains { $0.kind == "unmanaged" && $0.resourceType == "aws_s3_bucket" && ($0.liveID ?? "").hasSuffix("acme-shadow") },
            "\(drift)")
        #expect(!drift.contains { $0.kind == "unmanaged" && $0.resourceType == "aws_security_group" }, "ignored by .bulwarkignore")
        #expect(!drift.contains { $0.kind == "missing" && $0.liveID == "acme-logs" })
        #expect(
            drift.filter { $0.kind == "pending" }.map { [$0.address, $0.desired ?? "", $0.liveID ?? ""] }
                == [["aws_s3_bucket.audit", "\"terraform/audit.tf:1\"", ""], ["aws_s3_bucket.gone", "", "acme-gone"]],
            "removed from the code and gone live: pending destruction as well as missing; \(drift)")
        // `bulwark report --target live#live` reads the live scan's compliance rows.
        let liveScan = try #require(try await h.store.latestScan(target: LivePostureRecording.liveTarget("live")))
        let frameworks = try await h.store.complianceFrameworks(scanID: liveScan.id)
        #expect(frameworks.contains("cis-aws"), "\(frameworks)")

        let live = try #require(try await h.store.latestScan(target: LivePostureRecording.liveTarget("live")))
        #expect(live.trigger == "live")
        #expect(live.commit == scan.commit)
        #expect(live.status == .partial, "an unread service must keep the live scan from resolving findings")
        let results = try await h.store.results(scanID: live.id).map(\.finding)
        #expect(
            results.contains { $0.verdict == .failed && $0.resourceAddress.contains("acme-data") && $0.checkID.hasPrefix("BLW-AWS-S3") },
            "\(results.filter { $0.verdict == .failed }.map { "\($0.checkID) \($0.resourceAddress)" })")
        #expect(results.contains { $0.checkID == "BASELINE:ebs_encryption_by_default" && $0.verdict == .failed })
        #expect(results.contains { $0.checkID == "BASELINE:iam_password_policy.minimum_password_length" && $0.verdict == .failed })
        let open = try await h.store.openFindings(target: LivePostureRecording.liveTarget("live"))
        #expect(open.contains { $0.checkID == "BASELINE:ebs_encryption_by_default" })
        // The IaC target's own findings are untouched by the live scan.
        #expect(try await h.store.openFindings(target: "live").allSatisfy { !$0.checkID.hasPrefix("BASELINE:") })

        // Read back from the command line: the stored drift, and the live scan's compliance report.
        let bulwark = try BuiltProduct.path("bulwark", override: "BULWARK_EXECUTABLE")
        let database = "sqlite:" + h.directory + "/bulwark.db"
        let shown = try await Subprocess(bulwark, ["drift", "show", "--target", "live", "-f", "json", "--database", database]).wait()
        #expect(shown.exitCode == 1, "\(shown.output)")
        #expect(shown.output.contains("aws_s3_bucket_versioning") && shown.output.contains("\"drifted\""), "\(shown.output)")
        #expect(shown.output.contains("acme-shadow") && shown.output.contains("\"unmanaged\""), "\(shown.output)")
        let report = try await Subprocess(
            bulwark, ["report", "--target", "live#live", "--framework", "cis-aws", "-f", "json", "--database", database]
        ).wait()
        #expect(report.exitCode == 0, "\(report.output)")
        #expect(report.output.contains("\"controls\""), "\(report.output.prefix(600))")
    }

    @Test(.timeLimit(.minutes(5))) func evaluateExposesTheLiveResultAndSkipsDriftWithoutState() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        try Self.python(moto, LivePostureFixtures.seedScript)
        let inputs = LivePostureInputs(
            clouds: [.aws(profile: nil, regions: ["us-east-1"])],
            baselines: [try SecurityBaselineLoader.load(yaml: LivePostureFixtures.awsBaseline, file: "b.yaml")],
            desired: nil, warnings: ["drift skipped: no state"])
        let library = LivePostureStage(
            library: CheckLibrary.load(directory: ReconcileLoopTests.checksDirectory), environment: moto.environment())
        let posture = LivePosture(checks: library.checks, attributes: library.attributes, environment: moto.environment())
        let result = try await posture.run(inputs)
        #expect(result.drift == nil)
        #expect(result.warnings.contains("drift skipped: no state"))
        #expect(result.resources.contains { $0.type == "aws_s3_bucket" && $0.attributes["bucket"]?.stringValue == "acme-data" })
        #expect(result.failedFindings.contains { $0.resourceAddress.contains("acme-data") })
        let baseline = try #require(result.baselineResults.first)
        #expect(baseline.failedSettings.map(\.setting).contains("ebs_encryption_by_default"))
        #expect(baseline.violationCount >= 2)
        #expect(result.accounts["aws"]?.isEmpty == false)
    }

    @Test func cloudThatCannotBeReadFailsTheStageWithATypedError() async throws {
        let posture = LivePosture(checks: [], environment: ["AZURE_CLIENT_ID": "x"])
        do {
            _ = try await posture.run(LivePostureInputs(clouds: [.azure(subscriptionID: "s")]))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .cloudUnavailable)
            #expect(error.message.contains("AZURE_TENANT_ID"))
        }
    }
}
