import Drift
import Model
import Testing

/// A live setting discovery did not read is never drift: the resource is listed as not read, not missing, not
/// changed and not in sync.
@Suite struct DriftNotReadTests {
    @Test func aStateResourceWhoseLiveReadFailedIsNotReadNotMissing() {
        let desired = [
            Support.state("aws_s3_bucket", "b", ["id": "b", "bucket": "b"]),
            Support.state("aws_s3_bucket_acl", "b", ["id": "b", "bucket": "b", "acl": "private"]),
        ]
        // Another bucket's ACL was read, so the type is covered: without the unread entry `b`'s ACL is "missing".
        let live = [
            Support.live("aws_s3_bucket", "b", ["id": "b", "bucket": "b"]),
            Support.live("aws_s3_bucket_acl", "other", ["id": "other", "bucket": "other", "acl": "private"]),
        ]
        let unread = [Support.live("aws_s3_bucket_acl", "b", ["id": "b", "bucket": "b", "acl": .unknown])]
        let report = DriftDetector().detect(desired: desired, live: live, unread: unread)
        #expect(report.missing.isEmpty, "\(report.missing)")
        #expect(report.notRead == [DriftNotRead(type: "aws_s3_bucket_acl", address: "aws_s3_bucket_acl.b", id: "b", attributes: ["acl"])])
        #expect(DriftRenderer.table(report).contains("Not read"))
    }

    @Test func anUnknownLiveAttributeIsReportedNotReadNotInSync() {
        let desired = [Support.state("aws_kms_key", "k", ["id": "k", "enable_key_rotation": true, "description": "x"])]
        let live = [Support.live("aws_kms_key", "k", ["id": "k", "enable_key_rotation": .unknown, "description": "x"])]
        let report = DriftDetector().detect(desired: desired, live: live)
        #expect(report.changed.isEmpty)
        #expect(report.notRead.map(\.attributes) == [["enable_key_rotation"]])
        #expect(report.managedCount == 1)
    }
}
