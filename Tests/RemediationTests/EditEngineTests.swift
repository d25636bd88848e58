import Checks
import Foundation
import Model
import Testing

@testable import Remediation

/// The edit engine: only the bytes that must change, fmt-style alignment only where fmt would, composition and
/// conflicts of several fixes in one file.
@Suite("Edit engine")
struct EditEngineTests {
    @Test("comments, blank lines and other resources stay byte-identical")
    func preservesEverythingElse() throws {
        let source = """
            # Reporting host, kept for the audit.
            resource "aws_instance" "reporting" {
              ami           = "ami-123" # pinned
              instance_type = "t3.small"

              /* metadata settings below */
              metadata_options {
                http_endpoint = "enabled"
                http_tokens   = "optional" // legacy agent
              }

              user_data = <<-EOT
                #!/bin/sh
                echo hello
              EOT
            }

            // A neighbour that must not move.
            resource "aws_kms_key" "k" {
              enable_key_rotation = true
            }

            """
        let harness = try MemoryHarness(files: ["main.tf": source], checks: ["BLW-AWS-EC2-002"])
        let plan = harness.plan()
        #expect(plan.manual.isEmpty)
        let expected = source.replacingOccurrences(of: "http_tokens   = \"optional\"", with: "http_tokens   = \"required\"")
        #expect(MemoryHarness.updated("main.tf", in: plan) == expected)
        #expect(plan.fixed.map(\.line) == [9])
    }

    @Test("a longer inserted name realigns its group; a shorter one does not touch its neighbours")
    func alignment() throws {
        let source = """
            resource "aws_cloudtrail" "main" {
              name = "main"
              s3_bucket_name = "trail"

              tags = {
                Team = "sec"
              }
            }

            resource "aws_ebs_volume" "data" {
              availability_zone = "eu-west-1a"
              size              = 10
            }

            """
        // The first group is deliberately not fmt-aligned: touching it aligns it, as fmt would.
        let harness = try MemoryHarness(files: ["main.tf": source], checks: ["BLW-AWS-CLOUDTRAIL-002", "BLW-AWS-EC2-003"])
        let plan = harness.plan()
        #expect(plan.manual.isEmpty)
        let expected = """
            resource "aws_cloudtrail" "main" {
              name                  = "main"
              s3_bucket_name        = "trail"
              is_multi_region_trail = true

              tags = {
                Team = "sec"
              }
            }

            resource "aws_ebs_volume" "data" {
              availability_zone = "eu-west-1a"
              size              = 10
              encrypted         = true
            }

            """
        #expect(MemoryHarness.updated("main.tf", in: plan) == expected)
    }

    @Test("several fixes in one file compose into one edit")
    func composition() throws {
        let source = """
            resource "aws_cloudtrail" "main" {
              name           = "main"
              s3_bucket_name = "trail"
            }

            resource "aws_kms_key" "k" {
              description = "k"
            }

            resource "aws_s3_bucket" "b" {
              bucket = "b"
              acl    = "public-read"
            }

            """
        let harness = try MemoryHarness(
            files: ["main.tf": source],
            checks: ["BLW-AWS-CLOUDTRAIL-002", "BLW-AWS-CLOUDTRAIL-003", "BLW-AWS-KMS-001", "BLW-AWS-S3-001", "BLW-AWS-S3-007"])
        let plan = harness.plan()
        #expect(plan.manual.isEmpty, "\(plan.manual.map(\.reason))")
        #expect(plan.edits.count == 1)
        #expect(plan.fixed.count == 5)
        let expected = """
            resource "aws_cloudtrail" "main" {
              name                       = "main"
              s3_bucket_name             = "trail"
              is_multi_region_trail      = true
              enable_log_file_validation = true
            }

            resource "aws_kms_key" "k" {
              description         = "k"
              enable_key_rotation = true
            }

            resource "aws_s3_bucket" "b" {
              bucket = "b"
              acl    = "private"
            }

            resource "aws_s3_bucket_public_access_block" "b" {
              bucket                  = aws_s3_bucket.b.id
              block_public_acls       = true
              block_public_policy     = true
              ignore_public_acls      = true
              restrict_public_buckets = true
            }

            """
        #expect(MemoryHarness.updated("main.tf", in: plan) == expected)
    }

