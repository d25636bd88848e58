import Checks
import Reports
import Testing

@testable import Scanner

@Suite struct StateInputTests {
    @Test func stateFileResourcesPointAtTheStateFile() throws {
        let report = try ScanRunner.run(
            paths: [fixturePath("state/terraform.tfstate")],
            options: fixtureOptions { $0.scanRoot = fixturePath("") })
        #expect(report.loadErrors.isEmpty)
        let versioning = try #require(report.finding("BLW-AWS-TST-001", "aws_s3_bucket.archive"))
        #expect(versioning.result.verdict == .passed)
        #expect(versioning.location == FindingLocation(file: "state/terraform.tfstate"))
        #expect(versioning.input == "state")
    }
}
