import Foundation
import Model
import Terraform
import Testing

/// Configuration files that are symbolic links, real or stored as text by a checkout without symlink support,
/// are read inside the scanned tree only.
@Suite struct ConfigurationLinkTests {
    static let shared = #"""
        locals {
          name = "shared"
        }
        """#

    @Test func aFileHoldingOnlyAPathToAConfigurationFileIsReadAsThatFileWithAWarning() throws {
        let loaded = InlineModule.load(
            [
                "repo/locals.tf": Self.shared,
                "repo/fixture/locals.tf": "../locals.tf\n",
                "repo/fixture/main.tf": #"resource "aws_s3_bucket" "b" { bucket = local.name }"#,
            ],
            directory: "repo/fixture"
        ) { options in options.treeRoots = [InlineModule.root + "/repo"] }
        #expect(InlineModule.errors(loaded).isEmpty, "\(loaded.diagnostics)")
        #expect(try InlineModule.resource(loaded, "aws_s3_bucket.b").attributes["bucket"] == .string("shared"))
        let warning = try #require(loaded.diagnostics.first { $0.severity == .warning })
        #expect(warning.range?.file == "locals.tf")
        #expect(warning.message.contains("../locals.tf"))
    }

    @Test func aTextLinkLeavingTheScannedTreeIsNotFollowed() {
        let loaded = InlineModule.load(
            [
                "outside/locals.tf": Self.shared,
                "repo/fixture/locals.tf": "../../outside/locals.tf",
                "repo/fixture/main.tf": #"resource "aws_s3_bucket" "b" { bucket = "b" }"#,
            ],
            directory: "repo/fixture"
        ) { options in options.treeRoots = [InlineModule.root + "/repo"] }
        #expect(InlineModule.errors(loaded).contains { $0.range?.file == "locals.tf" })
        #expect(!loaded.diagnostics.contains { $0.message.contains("symbolic link") })
    }

    @Test func withoutTreeRootsTheRootModuleDirectoryBoundsLinks() {
        let loaded = InlineModule.load(
            ["repo/locals.tf": Self.shared, "repo/fixture/locals.tf": "../locals.tf"], directory: "repo/fixture")
        #expect(!InlineModule.errors(loaded).isEmpty)
    }

    @Test func aRealSymlinkOutOfTheScannedTreeIsNotReadAndOneInsideIs() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-links-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: base + "/repo/stack", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: base + "/outside", withIntermediateDirectories: true)
        try Data(#"resource "aws_s3_bucket" "secret" { bucket = "outside" }"#.utf8).write(
            to: URL(fileURLWithPath: base + "/outside/secret.tf"))
        try Data(Self.shared.utf8).write(to: URL(fileURLWithPath: base + "/repo/shared.tf"))
        try Data(#"resource "aws_s3_bucket" "b" { bucket = local.name }"#.utf8).write(
            to: URL(fileURLWithPath: base + "/repo/stack/main.tf"))
        try fm.createSymbolicLink(atPath: base + "/repo/stack/secret.tf", withDestinationPath: "../../outside/secret.tf")
        try fm.createSymbolicLink(atPath: base + "/repo/stack/shared.tf", withDestinationPath: "../shared.tf")
        var options = LoadOptions()
        options.treeRoots = [base + "/repo"]
        let loaded = ModuleLoader.load(directory: base + "/repo/stack", options: options)
        #expect(loaded.resources.map(\.address) == ["aws_s3_bucket.b"])
        #expect(loaded.resources.first?.attributes["bucket"] == .string("shared"))
        #expect(loaded.diagnostics.contains { $0.severity == .warning && $0.message.contains("outside the scanned tree") })
        #expect(InlineModule.errors(loaded).isEmpty, "\(loaded.diagnostics)")
    }
}
