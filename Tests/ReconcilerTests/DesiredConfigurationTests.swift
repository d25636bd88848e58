import Drift
import Foundation
import Model
import Testing

@testable import Posture

/// `LiveInputs` reads the configuration beside the state from any file tree: a plan file, or a module directory of
/// a commit, with file names relative to the repository root.
@Suite struct DesiredConfigurationTests {
    /// `terraform show -json` of a plan that turns versioning on and creates a bucket (its id known after apply).
    static let plan = #"""
        {"format_version":"1.2","terraform_version":"1.11.0",
         "planned_values":{"root_module":{"resources":[
           {"address":"aws_s3_bucket_versioning.data","mode":"managed","type":"aws_s3_bucket_versioning","name":"data",
            "provider_name":"registry.terraform.io/hashicorp/aws","schema_version":0,
            "values":{"bucket":"acme-data","id":"acme-data","expected_bucket_owner":"",
                      "versioning_configuration":[{"status":"Enabled","mfa_delete":"Disabled"}]}},
           {"address":"aws_s3_bucket.audit","mode":"managed","type":"aws_s3_bucket","name":"audit",
            "provider_name":"registry.terraform.io/hashicorp/aws","schema_version":0,
            "values":{"bucket":"acme-audit","force_destroy":false}}]}},
         "resource_changes":[
           {"address":"aws_s3_bucket_versioning.data","mode":"managed","type":"aws_s3_bucket_versioning","name":"data",
            "provider_name":"registry.terraform.io/hashicorp/aws",
            "change":{"actions":["update"],"before":{"bucket":"acme-data","id":"acme-data","expected_bucket_owner":"",
                      "versioning_configuration":[{"status":"Suspended","mfa_delete":"Disabled"}]},
                      "after":{"bucket":"acme-data","id":"acme-data","expected_bucket_owner":"",
                      "versioning_configuration":[{"status":"Enabled","mfa_delete":"Disabled"}]},
                      "after_unknown":{"versioning_configuration":[{}]}}},
           {"address":"aws_s3_bucket.audit","mode":"managed","type":"aws_s3_bucket","name":"audit",
            "provider_name":"registry.terraform.io/hashicorp/aws",
            "change":{"actions":["create"],"before":null,"after":{"bucket":"acme-audit","force_destroy":false},
                      "after_unknown":{"id":true,"arn":true}}}]}
        """#

    static func tree(_ files: [String: String]) -> MemoryFileTree {
        MemoryFileTree(root: "/repo", files: files.mapValues { Array($0.utf8) })
    }

    static func live(_ type: String, _ id: String, _ attributes: [String: Value]) -> Resource {
        Resource(
            provider: "aws", type: type, name: id,
            origin: .live(Resource.LiveOrigin(id: id, account: "123456789012", region: "us-east-1")), attributes: attributes)
    }

    /// The cloud as the last apply left it: versioning Suspended.
    static let liveResources = [
        live("aws_s3_bucket", "acme-logs", ["bucket": .string("acme-logs")]),
        live("aws_s3_bucket", "acme-data", ["bucket": .string("acme-data")]),
        live(
            "aws_s3_bucket_versioning", "acme-data",
            [
                "bucket": .string("acme-data"),
                "versioning_configuration": .list([.object(["status": .string("Suspended"), "mfa_delete": .string("Disabled")])]),
            ]),
    ]

    @Test func aPlanFileIsTheConfiguration() async throws {
        let tree = Self.tree([
            "plan.json": Self.plan,
            "prod.tfstate": LivePostureFixtures.awsState(dataVersioning: "Suspended", includeGone: false),
        ])
        let inputs = LiveInputs(tree: tree, root: "/repo", fetcher: nil)
        let (desired, warnings) = await inputs.desiredState(state: "prod.tfstate", paths: ["plan.json"])
        let state = try #require(desired, "\(warnings)")
        #expect(state.diagnostics.isEmpty, "\(state.diagnostics)")
        #expect(state.configuration.map(\.address).sorted() == ["aws_s3_bucket.audit", "aws_s3_bucket_versioning.data"])

        let report = DriftDetector().detect(state: state.resources, configuration: state.configuration, live: Self.liveResources)
        #expect(report.pendingChanges.map(\.attribute) == ["versioning_configuration[0].status"], "\(report.pendingChanges)")
        #expect(report.pendingChanges.first?.desired == .string("Enabled") && report.changed.isEmpty)
        #expect(
            report.pending == [DriftPendingResource(type: "aws_s3_bucket", address: "aws_s3_bucket.audit", file: "plan.json", line: nil)])
        #expect(report.missing.isEmpty && report.unmanaged.isEmpty, "\(report)")
    }

    @Test func aCommitsModuleDirectoryGivesRootRelativeFiles() async throws {
        let tree = Self.tree([
            "terraform/main.tf": LivePostureFixtures.mainTF,
            "terraform/audit.tf": "resource \"aws_s3_bucket\" \"audit\" {\n  bucket = \"acme-audit\"\n}\n",
            "state/prod.tfstate": LivePostureFixtures.awsState(dataVersioning: "Suspended", includeGone: false),
        ])
        let inputs = LiveInputs(tree: tree, root: "/repo", fetcher: nil)
        let (desired, warnings) = await inputs.desiredState(state: "state/prod.tfstate", paths: ["terraform"])
        let state = try #require(desired, "\(warnings)")
        let report = DriftDetector().detect(state: state.resources, configuration: state.configuration, live: Self.liveResources)
        #expect(report.pending.map(\.location) == ["terraform/audit.tf:1"])
        #expect(report.pendingChanges.map(\.address) == ["aws_s3_bucket_versioning.data"], "\(report.pendingChanges)")

        // A path whose only file is a state contributes no configuration: nothing is pending.
        let stateOnly = await inputs.desiredState(state: "state/prod.tfstate", paths: ["state/prod.tfstate"])
        #expect(stateOnly.0?.configuration.isEmpty == true)
    }
}
