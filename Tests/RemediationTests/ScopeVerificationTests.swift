import Foundation
import Model
import Testing

@testable import Remediation

/// Verifying fixes in the root module the scan evaluated: edits that only change resource blocks nothing else reads
/// are proven by evaluating those blocks again there; any other edit loads the module again. Either way the plan is
/// the one a full reload gives.
@Suite("verification in the scan's evaluated root module")
struct ScopeVerificationTests {
    static let zone = "variable \"zone\" {\n  default = \"us-east-1a\"\n}\n"
    /// An output reading a volume: outputs of the root module feed nothing a check sees.
    static let output = "output \"first\" {\n  value = aws_ebs_volume.v0.id\n}\n"

    @Test("fixes inside resource blocks nothing reads are verified without loading the module again")
    func blockEditsReuseTheScan() throws {
        let harness = try MemoryHarness(
            files: ["main.tf": LargeFileFixTests.volumes(300), "variables.tf": Self.zone, "outputs.tf": Self.output],
            checks: ["BLW-AWS-EC2-003"])
        let (plan, effort) = harness.planCounting()
        #expect(plan.fixed.count == 300)
        #expect(plan.manual.isEmpty, "\(plan.manual.prefix(3))")
        #expect(effort == VerificationEffort(modulesLoaded: 0, blocksReevaluated: 300))
        let reloaded = harness.planCounting(reuseScan: false)
        #expect(reloaded.verification == VerificationEffort(modulesLoaded: 1, blocksReevaluated: 0))
        #expect(plan == reloaded.plan)
    }

    @Test("a fix whose check still fails on the edited block is refused without loading the module too")
    func uselessFixRefusedInScope() throws {
        let wrongFix = """
            id: BLW-TEST-KMS-903
            title: key rotates
            severity: low
            provider: aws
            resource_types: [aws_kms_key]
            condition: {attribute: enable_key_rotation, operator: is_true}
            fix:
              set: {path: description, value: rotated}
            """
        let source = "resource \"aws_kms_key\" \"k\" {\n  description = \"k\"\n}\n"
        let harness = try MemoryHarness(files: ["main.tf": source], checks: [], extra: [wrongFix])
        let (plan, effort) = harness.planCounting()
        #expect(plan.fixed.isEmpty)
        #expect(plan.edits.isEmpty)
        #expect(plan.manual.first?.reason.contains("still FAILED") == true, "\(plan.manual)")
        #expect(effort == VerificationEffort(modulesLoaded: 0, blocksReevaluated: 1))
        #expect(plan == harness.planCounting(reuseScan: false).plan)
    }

    /// Root-module files whose fixes must be verified by loading the module again, each with why.
    static let reloadCases: [(why: String, files: [String: String])] = [
        (
            "a variable's default is edited",
            [
                "main.tf":
                    "resource \"aws_ebs_volume\" \"v\" {\n  availability_zone = var.zone\n  encrypted         = var.e\n  size              = 10\n}\n",
                "variables.tf": Self.zone + "variable \"e\" {\n  default = false\n}\n",
            ]
        ),
        (
            "another resource reads the edited block",
            [
                "main.tf": """
                resource "aws_ebs_volume" "v" {
                  availability_zone = "us-east-1a"
                  size              = 10
                }

                resource "aws_volume_attachment" "a" {
                  device_name = "/dev/sdh"
                  volume_id   = aws_ebs_volume.v.id
                  instance_id = "i-1"
                }

                """
            ]
        ),
        (
            "the edited block expands with count",
            [
                "main.tf":
                    "resource \"aws_ebs_volume\" \"v\" {\n  count             = 2\n  availability_zone = \"us-east-1a\"\n  size              = 10\n}\n"
            ]
        ),
        (
            "the edited block is in a module the root calls",
            [
                "main.tf": "module \"disks\" {\n  source = \"./disks\"\n}\n",
                "disks/main.tf": "resource \"aws_ebs_volume\" \"v\" {\n  availability_zone = \"us-east-1a\"\n  size              = 10\n}\n",
            ]
        ),
    ]

    @Test("edits a block's own evaluation cannot account for load the module again", arguments: 0..<4)
    func otherEditsReload(_ index: Int) throws {
        let (why, files) = Self.reloadCases[index]
        let harness = try MemoryHarness(files: files, checks: ["BLW-AWS-EC2-003"])
        let (plan, effort) = harness.planCounting()
        #expect(!plan.fixed.isEmpty, "\(why): \(plan.manual)")
        #expect(effort == VerificationEffort(modulesLoaded: 1, blocksReevaluated: 0), "\(why)")
        #expect(plan == harness.planCounting(reuseScan: false).plan, "\(why)")
    }
}
