import Model
import Terraform
import Testing

@Suite struct TerraformInputTests {
    @Test func aPlanBesideItsSourcesMapsResourcesBackToFileAndLine() throws {
        let input = TerraformInput.load(FixturePaths.root + "/plan/terraform-data/plan.json")
        #expect(input.kind == .plan)
        #expect(input.diagnostics.filter { $0.severity == .error }.isEmpty, "\(input.diagnostics)")
        let consumer = try #require(input.resources.first { $0.address == "terraform_data.consumer" })
        guard case .plan(let file, let source?) = consumer.origin else {
            Issue.record("expected a plan origin with a source range, got \(consumer.origin)")
            return
        }
        #expect(file.hasSuffix("plan.json"))
        #expect(source.file == "main.tf")
        #expect(source.start.line == 7)
        let inModule = try #require(input.resources.first { $0.modulePath.first?.hasPrefix("module.workers[") == true })
        #expect(inModule.origin.sourceRange?.file == "modules/worker/main.tf")
    }

    @Test func stateFilesAreRecognisedByContent() {
        let input = TerraformInput.load(FixturePaths.root + "/state/azure-aws.tfstate.json")
        #expect(input.kind == .state)
        #expect(!input.resources.isEmpty)
    }

    @Test func directoriesAndSingleFilesLoadAsModules() {
        let dir = TerraformInput.load(FixturePaths.module("cycle"))
        #expect(dir.kind == .module)
        let file = TerraformInput.load(FixturePaths.module("broken") + "/good.tf")
        #expect(file.kind == .files)
        #expect(file.resources.map(\.address) == ["aws_s3_bucket.fine"])
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics)")
    }

    @Test func aMissingPathIsAnIOError() {
        let input = TerraformInput.load(FixturePaths.root + "/does-not-exist")
        #expect(input.diagnostics.first?.code == .io)
        #expect(input.resources.isEmpty)
    }

    @Test func malformedPlansReportWithoutCrashing() {
        for name in ["not-json", "truncated", "unsupported-version", "wrong-shape"] {
            let input = TerraformInput.load(FixturePaths.root + "/plan/malformed/\(name).json")
            #expect(input.diagnostics.contains { $0.severity == .error }, "\(name)")
            #expect(input.diagnostics.allSatisfy { $0.range?.file.hasSuffix("\(name).json") ?? true }, "\(name)")
        }
    }
}
