import Foundation
import HCL
import Model
import Terraform
import Testing

/// Evaluation across module boundaries at Terraform's granularity: a module call's inputs and outputs are
/// separate nodes, so modules that read each other's outputs load, and only a value that feeds itself is a cycle.
@Suite struct ModuleGraphTests {
    static func fixture(_ name: String) -> String { FixturePaths.root + "/graph/" + name }

    static func load(_ name: String) -> LoadedConfiguration { ModuleLoader.load(directory: fixture(name)) }

    static func resource(_ loaded: LoadedConfiguration, _ address: String) throws -> Resource {
        try #require(loaded.resources.first { $0.address == address }, "no \(address) in \(loaded.resources.map(\.address))")
    }

    /// Every root output Terraform knows at plan time has the same value in our load, and we know no fewer.
    static func expectOutputsMatchTerraform(_ name: String, _ loaded: LoadedConfiguration) async throws {
        guard case .planned(let expected) = try await TerraformPlanOracle.plan(fixture(name)) else {
            Issue.record("terraform could not plan \(name)")
            return
        }
        #expect(!expected.isEmpty)
        for (output, json) in expected.sorted(by: { $0.key < $1.key }) {
            let ours = try #require(loaded.outputs[output], "output \(output) is missing")
            #expect(try TerraformPlanOracle.canonical(ours) == json, "output \(output)")
        }
    }

    @Test func modulesReadingEachOthersOutputsLoadWithTerraformsValues() async throws {
        let loaded = Self.load("crossread")
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        #expect(!loaded.diagnostics.contains { $0.code == .cycle })
        let joined = try Self.resource(loaded, "module.alpha.terraform_data.joined")
        #expect(joined.attributes["input"] == .string("a1-b1-tag"))
        let record = try Self.resource(loaded, "module.beta.terraform_data.record")
        #expect(record.attributes["input"] == .object(["from": .string("up-alpha-a1"), "prefix": .string("b1")]))
        // The edge follows the value through the module input to the root resource it came from.
        #expect(record.references.contains(Reference(attribute: "input", target: "terraform_data.relay", targetAttribute: "input")))
        // And through a module output back to the resource inside the module.
        let reader = try Self.resource(loaded, "terraform_data.reader")
        #expect(reader.attributes["input"] == .string("a1-b1-tag"))
        #expect(
            reader.references == [Reference(attribute: "input", target: "module.alpha.terraform_data.joined", targetAttribute: "input")])
        try await Self.expectOutputsMatchTerraform("crossread", loaded)
    }

    @Test func aReferenceToOneModuleInstanceConnectsToThatInstanceOnly() throws {
        let loaded = Self.load("instanceoutputs")
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        let reader = try Self.resource(loaded, "terraform_data.reader")
        #expect(reader.references.map(\.target) == [#"module.store["logs"].terraform_data.bucket"#])
    }

    @Test func countOfAModuleFollowsAnotherModulesOutput() async throws {
        let loaded = Self.load("crosscount")
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        let nodes = loaded.resources.filter { $0.type == "terraform_data" }.map(\.address).sorted()
        #expect(nodes == (0..<3).map { "module.pool[0].terraform_data.node[\($0)]" })
        #expect(try Self.resource(loaded, "module.pool[0].terraform_data.node[2]").attributes["input"] == .string("n-2"))
        #expect(loaded.outputs["summary"] == .string("n-0:2"))
        try await Self.expectOutputsMatchTerraform("crosscount", loaded)
    }

    @Test func valuesCrossThreeLevelsOfNestingBothWays() async throws {
        let loaded = Self.load("nested")
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        let deep = try Self.resource(loaded, "module.deep.module.middle.module.inner.terraform_data.leaf")
        #expect(deep.attributes["input"] == .string("ms+INNER-MINNER-MS"))
        let side = try Self.resource(loaded, "module.side.module.middle.module.inner.terraform_data.leaf")
        #expect(side.attributes["input"] == .string("minner-ms+e"))
        try await Self.expectOutputsMatchTerraform("nested", loaded)
    }

    @Test func aCallMayReadItsOwnOutputWhenNoValueFeedsItself() async throws {
        let loaded = Self.load("selffeed")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(try Self.resource(loaded, "module.pair.terraform_data.both").attributes["input"] == .tuple([.string("x"), .string("X-2")]))
        #expect(loaded.resources.count == 1)
        try await Self.expectOutputsMatchTerraform("selffeed", loaded)
    }

    @Test func realCrossModuleCycleNamesItsPathAndOnlyItsValuesAreUnknown() async throws {
        let loaded = Self.load("realcycle")
        let cycles = loaded.diagnostics.filter { $0.code == .cycle }
        #expect(cycles.count == 1)
        let cycle = try #require(cycles.first)
        #expect(
            cycle.message.contains(
                "module.left.output.echoed -> module.left.var.value -> module.right.output.echoed -> module.right.var.value -> module.left.output.echoed"
            ),
            "\(cycle.message)")
        #expect(cycle.severity == .error)
        // Off the cycle everything is evaluated: both modules' resources, and the label passed from left to right.
        #expect(try Self.resource(loaded, "module.left.terraform_data.kept").attributes["input"] == .string("kept-l"))
        #expect(try Self.resource(loaded, "module.right.terraform_data.kept").attributes["input"] == .string("kept-l!"))
        #expect(loaded.outputs["right_label"] == .string("l!!"))
        guard case .failed(let message) = try await TerraformPlanOracle.plan(Self.fixture("realcycle")) else {
            Issue.record("terraform planned a configuration with a cycle")
            return
        }
        #expect(message.contains("Cycle:") && message.contains("module.left.var.value"), "\(message)")
    }

    @Test func aModuleThatIsNotLoadedIsNoLinkInACycle() throws {
        let loaded = Self.load("unloaded")
        #expect(!loaded.diagnostics.contains { $0.code == .cycle }, "\(loaded.diagnostics)")
        #expect(loaded.diagnostics.contains { $0.code == .moduleNotLoaded && $0.severity == .warning })
        #expect(try Self.resource(loaded, "module.named.terraform_data.peer").attributes["input"] == .unknown)
        #expect(loaded.outputs["name"] == .string("fixed"))
    }
}
