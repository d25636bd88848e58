import Model
import Terraform
import Testing

@Suite struct ModuleLoaderTests {
    let app = ModuleLoader.load(directory: FixturePaths.module("app"))

    private func resource(_ address: String) throws -> Resource {
        try #require(app.resources.first { $0.address == address }, "no resource \(address) in \(app.resources.map(\.address))")
    }

    @Test func expandsCountAndForEachIntoInstanceAddresses() {
        let addresses = Set(app.resources.map(\.address))
        let expected: Set<String> = [
            #"aws_s3_bucket.per_env["data"]"#, #"aws_s3_bucket.per_env["logs"]"#,
            #"aws_s3_bucket_versioning.per_env["logs"]"#,
            "aws_s3_bucket_public_access_block.logs", "aws_instance.web[0]", "aws_instance.web[1]",
            "aws_security_group.web", "aws_cloudtrail.main", "aws_kms_key.trail",
            "data.aws_caller_identity.current",
            #"aws_s3_bucket_ownership_controls.per_env["data"]"#, #"aws_s3_bucket_ownership_controls.per_env["logs"]"#,
            "module.storage.aws_s3_bucket.this", "module.storage.aws_s3_bucket_server_side_encryption_configuration.this",
        ]
        #expect(addresses == expected)
    }

