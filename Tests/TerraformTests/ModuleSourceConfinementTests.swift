import Foundation
import Model
import Terraform
import Testing

/// Module sources and installed module directories outside the read roots are refused: the call is reported at
/// its `source`, its outputs are unknown and nothing is loaded from outside.
@Suite struct ModuleSourceConfinementTests {
    let base: String
    var repo: String { base + "/repo" }

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-modsrc-\(UUID().uuidString)").path
        let fm = FileManager.default
        try fm.createDirectory(atPath: base + "/repo/stack/.terraform/modules", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: base + "/repo/modules/inner", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: base + "/outside/mod", withIntermediateDirectories: true)
        let outsideModule = #"""
            resource "aws_s3_bucket" "stolen" { bucket = "canary" }
            output "name" { value = "canary" }
            """#
        try Data(outsideModule.utf8).write(to: URL(fileURLWithPath: base + "/outside/mod/main.tf"))
        try Data(#"output "name" { value = "inner" }"#.utf8).write(to: URL(fileURLWithPath: base + "/repo/modules/inner/main.tf"))
        try fm.createSymbolicLink(atPath: base + "/repo/modules/linked", withDestinationPath: base + "/outside/mod")
    }

    func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: base + "/" + path))
    }

    func load() -> LoadedConfiguration {
        var options = LoadOptions()
        options.readRoots = ReadRoots([repo], in: DiskFileTree())
        return ModuleLoader.load(directory: repo + "/stack", options: options)
    }

    @Test("a local source escaping the root, directly or through a link, is refused at its source")
    func localSourceOutside() throws {
        try write(
            #"""
            module "up" {
              source = "../../outside/mod"
            }
            module "linked" {
              source = "../modules/linked"
            }
            module "inner" {
              source = "../modules/inner"
            }
            resource "aws_s3_bucket" "b" {
              bucket = module.up.name
              tags   = { inner = module.inner.name }
            }
            """#, to: "repo/stack/main.tf")
        let loaded = load()
        #expect(!loaded.resources.contains { $0.address.contains("stolen") }, "\(loaded.resources.map(\.address))")
        let bucket = try #require(loaded.resources.first { $0.address == "aws_s3_bucket.b" })
        #expect(bucket.attributes["bucket"] == .unknown)
        #expect(bucket.attributes["tags"] == .object(["inner": .string("inner")]))
        let refused = loaded.diagnostics.filter { $0.code == .outsideReadRoots }
        #expect(refused.count == 2, "\(loaded.diagnostics)")
        #expect(refused.map { $0.range.map { "\($0.start.line):\($0.start.column)" } ?? "" }.sorted() == ["2:12", "5:12"])
        #expect(refused.allSatisfy { !$0.message.contains(base + "/outside") })
        #expect(!loaded.files.contains { $0.contains("outside") })
    }

    @Test("an installed module whose recorded Dir is absolute or escapes the root is refused")
    func manifestOutside() throws {
        try write(
            #"""
            module "abs" {
              source = "registry.example/x/y"
            }
            module "rel" {
              source = "git::https://example.com/z"
            }
            module "ok" {
              source = "registry.example/ok/y"
            }
            resource "aws_s3_bucket" "b" {
              bucket = module.abs.name
              tags   = { rel = module.rel.name, ok = module.ok.name }
            }
            """#, to: "repo/stack/main.tf")
        try write(
            #"{"Modules":[{"Key":"abs","Dir":"\#(base)/outside/mod"},{"Key":"rel","Dir":"../../outside/mod"},"#
                + #"{"Key":"ok","Dir":"../modules/inner"}]}"#, to: "repo/stack/.terraform/modules/modules.json")
        let loaded = load()
        #expect(!loaded.resources.contains { $0.address.contains("stolen") })
        let bucket = try #require(loaded.resources.first { $0.address == "aws_s3_bucket.b" })
        #expect(bucket.attributes["bucket"] == .unknown)
        #expect(bucket.attributes["tags"] == .object(["rel": .unknown, "ok": .string("inner")]))
        let refused = loaded.diagnostics.filter { $0.code == .outsideReadRoots }
        #expect(refused.compactMap { $0.range?.start.line }.sorted() == [2, 5], "\(loaded.diagnostics)")
        #expect(loaded.diagnostics.allSatisfy { !$0.message.contains(base + "/outside") })
    }

    @Test("without read roots a local source outside still loads (library callers that trust the tree)")
    func unconfined() throws {
        try write(#"module "up" { source = "../../outside/mod" }"#, to: "repo/stack/main.tf")
        let loaded = ModuleLoader.load(directory: repo + "/stack", options: LoadOptions())
        #expect(loaded.resources.contains { $0.address == "module.up.aws_s3_bucket.stolen" })
    }
}
