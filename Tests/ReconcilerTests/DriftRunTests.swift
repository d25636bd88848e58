import Drift
import Foundation
import Model
import TestSupport
import Testing

@testable import Posture

/// `bulwark drift` through the library function the command calls, against `moto_server`.
@Suite(.serialized) struct DriftRunTests {
    static let onlyManagedBuckets = """
        *.*
        !aws_s3_bucket.acme-logs
        !aws_s3_bucket.acme-data
        !aws_s3_bucket_versioning.acme-data
        !aws_s3_bucket.acme-gone
        """

    static func directory(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("drift-run-\(UUID().uuidString)").path
        for (name, text) in files {
            let path = dir + "/" + name
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test(.timeLimit(.minutes(5))) func exitStatusIsZeroInSyncOneOnDriftTwoOnError() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        try LivePostureStageTests.python(moto, LivePostureFixtures.seedScript)
        let dir = try Self.directory([
            "main.tf": LivePostureFixtures.mainTF,
            "synced.tfstate": LivePostureFixtures.awsState(dataVersioning: "Suspended", includeGone: false),
            "drifted.tfstate": LivePostureFixtures.awsState(),
            ".bulwarkignore": Self.onlyManagedBuckets,
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cloud = DiscoveryCloud.aws(profile: nil, regions: ["us-east-1"])

        // In sync: the configuration says Suspended, as the state and the cloud do.
        let syncedDir = try Self.directory([
            "main.tf": LivePostureFixtures.mainTF.replacingOccurrences(of: "\"Enabled\"", with: "\"Suspended\""),
            ".bulwarkignore": Self.onlyManagedBuckets,
        ])
        defer { try? FileManager.default.removeItem(atPath: syncedDir) }
        let synced = await DriftRun.run(
            DriftRequest(state: dir + "/synced.tfstate", path: syncedDir, cloud: cloud),
            environment: moto.environment())
        #expect(synced.exitCode == 0, "\(synced.render(.table))")
        #expect(synced.report?.managedCount == 3)

        // The HCL says Enabled, not yet applied: the state and the cloud say Suspended, so it is pending (apply),
        // not drifted (nothing to revert), and the exit status says so.
        let unapplied = await DriftRun.run(
            DriftRequest(state: dir + "/synced.tfstate", path: dir, cloud: cloud),
            environment: moto.environment())
        #expect(unapplied.exitCode == 4, "\(unapplied.render(.table))")
        let change = try #require(unapplied.report?.pendingChanges.first)
        #expect(unapplied.report?.pendingChanges.count == 1 && unapplied.report?.changed.isEmpty == true)
        #expect(change.address == "aws_s3_bucket_versioning.data" && change.attribute == "versioning_configuration[0].status")
        #expect(change.desired == .string("Enabled") && change.live == .string("Suspended"))
        #expect(unapplied.report?.pending.isEmpty == true && unapplied.report?.missing.isEmpty == true)

        let drifted = await DriftRun.run(
            DriftRequest(state: dir + "/drifted.tfstate", path: dir, cloud: cloud),
            environment: moto.environment())
        #expect(drifted.exitCode == 1)
        let report = try #require(drifted.report)
        #expect(report.changed.map(\.attribute) == ["versioning_configuration[0].status"])
        #expect(report.missing.map(\.id) == ["acme-gone"])
        #expect(drifted.render(.table).contains("Missing (1)"))

        let missingState = await DriftRun.run(
            DriftRequest(state: dir + "/nope.tfstate", path: dir, cloud: cloud),
            environment: moto.environment())
        #expect(missingState.exitCode == 2)
        #expect(missingState.error?.contains("nope.tfstate") == true, "\(String(describing: missingState.error))")

        let noBackend = await DriftRun.run(DriftRequest(state: nil, path: dir, cloud: cloud), environment: moto.environment())
        #expect(noBackend.exitCode == 2, "no backend block and no terraform.tfstate")
    }

    @Test(.timeLimit(.minutes(5))) func aResourceInTheConfigurationOnlyIsPendingNotMissing() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        try LivePostureStageTests.python(moto, LivePostureFixtures.seedScript)
        let dir = try Self.directory([
            "main.tf": LivePostureFixtures.mainTF.replacingOccurrences(of: "\"Enabled\"", with: "\"Suspended\""),
            "audit.tf": """
            resource "aws_s3_bucket" "audit" {
              bucket = "acme-audit"
            }
            """,
            "terraform.tfstate": LivePostureFixtures.awsState(dataVersioning: "Suspended", includeGone: false),
            // A pending resource has no provider ID yet: ID patterns match its address.
            ".bulwarkignore": Self.onlyManagedBuckets + "\n" + #"!aws_s3_bucket.aws_s3_bucket\.audit"#,
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }

        // No --state: the default local state beside the configuration.
        let outcome = await DriftRun.run(
            DriftRequest(state: nil, path: dir, cloud: .aws(profile: nil, regions: ["us-east-1"])),
            environment: moto.environment())
        let report = try #require(outcome.report, "\(outcome.render(.table))")
        #expect(outcome.exitCode == 4)
        #expect(
            report.pending == [
                DriftPendingResource(type: "aws_s3_bucket", address: "aws_s3_bucket.audit", file: dir + "/audit.tf", line: 1)
            ],
            "\(outcome.render(.table))")
        #expect(report.changed.isEmpty && report.missing.isEmpty, "\(outcome.render(.table))")
        #expect(report.managedCount == 3)
        let json = outcome.render(.json)
        #expect(
            json.contains(
                #""pending":[{"action":"create","address":"aws_s3_bucket.audit","file":"# + Value.quote(dir + "/audit.tf")
                    + #","id":null,"kind":"pending","line":1,"type":"aws_s3_bucket"}]"#), "\(json)")
    }

    @Test(.timeLimit(.minutes(5))) func stateComesFromTheS3BackendAndDeniedServicesAreListed() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        let denied = try LivePostureStageTests.deniedServer()
        defer { denied.stop() }
        let dir = try Self.directory([
            "main.tf": LivePostureFixtures.mainTF + """

                terraform {
                  backend "s3" {
                    bucket = "tf-state"
                    key    = "prod/terraform.tfstate"
                    region = "us-east-1"
                  }
                }
                """,
            "state.json": LivePostureFixtures.awsState(),
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try LivePostureStageTests.python(moto, LivePostureFixtures.seedScript, [dir + "/state.json"])
        var environment = moto.environment()
        environment["AWS_ENDPOINT_URL_RDS"] = denied.baseURL.absoluteString

        let outcome = await DriftRun.run(
            DriftRequest(state: nil, path: dir, cloud: .aws(profile: nil, regions: ["us-east-1"])),
            environment: environment)
        #expect(outcome.stateSource == "s3://tf-state/prod/terraform.tfstate")
        #expect(outcome.exitCode == 1, "\(outcome.render(.table))")
        #expect(outcome.report?.changed.contains { $0.address == "aws_s3_bucket_versioning.data" } == true)
        #expect(outcome.discoveryErrors.contains { $0.error.service == "rds" && $0.error.apiCode == "AccessDenied" })
        let json = outcome.render(.json)
        #expect(json.contains("\"errors\":[{") && json.contains("AccessDenied"), "\(json.prefix(400))")
        #expect(outcome.render(.table).contains("Not read ("))

        // The same state found by listing its prefix (S3 ListObjectsV2 against moto).
        let listed = await DriftRun.run(
            DriftRequest(state: "s3://tf-state/prod/", path: dir, cloud: .aws(profile: nil, regions: ["us-east-1"])),
            environment: environment)
        #expect(listed.stateSource == "s3://tf-state/prod/")
        #expect(listed.report?.changed.contains { $0.address == "aws_s3_bucket_versioning.data" } == true, "\(listed.render(.table))")
    }
}
