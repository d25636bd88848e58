import Foundation
import Model
import Testing

@testable import Remediation

/// Fixing every resource of one large file: all fixed, each reported on its own line of the whole file, problems
/// located in the whole file, and planning work in proportion to the number of resources.
@Suite("fixes in a large file")
struct LargeFileFixTests {
    /// `count` unencrypted volumes, each after a comment; `special` replaces the body of the volumes it names.
    static func volumes(_ count: Int, special: [Int: String] = [:]) -> String {
        (0..<count).map { i in
            let body = special[i] ?? "  availability_zone = \"us-east-1a\"\n  size              = 10\n"
            return "# volume \(i)\nresource \"aws_ebs_volume\" \"v\(i)\" {\n\(body)}\n\n"
        }.joined()
    }

    @Test("600 resources in one file: every one fixed, on its own line, nothing else changed")
    func everyResourceFixed() throws {
        let text = Self.volumes(600)
        let harness = try MemoryHarness(files: ["main.tf": text], checks: ["BLW-AWS-EC2-003"])
        let plan = harness.plan()
        #expect(plan.fixed.count == 600)
        #expect(plan.manual.isEmpty, "\(plan.manual.prefix(3))")
        let updated = try #require(MemoryHarness.updated("main.tf", in: plan))
        let lines = updated.split(separator: "\n", omittingEmptySubsequences: false)
        let inserted = lines.indices.filter { lines[$0].contains("encrypted") }.map { $0 + 1 }
        #expect(inserted.count == 600)
        #expect(lines.filter { !$0.contains("encrypted") }.joined(separator: "\n") == text)
        let reported = Dictionary(uniqueKeysWithValues: plan.fixed.map { ($0.resourceAddress, $0) })
        for i in [0, 15, 16, 17, 299, 599] {
            let fix = try #require(reported["aws_ebs_volume.v\(i)"])
            #expect(fix.file == MemoryHarness.root + "/main.tf")
            #expect(fix.line == inserted[i], "v\(i)")
        }
    }

