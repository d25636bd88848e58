import Foundation
import Model
import Testing

@testable import Server

/// The hand-written JSON of the hot routes must be byte for byte what `JSONBody.encoder` writes for the same view.
@Suite("Direct JSON of the status, findings and compliance responses")
struct JSONTextTests {
    /// Text that exercises every escape: quotes, backslashes, every control character, slashes, DEL, non-ASCII.
    static let awkward = "q\"b\\s/l" + String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }) + "\u{7F}é→𝄞"
    /// A date with a fractional second, which the ISO 8601 form drops.
    static let date = Date(timeIntervalSince1970: 1_765_000_000.987_654)

    static func encoded(_ value: some Encodable) throws -> String {
        String(decoding: try JSONBody.encoder.encode(value), as: UTF8.self)
    }

    static func written(_ write: (inout JSONText) -> Void) -> String {
        var json = JSONText()
        write(&json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    static func finding(full: Bool) -> FindingView {
        let record = FindingRecord(
            fingerprint: Fingerprint(checkID: "BLW-1", resource: "aws_s3_bucket.a"), checkID: "BLW-1" + (full ? awkward : ""),
            title: "Title " + awkward, severity: .high, verdict: full ? .failed : .passed,
            resourceAddress: "aws_s3_bucket.a/" + awkward, resourceType: "aws_s3_bucket", file: full ? "dir/main.tf" : nil,
            line: full ? 12 : nil, message: full ? awkward : nil, controls: full ? ["cis-aws:2.1.1", awkward] : [],
            suppression: full ? FindingSuppression(reason: awkward, expires: date) : nil)
        return FindingView(StoredFinding(finding: record, lifecycle: full ? .new : nil, firstSeenCommit: full ? "abc" : nil))
    }

    @Test("a findings page with every optional member present, and one with none, is the encoder's bytes")
    func findingsPage() throws {
        let pages = [
            FindingPageView(
                scanID: 7, findings: [Self.finding(full: true), Self.finding(full: false)], total: 2, nextCursor: "41", page: 3,
                limit: 100),
            FindingPageView(scanID: 7, findings: [], total: 0, nextCursor: nil, page: nil, limit: 1),
        ]
        for page in pages {
            #expect(Self.written { page.write(to: &$0) } == (try Self.encoded(page)))
        }
        // Suppression without an expiry leaves the member out.
        var open = Self.finding(full: true)
        open.suppression?.expires = nil
        #expect(Self.written { open.write(to: &$0) } == (try Self.encoded(open)))
    }

    @Test("a compliance view with evidence, with and without a score, is the encoder's bytes")
    func compliance() throws {
        let evidence = [
            ControlView.Evidence(checkID: "BLW-1", resourceAddress: Self.awkward, verdict: "failed", file: "main.tf", line: 3),
            ControlView.Evidence(checkID: "BLW-2", resourceAddress: "b", verdict: "passed", file: nil, line: nil),
        ]
        let controls = [
            ControlView(
                id: "2.1.1", title: Self.awkward, automated: true, status: "failed", passed: 1, failed: 1, unknown: 0,
                evidence: evidence),
            ControlView(id: "2.1.2", title: "t", automated: false, status: "unknown", passed: 0, failed: 0, unknown: 2, evidence: []),
        ]
        for score in [nil, 0, 1, 0.5, 2.0 / 3.0, 1.0 / 7.0, 59.0 / 60.0, 1e-7] as [Double?] {
            let view = ComplianceView(
                target: "infra", commit: "abc", scanID: 3, framework: "cis-aws", frameworkName: "CIS / AWS",
                frameworkVersion: "5.0.0", score: score, controls: controls)
            #expect(Self.written { view.write(to: &$0) } == (try Self.encoded(view)), "score \(String(describing: score))")
        }
    }

    @Test("the target list, with a status recorded and without, is the encoder's bytes")
    func targets() throws {
        var known = TargetView(name: "infra", record: nil, queuedCycle: "c-1")
        known.ready = "False"
        known.revision = "main@sha1:abc"
        known.lastError = Self.awkward
        known.lastAttemptAt = Self.date
        known.nextRunAt = Date(timeIntervalSince1970: 0)
        known.failures = 3
        let pending = TargetView(name: "apps", record: nil, queuedCycle: nil)
        for views in [[known, pending], []] {
            let expected = try Self.encoded(["targets": views])
            #expect(String(decoding: TargetView.list(views).bytes, as: UTF8.self) == expected)
        }
    }

    @Test("a wrong member order is told apart from the encoder's (the comparison can fail)")
    func orderMatters() throws {
        let view = ControlView.Evidence(checkID: "a", resourceAddress: "b", verdict: "c", file: nil, line: nil)
        let reversed = Self.written { json in
            json.openObject()
            json.member("verdict", view.verdict)
            json.member("resource_address", view.resourceAddress)
            json.member("check_id", view.checkID)
            json.closeObject()
        }
        #expect(reversed != (try Self.encoded(view)))
        #expect(reversed == #"{"verdict":"c","resource_address":"b","check_id":"a"}"#)
    }
}
