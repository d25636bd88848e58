import Foundation
import Testing

@testable import Anomaly
@testable import AnomalyEvaluation

/// Every technique of the harness, written as real log objects and read back, is detected by the library alone.
@Suite struct TechniqueCoverageTests {
    @Test func everyTechniqueIsDetectedByTheDetectionsAlone() async throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = try await TechniqueCoverage.run(rules: RuleSet(), directory: dir)
        #expect(report.ingest.files.allSatisfy { $0.malformed == 0 }, "\(report.ingest.summary)")
        #expect(report.results.filter { $0.cloud == .aws }.count >= 40)
        #expect(report.results.filter { $0.cloud == .azure }.count >= 10)
        for r in report.results {
            #expect(r.events > 0, "\(r.technique) wrote no events")
            #expect(r.detected, "\(r.technique) not detected")
        }
        func fired(_ technique: String) -> [String] { report.results.first { $0.technique == technique }?.detections ?? [] }
        #expect(fired("aws.defense-evasion.cloudtrail-stop") == ["BLW-DET-AWS-CLOUDTRAIL-STOPPED"])
        #expect(fired("aws.persistence.lambda-backdoor-function").contains("BLW-DET-AWS-LAMBDA-PUBLIC-PERMISSION"))
        #expect(fired("aws.exfiltration.ec2-share-ebs-snapshot").contains("BLW-DET-AWS-EBS-SNAPSHOT-SHARED"))
        #expect(fired("azure.exfiltration.disk-export").contains("BLW-DET-AZURE-DISK-EXPORT-SAS"))
        // A volume detection alerts at the call that reaches its threshold, not at the first call.
        let secrets = try #require(report.results.first { $0.technique == "aws.credential-access.secretsmanager-retrieve-secrets" })
        #expect(secrets.detections.contains("BLW-DET-AWS-SECRETS-HARVESTING"))
        #expect(secrets.secondsToAlert == 20)
    }

    @Test func anEmptyLibraryDetectsNothing() async throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let techniques = Array(StratusTechnique.all.prefix(3))
        let report = try await TechniqueCoverage.run(techniques, rules: RuleSet(detections: []), directory: dir)
        #expect(report.results.count == 3 && report.detectedCount == 0)
        #expect(report.markdown.contains("**not detected**"))
    }
}
