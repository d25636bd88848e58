import Checks
import Foundation
import Model
import Terraform
import Testing

/// A nested block whose members are partly known after apply keeps its known members, so a check reading
/// only a known member (the encryption algorithm beside a key ARN created in the same run) is decided.
@Suite struct NestedBlockMemberTests {
    static let configuration = #"""
        resource "aws_kms_key" "k" {
          description = "bucket key"
        }
        locals {
          sse = {
            rule = {
              apply_server_side_encryption_by_default = {
                sse_algorithm     = "aws:kms"
                kms_master_key_id = aws_kms_key.k.arn
              }
            }
          }
        }
        resource "aws_s3_bucket" "static" {
          bucket = "static"
        }
        resource "aws_s3_bucket_server_side_encryption_configuration" "static" {
          bucket = aws_s3_bucket.static.id
          rule {
            apply_server_side_encryption_by_default {
              sse_algorithm     = "aws:kms"
              kms_master_key_id = aws_kms_key.k.arn
            }
          }
        }
        resource "aws_s3_bucket" "generated" {
          bucket = "generated"
        }
        resource "aws_s3_bucket_server_side_encryption_configuration" "generated" {
          bucket = aws_s3_bucket.generated.id
          dynamic "rule" {
            for_each = flatten([local.sse["rule"]])
            content {
              dynamic "apply_server_side_encryption_by_default" {
                for_each = [rule.value.apply_server_side_encryption_by_default]
                content {
                  sse_algorithm     = apply_server_side_encryption_by_default.value.sse_algorithm
                  kms_master_key_id = lookup(apply_server_side_encryption_by_default.value, "kms_master_key_id", null)
                }
              }
            }
          }
        }
        """#

    static func load() -> LoadedConfiguration {
        var options = LoadOptions()
        options.fileTree = MemoryFileTree(root: "/snapshot", files: ["stack/main.tf": Array(configuration.utf8)])
        return ModuleLoader.load(directory: "/snapshot/stack", options: options)
    }

    @Test func generatedBlocksKeepTheirKnownMembers() throws {
        let loaded = Self.load()
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(loaded.diagnostics)")
        let generated = try #require(
            loaded.resources.first { $0.address == "aws_s3_bucket_server_side_encryption_configuration.generated" })
        let byDefault = generated.attributes["rule"]?[0]?["apply_server_side_encryption_by_default"]?[0]
        #expect(byDefault?["sse_algorithm"] == .string("aws:kms"))
        #expect(byDefault?["kms_master_key_id"] == .unknown)
    }

    @Test func theKMSEncryptionCheckIsDecidedForStaticAndGeneratedBlocks() throws {
        let library = CheckLoader.load(directory: CheckLibraryTests.repositoryRoot + "/checks")
        let check = try #require(library.checks.first { $0.id == "BLW-AWS-S3-011" })
        let results = CheckEngine(checks: [check]).evaluate(graph: ResourceGraph(Self.load().resources))
        let verdicts = Dictionary(results.map { ($0.resourceAddress, $0.verdict) }, uniquingKeysWith: { a, _ in a })
        #expect(verdicts["aws_s3_bucket.static"] == .passed, "\(results.map { "\($0.resourceAddress) \($0.verdict) \($0.evidence)" })")
        #expect(verdicts["aws_s3_bucket.generated"] == .passed, "\(results.map { "\($0.resourceAddress) \($0.verdict) \($0.evidence)" })")
    }
}
