import Foundation
import Model
import Testing

@testable import Remediation

/// Values from elsewhere: fixed where they are defined when that is in the repository, manual otherwise.
@Suite("Value tracing")
struct ValueTracingTests {
    static let bucket = """
        resource "aws_s3_bucket" "b" {
          bucket = "b"
          acl    = var.acl
        }

        """

    @Test("a variable's default is fixed in the file that declares it")
    func variableDefault() throws {
        let variables = """
            variable "acl" {
              type    = string
              default = "public-read" # changed in 2023
            }

            """
        let harness = try MemoryHarness(files: ["main.tf": Self.bucket, "variables.tf": variables], checks: ["BLW-AWS-S3-001"])
        let plan = harness.plan()
        #expect(plan.manual.isEmpty, "\(plan.manual.map(\.reason))")
        #expect(plan.edits.map(\.path) == ["/repo/variables.tf"])
        #expect(
            MemoryHarness.updated("variables.tf", in: plan)
                == variables.replacingOccurrences(of: "\"public-read\"", with: "\"private\""))
        #expect(plan.fixed.first?.file == "/repo/variables.tf")
    }

    @Test("a root .tfvars value wins over the default and is the one fixed")
    func tfvars() throws {
        let variables = """
            variable "acl" {
              default = "private"
            }

            """
        let tfvars = "acl = \"public-read\"\n"
        let harness = try MemoryHarness(
            files: ["main.tf": Self.bucket, "variables.tf": variables, "terraform.tfvars": tfvars], checks: ["BLW-AWS-S3-001"])
        let plan = harness.plan()
        #expect(plan.manual.isEmpty, "\(plan.manual.map(\.reason))")
        #expect(plan.edits.map(\.path) == ["/repo/terraform.tfvars"])
        #expect(MemoryHarness.updated("terraform.tfvars", in: plan) == "acl = \"private\"\n")
    }

    @Test("a module input is fixed at the module call in the calling file")
    func moduleArgument() throws {
        let module = """
            variable "acl" {
              default = "private"
            }

            resource "aws_s3_bucket" "b" {
              bucket = "b"
              acl    = var.acl
            }

            """
        let root = """
            module "store" {
              source = "./modules/store"
              acl    = "public-read"
            }

            """
        let harness = try MemoryHarness(files: ["main.tf": root, "modules/store/main.tf": module], checks: ["BLW-AWS-S3-001"])
        let plan = harness.plan()
        #expect(plan.manual.isEmpty, "\(plan.manual.map(\.reason))")
        #expect(plan.edits.map(\.path) == ["/repo/main.tf"])
        #expect(MemoryHarness.updated("main.tf", in: plan) == root.replacingOccurrences(of: "\"public-read\"", with: "\"private\""))
    }

    @Test("a module call that leaves a bad default gets the argument added")
    func moduleArgumentAdded() throws {
        let module = """
            variable "acl" {
              default = "public-read"
            }

            resource "aws_s3_bucket" "b" {
              bucket = "b"
              acl    = var.acl
            }

            """
        let root = """
            module "store" {
              source = "./modules/store"
            }

            """
        let harness = try MemoryHarness(files: ["main.tf": root, "modules/store/main.tf": module], checks: ["BLW-AWS-S3-001"])
        let plan = harness.plan()
        #expect(plan.manual.isEmpty, "\(plan.manual.map(\.reason))")
        #expect(
            MemoryHarness.updated("main.tf", in: plan) == """
                module "store" {
                  source = "./modules/store"
                  acl    = "private"
                }

                """)
        #expect(MemoryHarness.updated("modules/store/main.tf", in: plan) == nil, "the module's default must stay")
    }

    @Test("a local is fixed at its definition")
    func local() throws {
        let source = """
            locals {
              bucket_acl = "public-read"
            }

            resource "aws_s3_bucket" "b" {
              bucket = "b"
              acl    = local.bucket_acl
            }

            """
        let harness = try MemoryHarness(files: ["main.tf": source], checks: ["BLW-AWS-S3-001"])
        let plan = harness.plan()
        #expect(plan.manual.isEmpty, "\(plan.manual.map(\.reason))")
        #expect(MemoryHarness.updated("main.tf", in: plan)?.contains("bucket_acl = \"private\"") == true)
    }

    /// Expressions the planner must not guess about, and the reason it gives.
    struct ManualCase: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [String: String]
        var reason: String
        var testDescription: String { name }
    }

    static let manualCases: [ManualCase] = [
        ManualCase(
            name: "conditional",
            files: [
                "main.tf": """
                variable "public" {
                  default = true
                }

                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                  acl    = var.public ? "public-read" : "private"
                }

                """
            ], reason: "conditional"),
        ManualCase(
            name: "function call",
            files: [
                "main.tf": """
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                  acl    = lower("PUBLIC-READ")
                }

                """
            ], reason: "function call lower()"),
        ManualCase(
            name: "for_each value",
            files: [
                "main.tf": """
                resource "aws_s3_bucket" "b" {
                  for_each = { logs = "public-read" }
                  bucket   = each.key
                  acl      = each.value
                }

                """
            ], reason: "count/for_each"),
        ManualCase(
            name: "tfvars decides a variable without default (fixable)",
            files: [
                "main.tf": """
                variable "acl" {
                  type = string
                }

                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                  acl    = var.acl
                }

                """, "terraform.tfvars": "acl = \"public-read\"\n" + "# the value above is what fails\n",
            ], reason: ""),
        ManualCase(
            name: "variable shared with another attribute",
            files: [
                "main.tf": """
                variable "acl" {
                  default = "public-read"
                }

                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                  acl    = var.acl
                }

                output "acl" {
                  value = var.acl
                }

                """
            ], reason: "also used by value"),
        ManualCase(
            name: "dynamic block",
            files: [
                "main.tf": """
                variable "options" {
                  default = [{ tokens = "optional" }]
                }

                resource "aws_instance" "web" {
                  ami = "ami-1"

                  dynamic "metadata_options" {
                    for_each = var.options
                    content {
                      http_tokens = metadata_options.value.tokens
                    }
                  }
                }

                """
            ], reason: "dynamic block"),
    ]

    @Test("unreasoned expressions become manual with the reason", arguments: manualCases)
    func manual(_ c: ManualCase) throws {
        let harness = try MemoryHarness(files: c.files, checks: ["BLW-AWS-S3-001", "BLW-AWS-EC2-002"])
        let failures = harness.failures()
        if c.reason.isEmpty {
            // The tfvars value decides and is fixable: the case checks that the tfvars file is where the edit goes.
            let plan = harness.plan()
            #expect(plan.edits.map(\.path) == ["/repo/terraform.tfvars"])
            return
        }
        #expect(!failures.isEmpty, "the fixture must fail")
        let plan = harness.plan()
        #expect(plan.edits.isEmpty, "no edit may be made: \(plan.edits.map(\.updated))")
        #expect(plan.fixed.isEmpty)
        #expect(plan.manual.count == failures.count)
        #expect(plan.manual.allSatisfy { $0.reason.contains(c.reason) }, "\(plan.manual.map(\.reason))")
    }

    @Test("a variable set nowhere in the repository is manual")
    func variableFromOutside() throws {
        let source = """
            variable "encrypted" {
              type = bool
            }

            resource "aws_ebs_volume" "v" {
              availability_zone = "eu-west-1a"
              encrypted         = var.encrypted
            }

            """
        // Unset and without default the value is unknown, so the check cannot fail on it; give the check a
        // known failure through a .tfvars.json file, which the planner does not edit.
        let harness = try MemoryHarness(
            files: ["main.tf": source, "terraform.tfvars.json": "{\"encrypted\": false}\n"], checks: ["BLW-AWS-EC2-003"])
        let failures = harness.failures()
        #expect(failures.count == 1)
        let plan = harness.plan()
        #expect(plan.edits.isEmpty)
        #expect(plan.manual.first?.reason.contains("JSON") == true)
    }
}
