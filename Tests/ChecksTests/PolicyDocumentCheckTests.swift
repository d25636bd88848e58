import Foundation
import Model
import Terraform
import Testing

@testable import Checks

/// IAM and S3 policy checks decide on policies written with `aws_iam_policy_document`, whose JSON the loader renders.
@Suite struct PolicyDocumentCheckTests {
    /// Verdict per resource address of check `id` (from `checks/`) on a configuration written to a temporary directory.
    private func verdicts(_ id: String, _ source: String) throws -> [String: String] {
        let library = CheckLoader.load(directory: CheckLibraryTests.repositoryRoot + "/checks")
        let check = try #require(library.checks.first { $0.id == id })
        let dir = try temporaryDirectory(["main.tf": source])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let loaded = ModuleLoader.load(directory: dir)
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        let results = CheckEngine(checks: [check]).evaluate(graph: loaded.graph)
        return Dictionary(results.map { ($0.resourceAddress, "\($0.verdict)") }, uniquingKeysWith: { a, _ in a })
    }

    @Test func wildcardAdminPolicyDocumentFailsScopedPassesUnknownActionIsUnknown() throws {
        let result = try verdicts(
            "BLW-AWS-IAM-008",
            """
            variable "action" {
              type = string
            }

            data "aws_iam_policy_document" "admin" {
              statement {
                actions   = ["*"]
                resources = ["*"]
              }
            }

            data "aws_iam_policy_document" "scoped" {
              statement {
                actions   = ["s3:GetObject"]
                resources = ["arn:aws:s3:::acme-data/*"]
              }
            }

            data "aws_iam_policy_document" "open" {
              statement {
                actions   = [var.action]
                resources = ["*"]
              }
            }

            resource "aws_iam_policy" "admin" {
              name   = "admin"
              policy = data.aws_iam_policy_document.admin.json
            }

            resource "aws_iam_policy" "scoped" {
              name   = "scoped"
              policy = data.aws_iam_policy_document.scoped.json
            }

            resource "aws_iam_policy" "open" {
              name   = "open"
              policy = data.aws_iam_policy_document.open.json
            }
            """)
        #expect(result == ["aws_iam_policy.admin": "FAILED", "aws_iam_policy.scoped": "PASSED", "aws_iam_policy.open": "UNKNOWN"])
    }

