import Checks
import Foundation
import Model
import Testing

@testable import Reports

/// SARIF kept within GitHub's upload limits: the most severe results stay, the rest are counted in a notification.
@Suite struct SARIFLimitsTests {
    /// `count` failed findings, severities cycling critical, high, medium, low, each on its own line.
    static func largeReport(_ count: Int) -> ScanReport {
        let checks = Severity.allCases.map { makeCheck("BLW-AWS-GEN-\($0.rawValue.uppercased())", $0, title: "Generated \($0)") }
        let findings = (0..<count).map { i in
            makeFinding(
                checks[i % checks.count], "aws_s3_bucket.b\(i)", .failed, file: "gen/f\(i / 1000).tf", line: 1 + i % 1000,
                evidence: "generated finding \(i) with text that does not compress away \(i * 7919 % 104_729)")
        }
        return ScanReport(findings: findings, checks: checks)
    }

    func run(_ report: ScanReport, _ limits: SARIFLimits) throws -> (results: [[String: Any]], notes: [[String: Any]], text: String) {
        let text = SARIFReport.render(report, scanRoot: "/repo", limits: limits)
        let run = try #require((try parseJSON(text)["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        return (results, invocation["toolExecutionNotifications"] as? [[String: Any]] ?? [], text)
    }

    func levels(_ results: [[String: Any]]) -> [String: Int] {
        Dictionary(grouping: results.compactMap { $0["level"] as? String }, by: { $0 }).mapValues(\.count)
    }

    @Test func overTheResultLimitTheMostSevereAreKept() throws {
        let report = Self.largeReport(30_000)
        let (results, notes, text) = try run(report, .github)
        #expect(results.count == 25_000)
        // 7,500 each of critical and high (both "error"), 7,500 medium ("warning"), 2,500 of the 7,500 low ("note").
        #expect(levels(results) == ["error": 15_000, "warning": 7_500, "note": 2_500])
        let note = try #require(notes.first { ($0["descriptor"] as? [String: Any])?["id"] as? String == "results-truncated" })
        #expect(((note["message"] as? [String: Any])?["text"] as? String)?.hasPrefix("5000 of 30000 results left out") == true)
        // Kept results stay in report order.
        let lines = results.compactMap { r -> String? in
            guard let loc = (r["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any] else { return nil }
            let uri = (loc["artifactLocation"] as? [String: Any])?["uri"] as? String ?? ""
            return "\(uri):\(((loc["region"] as? [String: Any])?["startLine"] as? Int) ?? 0)"
        }
        let order = report.failed.compactMap { $0.location.map { "\($0.file):\($0.startLine ?? 0)" } }
        let kept = Set(lines)
        #expect(lines == order.filter { kept.contains($0) })
        #expect((SARIFLimits.gzipSize(text) ?? .max) <= SARIFLimits.github.maxGzipBytes)
    }

    @Test func overTheSizeLimitResultsAreDroppedUntilItFits() throws {
        let report = Self.largeReport(4_000)
        let limits = SARIFLimits(maxResults: 25_000, maxGzipBytes: 60_000)
        let (results, notes, text) = try run(report, limits)
        let size = try #require(SARIFLimits.gzipSize(text))
        #expect(size <= 60_000)
        #expect(results.count > 0 && results.count < 4_000)
        let counts = levels(results)
        // Lower severities go first: nothing of a lower level is kept while a higher one was dropped.
        if counts["note", default: 0] > 0 { #expect(counts["error"] == 2_000 && counts["warning"] == 1_000) }
        if counts["warning", default: 0] > 0 { #expect(counts["error"] == 2_000) }
        #expect(notes.contains { ($0["descriptor"] as? [String: Any])?["id"] as? String == "results-truncated" })
    }

    @Test func withinTheLimitsNothingIsDroppedOrNoted() throws {
        let (results, notes, _) = try run(Self.largeReport(1_000), .github)
        #expect(results.count == 1_000)
        #expect(notes.isEmpty)
    }

    @Test func theGzipSizeMatchesGzip() throws {
        let text = String(repeating: "bulwark sarif ", count: 5_000) + (0..<2_000).map(String.init).joined()
        let size = try #require(SARIFLimits.gzipSize(text))
        let result = try runPython(
            ["-c", "import gzip,sys; print(len(gzip.compress(open(sys.argv[1],'rb').read(), 6, mtime=0)))"], on: text)
        let python = Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(python.map { abs($0 - size) <= 8 } == true, "zlib \(size), python gzip \(result.output)")
    }
}
