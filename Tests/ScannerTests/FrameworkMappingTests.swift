import Checks
import Foundation
import Model
import Reports
import Testing

@testable import Scanner

/// Frameworks that name their own checks (`checks:` under a control), and the shipped FSBP and NIST files.
@Suite struct FrameworkMappingTests {
    static let repositoryChecks: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("checks").path
    }()

    static let shipped = CheckLibrary.load(directory: repositoryChecks)

    static let check = """
        id: BLW-AWS-TST-101
        title: Bucket is versioned
        severity: low
        provider: aws
        resource_types: [aws_s3_bucket]
        condition: {attribute: versioning.enabled, operator: is_true}
        references:
          cis:
            cis-aws: ["2.1"]
        """

    @Test func controlChecksFoldIntoTheChecksReferences() throws {
        let dir = try temporaryDirectory([
            "aws/s3.yaml": Self.check,
            "frameworks/cis-aws.yaml": "id: cis-aws\nname: CIS\nversion: '1'\ncontrols:\n  - {id: '2.1', title: t, automated: true}\n",
            "frameworks/other.yaml": """
            id: other
            name: Other
            version: '1'
            controls:
              - {id: S.1, title: versioning, automated: true, checks: [BLW-AWS-TST-101]}
              - {id: S.2, title: also versioning, automated: true, checks: [BLW-AWS-TST-101]}
              - {id: S.3, title: nothing maps, automated: true}
            """,
        ])
        let library = CheckLibrary.load(directory: dir)
        #expect(library.diagnostics.isEmpty, "\(library.diagnostics)")
        let refs = try #require(library.checks.first?.references.cis)
        #expect(refs == ["cis-aws": ["2.1"], "other": ["S.1", "S.2"]])

        let tree = try temporaryDirectory([
            "main.tf": """
            resource "aws_s3_bucket" "on" {
              versioning { enabled = true }
            }
            resource "aws_s3_bucket" "off" {
              versioning { enabled = false }
            }
            """
        ])
        var options = ScanOptions()
        options.library = library
        options.scanRoot = tree
        options.frameworks = ["other"]
        let report = try ScanRunner.run(paths: [tree], options: options)
        let other = try #require(report.compliance.first)
        #expect(report.compliance.map(\.framework.id) == ["other"])
        #expect(other.controls.map(\.status) == [.failed, .failed, .notApplicable])
        #expect(other.controls.first?.passed == 1 && other.controls.first?.failed == 1)
    }

    @Test func aControlNamingAnUnknownCheckIsAWarning() throws {
        let dir = try temporaryDirectory([
            "aws/s3.yaml": Self.check,
            "frameworks/other.yaml": """
            id: other
            name: Other
            version: '1'
            controls:
              - {id: S.1, title: t, automated: true, checks: [BLW-AWS-TST-101, BLW-AWS-NOPE-001]}
            """,
        ])
        let library = CheckLibrary.load(directory: dir)
        let diagnostic = try #require(library.diagnostics.first)
        #expect(library.diagnostics.count == 1)
        #expect(diagnostic.code == .unknownCheck && diagnostic.severity == .warning)
        #expect(diagnostic.message.contains("BLW-AWS-NOPE-001") && diagnostic.message.contains("S.1"))
        #expect(library.checks.first?.references.cis["other"] == ["S.1"])
    }

    @Test func badChecksListsAreLoadErrors() {
        for (body, message) in [
            ("checks: []", "is empty"), ("checks: [A, A]", "repeats a check"), ("checks: {a: b}", "must be a string"),
        ] {
            let yaml = "id: x\nname: X\nversion: '1'\ncontrols:\n  - {id: C.1, title: t, automated: true, \(body)}\n"
            guard case .failure(let d) = ComplianceFramework.load(yaml: yaml, file: "x.yaml") else {
                Issue.record("\(body) loaded")
                continue
            }
            #expect(d.message.contains(message), "\(body): \(d.message)")
            #expect(d.range?.start.line == 5)
        }
    }

    @Test func shippedFrameworksNameOnlyKnownChecksAndEveryControlHasOne() throws {
        #expect(!Self.shipped.diagnostics.contains { $0.code == .unknownCheck }, "\(Self.shipped.diagnostics)")
        for id in ["aws-fsbp", "nist-800-53"] {
            let framework = try #require(Self.shipped.frameworks[id])
            for control in framework.controls {
                #expect(!(framework.controlChecks[control.id] ?? []).isEmpty, "\(id) \(control.id) has no check")
            }
        }
        let nist = try #require(Self.shipped.frameworks["nist-800-53"])
        let providers = Set(
            nist.controlChecks.values.joined().compactMap { id in Self.shipped.checks.first { $0.id == id }?.provider })
        #expect(providers == ["aws", "azure"])
    }

    /// One scan with all four shipped frameworks: each gets its own summary with the controls the fixture decides.
    @Test func fixtureScanSummarisesFourFrameworksAtOnce() throws {
        let tree = try temporaryDirectory([
            "main.tf": """
            variable "pitr" {}
            resource "aws_db_instance" "plain" {
              engine            = "postgres"
              storage_encrypted = false
            }
            resource "aws_s3_bucket" "b" {
              bucket = "b"
            }
            resource "aws_s3_bucket_public_access_block" "b" {
              bucket                  = aws_s3_bucket.b.id
              block_public_acls       = true
              block_public_policy     = true
              ignore_public_acls      = true
              restrict_public_buckets = true
            }
            resource "aws_dynamodb_table" "t" {
              name = "t"
              point_in_time_recovery {
                enabled = var.pitr
              }
            }
            resource "azurerm_storage_account" "s" {
              name                       = "s"
              https_traffic_only_enabled = false
              min_tls_version            = "TLS1_0"
            }
            """
        ])
        var options = ScanOptions()
        options.library = Self.shipped
        options.scanRoot = tree
        options.frameworks = ["aws-fsbp", "cis-aws", "cis-azure", "nist-800-53"]
        let report = try ScanRunner.run(paths: [tree], options: options)
        #expect(report.compliance.map(\.framework.id) == ["aws-fsbp", "cis-aws", "cis-azure", "nist-800-53"])
        func status(_ framework: String, _ control: String) -> ControlStatus? {
            report.compliance.first { $0.framework.id == framework }?.controls.first { $0.control.id == control }?.status
        }
        #expect(status("aws-fsbp", "RDS.3") == .failed)
        #expect(status("aws-fsbp", "S3.8") == .passed)
        #expect(status("aws-fsbp", "DynamoDB.2") == .unknown)
        #expect(status("aws-fsbp", "EKS.1") == .notApplicable)
        #expect(status("cis-aws", "2.2.1") == .failed)
        #expect(status("nist-800-53", "SC-28") == .failed)
        #expect(status("nist-800-53", "SC-8") == .failed)
        // The unversioned bucket fails CP-9 whatever the unknown recovery setting of the table says.
        #expect(status("nist-800-53", "CP-9") == .failed)
        #expect(status("nist-800-53", "RA-5") == .notApplicable)
        let azureTransit = try #require(report.findings.first { $0.result.checkID == "BLW-AZURE-STORAGE-001" })
        #expect(azureTransit.result.check.references.cis["nist-800-53"]?.contains("SC-8") == true)
    }
}
