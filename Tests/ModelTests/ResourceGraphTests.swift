import Model
import Testing

@Suite struct ResourceGraphTests {
    private func resource(_ type: String, _ name: String, key: Resource.InstanceKey? = nil, refs: [Reference] = []) -> Resource {
        Resource(
            provider: "aws", type: type, name: name, instanceKey: key,
            origin: .iac(.wholeFile("main.tf")), attributes: [:], references: refs)
    }

    @Test func addressesIncludeModulePathAndKey() {
        var r = resource("aws_s3_bucket", "b", key: .string("logs"))
        r.modulePath = ["module.storage"]
        #expect(r.address == #"module.storage.aws_s3_bucket.b["logs"]"#)
        #expect(r.configAddress == "module.storage.aws_s3_bucket.b")
        var d = resource("aws_iam_policy_document", "p", key: .int(0))
        d.mode = .data
        #expect(d.address == "data.aws_iam_policy_document.p[0]")
    }

    @Test func referrersFindBlocksPointingAtABucket() {
        let logs = resource("aws_s3_bucket", "b", key: .string("logs"))
        let data = resource("aws_s3_bucket", "b", key: .string("data"))
        let pab = resource(
            "aws_s3_bucket_public_access_block", "pab",
            refs: [Reference(attribute: "bucket", target: #"aws_s3_bucket.b["logs"]"#, targetAttribute: "id")])
        let graph = ResourceGraph([logs, data, pab])
        #expect(graph.referrers(of: logs, type: "aws_s3_bucket_public_access_block").count == 1)
        #expect(graph.referrers(of: data, type: "aws_s3_bucket_public_access_block").isEmpty)
        #expect(graph.referrers(of: logs, attribute: "policy").isEmpty)
        #expect(graph.resolve("aws_s3_bucket.b").count == 2)
    }

    @Test func impliedProviderIsTheTypePrefix() {
        #expect(Resource.impliedProvider(ofType: "azurerm_storage_account") == "azurerm")
        #expect(Resource.impliedProvider(ofType: "aws_s3_bucket") == "aws")
    }
}
