import Foundation
import Testing

@testable import Reports

@Suite struct SARIFReportTests {
    let scanRoot = "/work/repo"

    func run() throws -> [String: Any] {
        let sarif = try parseJSON(SARIFReport.render(sampleReport(), scanRoot: scanRoot))
        #expect(sarif["version"] as? String == "2.1.0")
        let runs = try #require(sarif["runs"] as? [[String: Any]])
        return try #require(runs.first)
    }

    @Test func driverAndRules() throws {
        let run = try run()
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "bulwark")
        #expect(driver["version"] as? String == BulwarkVersion.current)
        // No home page is published yet, so none is invented.
        #expect(driver["informationUri"] == nil)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        // Rules of failed results only, sorted by ID.
        #expect(rules.map { $0["id"] as? String } == ["BLW-AWS-S3-001", "BLW-AWS-S3-004", "BLW-AWS-S3-005"])
        let critical = rules[0]
        #expect(critical["name"] as? String == "BucketPolicyACLQuotedPiped")
        #expect((critical["shortDescription"] as? [String: Any])?["text"] as? String == nastyTitle)
        #expect((critical["fullDescription"] as? [String: Any])?["text"] as? String != nil)
        let help = try #require(critical["help"] as? [String: Any])
        #expect((help["text"] as? String)?.contains("Fix it.") == true)
        #expect((help["markdown"] as? String)?.contains("**Remediation:**") == true)
        let properties = try #require(critical["properties"] as? [String: Any])
        #expect(properties["security-severity"] as? String == "9.5")
        #expect((properties["tags"] as? [String])?.contains("security") == true)
        #expect((properties["tags"] as? [String])?.contains("cis-aws:2.1.4") == true)
        #expect((rules[1]["properties"] as? [String: Any])?["security-severity"] as? String == "3.0")
        #expect((rules[2]["properties"] as? [String: Any])?["security-severity"] as? String == "8.0")
        #expect(SARIFReport.securitySeverity(.medium) == "5.5")
    }

    @Test func resultsAreFailedFindingsWithRelativeLocations() throws {
        let run = try run()
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 3)
        let first = try #require(results.first { $0["ruleId"] as? String == "BLW-AWS-S3-001" })
        #expect(first["ruleIndex"] as? Int == 0)
        #expect(first["level"] as? String == "error")
        #expect(((first["message"] as? [String: Any])?["text"] as? String)?.contains("aws_s3_bucket.public") == true)
        let location = try #require((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let artifact = try #require(location["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "envs/prod%20data/main.tf")
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        let region = try #require(location["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 12)
        #expect(region["startColumn"] as? Int == 1)
        #expect(region["endLine"] as? Int == 15)
        let prints = try #require(first["partialFingerprints"] as? [String: String])
        #expect(prints["bulwarkFingerprint/v1"]?.count == 16)
        #expect(results.first { $0["ruleId"] as? String == "BLW-AWS-S3-004" }?["level"] as? String == "note")
        let base = try #require((run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any])
        #expect(base["uri"] as? String == "file:///work/repo/")
    }

    @Test func loadErrorsAreToolExecutionNotifications() throws {
        let run = try run()
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notes = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notes.count == 2)
        let error = try #require(notes.first { $0["level"] as? String == "error" })
        #expect((error["descriptor"] as? [String: Any])?["id"] as? String == "syntax")
        let place = (error["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        #expect((place?["artifactLocation"] as? [String: Any])?["uri"] as? String == "legacy/broken.tf")
        #expect((place?["region"] as? [String: Any])?["startLine"] as? Int == 3)
        #expect(notes.contains { $0["level"] as? String == "warning" })
    }

    @Test func absolutePathsOutsideTheRootStayAbsolute() {
        let location = SARIFReport.artifactLocation("/etc/shared/main.tf")
        #expect(location == .object([("uri", .string("file:///etc/shared/main.tf"))]))
    }
}