    @Test func evaluatesLocalsInDependencyOrderAndVariablesWithOptionalDefaults() throws {
        let data = try resource(#"aws_s3_bucket.per_env["data"]"#)
        #expect(data.attributes["bucket"] == .string("bulwark-dev-data"))
        #expect(
            data.attributes["tags"]
                == .object([
                    "Project": .string("bulwark"), "Environment": .string("DEV"), "Tier": .string("archive"),
                ]))
        let logs = try resource(#"aws_s3_bucket.per_env["logs"]"#)
        #expect(logs.attributes["tags"]?["Tier"] == .string("standard"))
    }

    @Test func countIndexConditionalsFormatAndTemplatefile() throws {
        let first = try resource("aws_instance.web[0]")
        let second = try resource("aws_instance.web[1]")
        #expect(first.attributes["instance_type"] == .string("t3.large"))
        #expect(second.attributes["instance_type"] == .string("t3.micro"))
        #expect(second.attributes["tags"]?["Name"] == .string("web-01"))
        #expect(second.attributes["user_data"] == .string("#!/bin/sh\necho \"node 1 in dev\"\n"))
        #expect(first.attributes["metadata_options"] == .list([.object(["http_tokens": .string("required")])]))
        #expect(first.origin.sourceRange?.file.hasSuffix("main.tf") == true)
        #expect(first.origin.sourceRange?.start.line == 34)
    }

    @Test func dynamicBlocksExpandBesideStaticBlocks() throws {
        let sg = try resource("aws_security_group.web")
        let ingress = try #require(sg.attributes["ingress"]?.elements)
        #expect(ingress.count == 3)
        #expect(ingress[0]["from_port"] == .number(443))
        #expect(ingress[1]["from_port"] == .number(80))
        #expect(ingress[1]["cidr_blocks"] == .tuple([.string("0.0.0.0/0")]))
        // var.admin_cidr has no value anywhere: it stays unknown instead of becoming a guess.
        #expect(ingress[2]["cidr_blocks"] == .tuple([.unknown]))
    }

    @Test func unknownsStayUnknown() throws {
        let trail = try resource("aws_cloudtrail.main")
        #expect(trail.attributes["created"] == .unknown)
        let sse = try resource("module.storage.aws_s3_bucket_server_side_encryption_configuration.this")
        let rule = sse.attributes["rule"]?[0]?["apply_server_side_encryption_by_default"]?[0]
        #expect(rule?["kms_master_key_id"] == .unknown)
        #expect(rule?["sse_algorithm"] == .string("aws:kms"))
    }

    @Test func moduleInputsAndOutputsFlowBothWays() throws {
        let inner = try resource("module.storage.aws_s3_bucket.this")
        #expect(inner.attributes["bucket"] == .string("bulwark-dev-trail"))
        #expect(inner.modulePath == ["module.storage"])
        let trail = try resource("aws_cloudtrail.main")
        #expect(trail.attributes["s3_bucket_name"] == .string("bulwark-dev-trail"))
        #expect(app.outputs["bucket_names"] == .tuple([.string("bulwark-dev-data"), .string("bulwark-dev-logs")]))
        #expect(app.outputs["web_ids"] == .tuple([.unknown, .unknown]))
    }

    @Test func referenceEdgesFollowLocalsKeysAndModules() throws {
        let pab = try resource("aws_s3_bucket_public_access_block.logs")
        #expect(pab.references.contains(Reference(attribute: "bucket", target: #"aws_s3_bucket.per_env["logs"]"#, targetAttribute: "id")))
        let versioning = try resource(#"aws_s3_bucket_versioning.per_env["logs"]"#)
        #expect(versioning.references.map(\.target) == [#"aws_s3_bucket.per_env["logs"]"#])
        let ownership = try resource(#"aws_s3_bucket_ownership_controls.per_env["data"]"#)
        #expect(
            ownership.references.contains(Reference(attribute: "bucket", target: #"aws_s3_bucket.per_env["data"]"#, targetAttribute: "id")))
        let trail = try resource("aws_cloudtrail.main")
        #expect(
            trail.references.contains(
                Reference(attribute: "s3_bucket_name", target: "module.storage.aws_s3_bucket.this", targetAttribute: "bucket")))
        let sse = try resource("module.storage.aws_s3_bucket_server_side_encryption_configuration.this")
        #expect(
            sse.references.contains(
                Reference(
                    attribute: "rule.apply_server_side_encryption_by_default.kms_master_key_id", target: "aws_kms_key.trail",
                    targetAttribute: "arn")))

        let graph = app.graph
        let logs = try resource(#"aws_s3_bucket.per_env["logs"]"#)
        let data = try resource(#"aws_s3_bucket.per_env["data"]"#)
        #expect(graph.referrers(of: logs, type: "aws_s3_bucket_public_access_block").count == 1)
        #expect(graph.referrers(of: data, type: "aws_s3_bucket_public_access_block").isEmpty)
    }

    @Test func cleanFixtureHasNoErrors() {
        #expect(app.errors.isEmpty, "\(app.errors)")
        #expect(app.files.count == 3)
        #expect(app.sourceRange(ofConfigAddress: #"module.storage.aws_s3_bucket.this"#)?.file.hasSuffix("modules/bucket/main.tf") == true)
    }

    @Test func localCycleIsAnErrorThatNamesTheCycle() throws {
        let loaded = ModuleLoader.load(directory: FixturePaths.module("cycle"))
        let cycle = try #require(loaded.diagnostics.first { $0.code == .cycle })
        #expect(cycle.message.contains("local.a -> local.b -> local.c -> local.a"), "\(cycle.message)")
        #expect(cycle.range?.start.line == 2)
        #expect(loaded.resources.first?.attributes["bucket"] == .string("independent"))
    }

    @Test func aBrokenFileDoesNotHideTheOthers() throws {
        let loaded = ModuleLoader.load(directory: FixturePaths.module("broken"))
        #expect(loaded.resources.contains { $0.address == "aws_s3_bucket.fine" })
        let syntax = try #require(loaded.diagnostics.first { $0.code == .syntax })
        #expect(syntax.range?.file == "bad.tf")
        #expect(syntax.range?.start.line == 3)
        #expect(loaded.diagnostics.contains { $0.code == .binaryFile && $0.range?.file == "junk.tf" })
    }

    @Test func remoteModulesLoadThroughTheManifestOrAreReportedOnce() throws {
        let remote = ModuleLoader.load(directory: FixturePaths.module("remote"))
        #expect(
            remote.resources.contains { $0.address == "module.vpc.aws_vpc.this" && $0.attributes["cidr_block"] == .string("10.0.0.0/16") })
        let flow = try #require(remote.resources.first { $0.address == "aws_flow_log.vpc" })
        #expect(flow.references.contains { $0.target == "module.vpc.aws_vpc.this" })
        #expect(remote.diagnostics.isEmpty, "\(remote.diagnostics)")

        let missing = ModuleLoader.load(directory: FixturePaths.module("remote_missing"))
        let notLoaded = missing.diagnostics.filter { $0.code == .moduleNotLoaded }
        #expect(notLoaded.count == 2)
        #expect(notLoaded.allSatisfy { $0.severity == .warning })
        #expect(notLoaded.first?.message.contains("\"net\"") == true)
        #expect(missing.resources.first { $0.address == "aws_flow_log.x" }?.attributes["vpc_id"] == .unknown)
    }

    @Test func runawayCountIsCappedWithAClearError() throws {
        var options = LoadOptions()
        options.maxInstances = 500
        let loaded = ModuleLoader.load(directory: FixturePaths.module("runaway"), options: options)
        let limit = try #require(loaded.diagnostics.first { $0.code == .limitExceeded })
        #expect(limit.message.contains("1000000"))
        #expect(limit.message.contains("500"))
        #expect(loaded.resources.map(\.address) == ["aws_s3_bucket.one"])
    }

    @Test func aModuleCallingItselfStopsAtTheDepthLimit() {
        let loaded = ModuleLoader.load(directory: FixturePaths.module("selfcall"))
        #expect(loaded.diagnostics.contains { $0.code == .limitExceeded })
        #expect(loaded.resources.count == 17)  // root + 16 nested levels
    }

    @Test func jsonAndNativeFilesFormOneModule() throws {
        let loaded = ModuleLoader.load(directory: FixturePaths.module("jsonmix"))
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        let bucket = try #require(loaded.resources.first { $0.address == "aws_s3_bucket.json_bucket" })
        #expect(bucket.attributes["bucket"] == .string("json-eu-west-1"))
        #expect(bucket.origin.sourceRange?.file == "main.tf.json")
        let acl = try #require(loaded.resources.first { $0.address == "aws_s3_bucket_acl.json_bucket" })
        #expect(acl.references.first?.target == "aws_s3_bucket.json_bucket")
    }

    @Test func variablePrecedenceMatchesTerraform() throws {
        var options = LoadOptions()
        let dir = FixturePaths.module("precedence")
        options.environment = ["TF_VAR_from_env": "env", "TF_VAR_from_tfvars": "env", "TF_VAR_typed_list": #"["a", "b"]"#]
        options.varFiles = [dir + "/extra.tfvars"]
        options.variableOverrides = [("from_cli", "cli")]
        let loaded = ModuleLoader.load(directory: dir, options: options)
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        let p = try #require(loaded.resources.first)
        let expected = #"{"auto":"auto","cli":"cli","default":"default","env":"env","file":"file","list":["a","b"],"tfvars":"tfvars"}"#
        #expect(p.attributes["value"] == .string(expected))
    }
}

@Suite struct OverrideFileTests {
    @Test func overrideFilesMergeIntoTheirBaseBlocks() throws {
        let loaded = ModuleLoader.load(directory: FixturePaths.module("overrides"))
        let web = try #require(loaded.resources.first { $0.address == "aws_instance.web" })
        #expect(web.attributes["instance_type"] == .string("m5.large"))
        #expect(web.attributes["ami"] == .string("ami-0abcdef1234567890"))
        #expect(web.attributes["metadata_options"] == .list([.object(["http_tokens": .string("required")])]))
        #expect(web.attributes["tags"]?["Tier"] == .string("premium"))
        #expect(loaded.resources.count == 1)
        let missing = try #require(loaded.diagnostics.first { $0.message.contains("no base declaration") })
        #expect(missing.range?.file == "main_override.tf")
        #expect(missing.range?.start.line == 14)
    }
}
