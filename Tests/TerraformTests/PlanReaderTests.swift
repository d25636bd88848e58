import HCL
import Model
import Testing

@testable import Terraform

@Suite struct PlanReaderTests {
    let realPlan = PlanReader.read(path: JSONFixtures.path("plan/terraform-data/plan.json"))

    func resource(_ document: PlanDocument, _ address: String) throws -> Resource {
        try #require(document.resources.first { $0.address == address }, "no \(address)")
    }

    @Test func readsRealTerraformPlanHeader() {
        #expect(realPlan.diagnostics.isEmpty, "\(realPlan.diagnostics)")
        #expect(realPlan.formatVersion == "1.2")
        #expect(realPlan.terraformVersion == "1.11.4")
        #expect(!realPlan.errored)
    }

    @Test func readsEveryInstanceWithModulesCountAndForEach() throws {
        #expect(
            Set(realPlan.resources.map(\.address)) == [
                "terraform_data.consumer", "terraform_data.counted[0]", "terraform_data.counted[1]",
                #"terraform_data.keyed["alpha"]"#, #"terraform_data.keyed["beta"]"#, "terraform_data.seed",
                "module.worker.terraform_data.after_job", "module.worker.terraform_data.job[0]",
                #"module.workers["a"].terraform_data.after_job"#, #"module.workers["a"].terraform_data.job[0]"#,
            ])
        let keyed = try resource(realPlan, #"terraform_data.keyed["alpha"]"#)
        #expect(keyed.instanceKey == .string("alpha"))
        #expect(keyed.provider == "terraform")
        #expect(keyed.attributes["input"] == .string("keyed-alpha"))
        let counted = try resource(realPlan, "terraform_data.counted[1]")
        #expect(counted.instanceKey == .int(1))
        let job = try resource(realPlan, #"module.workers["a"].terraform_data.job[0]"#)
        #expect(job.modulePath == [#"module.workers["a"]"#])
        #expect(job.attributes["input"] == .string("one"))
        if case .plan(let file, let source) = job.origin {
            #expect(file.hasSuffix("plan.json"))
            #expect(source == nil)
        } else {
            Issue.record("origin is \(job.origin)")
        }
    }

    @Test func unknownAttributesAreAddedBackAndNeverConcrete() throws {
        let consumer = try resource(realPlan, "terraform_data.consumer")
        #expect(consumer.attributes["id"] == .unknown)
        #expect(consumer.attributes["output"] == .unknown)
        #expect(consumer.attributes["input"] == .object(["label": .string("consumer"), "seed_id": .unknown]))
        // after has `[null]` here: the unknown element must not stay a concrete null.
        #expect(consumer.attributes["triggers_replace"] == .list([.unknown]))
        let inner = try resource(realPlan, "module.worker.terraform_data.job[0]")
        #expect(inner.attributes["input"] == .unknown)
        let change = try #require(realPlan.change(for: "terraform_data.consumer"))
        #expect(change.after?["input"]?["seed_id"] == .unknown)
        #expect(change.actions == [.create])
        #expect(change.before == .null)
    }

    @Test func referencesFromConfigurationAreAbsolute() throws {
        let consumer = try resource(realPlan, "terraform_data.consumer")
        #expect(
            Set(consumer.references) == [
                Reference(attribute: "input", target: "terraform_data.seed", targetAttribute: "id"),
                Reference(attribute: "triggers_replace", target: "terraform_data.seed", targetAttribute: "output"),
            ])
        let afterJob = try resource(realPlan, #"module.workers["a"].terraform_data.after_job"#)
        #expect(
            afterJob.references == [
                Reference(attribute: "input", target: #"module.workers["a"].terraform_data.job[0]"#, targetAttribute: "id")
            ])
        // var., count. and each. references are not resource edges.
        #expect(try resource(realPlan, "terraform_data.counted[0]").references.isEmpty)
        #expect(try resource(realPlan, "module.worker.terraform_data.job[0]").references.isEmpty)
        let graph = ResourceGraph(realPlan.resources)
        let seed = try resource(realPlan, "terraform_data.seed")
        #expect(graph.referrers(of: seed).map(\.address) == ["terraform_data.consumer"])
    }

    @Test func outputsKeepSensitivityAndUnknowns() {
        #expect(realPlan.outputs["seed_id"] == PlanOutput(value: .unknown, sensitive: false))
        #expect(realPlan.outputs["secret"] == PlanOutput(value: .string("hunter2"), sensitive: true))
        // Sensitive values must never reach diagnostics.
        #expect(!realPlan.diagnostics.contains { $0.message.contains("hunter2") })
    }

    @Test func readsUpdateAndReplaceActions() throws {
        let plan = PlanReader.read(path: JSONFixtures.path("plan/terraform-data/plan-update.json"))
        #expect(plan.diagnostics.isEmpty, "\(plan.diagnostics)")
        let consumer = try #require(plan.change(for: "terraform_data.consumer"))
        #expect(consumer.actions == [.delete, .create])
        #expect(consumer.isReplace)
        #expect(!consumer.isCreateBeforeDestroy)
        #expect(consumer.actionReason == "replace_because_cannot_update")
        #expect(consumer.before?["input"]?["label"] == .string("consumer"))
        let seed = try #require(plan.change(for: "terraform_data.seed"))
        #expect(seed.actions == [.update])
        #expect(seed.before?["input"] == .string("seed-value"))
        #expect(seed.after?["input"] == .string("seed-value-2"))
        #expect(try #require(plan.change(for: "terraform_data.counted[0]")).isNoOp)
    }

    @Test func locateSourceIsAskedWithConfigurationAddresses() throws {
        let range = SourceRange(file: "main.tf", start: .start, end: .start)
        let plan = PlanReader.read(path: JSONFixtures.path("plan/terraform-data/plan.json")) { address in
            address == "module.workers.terraform_data.job" ? range : nil
        }
        let job = try resource(plan, #"module.workers["a"].terraform_data.job[0]"#)
        #expect(job.origin.sourceRange == range)
        #expect(try resource(plan, "terraform_data.seed").origin.sourceRange == nil)
    }

    @Test func readsShowJSONOfAStateThroughValues() throws {
        let shown = PlanReader.read(path: JSONFixtures.path("state/terraform-data.show.json"))
        #expect(shown.diagnostics.isEmpty, "\(shown.diagnostics)")
        #expect(shown.formatVersion == "1.0")
        #expect(shown.resources.count == 10)
        #expect(shown.changes.isEmpty)
        let seed = try resource(shown, "terraform_data.seed")
        #expect(seed.attributes["id"]?.stringValue?.isEmpty == false)
    }
}
