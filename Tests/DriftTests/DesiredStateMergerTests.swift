import Foundation
import Model
import Terraform
import Testing

@testable import Drift

/// Drift's desired side is the state plus the configuration: HCL not yet applied is drift, untouched
/// resources are not, configuration-only resources are pending.
@Suite("Desired state = state + configuration")
struct DesiredStateMergerTests {
    /// The intent: versioning Enabled (the state and the cloud still say Suspended), a tagged bucket with a
    /// server-side encryption block, and a bucket never applied.
    static let configuration = """
        resource "aws_s3_bucket" "data" {
          bucket = "acme-data"
          tags = {
            team = "data"
          }
        }

        resource "aws_s3_bucket_versioning" "data" {
          bucket = aws_s3_bucket.data.id
          versioning_configuration {
            status = "Enabled"
          }
        }

        resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
          bucket = "acme-data"
          rule {
            apply_server_side_encryption_by_default {
              sse_algorithm = "AES256"
            }
          }
        }

        resource "aws_s3_bucket" "new" {
          bucket = "acme-new"
        }
        """

    /// The last apply: versioning Suspended; defaulted block members (`mfa_delete`, `bucket_key_enabled`,
    /// `kms_master_key_id`) the configuration leaves out.
    static let state = #"""
        {"version":4,"terraform_version":"1.11.0","serial":2,"lineage":"merge-tests","outputs":{},"resources":[
         {"mode":"managed","type":"aws_s3_bucket","name":"data","provider":"provider[\"registry.terraform.io/hashicorp/aws\"]",
          "instances":[{"schema_version":0,"attributes":{"id":"acme-data","arn":"arn:aws:s3:::acme-data","bucket":"acme-data",
            "tags":{"team":"data"},"tags_all":{"team":"data"}}}]},
         {"mode":"managed","type":"aws_s3_bucket_versioning","name":"data","provider":"provider[\"registry.terraform.io/hashicorp/aws\"]",
          "instances":[{"schema_version":0,"attributes":{"id":"acme-data","bucket":"acme-data",
            "versioning_configuration":[{"status":"Suspended","mfa_delete":"Disabled"}]}}]},
         {"mode":"managed","type":"aws_s3_bucket_server_side_encryption_configuration","name":"data",
          "provider":"provider[\"registry.terraform.io/hashicorp/aws\"]",
          "instances":[{"schema_version":0,"attributes":{"id":"acme-data","bucket":"acme-data",
            "rule":[{"bucket_key_enabled":false,"apply_server_side_encryption_by_default":[
              {"sse_algorithm":"AES256","kms_master_key_id":""}]}]}}]},
         {"mode":"managed","type":"aws_s3_bucket","name":"old","provider":"provider[\"registry.terraform.io/hashicorp/aws\"]",
          "instances":[{"schema_version":0,"attributes":{"id":"acme-old","arn":"arn:aws:s3:::acme-old","bucket":"acme-old"}}]}
        ]}
        """#

    /// The cloud as the state left it (versioning Suspended), plus what the state alone knows (`acme-old`).
    static func live() -> [Resource] {
        [
            Support.live(
                "aws_s3_bucket", "arn:aws:s3:::acme-data",
                ["bucket": "acme-data", "tags": .map(["team": "data"])]),
            Support.live(
                "aws_s3_bucket_versioning", "acme-data",
                [
                    "bucket": "acme-data",
                    "versioning_configuration": Support.block(["status": "Suspended", "mfa_delete": "Disabled"]),
                ]),
            Support.live(
                "aws_s3_bucket_server_side_encryption_configuration", "acme-data",
                [
                    "bucket": "acme-data",
                    "rule": .list([
                        .object([
                            "bucket_key_enabled": false,
                            "apply_server_side_encryption_by_default":
                                Support.block(["sse_algorithm": "AES256", "kms_master_key_id": ""]),
                        ])
                    ]),
                ]),
            Support.live("aws_s3_bucket", "arn:aws:s3:::acme-old", ["bucket": "acme-old"]),
        ]
    }

    /// State and configuration read from files, as `bulwark drift` reads them.
    static func inputs() throws -> (state: [Resource], configuration: [Resource]) {
        let dir = try Support.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Support.write(configuration, to: "main.tf", in: dir)
        let state = DesiredStateLoader.read(Array(Self.state.utf8), filename: "terraform.tfstate")
        #expect(state.diagnostics.isEmpty, "\(state.diagnostics)")
        let loaded = ModuleLoader.load(directory: dir)
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        return (state.resources, loaded.resources)
    }

    static func detector() -> DriftDetector {
        let table = AttributeIgnoreTable.load(file: Support.repositoryRoot + "/checks/drift/ignore-attributes.yaml")
        return DriftDetector(attributes: table.table)
    }

    @Test("an HCL change not yet applied is pending, not drifted; untouched resources show nothing")
    func unappliedChangeIsPending() throws {
        let (state, configuration) = try Self.inputs()
        let report = Self.detector().detect(state: state, configuration: configuration, live: Self.live())
        #expect(report.changed.isEmpty, "the cloud matches the state: \(report.changed)")
        #expect(report.pendingChanges.map(\.address) == ["aws_s3_bucket_versioning.data"], "\(report.pendingChanges)")
        let change = try #require(report.pendingChanges.first)
        #expect(change.kind == .pending && change.attribute == "versioning_configuration[0].status")
        #expect(change.desired == "Enabled" && change.live == "Suspended")
        #expect(report.missing.isEmpty && report.unmanaged.isEmpty && !report.hasLiveDrift, "\(report)")
        #expect(report.managedCount == 4)
        // The state alone says in sync: the configuration is what makes it pending.
        let stateOnly = Self.detector().detect(desired: state, live: Self.live())
        #expect(stateOnly.changed.isEmpty && stateOnly.pendingChanges.isEmpty, "\(stateOnly.changed)")
    }

    @Test("a configuration-only resource is pending with its file and line, never missing or unmanaged")
    func configurationOnlyIsPending() throws {
        let (state, configuration) = try Self.inputs()
        let report = Self.detector().detect(state: state, configuration: configuration, live: Self.live())
        #expect(
            report.pending == [
                DriftPendingResource(type: "aws_s3_bucket", address: "aws_s3_bucket.new", file: "main.tf", line: 24),
                DriftPendingResource(
                    type: "aws_s3_bucket", address: "aws_s3_bucket.old", file: nil, line: nil, action: .destroy, id: "acme-old"),
            ])
        #expect(!report.missing.contains { $0.address == "aws_s3_bucket.new" })
        #expect(report.hasDrift && report.hasPending)
        let table = DriftRenderer.table(report)
        #expect(
            table.split(separator: "\n").contains {
                $0.contains("aws_s3_bucket.new") && $0.contains("(create)") && $0.contains("main.tf:24")
            },
            "\(table)")
        #expect(
            table.split(separator: "\n").contains {
                $0.contains("aws_s3_bucket.old") && $0.contains("acme-old") && $0.contains("(destroy)")
            })
        // `.bulwarkignore` ID patterns match a pending resource's address (`\.` is a literal dot).
        let ignore = DriftIgnore.parse(#"aws_s3_bucket.aws_s3_bucket\.new"#, file: ".bulwarkignore")
        #expect(ignore.diagnostics.isEmpty, "\(ignore.diagnostics)")
        var detector = Self.detector()
        detector.ignore = ignore.ignore
        #expect(
            detector.detect(state: state, configuration: configuration, live: Self.live()).pending.map(\.address) == ["aws_s3_bucket.old"])
    }

    @Test("a configuration value known only after apply keeps the state's; block defaults survive the merge")
    func unknownKeepsState() throws {
        let (state, configuration) = try Self.inputs()
        let versioning = try #require(configuration.first { $0.address == "aws_s3_bucket_versioning.data" })
        #expect(versioning.attributes["bucket"] == .unknown, "the fixture must reference another resource's id")
        let merged = DesiredStateMerger().merge(state: state, configuration: configuration)
        let desired = try #require(merged.resources.first { $0.address == "aws_s3_bucket_versioning.data" })
        #expect(desired.attributes["bucket"] == "acme-data")
        #expect(desired.attributes["id"] == "acme-data")
        #expect(desired.attributes["versioning_configuration"] == Support.block(["status": "Enabled", "mfa_delete": "Disabled"]))
        let old = try #require(merged.resources.first { $0.address == "aws_s3_bucket.old" })
        #expect(old == state.first { $0.address == "aws_s3_bucket.old" }, "state-only resources pass through")
        #expect(merged.pending.map(\.address) == ["aws_s3_bucket.new"])
    }

    @Test("a known configuration value replaces a map whole; null keeps the state; set blocks pair by content")
    func overlayRules() {
        let rules = AttributeRules(sets: ["rule"])
        let tags = DesiredStateMerger.overlay(
            .object(["a": "1", "b": "2"]), with: .object(["a": "1"]),
            pattern: "tags", rules: rules, inBlock: false)
        #expect(tags == .object(["a": "1"]))
        #expect(DesiredStateMerger.overlay("x", with: .null, pattern: "acl", rules: rules, inBlock: false) == "x")
        let state: Value = .list([.object(["id": "one", "days": 1]), .object(["id": "two", "days": 2])])
        let config: Value = .tuple([.object(["id": "two"]), .object(["id": "one", "days": 5])])
        let merged = DesiredStateMerger.overlay(state, with: config, pattern: "rule", rules: rules, inBlock: false)
        #expect(merged == .list([.object(["id": "two", "days": 2]), .object(["id": "one", "days": 5])]))
    }

    @Test("a JSON document spelled differently keeps the state's text; a different one is the configuration's")
    func jsonDocuments() {
        let state: Value = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}"#
        let same: Value = #"{"Statement": [{"Action": "s3:GetObject", "Effect": "Allow"}], "Version": "2012-10-17"}"#
        let other: Value = #"{"Statement": [{"Action": "s3:*", "Effect": "Allow"}], "Version": "2012-10-17"}"#
        let rules = AttributeRules()
        #expect(DesiredStateMerger.overlay(state, with: same, pattern: "policy", rules: rules, inBlock: false) == state)
        #expect(DesiredStateMerger.overlay(state, with: other, pattern: "policy", rules: rules, inBlock: false) == other)
        #expect(DesiredStateMerger.overlay("{not json", with: "{x", pattern: "policy", rules: rules, inBlock: false) == "{x")
    }
}
