import Foundation
import LiveRemediation
import Store
import TestSupport
import Testing

/// `bulwark remediation` as a child process over a SQLite store holding one proposed live fix.
@Suite("bulwark remediation CLI")
struct RemediationCLITests {
    func bulwark(_ arguments: [String], user: String = "ci-user") async throws -> Subprocess.Outcome {
        let path = try BuiltProduct.path("bulwark", override: "BULWARK_EXECUTABLE")
        return try await Subprocess(path, ["remediation"] + arguments, environment: ["USER": user]).wait()
    }

    @Test func listShowDryRunApproveAndReject() async throws {
        let (store, directory) = try await temporarySQLiteStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (result, bucket) = try RegressionTests.unversionedBucket()
        let remediator = LiveRemediator(store: store, clients: FixClients(), checks: MotoFixture.checks)
        let id = try #require(
            try await remediator.propose(
                findings: [LiveFinding(result: result, resource: bucket, detectedAt: Date())],
                target: LiveRemediationPolicy(target: "prod", mode: .approve)
            ).first?.record?.id)
        await store.close()
        let database = ["--database", "sqlite:" + directory + "/bulwark.db"]

        let list = try await bulwark(["list"] + database)
        #expect(list.succeeded)
        #expect(list.output.contains("\(id)   proposed  live  prod    BLW-AWS-S3-012  aws_s3_bucket.b"))

        let dryRun = try await bulwark(["apply", "\(id)", "--dry-run"] + database)
        #expect(dryRun.succeeded)
        #expect(dryRun.output.contains("1. s3 PutBucketVersioning PUT b region=us-east-1 versioning= body=<Versioning"))
        #expect(dryRun.output.contains("\n     undo: s3 PutBucketVersioning PUT b region=us-east-1 versioning= body="))
        #expect(dryRun.output.contains("<Status>Suspended</Status>"))

        #expect(try await bulwark(["approve", "\(id)", "--as", "grace"] + database).succeeded)
        #expect(try await bulwark(["approve", "\(id)"] + database).succeeded)
        let noIdentity = try await bulwark(["reject", "\(id)"] + database, user: "")
        #expect(noIdentity.exitCode == 2 && noIdentity.output.contains("--as NAME"))

        let show = try await bulwark(["show", "\(id)"] + database)
        #expect(show.succeeded)
        #expect(show.output.contains("Remediation \(id) — approved"))
        #expect(show.output.contains("MTTR:      not verified yet"))
        #expect(show.output.components(separatedBy: "proposed → approved").count == 2)
        #expect(show.output.contains("grace  proposed → approved"))

        let missing = try await bulwark(["show", "999"] + database)
        #expect(missing.exitCode == 2 && missing.output.contains("no remediation 999"))
    }
}

extension RemediationCLITests {
    @Test func everyWrongStateActionExitsThree() async throws {
        let (store, directory) = try await temporarySQLiteStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (result, bucket) = try RegressionTests.unversionedBucket()
        let remediator = LiveRemediator(store: store, clients: FixClients(), checks: MotoFixture.checks)
        let id = try #require(
            try await remediator.propose(
                findings: [LiveFinding(result: result, resource: bucket, detectedAt: Date())],
                target: LiveRemediationPolicy(target: "prod", mode: .approve)
            ).first?.record?.id)
        await store.close()
        let database = ["--database", "sqlite:" + directory + "/bulwark.db"]
        // Proposed: applying and recovering are not allowed yet.
        let apply = try await bulwark(["apply", "\(id)"] + database)
        #expect(apply.exitCode == 3, "\(apply.output)")
        #expect(apply.output.contains("not applied (status proposed)"))
        let recover = try await bulwark(["recover", "\(id)"] + database)
        #expect(recover.exitCode == 3, "\(recover.output)")
        #expect(recover.output.contains("only an applying request is recovered"))
        #expect(try await bulwark(["reject", "\(id)"] + database).succeeded)
        // Rejected: approving is not allowed; rejecting again is a no-op.
        let approve = try await bulwark(["approve", "\(id)"] + database)
        #expect(approve.exitCode == 3, "\(approve.output)")
        #expect(approve.output.contains("is rejected; it cannot be approved"))
        #expect(try await bulwark(["reject", "\(id)"] + database).succeeded)
        let help = try await bulwark(["--help"])
        #expect(help.output.contains("3 the request's status does not allow the action"))
    }

    @Test func remediationCommandsNeverCreateADatabase() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-nodb-\(UUID().uuidString)").path
        let list = try await bulwark(["list", "--database", "sqlite:" + directory + "/bulwark.db"])
        #expect(list.exitCode == 2)
        #expect(list.output.contains("no database file here"))
        #expect(!FileManager.default.fileExists(atPath: directory))
    }
}