    @Test("a problem deep in a large file is located by the whole file's line and column")
    func problemLocatedInWholeFile() throws {
        let text =
            Self.volumes(
                600,
                special: [
                    550: "  encrypted = local.flag\n  size      = 10\n",
                    551: "  iops = local.flag\n  size = 10\n",
                ]) + "locals {\n  flag = false\n}\n"
        let harness = try MemoryHarness(files: ["main.tf": text], checks: ["BLW-AWS-EC2-003"])
        let plan = harness.plan()
        let manual = try #require(plan.manual.first { $0.resourceAddress == "aws_ebs_volume.v550" })
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("iops") })
        // The text as the fixes before it left it: each of the 550 volumes above gained a line.
        #expect(manual.reason.contains("\(MemoryHarness.root)/main.tf:\(line + 1 + 550):3"), "\(manual.reason)")
        #expect(plan.fixed.count == 599)
    }

    /// The work of fixing every volume of a `count`-volume file, half of them through a variable of their own.
    static func effort(_ count: Int) throws -> (fixed: Int, effort: PlanningEffort) {
        let throughVariable = Dictionary(
            uniqueKeysWithValues: stride(from: 1, to: count, by: 2).map { ($0, "  encrypted = var.e\($0)\n  size      = 10\n") })
        let variables = (0..<count).map { "variable \"e\($0)\" {\n  default = false\n}\n" }.joined()
        let harness = try MemoryHarness(
            files: ["main.tf": volumes(count, special: throughVariable), "variables.tf": variables], checks: ["BLW-AWS-EC2-003"])
        let index = LazyIndex(roots: [MemoryHarness.root], tree: harness.tree, maxFileSize: 8 << 20)
        let applier = FixApplier(parameters: [:], tracer: ValueTracer(callIndex: { index.value }), named: .standard)
        var workspace = EditWorkspace(tree: harness.tree)
        var fixed = 0
        for (owner, target) in harness.failures().enumerated() {
            guard let spec = target.result.check.fix, let file = target.result.range?.file,
                let resource = ResourceReference(address: target.result.resourceAddress, file: file)
            else { continue }
            if (try? applier.apply(spec, to: resource, owner: owner, workspace: &workspace)) != nil { fixed += 1 }
        }
        return (fixed, workspace.effort)
    }

    @Test("fixing every resource of a large file parses it three times over, not once per neighbour of each fix")
    func parsingPerFixIsBounded() throws {
        let text = Self.volumes(600)
        let harness = try MemoryHarness(files: ["main.tf": text], checks: ["BLW-AWS-EC2-003"])
        let applier = FixApplier(
            parameters: [:], tracer: ValueTracer(callIndex: { ModuleCallIndex(roots: [], tree: harness.tree, maxFileSize: 8 << 20) }),
            named: .standard)
        var workspace = EditWorkspace(tree: harness.tree)
        var fixed = 0
        for (owner, target) in harness.failures().enumerated() {
            guard let spec = target.result.check.fix, let file = target.result.range?.file,
                let resource = ResourceReference(address: target.result.resourceAddress, file: file)
            else { continue }
            if (try? applier.apply(spec, to: resource, owner: owner, workspace: &workspace)) != nil { fixed += 1 }
        }
        #expect(fixed == 600)
        // Loading parses the file once, as fragments (cut by the lexer alone); each fix re-parses only its own block,
        // once: the inserted line joins its fmt-aligned group already aligned, so nothing is realigned and parsed again.
        let parses = Double(workspace.effort.bytesParsed) / Double(text.utf8.count)
        #expect(parses < 2.5, "the file was parsed \(parses) times over")
    }

    @Test("planning work (bytes parsed, fragments stepped over) grows with the resources, through variables too")
    func workLinearInResources() throws {
        let small = try Self.effort(250)
        let large = try Self.effort(1_000)
        #expect(small.fixed == 250)
        #expect(large.fixed == 1_000)
        // Four times the resources: four times the work when linear (a little more for the running totals'
        // logarithm), sixteen when every fix walks the file or the module.
        #expect(large.effort.bytesParsed < small.effort.bytesParsed * 5, "\(small.effort) → \(large.effort)")
        #expect(large.effort.fragmentsVisited < small.effort.fragmentsVisited * 7, "\(small.effort) → \(large.effort)")
    }

    /// The work of fixing `count` volumes whose `encrypted` comes from a variable of their own set in
    /// `terraform.tfvars` (beside a `.tfvars.json` that sets something else).
    static func tfvarsEffort(_ count: Int) throws -> (fixed: Int, effort: PlanningEffort) {
        let special = Dictionary(uniqueKeysWithValues: (0..<count).map { ($0, "  encrypted = var.e\($0)\n  size      = 10\n") })
        let variables = (0..<count).map { "variable \"e\($0)\" {\n  type = bool\n}\n" }.joined()
        let values = (0..<count).map { "e\($0) = false\n" }.joined()
        let harness = try MemoryHarness(
            files: [
                "main.tf": volumes(count, special: special), "variables.tf": variables, "terraform.tfvars": values,
                "other.auto.tfvars.json": #"{"region": "us-east-1"}"#,
            ],
            checks: ["BLW-AWS-EC2-003"])
        let applier = FixApplier(
            parameters: [:],
            tracer: ValueTracer(callIndex: { ModuleCallIndex(roots: [], tree: harness.tree, maxFileSize: 8 << 20) }),
            named: .standard)
        var workspace = EditWorkspace(tree: harness.tree)
        var fixed = 0
        for (owner, target) in harness.failures().enumerated() {
            guard let spec = target.result.check.fix, let file = target.result.range?.file,
                let resource = ResourceReference(address: target.result.resourceAddress, file: file)
            else { continue }
            if (try? applier.apply(spec, to: resource, owner: owner, workspace: &workspace)) != nil { fixed += 1 }
        }
        return (fixed, workspace.effort)
    }

    @Test("values set in terraform.tfvars are found by lookup: fixing them grows with the resources, not their square")
    func tfvarsLookupLinearInResources() throws {
        let small = try Self.tfvarsEffort(150)
        let large = try Self.tfvarsEffort(600)
        #expect(small.fixed == 150)
        #expect(large.fixed == 600)
        #expect(large.effort.fragmentsVisited < small.effort.fragmentsVisited * 7, "\(small.effort) → \(large.effort)")
        #expect(large.effort.bytesParsed < small.effort.bytesParsed * 6, "\(small.effort) → \(large.effort)")
    }
}
