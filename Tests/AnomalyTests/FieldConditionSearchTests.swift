import Foundation
import Testing

@testable import Anomaly

/// The substring test of `contains` conditions answers as Foundation's search does.
@Suite struct FieldConditionSearchTests {
    @Test(arguments: [
        ("boto3", "aws-cli/2.15 boto3/1.34"), ("kali", "aws-cli/2.15 boto3/1.34"), ("a", ""), ("", "abc"),
        ("abc", "ab"), ("abab", "xabababy"), ("é", "café"), ("e\u{301}", "café"), ("cafe", "café"),
    ])
    func byteSearchAgreesWithFoundation(_ needle: String, _ text: String) {
        #expect(FieldCondition.substring(needle, of: text) == text.contains(needle))
    }

    @Test func containsConditionsStillMatchAndMiss() {
        var e = ActivityEvent(
            time: 0, cloud: .aws, account: "1", principal: "p", principalType: .user, action: "A", service: "s",
            region: "r", sourceIP: "i", userAgent: "Mozilla/5.0 Kali Linux", readOnly: true)
        let condition = FieldCondition(field: "userAgent", test: .contains(["kali", "parrot"]))
        #expect(condition.holds(for: e))
        e.userAgent = "aws-cli/2.15"
        #expect(!condition.holds(for: e))
    }
}
