import HCL
import Model
import Testing

@testable import Terraform

/// Bad input: every problem is a diagnostic with a position, and good entries survive bad neighbours.
@Suite struct PlanReaderErrorTests {
    @Test func notJSONReportsThePosition() throws {
        let plan = PlanReader.read(path: JSONFixtures.path("plan/malformed/not-json.json"))
        let diagnostic = try #require(plan.diagnostics.first)
        #expect(diagnostic.code == .syntax)
        #expect(diagnostic.range?.start.line == 1)
        #expect(diagnostic.range?.start.column == 1)
        #expect(plan.resources.isEmpty)
    }

    @Test func truncatedFileReportsEndOfFile() throws {
        let plan = PlanReader.read(path: JSONFixtures.path("plan/malformed/truncated.json"))
        let diagnostic = try #require(plan.diagnostics.first)
        #expect(diagnostic.code == .syntax)
        // terraform show -json writes one line: the error is at its end.
        #expect(diagnostic.range?.start.column == 2001)
    }

    @Test func unsupportedFormatVersion() throws {
        let plan = PlanReader.read(path: JSONFixtures.path("plan/malformed/unsupported-version.json"))
        let diagnostic = try #require(plan.diagnostics.first)
        #expect(diagnostic.code == .invalidPlan)
        #expect(diagnostic.message.contains("2.0"))
        #expect(diagnostic.range?.start.line == 2)
        #expect(diagnostic.range?.start.column == 21)
    }

    @Test func stateFileGivenAsPlanIsNamed() throws {
        let plan = PlanReader.read(path: JSONFixtures.path("state/terraform-data.tfstate.json"))
        #expect(plan.diagnostics.count == 1)
        #expect(plan.diagnostics.first?.message.contains("state file") == true)
    }

    @Test func badEntriesAreSkippedOthersKept() throws {
        let plan = PlanReader.read(path: JSONFixtures.path("plan/malformed/wrong-shape.json"))
        #expect(plan.resources.map(\.address) == ["aws_s3_bucket.good", "aws_s3_bucket.also_good"])
        #expect(plan.resources[0].attributes["id"] == .unknown)
        #expect(plan.changes.map(\.address) == ["aws_s3_bucket.good"])
        #expect(plan.changes.first?.actions == [.create])
        let messages = plan.diagnostics.map(\.message)
        #expect(plan.diagnostics.allSatisfy { $0.code == .invalidPlan && $0.range != nil })
        #expect(messages.contains("A planned resource has no \"name\""))
        #expect(messages.contains("Expected \"index\" to be an integer or a string, found boolean"))
        #expect(messages.contains("Expected each resource to be an object, found string"))
        #expect(messages.contains("Invalid module address \"not a module address\""))
        #expect(messages.contains("A child module has no \"address\" string"))
        #expect(messages.contains("Unknown change action \"explode\""))
        #expect(messages.contains { $0.contains("has no \"change\" object") })
        #expect(messages.contains("Expected each entry of \"resource_changes\" to be an object, found number"))
        #expect(messages.contains("Expected \"configuration\" to be an object, found array"))
        #expect(plan.diagnostics.count == 9)
        let nameless = try #require(plan.diagnostics.first { $0.message.contains("no \"name\"") })
        #expect(nameless.range?.start.line == 15)
    }

    @Test func fileSizeLimit() throws {
        var options = LoadOptions()
        options.maxFileSize = 100
        let plan = PlanReader.read(path: JSONFixtures.path("plan/aws/plan.json"), options: options)
        #expect(plan.diagnostics.map(\.code) == [.fileTooLarge])
        let fromBytes = PlanReader.read(bytes: Array(repeating: 0x20, count: 101), filename: "big.json", options: options)
        #expect(fromBytes.diagnostics.map(\.code) == [.fileTooLarge])
    }

    @Test func depthLimit() throws {
        let deep =
            #"{"format_version":"1.2","planned_values":"# + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "}"
        let plan = PlanReader.read(bytes: Array(deep.utf8), filename: "deep.json")
        #expect(plan.diagnostics.map(\.code) == [.tooDeep])
    }

    @Test func missingFileAndNonObject() {
        #expect(PlanReader.read(path: JSONFixtures.path("plan/none.json")).diagnostics.map(\.code) == [.io])
        #expect(PlanReader.read(path: JSONFixtures.path("plan")).diagnostics.map(\.code) == [.io])
        let array = PlanReader.read(bytes: Array("[1]".utf8), filename: "a.json")
        #expect(array.diagnostics.map(\.code) == [.invalidPlan])
        let noVersion = PlanReader.read(bytes: Array("{}".utf8), filename: "e.json")
        #expect(noVersion.diagnostics.first?.message.contains("format_version") == true)
    }
}
