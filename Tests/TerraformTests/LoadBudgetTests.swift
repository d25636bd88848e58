import Foundation
import HCL
import Model
import Terraform
import Testing

/// A root module's load is bounded in module instances, resource instances and time, whatever its modules do.
@Suite struct LoadBudgetTests {
    static let root = "/bulwark-budget-snapshot"

    static func load(_ files: [String: String], _ configure: (inout LoadOptions) -> Void = { _ in }) -> LoadedConfiguration {
        var options = LoadOptions()
        options.fileTree = MemoryFileTree(root: root, files: files.mapValues { Array($0.utf8) })
        configure(&options)
        return ModuleLoader.load(directory: root, options: options)
    }

    /// A module that calls itself twice (`source = "./"`) doubles at each of its 16 nesting levels: the load stops
    /// at the module-instance bound with an error at the call, instead of running for minutes.
    @Test func selfCallingModuleStopsAtTheModuleInstanceBound() throws {
        let loaded = Self.load([
            "main.tf": """
            resource "aws_s3_bucket" "b" {
              bucket = "b"
            }

            module "left" {
              source = "./"
            }

            module "right" {
              source = "./"
            }
            """
        ])
        let bound = try #require(loaded.diagnostics.first { $0.code == .limitExceeded && $0.message.contains("module instances") })
        #expect(bound.message.contains("10000 module instances"))
        #expect(bound.message.contains("the root module is not scanned"))
        #expect(bound.severity == .error)
        let range = try #require(bound.range)
        #expect(range.file.hasSuffix("main.tf"))
        #expect(range.start.line == 5 || range.start.line == 9)
        #expect(loaded.resources.isEmpty)
    }

    /// Three self-calls never finished before the bound existed.
    @Test func threeSelfCallsStopAtTheBound() {
        let loaded = Self.load([
            "main.tf": """
            module "a" {
              source = "./"
            }
            module "b" {
              source = "./"
            }
            module "c" {
              source = "./"
            }
            """
        ])
        #expect(loaded.diagnostics.contains { $0.code == .limitExceeded && $0.message.contains("module instances") })
    }

    /// The bound is configurable, and counts every instance a `count` asks for.
    @Test func moduleInstanceBoundCountsCountedCalls() throws {
        let loaded = Self.load(
            [
                "main.tf": """
                module "many" {
                  source = "./child"
                  count  = 5
                }
                """,
                "child/main.tf": """
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                }
                """,
            ],
            { $0.maxModuleInstances = 3 })
        let bound = try #require(loaded.diagnostics.first { $0.code == .limitExceeded })
        #expect(bound.message.contains("Module \"many\""))
        #expect(bound.message.contains("past 3 module instances"))
        #expect(bound.range?.start.line == 1)
        #expect(loaded.resources.isEmpty)
    }

    /// Resource instances are bounded per root module, across resources and modules.
    @Test func resourceInstanceBoundNamesTheResource() throws {
        let loaded = Self.load(
            [
                "main.tf": """
                resource "aws_s3_bucket" "few" {
                  count  = 3
                  bucket = "few-${count.index}"
                }

                resource "aws_s3_bucket" "more" {
                  count  = 3
                  bucket = "more-${count.index}-${length(aws_s3_bucket.few)}"
                }
                """
            ],
            { $0.maxResourceInstances = 5 })
        let bound = try #require(loaded.diagnostics.first { $0.code == .limitExceeded })
        #expect(bound.message.contains("aws_s3_bucket.more"))
        #expect(bound.message.contains("past 5 resource instances"))
        #expect(bound.range?.start.line == 6)
        #expect(loaded.resources.isEmpty)
    }

    /// Under the bounds nothing changes: the same tree loads completely.
    @Test func loadsWithinTheBoundsAreComplete() {
        let loaded = Self.load(
            [
                "main.tf": """
                resource "aws_s3_bucket" "few" {
                  count  = 3
                  bucket = "few-${count.index}"
                }
                """
            ],
            { $0.maxResourceInstances = 3 })
        #expect(!loaded.diagnostics.contains { $0.code == .limitExceeded })
        #expect(loaded.resources.count == 3)
    }

    /// A deadline already past stops the load with a deadline error and no resources.
    @Test func pastDeadlineStopsTheLoad() throws {
        let loaded = Self.load(
            [
                "main.tf": """
                locals {
                  names = [for i in range(100) : "b-${i}"]
                }

                resource "aws_s3_bucket" "b" {
                  for_each = toset(local.names)
                  bucket   = each.value
                }
                """
            ],
            { $0.deadline = EvaluationDeadline(at: .now - .seconds(1)) })
        let stopped = try #require(loaded.diagnostics.first { $0.code == .deadlineExceeded })
        #expect(stopped.message.contains("at its deadline"))
        #expect(loaded.resources.isEmpty)
    }

    /// Cancelling the deadline (a reconcile cycle's task was cancelled) stops the load the same way.
    @Test func cancelledDeadlineStopsTheLoad() throws {
        let deadline = EvaluationDeadline()
        deadline.cancel()
        let loaded = Self.load(
            [
                "main.tf": """
                resource "aws_s3_bucket" "b" {
                  bucket = "b"
                }
                """
            ],
            { $0.deadline = deadline })
        let stopped = try #require(loaded.diagnostics.first { $0.code == .deadlineExceeded })
        #expect(stopped.message.contains("cancelled"))
        #expect(loaded.resources.isEmpty)
    }
}

/// Nested `for` expressions multiply: each stays under the per-expression limit, the product does not.
@Suite struct ForElementBudgetTests {
    @Test func nestedForExpressionsStopAtTheTotal() throws {
        let loaded = LoadBudgetTests.load(
            [
                "main.tf": """
                locals {
                  grid = [for a in range(1000) : [for b in range(1000) : [for c in range(1000) : c]]]
                }

                resource "aws_s3_bucket" "b" {
                  bucket = "b-${length(local.grid)}"
                }
                """
            ],
            { $0.maxForElements = 100_000 })
        let over = try #require(loaded.diagnostics.first { $0.code == .limitExceeded })
        #expect(over.message.contains("100000 elements"))
        #expect(over.range?.start.line == 2)
        #expect(loaded.resources.isEmpty)
    }
}
