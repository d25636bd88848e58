import HCL
import Model
import Testing

@testable import Drift

@Suite("Drift report rendering")
struct DriftRendererTests {
    static let report = DriftReport(
        changed: [
            DriftChange(
                type: "aws_s3_bucket", address: "aws_s3_bucket.logs", id: "acme-logs", attribute: "versioning[0].enabled",
                desired: true, live: false)
        ],
        missing: [DriftResourceRef(type: "aws_s3_bucket", address: "aws_s3_bucket.gone", id: "acme-gone")],
        unmanaged: [DriftResourceRef(type: "aws_iam_user", address: nil, id: "arn:aws:iam::1:user/alice", account: "1", region: nil)],
        managedCount: 2, liveCount: 3)

    @Test("JSON carries every list, the counts and the coverage")
    func json() throws {
        let text = DriftRenderer.render(Self.report, format: .json)
        let root = try JSONParser.parse(text, filename: "drift.json")
        #expect(root["drifted"]?.arrayItems?.first?["attribute"]?.stringValue == "versioning[0].enabled")
        #expect(root["drifted"]?.arrayItems?.first?["kind"]?.stringValue == "drifted")
        #expect(root["drifted"]?.arrayItems?.first?["state"]?.value == .bool(true))
        #expect(root["missing"]?.arrayItems?.first?["kind"]?.stringValue == "missing")
        #expect(root["missing"]?.arrayItems?.first?["address"]?.stringValue == "aws_s3_bucket.gone")
        #expect(root["unmanaged"]?.arrayItems?.first?["address"]?.value == .null)
        #expect(root["coverage"]?.value == .number(0.6667))
        #expect(root["managed"]?.value == .number(2) && root["live"]?.value == .number(3))
    }

    @Test("the table has one section per kind and the coverage line")
    func table() {
        let text = DriftRenderer.render(Self.report, format: .table)
        #expect(
            text == """
                Drifted — live differs from the state (1)
                  ADDRESS             ID         ATTRIBUTE              STATE  LIVE
                  aws_s3_bucket.logs  acme-logs  versioning[0].enabled  true   false

                Missing (1)
                  ADDRESS             ID
                  aws_s3_bucket.gone  acme-gone

                Unmanaged (1)
                  TYPE          ID                         REGION
                  aws_iam_user  arn:aws:iam::1:user/alice

                Coverage: 2 of 3 live resources managed (66.7%)

                """)
        #expect(DriftRenderer.table(DriftReport()).hasPrefix("No drift.\n"))
    }
}
