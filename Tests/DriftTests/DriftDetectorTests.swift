import Foundation
import Model
import Testing

@testable import Drift

@Suite("Drift detection")
struct DriftDetectorTests {
    /// The shipped per-type attribute table, which the expectations below rely on.
    static func shippedTable() throws -> AttributeIgnoreTable {
        let loaded = AttributeIgnoreTable.load(file: Support.repositoryRoot + "/checks/drift/ignore-attributes.yaml")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        return loaded.table
    }

    static func desired() async throws -> [Resource] {
        let dir = try Support.tempDirectory()
        let path = try Support.write(DriftFixtures.state, to: "terraform.tfstate", in: dir)
        let loaded = await DesiredStateLoader.load(.local(path: path))
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        return loaded.resources
    }

    /// Live objects as discovery maps them: computed values differ, order of sets differs, scalars differ in type.
    static func liveUntouched() -> [Resource] {
        [
            Support.live(
                "aws_s3_bucket", "arn:aws:s3:::acme-logs",
                [
                    "bucket": "acme-logs", "arn": "arn:aws:s3:::acme-logs",
                    "bucket_domain_name": "acme-logs.s3.eu-west-1.amazonaws.com", "acl": "",
                    "grant": .list([
                        .object([
                            "permissions": Support.strings(["READ_ACP", "WRITE"]), "type": "Group",
                            "uri": "http://acs.amazonaws.com/groups/s3/LogDelivery", "id": "",
                        ]),
                        .object(["permissions": Support.strings(["FULL_CONTROL"]), "type": "CanonicalUser", "id": "", "uri": ""]),
                    ]),
                    "versioning": Support.block(["enabled": true, "mfa_delete": false]),
                    "tags": .map(["team": "security"]), "tags_all": .map(["team": "security", "created-by": "console"]),
                    "policy": .null,
                ]),
            Support.live(
                "aws_security_group", "arn:aws:ec2:eu-west-1:123456789012:security-group/sg-0a1",
                [
                    "id": "sg-0a1", "name": "web", "description": "Managed by Terraform", "owner_id": "999999999999",
                    "ingress": .set(from: [
                        .object([
                            "cidr_blocks": Support.strings(["10.0.0.0/8"]), "from_port": 22, "to_port": 22, "protocol": "tcp",
                            "description": "ssh", "self": false,
                        ]),
                        .object([
                            "cidr_blocks": Support.strings(["192.168.0.0/16", "10.0.0.0/8"]), "from_port": "443", "to_port": 443,
                            "protocol": "tcp", "description": .null, "self": false,
                        ]),
                    ]),
                ]),
            Support.live(
                "aws_instance", "i-0app",
                [
                    "id": "i-0app", "ami": "ami-123", "instance_type": "t3.micro",
                    "metadata_options": .object(["http_tokens": "required", "http_put_response_hop_limit": "1", "http_endpoint": "enabled"]
                    ),
                    "vpc_security_group_ids": Support.strings(["sg-0b2", "sg-0a1"]), "monitoring": "false",
                ]),
            Support.live("aws_s3_bucket", "arn:aws:s3:::acme-gone", ["bucket": "acme-gone"]),
        ]
    }

    @Test("an untouched estate shows no drift despite computed, defaulted and reordered values")
    func noFalseDrift() async throws {
        let report = DriftDetector(attributes: try Self.shippedTable())
            .detect(desired: try await Self.desired(), live: Self.liveUntouched())
        #expect(report.changed.isEmpty, "\(report.changed)")
        #expect(report.missing.isEmpty)
        #expect(report.unmanaged.isEmpty)
        #expect(report.managedCount == 4 && report.liveCount == 4)
        #expect(report.coverage == 1)
        #expect(!report.hasDrift)
    }

