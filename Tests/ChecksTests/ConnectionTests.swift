import Model
import Testing

@testable import Checks

@Suite struct Connections {
    let bucket = makeResource("aws_s3_bucket", "b", ["bucket": .string("b")])

    func pab(_ name: String, blocks: Bool, target: String = "aws_s3_bucket.b") -> Resource {
        makeResource(
            "aws_s3_bucket_public_access_block", name, ["block_public_acls": .bool(blocks)],
            references: [Reference(attribute: "bucket", target: target, targetAttribute: "id")])
    }

    let incoming = """
        {connection: {resource_types: [aws_s3_bucket_public_access_block], via: bucket, direction: incoming, \
        condition: {attribute: block_public_acls, operator: is_true}}}
        """

    func run(_ condition: String, on resource: Resource, _ graph: [Resource]) throws -> Truth {
        let check = try makeCheck(condition, types: [resource.type])
        return ConditionEvaluator(graph: ResourceGraph(graph)).evaluate(check.condition, on: resource).truth
    }

    @Test func incomingWithNestedCondition() throws {
        #expect(try run(incoming, on: bucket, [bucket, pab("p", blocks: true)]) == .true)
        #expect(try run(incoming, on: bucket, [bucket, pab("p", blocks: false)]) == .false)
        #expect(try run(incoming, on: bucket, [bucket]) == .false)
        #expect(try run(incoming, on: bucket, [bucket, pab("p", blocks: false), pab("q", blocks: true)]) == .true)
        let unknownPAB = makeResource(
            "aws_s3_bucket_public_access_block", "p", ["block_public_acls": .unknown],
            references: [Reference(attribute: "bucket", target: "aws_s3_bucket.b")])
        #expect(try run(incoming, on: bucket, [bucket, unknownPAB]) == .unknown)
    }

    @Test func incomingRespectsViaAndType() throws {
        let other = makeResource(
            "aws_s3_bucket_public_access_block", "p", [:],
            references: [Reference(attribute: "policy", target: "aws_s3_bucket.b")])
        let cond = "{connection: {resource_types: [aws_s3_bucket_public_access_block], via: bucket}}"
        #expect(try run(cond, on: bucket, [bucket, other]) == .false)
        #expect(try run(cond, on: bucket, [bucket, pab("p", blocks: true)]) == .true)
        #expect(try run(cond, on: bucket, [bucket, pab("p", blocks: true, target: "aws_s3_bucket.other")]) == .false)
    }

    @Test func incomingToCountedInstanceByConfigAddress() throws {
        var counted = bucket
        counted.instanceKey = .int(0)
        let cond = "{connection: {resource_types: [aws_s3_bucket_public_access_block], via: bucket}}"
        #expect(try run(cond, on: counted, [counted, pab("p", blocks: true)]) == .true)
    }

    @Test func outgoing() throws {
        let key = makeResource("aws_kms_key", "k", ["enable_key_rotation": .bool(true)])
        let volume = makeResource(
            "aws_ebs_volume", "v", [:],
            references: [Reference(attribute: "kms_key_id", target: "aws_kms_key.k", targetAttribute: "arn")])
        let cond = """
            {connection: {resource_types: [aws_kms_key], via: kms_key_id, direction: outgoing, \
            condition: {attribute: enable_key_rotation, operator: is_true}}}
            """
        #expect(try run(cond, on: volume, [volume, key]) == .true)
        #expect(try run(cond, on: key, [volume, key]) == .false)
        let plainVolume = makeResource("aws_ebs_volume", "v", [:])
        #expect(try run(cond, on: plainVolume, [plainVolume, key]) == .false)
    }

    @Test func nestedReferenceAttributesIgnoreIndices() throws {
        let logs = makeResource("aws_s3_bucket", "logs", [:])
        let b = makeResource(
            "aws_s3_bucket", "b", [:],
            references: [Reference(attribute: "logging.0.target_bucket", target: "aws_s3_bucket.logs")])
        let cond = "{connection: {resource_types: [aws_s3_bucket], via: \"logging[*].target_bucket\", direction: outgoing}}"
        #expect(try run(cond, on: b, [b, logs]) == .true)
    }
}
