import Checks
import Model
import Testing

@testable import Scanner

@Suite struct CheckFilterTests {
    func check(_ id: String, _ severity: Severity, checkov: [String] = [], avd: [String] = []) -> CheckDefinition {
        CheckDefinition(
            id: id, title: id, severity: severity, provider: "aws", resourceTypes: ["aws_s3_bucket"],
            condition: .constant(true), references: CheckReferences(checkov: checkov, avd: avd))
    }

    var checks: [CheckDefinition] {
        [
            check("BLW-AWS-S3-001", .critical, checkov: ["CKV_AWS_53"]), check("BLW-AWS-S3-002", .high, avd: ["AVD-AWS-0090"]),
            check("BLW-AWS-EC2-001", .medium, checkov: ["CKV_AWS_8"]), check("BLW-AZURE-SQL-001", .low),
        ]
    }

    func selected(_ filter: CheckFilter) -> [String] { checks.filter(filter.selects).map(\.id) }

    @Test func emptyFilterSelectsEverything() {
        #expect(selected(CheckFilter()).count == 4)
    }

    @Test func idsCheckovIDsAndWildcards() {
        #expect(selected(CheckFilter(include: ["BLW-AWS-S3-*"])) == ["BLW-AWS-S3-001", "BLW-AWS-S3-002"])
        #expect(selected(CheckFilter(include: ["ckv_aws_8"])) == ["BLW-AWS-EC2-001"])
        #expect(selected(CheckFilter(include: ["AVD-AWS-0090,BLW-AZURE-*"])) == ["BLW-AWS-S3-002", "BLW-AZURE-SQL-001"])
        #expect(selected(CheckFilter(exclude: ["*S3*"])) == ["BLW-AWS-EC2-001", "BLW-AZURE-SQL-001"])
    }

    @Test func severityInCheckSelectsThatAndAbove() {
        #expect(selected(CheckFilter(include: ["HIGH"])) == ["BLW-AWS-S3-001", "BLW-AWS-S3-002"])
        // The lowest severity listed counts.
        #expect(selected(CheckFilter(include: ["critical", "medium"])).count == 3)
    }

    @Test func severityInSkipCheckSkipsThatAndBelow() {
        #expect(selected(CheckFilter(exclude: ["medium"])) == ["BLW-AWS-S3-001", "BLW-AWS-S3-002"])
        #expect(selected(CheckFilter(exclude: ["low", "high"])) == ["BLW-AWS-S3-001"])
    }

    @Test func skipsWinOverSelections() {
        #expect(selected(CheckFilter(include: ["BLW-AWS-*"], exclude: ["CKV_AWS_53"])) == ["BLW-AWS-S3-002", "BLW-AWS-EC2-001"])
    }

    @Test func globMatchesRuns() {
        #expect(CheckFilter.glob("A*C", "ABBBC"))
        #expect(CheckFilter.glob("*", ""))
        #expect(!CheckFilter.glob("A*C", "ABBB"))
        #expect(CheckFilter.glob("**X", "YYX"))
    }
}