    @Test func documentCheckReadsTheMergedDocument() throws {
        let result = try verdicts(
            "BLW-AWS-IAM-009",
            """
            variable "extra" {
              type = string
            }

            data "aws_iam_policy_document" "overridden" {
              override_policy_documents = [jsonencode({
                Statement = [{ Sid = "Main", Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]
              })]
              statement {
                sid       = "Main"
                actions   = ["*"]
                resources = ["*"]
              }
            }

            data "aws_iam_policy_document" "sourced" {
              source_policy_documents = [jsonencode({
                Statement = [{ Effect = "Allow", Action = ["*"], Resource = ["*"] }]
              })]
            }

            data "aws_iam_policy_document" "merges_unknown" {
              source_policy_documents = [var.extra]
              statement {
                actions   = ["s3:GetObject"]
                resources = ["*"]
              }
            }

            data "aws_iam_policy_document" "unknown_elsewhere" {
              statement {
                actions   = ["*"]
                resources = ["*"]
              }
              statement {
                actions   = ["s3:GetObject"]
                resources = [var.extra]
              }
            }
            """)
        #expect(
            result == [
                "data.aws_iam_policy_document.overridden": "PASSED",
                "data.aws_iam_policy_document.sourced": "FAILED",
                "data.aws_iam_policy_document.merges_unknown": "UNKNOWN",
                // Nothing merges into it, so its known * on * statement decides though another one is unknown.
                "data.aws_iam_policy_document.unknown_elsewhere": "FAILED",
            ])
    }

    @Test func renderedJSONTakesPrecedenceOverStatementBlocks() {
        let predicate = PredicateRegistry.standard.predicate(named: "iam_policy_allows_wildcard_admin")
        let admin: Value = .list([.object(["actions": .list([.string("*")]), "resources": .list([.string("*")])])])
        let scopedJSON: Value = .string(
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#)
        #expect(predicate?.evaluate(.object(["statement": admin, "json": scopedJSON])).truth == .false)
        #expect(predicate?.evaluate(.object(["statement": admin, "json": .unknown])).truth == .true)
        #expect(
            predicate?.evaluate(.object(["statement": admin, "json": .unknown, "override_policy_documents": .unknown])).truth == .unknown)
        #expect(predicate?.evaluate(.object(["statement": admin, "json": .unknown, "source_policy_documents": .list([])])).truth == .true)
    }

    @Test func unknownRenderedPolicyIsDecidedFromTheCountedDocumentsKnownParts() throws {
        let result = try verdicts(
            "BLW-AWS-IAM-008",
            """
            data "aws_partition" "current" {}

            data "aws_iam_policy_document" "scoped" {
              count = 1
              statement {
                actions   = ["logs:PutLogEvents"]
                resources = ["arn:${data.aws_partition.current.partition}:logs:*:*:*"]
              }
            }

            data "aws_iam_policy_document" "admin" {
              for_each = toset(["a"])
              statement {
                actions   = ["*"]
                resources = ["*"]
              }
              statement {
                actions   = ["s3:GetObject"]
                resources = ["arn:${data.aws_partition.current.partition}:s3:::b/*"]
              }
            }

            resource "aws_iam_policy" "scoped" {
              name   = "scoped"
              policy = data.aws_iam_policy_document.scoped[0].json
            }

            resource "aws_iam_policy" "admin" {
              name   = "admin"
              policy = data.aws_iam_policy_document.admin["a"].json
            }

            resource "aws_iam_policy" "mixed" {
              name   = "mixed"
              policy = data.aws_partition.current.partition == "aws" ? data.aws_iam_policy_document.scoped[0].json : "{}"
            }
            """)
        #expect(
            result == [
                "aws_iam_policy.scoped": "PASSED", "aws_iam_policy.admin": "FAILED",
                // The value also draws on another data source, so it need not be the document's json.
                "aws_iam_policy.mixed": "UNKNOWN",
            ])
    }

    @Test func unknownRenderedDocumentIsDecidedFromKnownMergedDocuments() throws {
        let result = try verdicts(
            "BLW-AWS-IAM-009",
            """
            data "aws_region" "current" {}

            data "aws_iam_policy_document" "replaced" {
              statement {
                sid       = "Main"
                actions   = ["*"]
                resources = ["*"]
              }
              statement {
                actions   = ["s3:GetObject"]
                resources = ["arn:aws:s3:::${data.aws_region.current.region}-data/*"]
              }
              override_policy_documents = [jsonencode({
                Statement = [{ Sid = "Main", Effect = "Allow", Action = "s3:ListBucket", Resource = "*" }]
              })]
            }

            data "aws_iam_policy_document" "sourced_admin" {
              source_policy_documents = [jsonencode({
                Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
              })]
              statement {
                actions   = ["s3:GetObject"]
                resources = ["arn:aws:s3:::${data.aws_region.current.region}-data/*"]
              }
            }

            data "aws_iam_policy_document" "maybe_replaced" {
              source_policy_documents = [jsonencode({
                Statement = [{ Sid = "Main", Effect = "Allow", Action = "*", Resource = "*" }]
              })]
              statement {
                sid       = data.aws_region.current.region
                actions   = ["s3:GetObject"]
                resources = ["*"]
              }
            }
            """)
        #expect(
            result == [
                "data.aws_iam_policy_document.replaced": "PASSED",
                "data.aws_iam_policy_document.sourced_admin": "FAILED",
                // A statement block whose Sid is unknown may replace the source's * on * statement.
                "data.aws_iam_policy_document.maybe_replaced": "UNKNOWN",
            ])
    }
}