    @Test("a companion for a for_each or count resource covers every instance")
    func companionPerInstance() throws {
        let source = """
            resource "aws_s3_bucket" "parts" {
              for_each = toset(["a", "b"])
              bucket   = "acme-${each.key}"
            }

            resource "aws_s3_bucket" "logs" {
              count  = 2
              bucket = "acme-logs-${count.index}"
            }

            """
        let harness = try MemoryHarness(files: ["main.tf": source], checks: ["BLW-AWS-S3-012"])
        #expect(harness.failures().count == 4)
        let plan = harness.plan()
        #expect(plan.manual.isEmpty, "\(plan.manual.map(\.reason))")
        #expect(plan.fixed.count == 4)
        #expect(
            MemoryHarness.updated("main.tf", in: plan) == source.replacingOccurrences(
                of: """
                      bucket   = "acme-${each.key}"
                    }

                    """,
                with: """
                      bucket   = "acme-${each.key}"
                    }

                    resource "aws_s3_bucket_versioning" "parts" {
                      for_each = aws_s3_bucket.parts
                      bucket   = each.value.id

                      versioning_configuration {
                        status = "Enabled"
                      }
                    }

                    """) + """

                    resource "aws_s3_bucket_versioning" "logs" {
                      count  = length(aws_s3_bucket.logs)
                      bucket = aws_s3_bucket.logs[count.index].id

                      versioning_configuration {
                        status = "Enabled"
                      }
                    }

                    """)
    }

    @Test("remove drops list elements in place; add_block adds a nested block")
    func removeAndAddBlock() throws {
        let noWorld = """
            id: BLW-TEST-VPC-903
            title: egress never to the whole internet
            severity: low
            provider: aws
            resource_types: [aws_security_group_rule]
            condition: {not: {attribute: cidr_blocks, operator: contains, value: 0.0.0.0/0}}
            fix:
              remove: {path: cidr_blocks, value: 0.0.0.0/0}
            """
        let logging = """
            id: BLW-TEST-S3-904
            title: bucket has inline logging
            severity: low
            provider: aws
            resource_types: [aws_s3_bucket]
            condition: {attribute: logging, operator: exists}
            fix:
              add_block: {path: logging, body: {target_bucket: central-logs, target_prefix: "s3/"}}
            """
        let source = """
            resource "aws_security_group_rule" "out" {
              type      = "egress"
              from_port = 443
              to_port   = 443
              protocol  = "tcp"
              cidr_blocks = [
                "10.0.0.0/8",
                "0.0.0.0/0", # temporary
              ]
            }

            resource "aws_security_group_rule" "one_line" {
              type        = "egress"
              from_port   = 80
              to_port     = 80
              protocol    = "tcp"
              cidr_blocks = ["0.0.0.0/0", "192.168.0.0/16"]
            }

            resource "aws_s3_bucket" "b" {
              bucket = "b"
            }

            """
        let harness = try MemoryHarness(files: ["main.tf": source], checks: [], extra: [noWorld, logging])
        let plan = harness.plan()
        #expect(plan.manual.isEmpty, "\(plan.manual.map(\.reason))")
        #expect(plan.fixed.count == 3)
        #expect(
            MemoryHarness.updated("main.tf", in: plan) == """
                resource "aws_security_group_rule" "out" {
                  type      = "egress"
                  from_port = 443
                  to_port   = 443
                  protocol  = "tcp"
                  cidr_blocks = [
                    "10.0.0.0/8",
                  ]
                }

                resource "aws_security_group_rule" "one_line" {
                  type        = "egress"
                  from_port   = 80
                  to_port     = 80
                  protocol    = "tcp"
                  cidr_blocks = ["192.168.0.0/16"]
                }

                resource "aws_s3_bucket" "b" {
                  bucket = "b"

                  logging {
                    target_bucket = "central-logs"
                    target_prefix = "s3/"
                  }
                }

                """)
    }

    @Test("a second fix that rewrites the first fix's text becomes manual")
    func conflict() throws {
        let wantsLogDelivery = """
            id: BLW-TEST-S3-901
            title: bucket ACL is log-delivery-write
            severity: low
            provider: aws
            resource_types: [aws_s3_bucket]
            condition: {attribute: acl, operator: equals, value: log-delivery-write}
            fix:
              set: {path: acl, value: log-delivery-write}
            """
        let source = """
            resource "aws_s3_bucket" "b" {
              bucket = "b"
              acl    = "public-read"
            }

            """
        let harness = try MemoryHarness(files: ["main.tf": source], checks: ["BLW-AWS-S3-001"], extra: [wantsLogDelivery])
        let plan = harness.plan()
        #expect(plan.fixed.map(\.checkID) == ["BLW-AWS-S3-001"])
        #expect(plan.manual.map(\.checkID) == ["BLW-TEST-S3-901"])
        #expect(plan.manual.first?.reason.contains("earlier fix") == true)
        #expect(MemoryHarness.updated("main.tf", in: plan)?.contains("acl    = \"private\"") == true)
    }

    @Test("a fix that does not make its check pass is dropped and reported")
    func verificationDropsUselessFix() throws {
        // The fix sets the wrong attribute: verification must catch it and keep the file unchanged.
        let wrongFix = """
            id: BLW-TEST-KMS-902
            title: key rotates
            severity: low
            provider: aws
            resource_types: [aws_kms_key]
            condition: {attribute: enable_key_rotation, operator: is_true}
            fix:
              set: {path: description, value: rotated}
            """
        let source = """
            resource "aws_kms_key" "k" {
              description = "k"
            }

            """
        let harness = try MemoryHarness(files: ["main.tf": source], checks: [], extra: [wrongFix])
        let plan = harness.plan()
        #expect(plan.fixed.isEmpty)
        #expect(plan.edits.isEmpty)
        #expect(plan.manual.count == 1)
        #expect(plan.manual.first?.reason.contains("still FAILED") == true)
    }

    @Test("an SSH fix without an admin CIDR is manual")
    func missingAdminCIDR() throws {
        let source = """
            resource "aws_security_group_rule" "ssh" {
              type        = "ingress"
              from_port   = 22
              to_port     = 22
              protocol    = "tcp"
              cidr_blocks = ["0.0.0.0/0"]
            }

            """
        let harness = try MemoryHarness(files: ["main.tf": source], checks: ["BLW-AWS-VPC-003"])
        let plan = harness.plan()
        #expect(plan.edits.isEmpty)
        #expect(plan.manual.first?.reason.contains("admin CIDR") == true)
        let withCIDR = harness.plan(adminCIDR: "198.51.100.7/32")
        #expect(withCIDR.manual.isEmpty)
        #expect(MemoryHarness.updated("main.tf", in: withCIDR)?.contains("cidr_blocks = [\"198.51.100.7/32\"]") == true)
    }
}
