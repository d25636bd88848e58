import Drift
import Foundation
import Model
import TestSupport
import Testing

@testable import Posture

/// The evidence a team can alert on drift: a managed estate in moto (45 resources of 22 types, every one read by
/// discovery; the state written from moto's IDs in the provider's shape, the matching code) is in sync untouched, and each of 25 scripted
/// changes is reported once, in its kind.
@Suite(.serialized) struct DriftEstateTests {
    static let cloud = DiscoveryCloud.aws(profile: nil, regions: ["us-east-1"])

    /// The shipped drift attribute table (`checks/drift/ignore-attributes.yaml`).
    static func attributeFile() throws -> (text: String, file: String) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let file = root.appendingPathComponent("checks/drift/ignore-attributes.yaml").path
        return (try String(contentsOfFile: file, encoding: .utf8), file)
    }

    static func run(_ dir: String, _ moto: MotoServer, showDefaults: Bool = false) async throws -> DriftRunOutcome {
        await DriftRun.run(
            DriftRequest(
                state: dir + "/terraform.tfstate", path: dir, cloud: cloud, attributeFile: try attributeFile(),
                showDefaults: showDefaults),
            environment: moto.environment())
    }

    @Test(.timeLimit(.minutes(10))) func untouchedEstateIsInSyncAndEachScriptedChangeShowsOnceInItsKind() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("drift-estate-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try LivePostureStageTests.python(moto, DriftEstateFixture.script, ["seed", dir])

        let untouched = try await Self.run(dir, moto)
        let table = untouched.render(.table)
        let report = try #require(untouched.report, "\(table)")
        #expect(untouched.exitCode == 0, "\(table)")
        #expect(report.changed.isEmpty && report.pendingChanges.isEmpty && report.pending.isEmpty, "\(table)")
        #expect(report.missing.isEmpty && report.unmanaged.isEmpty && report.notRead.isEmpty, "\(table)")
        #expect(report.managedCount == 45 && report.coverage == 1, "\(table)")
        // Hidden, not gone: the default VPC and its groups, each VPC's default group, the instances' root volumes,
        // EBS encryption by default left off.
        let defaultTypes = Set(report.defaults.map(\.type))
        #expect(defaultTypes.isSuperset(of: ["aws_vpc", "aws_default_security_group", "aws_ebs_volume"]), "\(report.defaults)")
        let shown = try await Self.run(dir, moto, showDefaults: true)
        #expect(shown.exitCode == 1 && shown.report?.unmanaged.count == report.defaults.count, "\(shown.render(.table))")

        try LivePostureStageTests.python(moto, DriftEstateFixture.script, ["change", dir])
        let after = try await Self.run(dir, moto)
        let text = after.render(.table)
        let changed = try #require(after.report, "\(text)")
        #expect(after.exitCode == 1, "\(text)")
        #expect(
            changed.changed.map { "\($0.address) \($0.attribute)" } == [
                "aws_cloudtrail.main enable_logging",
                "aws_cloudwatch_log_group.app_api tags.Service",
                "aws_cloudwatch_log_group.app_worker retention_in_days",
                "aws_db_instance.main backup_retention_period",
                "aws_ebs_volume.cache tags.Name",
                "aws_iam_user.alice tags.Team",
                "aws_iam_user_policy.deploy policy",
                "aws_instance.web tags.Owner",
                "aws_kms_key.archive tags.Expires",
                "aws_kms_key.data enable_key_rotation",
                "aws_s3_bucket.data tags.Team",
                "aws_s3_bucket_public_access_block.logs block_public_policy",
                "aws_s3_bucket_versioning.backup versioning_configuration[0].status",
                "aws_security_group.db ingress[-]",
                "aws_security_group.web ingress[+]",
            ], "\(text)")
        #expect(changed.changed.allSatisfy { $0.kind == .drifted })
        #expect(
            changed.missing.compactMap(\.address) == [
                "aws_cloudwatch_log_group.app_old", "aws_iam_user.carol", "aws_s3_bucket.scratch",
            ], "\(text)")
        #expect(changed.unmanaged.map(\.type) == ["aws_iam_user", "aws_s3_bucket", "aws_security_group"], "\(text)")
        #expect(changed.unmanaged.contains { $0.id.hasSuffix(":user/mallory") }, "\(text)")
        #expect(changed.unmanaged.contains { $0.id.hasSuffix(":::estate-console-made") }, "\(text)")
        #expect(
            changed.pendingChanges.map { "\($0.address) \($0.attribute) \($0.desired) \($0.live)" } == [
                "aws_cloudwatch_log_group.app_api retention_in_days 90 30",
                "aws_s3_bucket.assets tags.Public \"yes\" null",
            ], "\(text)")
        #expect(
            changed.pending.map { "\($0.address) \($0.action.rawValue)" } == [
                "aws_kms_key.archive destroy", "aws_s3_bucket.reports create",
            ], "\(text)")
        // The security-group rows name the rule, with its own description.
        let added = try #require(changed.changed.first { $0.attribute == "ingress[+]" })
        #expect(added.live.members?["description"] == .string("debug") && added.live.members?["from_port"] == .number(22))
        let removed = try #require(changed.changed.first { $0.attribute == "ingress[-]" })
        #expect(removed.desired.members?["description"] == .string("batch subnet"), "\(removed)")
        #expect(text.contains("Drifted — live differs from the state (15)") && text.contains("Pending — the code differs"))
    }
}
