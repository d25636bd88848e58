import HCL
import Model
import Testing

@testable import Terraform

/// The hand-written AWS plan: provider names, nested blocks, replace/delete, module output references.
@Suite struct PlanReaderAWSTests {
    let plan = PlanReader.read(path: JSONFixtures.path("plan/aws/plan.json"))

    func resource(_ address: String) throws -> Resource {
        try #require(plan.resources.first { $0.address == address }, "no \(address)")
    }

    @Test func readsWithoutDiagnostics() {
        #expect(plan.diagnostics.isEmpty, "\(plan.diagnostics)")
        #expect(plan.resources.count == 10)
        #expect(plan.changes.count == 10)
        #expect(plan.drift.map(\.address) == ["aws_s3_bucket.old"])
        #expect(plan.variables == ["environment": .string("prod")])
    }

    @Test func publicAccessBlockBucketIsUnknownAndReferencesTheBucket() throws {
        let block = try resource("aws_s3_bucket_public_access_block.logs")
        #expect(block.provider == "aws")
        #expect(block.attributes["bucket"] == .unknown)
        #expect(block.attributes["restrict_public_buckets"] == .bool(false))
        #expect(block.references == [Reference(attribute: "bucket", target: "aws_s3_bucket.logs", targetAttribute: "id")])
        let graph = ResourceGraph(plan.resources)
        let bucket = try resource("aws_s3_bucket.logs")
        #expect(graph.referrers(of: bucket, type: "aws_s3_bucket_public_access_block", attribute: "bucket").count == 1)
        #expect(bucket.attributes["bucket"] == .string("acme-logs-prod"))
        #expect(bucket.attributes["arn"] == .unknown)
        // `{}` in after_unknown means "nothing unknown here": the known tags stay.
        #expect(bucket.attributes["tags"] == .object(["env": .string("prod")]))
    }

    @Test func forEachSecurityGroupsKeepNestedBlocksAndReferenceTheVPC() throws {
        let web = try resource(#"aws_security_group.web["web"]"#)
        #expect(web.instanceKey == .string("web"))
        #expect(web.attributes["vpc_id"] == .unknown)
        let ingress = try #require(web.attributes["ingress"]?[0])
        #expect(ingress["cidr_blocks"] == .list([.string("0.0.0.0/0")]))
        #expect(ingress["from_port"] == .number(443))
        #expect(web.references.contains(Reference(attribute: "vpc_id", target: "aws_vpc.main", targetAttribute: "id")))
        #expect(!web.references.contains { $0.attribute.hasPrefix("ingress") })
    }

    @Test func moduleInstancesWithCountAndDataSource() throws {
        let app = try resource("module.compute.aws_instance.app[1]")
        #expect(app.modulePath == ["module.compute"])
        #expect(app.instanceKey == .int(1))
        #expect(app.attributes["root_block_device"]?[0]?["encrypted"] == .bool(false))
        #expect(app.attributes["root_block_device"]?[0]?["volume_id"] == .unknown)
        #expect(app.attributes["metadata_options"]?[0]?["http_tokens"] == .string("optional"))
        #expect(app.attributes["vpc_security_group_ids"] == .unknown)
        #expect(
            Set(app.references) == [
                Reference(attribute: "ami", target: "module.compute.data.aws_ami.ubuntu", targetAttribute: "id"),
                Reference(attribute: "depends_on", target: "module.compute.data.aws_ami.ubuntu"),
            ])
        let ami = try resource("module.compute.data.aws_ami.ubuntu")
        #expect(ami.mode == .data)
        #expect(ami.address == "module.compute.data.aws_ami.ubuntu")
    }

    @Test func moduleOutputReferencesResolveToTheResourceInside() throws {
        let eip = try resource("aws_eip.app")
        #expect(
            eip.references == [
                Reference(attribute: "instance", target: "module.compute.aws_instance.app[0]", targetAttribute: "id")
            ])
        #expect(ResourceGraph(plan.resources).resolve(eip.references[0].target).count == 1)
    }

    @Test func replaceDeleteAndSensitivity() throws {
        let legacy = try #require(plan.change(for: "aws_security_group.legacy"))
        #expect(legacy.isReplace && legacy.isCreateBeforeDestroy)
        #expect(legacy.actionReason == "replace_because_cannot_update")
        #expect(legacy.before?["ingress"]?[0]?["cidr_blocks"] == .list([.string("0.0.0.0/0")]))
        #expect(legacy.after?["id"] == .unknown)
        let old = try #require(plan.change(for: "aws_s3_bucket.old"))
        #expect(old.actions == [.delete])
        #expect(old.after == .null)
        #expect(!plan.resources.contains { $0.address == "aws_s3_bucket.old" })
        let app = try #require(plan.change(for: "module.compute.aws_instance.app[0]"))
        #expect(app.afterSensitive?["user_data"] == .bool(true))
        #expect(plan.outputs["db_password"]?.sensitive == true)
        #expect(plan.outputs["bucket_arn"]?.value == .unknown)
    }
}