    @Test("exactly the expected changed, missing and unmanaged resources")
    func expectedDrift() async throws {
        var live = Self.liveUntouched().filter { $0.attributes["bucket"] != "acme-gone" }
        live[0].attributes["versioning"] = Support.block(["enabled": false, "mfa_delete": false])
        live[2].attributes["instance_type"] = "t3.large"
        live.append(Support.live("aws_s3_bucket", "arn:aws:s3:::acme-shadow", ["bucket": "acme-shadow"]))
        live.append(Support.live("aws_iam_user", "arn:aws:iam::123456789012:user/alice", ["name": "alice"], region: nil))

        let report = DriftDetector(attributes: try Self.shippedTable()).detect(desired: try await Self.desired(), live: live)

        #expect(
            report.changed == [
                DriftChange(
                    type: "aws_s3_bucket", address: "aws_s3_bucket.logs", id: "acme-logs", attribute: "versioning[0].enabled",
                    desired: true, live: false),
                DriftChange(
                    type: "aws_instance", address: "module.compute[\"blue\"].aws_instance.app[0]", id: "i-0app",
                    attribute: "instance_type", desired: "t3.micro", live: "t3.large"),
            ])
        #expect(report.missing.compactMap(\.address) == ["aws_s3_bucket.gone"])
        #expect(report.missing.map(\.id) == ["acme-gone"])
        #expect(report.unmanaged.map(\.id) == ["arn:aws:iam::123456789012:user/alice", "arn:aws:s3:::acme-shadow"])
        #expect(report.unmanaged.allSatisfy { $0.address == nil && $0.account == "123456789012" })
        #expect(report.managedCount == 3 && report.liveCount == 5)
        #expect(report.coverage == 0.6)
        #expect(report.changedAddresses == ["aws_s3_bucket.logs", "module.compute[\"blue\"].aws_instance.app[0]"])
    }

    @Test("without the attribute table, computed attributes do show up: the table is what removes them")
    func tableMatters() async throws {
        let report = DriftDetector().detect(desired: try await Self.desired(), live: Self.liveUntouched())
        let attributes = Set(report.changed.map(\.attribute))
        #expect(attributes.contains("bucket_domain_name"))
        #expect(attributes.contains("tags_all.created-by"))
        #expect(attributes.contains("owner_id"))
    }

    @Test("types discovery did not read are neither compared nor missing")
    func undiscoveredTypes() async throws {
        let desired = try await Self.desired()
        let live = Self.liveUntouched().filter { $0.type == "aws_s3_bucket" }
        let inferred = DriftDetector(attributes: try Self.shippedTable()).detect(desired: desired, live: live)
        #expect(inferred.missing.isEmpty)
        let declared = DriftDetector(attributes: try Self.shippedTable())
            .detect(desired: desired, live: live, discoveredTypes: ["aws_s3_bucket", "aws_instance", "aws_security_group"])
        #expect(
            declared.missing.compactMap(\.address).sorted() == ["aws_security_group.web", "module.compute[\"blue\"].aws_instance.app[0]"])
    }

    @Test("data sources and resources without an ID are not matched")
    func dataAndNoID() {
        let desired = [
            Support.state("aws_caller_identity", "me", ["id": "123"], mode: .data),
            Support.state("aws_s3_bucket", "noid", ["bucket": "x"]),
        ]
        let live = [Support.live("aws_caller_identity", "123"), Support.live("aws_s3_bucket", "x")]
        let report = DriftDetector().detect(desired: desired, live: live)
        #expect(report.managedCount == 0)
        #expect(report.unmanaged.count == 2)
        #expect(report.missing.isEmpty)
        #expect(report.diagnostics.contains { $0.code == .driftMatching && $0.message.contains("1 state resource") })
    }

    @Test("Azure resource IDs match case-insensitively and without a trailing slash")
    func azureIDs() {
        let id = "/subscriptions/0000/resourceGroups/RG-Prod/providers/Microsoft.Storage/storageAccounts/acmelogs"
        let desired = [Support.state("azurerm_storage_account", "logs", ["id": .string(id), "min_tls_version": "TLS1_2"])]
        let live = [Support.live("azurerm_storage_account", id.lowercased() + "/", ["min_tls_version": "TLS1_0"])]
        let report = DriftDetector().detect(desired: desired, live: live)
        #expect(report.managedCount == 1)
        #expect(report.changed.map(\.attribute) == ["min_tls_version"])
    }

    @Test("duplicate IDs in state are reported and the first resource wins")
    func duplicateIDs() {
        let desired = [Support.state("aws_s3_bucket", "a", ["id": "dup"]), Support.state("aws_s3_bucket", "b", ["id": "dup"])]
        let report = DriftDetector().detect(desired: desired, live: [Support.live("aws_s3_bucket", "dup")])
        #expect(report.diagnostics.contains { $0.message.contains("aws_s3_bucket.b") && $0.message.contains("aws_s3_bucket.a") })
        #expect(report.managedCount == 1)
    }

    @Test("an empty estate has full coverage and no drift")
    func empty() {
        let report = DriftDetector().detect(desired: [], live: [])
        #expect(report.coverage == 1)
        #expect(!report.hasDrift)
    }
}
