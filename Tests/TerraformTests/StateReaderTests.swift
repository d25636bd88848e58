import HCL
import Model
import Testing

@testable import Terraform

@Suite struct StateReaderTests {
    let real = StateReader.read(path: JSONFixtures.path("state/terraform-data.tfstate.json"))
    let azure = StateReader.read(path: JSONFixtures.path("state/azure-aws.tfstate.json"))

    func resource(_ document: StateDocument, _ address: String) throws -> Resource {
        try #require(document.resources.first { $0.address == address }, "no \(address)")
    }

    @Test func readsRealTerraformState() throws {
        #expect(real.diagnostics.isEmpty, "\(real.diagnostics)")
        #expect(real.version == 4)
        #expect(real.terraformVersion == "1.11.4")
        #expect((real.serial ?? 0) > 0)
        #expect(real.lineage?.isEmpty == false)
        #expect(real.resources.count == 10)
        #expect(real.sensitiveOutputs == ["secret"])
        #expect(real.outputs["secret"] == .string("hunter2"))
        let consumer = try resource(real, "terraform_data.consumer")
        #expect(consumer.provider == "terraform")
        #expect(consumer.origin == .state(file: JSONFixtures.path("state/terraform-data.tfstate.json")))
        #expect(consumer.attributes["input"]?["value"]?["label"] == .string("consumer"))
        #expect(consumer.references == [Reference(attribute: "", target: "terraform_data.seed")])
        #expect(try resource(real, #"terraform_data.keyed["beta"]"#).instanceKey == .string("beta"))
    }

    @Test func dependenciesInRepeatedModulesGetTheInstanceKeys() throws {
        let afterJob = try resource(real, #"module.workers["a"].terraform_data.after_job"#)
        #expect(afterJob.references == [Reference(attribute: "", target: #"module.workers["a"].terraform_data.job"#)])
        let graph = ResourceGraph(real.resources)
        #expect(graph.resolve(afterJob.references[0].target).map(\.address) == [#"module.workers["a"].terraform_data.job[0]"#])
    }

    @Test func readsHandWrittenAzureAndAWSState() throws {
        #expect(azure.diagnostics.isEmpty, "\(azure.diagnostics)")
        #expect(azure.serial == 42)
        #expect(azure.resources.count == 12)
        let account = try resource(azure, "azurerm_storage_account.main")
        #expect(account.provider == "azurerm")
        #expect(account.attributes["min_tls_version"] == .string("TLS1_0"))
        #expect(account.attributes["network_rules"]?[0]?["default_action"] == .string("Allow"))
        #expect(account.references == [Reference(attribute: "", target: "azurerm_resource_group.main")])
        let client = try resource(azure, "data.azurerm_client_config.current")
        #expect(client.mode == .data)
        let container = try resource(azure, #"azurerm_storage_container.containers["public-assets"]"#)
        #expect(container.attributes["container_access_type"] == .string("blob"))
        #expect(container.references.count == 2)
        let nsg = try resource(azure, "module.network.azurerm_network_security_group.tier[0]")
        #expect(nsg.modulePath == ["module.network"])
        #expect(nsg.references.contains(Reference(attribute: "", target: "module.network.azurerm_virtual_network.main")))
    }

    @Test func aliasedProvidersAndCrossModuleDependencies() throws {
        let eu = try resource(azure, #"module.regional["eu"].aws_s3_bucket.replica"#)
        #expect(eu.provider == "aws")
        let versioning = try resource(azure, #"module.regional["eu"].aws_s3_bucket_versioning.replica"#)
        #expect(versioning.references == [Reference(attribute: "", target: #"module.regional["eu"].aws_s3_bucket.replica"#)])
        // From outside the repeated module, every instance is a dependency.
        let role = try resource(azure, "aws_iam_role.replication")
        #expect(
            role.references.map(\.target) == [
                #"module.regional["eu"].aws_s3_bucket.replica"#, #"module.regional["us"].aws_s3_bucket.replica"#,
            ])
    }

    @Test func deposedObjectsAreKeptApart() throws {
        #expect(azure.deposed.map(\.address) == ["module.network.azurerm_network_security_group.tier[1]"])
        #expect(azure.deposed.first?.attributes["id"]?.stringValue?.hasSuffix("nsg-db-old") == true)
        let current = try resource(azure, "module.network.azurerm_network_security_group.tier[1]")
        #expect(current.attributes["name"] == .string("nsg-db"))
    }

    @Test func version3IsRejectedClearly() throws {
        let state = StateReader.read(path: JSONFixtures.path("state/malformed/version3.tfstate.json"))
        let diagnostic = try #require(state.diagnostics.first)
        #expect(state.diagnostics.count == 1)
        #expect(diagnostic.code == .invalidState)
        #expect(diagnostic.message.contains("version 3"))
        #expect(diagnostic.range?.start.line == 2)
        #expect(state.resources.isEmpty)
    }

    @Test func emptyFileAndPlanGivenAsState() throws {
        let empty = StateReader.read(path: JSONFixtures.path("state/malformed/empty.tfstate"))
        #expect(empty.diagnostics.map(\.code) == [.syntax])
        let plan = StateReader.read(path: JSONFixtures.path("plan/aws/plan.json"))
        #expect(plan.diagnostics.map(\.code) == [.invalidState])
        #expect(plan.diagnostics.first?.message.contains("terraform show -json") == true)
        let future = StateReader.read(bytes: Array(#"{"version": 5}"#.utf8), filename: "f.tfstate")
        #expect(future.diagnostics.first?.message.contains("newer") == true)
    }

    @Test func badEntriesAreSkippedOthersKept() throws {
        let state = StateReader.read(path: JSONFixtures.path("state/malformed/wrong-shape.tfstate.json"))
        #expect(state.resources.map(\.address) == ["aws_s3_bucket.good", "aws_s3_bucket.mixed[1]"])
        #expect(state.outputs == ["ok": .string("fine")])
        let messages = state.diagnostics.map(\.message)
        #expect(state.diagnostics.allSatisfy { $0.code == .invalidState && $0.range != nil })
        #expect(messages.contains("Expected \"serial\" to be an integer, found string"))
        #expect(messages.contains("A state resource has no \"type\""))
        #expect(messages.contains("Unknown resource mode \"ephemeral\""))
        #expect(messages.contains("Expected \"index_key\" to be an integer or a string, found array"))
        #expect(messages.contains("Expected each instance to be an object, found string"))
        #expect(messages.contains("Invalid module address \"module.\""))
        #expect(messages.contains("Expected each resource to be an object, found array"))
        #expect(state.diagnostics.count == 7)
    }

    @Test func limits() {
        var options = LoadOptions()
        options.maxFileSize = 1_000
        #expect(
            StateReader.read(path: JSONFixtures.path("state/azure-aws.tfstate.json"), options: options).diagnostics.map(\.code) == [
                .fileTooLarge
            ])
        options = LoadOptions()
        options.maxDepth = 4
        #expect(
            StateReader.read(path: JSONFixtures.path("state/azure-aws.tfstate.json"), options: options).diagnostics.map(\.code) == [
                .tooDeep
            ])
    }
}
