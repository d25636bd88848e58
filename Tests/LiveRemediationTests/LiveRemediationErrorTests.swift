import Foundation
import LiveRemediation
import Testing

/// A live remediation error keeps the error that caused it and prints it after its own message.
@Suite struct LiveRemediationErrorTests {
    @Test func theCauseIsKeptAndPrintedAfterTheMessage() throws {
        struct Cause: Error, CustomStringConvertible { var description: String { "s3:PutBucketVersioning: AccessDenied" } }
        let error = LiveRemediationError(
            .verificationFailed, "re-read failed", checkID: "BLW-1", resource: "arn:aws:s3:::b",
            underlying: Cause())
        #expect(error.description == "verification_failed BLW-1 [arn:aws:s3:::b]: re-read failed: s3:PutBucketVersioning: AccessDenied")
        #expect(error.underlying is Cause)
        #expect(error.file.hasSuffix("LiveRemediationErrorTests.swift"))
        let bare = LiveRemediationError(.callFailed, "", api: "ec2:RevokeSecurityGroupIngress", underlying: Cause())
        #expect(bare.description == "call_failed ec2:RevokeSecurityGroupIngress: s3:PutBucketVersioning: AccessDenied")
    }

    @Test func aStoredPlanThatIsNotJSONKeepsTheDecoderError() {
        do {
            _ = try LivePlan.decode("not json", remediationID: 7)
            Issue.record("garbage must not decode")
        } catch {
            #expect(error.code == .invalidPlan)
            #expect(error.underlying is DecodingError)
            #expect(error.description.hasPrefix("invalid_plan: stored plan of remediation 7 is not a live plan: "))
        }
    }
}
