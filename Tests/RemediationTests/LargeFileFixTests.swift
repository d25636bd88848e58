import Foundation
import Model
import Testing

@testable import Remediation

/// Fixing every resource of one large file: all fixed, each reported on its own line of the whole file, problems
/// located in the whole file, and planning time in proportion to the number of resources.
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

    @Test("planning time grows in proportion to the resources of one file, not to its square")
    func linearInResources() throws {
        func seconds(_ count: Int) throws -> Double {
            let harness = try MemoryHarness(files: ["main.tf": Self.volumes(count)], checks: ["BLW-AWS-EC2-003"])
            let targets = harness.failures()
            let planner = IaCFixPlanner(context: FixContext(searchRoots: [MemoryHarness.root], verify: false))
            let start = Date()
            let plan = planner.plan(targets: targets, in: harness.tree, checkIDs: nil)
            #expect(plan.fixed.count == count)
            return Date().timeIntervalSince(start)
        }
        _ = try seconds(200)  // warm-up
        let small = try seconds(500)
        let large = try seconds(2_000)
        // Four times the resources: about four times the time when linear, sixteen when quadratic.
        #expect(large / small < 8, "500: \(small) s, 2000: \(large) s")
    }
}
