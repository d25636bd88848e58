import HCL
import Model
import Testing

@testable import Terraform

/// A synthetic multi-megabyte plan: reading must stay linear (one line, thousands of resources).
@Suite struct PlanReaderScaleTests {
    static func bigPlan(resources: Int) -> [UInt8] {
        var values: [String] = []
        var changes: [String] = []
        var config: [String] = []
        values.reserveCapacity(resources)
        for i in 0..<resources {
            let attributes =
                #"{"bucket":"bucket-\#(i)","tags":{"env":"prod","team":"t\#(i % 7)"},"#
                + #""rule":[{"id":"r1","enabled":true,"days":30},{"id":"r2","enabled":false,"days":90}],"#
                + #""policy":"{\"Version\":\"2012-10-17\",\"Statement\":[]}","padding":"\#(String(repeating: "x", count: 400))"}"#
            values.append(
                #"{"address":"aws_s3_bucket.b[\#(i)]","mode":"managed","type":"aws_s3_bucket","name":"b","index":\#(i),"#
                    + #""provider_name":"registry.terraform.io/hashicorp/aws","values":\#(attributes)}"#)
            changes.append(
                #"{"address":"aws_s3_bucket.b[\#(i)]","mode":"managed","type":"aws_s3_bucket","name":"b","index":\#(i),"#
                    + #""provider_name":"registry.terraform.io/hashicorp/aws","change":{"actions":["create"],"before":null,"#
                    + #""after":\#(attributes),"after_unknown":{"id":true,"arn":true,"rule":[{"x":true},{}]}}}"#)
        }
        config.append(
            #"{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","#
                + #""expressions":{"bucket":{"references":["aws_s3_bucket.a.id","aws_s3_bucket.a"]}}}"#)
        let text =
            #"{"format_version":"1.2","planned_values":{"root_module":{"resources":["#
            + values.joined(separator: ",") + #"]}},"resource_changes":["# + changes.joined(separator: ",")
            + #"],"configuration":{"root_module":{"resources":["# + config.joined(separator: ",") + "]}}}"
        return Array(text.utf8)
    }

    @Test func readsSeveralMegabytesQuickly() throws {
        let bytes = Self.bigPlan(resources: 5_000)
        #expect(bytes.count > 5_000_000)
        let clock = ContinuousClock()
        var plan = PlanDocument()
        let elapsed = clock.measure {
            plan = PlanReader.read(bytes: bytes, filename: "big.json")
        }
        #expect(plan.diagnostics.isEmpty)
        #expect(plan.resources.count == 5_000)
        #expect(plan.resources[4_999].attributes["rule"]?[0]?["x"] == .unknown)
        #expect(plan.resources[17].references.first?.target == "aws_s3_bucket.a")
        // Generous for debug builds on a shared machine; release reads this in a fraction of a second.
        #expect(elapsed < .seconds(20), "took \(elapsed)")
        print("PlanReader: \(bytes.count) bytes in \(elapsed)")
    }
}
