import Model
import Testing

@testable import Remediation

/// The running totals and the directory index an `EditWorkspace` keeps in step with each edit, and a plan cut down
/// to the files that were written.
@Suite("workspace totals and index")
struct WorkspaceIndexTests {
    @Test("running totals equal the plain sums after every change")
    func prefixSumsMatchPlainSums() {
        var values = (0..<37).map { ($0 * 7) % 11 }
        var sums = PrefixSums(values)
        for step in 0..<200 {
            let index = (step * 13) % values.count
            values[index] = (step * 5) % 17
            sums.set(index, to: values[index])
            let probe = (step * 3) % (values.count + 1)
            #expect(sums.sum(before: probe).total == values[..<probe].reduce(0, +), "step \(step)")
        }
        #expect(PrefixSums([]).sum(before: 3).total == 0)
    }

    @Test("the index follows a replaced fragment: readers, locals, variables and companions")
    func indexFollowsEdits() {
        let a = WorkingFile(
            path: "/m/a.tf",
            bytes: Array(
                """
                locals {
                  flag = var.on
                }
                resource "aws_s3_bucket" "b" {
                  bucket = "x"
                }

                """.utf8))
        let b = WorkingFile(
            path: "/m/b.tf",
            bytes: Array(
                """
                variable "on" {
                  default = false
                }
                resource "aws_instance" "i" {
                  ebs_optimized = var.on
                }

                """.utf8))
        var index = DirectoryIndex([a, b])
        #expect(index.local("flag") == "/m/a.tf")
        #expect(index.variable("on") == "/m/b.tf")
        #expect(index.otherReader(of: "var.on", besides: "flag")?.name == "ebs_optimized")
        #expect(index.otherReader(of: "var.on", besides: "ebs_optimized")?.name == "flag")
        #expect(index.companion(type: "aws_s3_bucket_versioning", reading: "aws_s3_bucket.b") == nil)
        index.replace(
            WorkingFile(
                path: "/m/b.tf",
                bytes: Array(
                    """
                    variable "on" {
                      default = false
                    }
                    resource "aws_s3_bucket_versioning" "b" {
                      bucket = aws_s3_bucket.b.id
                    }

                    """.utf8)))
        #expect(index.otherReader(of: "var.on", besides: "flag") == nil)
        #expect(index.companion(type: "aws_s3_bucket_versioning", reading: "aws_s3_bucket.b") == "/m/b.tf")
        #expect(index.hasResource(type: "aws_s3_bucket_versioning", name: "b"))
        #expect(!index.hasResource(type: "aws_instance", name: "i"))
    }

    @Test("a plan without the files that were not written: their fixes are not counted as fixed")
    func planWithoutUnwrittenFiles() {
        let plan = FixPlan(
            edits: [
                FileEdit(path: "/r/a.tf", original: "a", updated: "A"), FileEdit(path: "/r/b.tf", original: "b", updated: "B"),
            ],
            fixed: [
                AppliedFix(checkID: "C", resourceAddress: "t.a", fixID: "f", summary: "s", file: "/r/a.tf", line: 1, controls: []),
                AppliedFix(checkID: "C", resourceAddress: "t.b", fixID: "f", summary: "s", file: "/r/b.tf", line: 1, controls: []),
            ])
        let written = plan.withoutWrites(to: ["/r/b.tf"])
        #expect(written.edits.map(\.path) == ["/r/a.tf"])
        #expect(written.fixed.map(\.resourceAddress) == ["t.a"])
        #expect(written.manual.map(\.resourceAddress) == ["t.b"])
        #expect(written.manual.first?.reason.contains("/r/b.tf could not be written") == true)
        #expect(plan.withoutWrites(to: []) == plan)
    }
}
