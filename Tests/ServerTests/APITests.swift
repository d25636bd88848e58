import Foundation
import Hummingbird
import Model
import Store
import Testing

extension ServerTests {
    @Suite("API routes")
    struct APITests {
        /// Two scans of `infra` (c1 then c2) with compliance, and a third target-less one for `apps`.
        static func seed(_ store: Store) async throws -> (first: Int64, second: Int64) {
            func finding(_ id: String, _ severity: Severity, _ verdict: Verdict.Kind = .failed) -> FindingRecord {
                FindingRecord(
                    fingerprint: Fingerprint(checkID: id, resource: "aws_s3_bucket.\(id)"), checkID: id, title: "Check \(id)",
                    severity: severity, verdict: verdict, resourceAddress: "aws_s3_bucket.\(id)", resourceType: "aws_s3_bucket",
                    file: "main.tf", line: 3, message: "not compliant", controls: ["cis-aws:2.1.1"])
            }
            func control(_ status: ControlStatus) -> ComplianceRecord {
                ComplianceRecord(
                    framework: "cis-aws", frameworkVersion: "5.0.0",
                    result: ControlResult(
                        control: ComplianceControl(id: "2.1.1", title: "S3 encryption", automated: true), status: status,
                        passed: status == .passed ? 1 : 0, failed: status == .failed ? 1 : 0, unknown: 0))
            }
            func scan(_ commit: String, minute: Double, _ findings: [FindingRecord], _ status: ControlStatus) -> ScanRecord {
                let base = Date(timeIntervalSince1970: 1_750_000_000 + minute * 60)
                return ScanRecord(
                    target: "infra", repo: "example/infra", branch: "main", commit: commit, trigger: "reconcile",
                    startedAt: base, finishedAt: base.addingTimeInterval(30), status: .succeeded,
                    resources: [], findings: findings, compliance: [control(status)])
            }
            let first = try await store.recordScan(
                scan(String(repeating: "1", count: 40), minute: 0, [finding("A", .high), finding("B", .low)], .failed)
            ).scanID
            let second = try await store.recordScan(
                scan(
                    String(repeating: "2", count: 40), minute: 1,
                    [finding("B", .low), finding("C", .critical), finding("D", .medium, .passed)], .failed)
            ).scanID
            try await store.saveTargetStatus(
                TargetStatusRecord(
                    target: "infra", ready: "True", reason: "Succeeded", message: "scanned",
                    lastObservedCommit: "main@sha1:" + String(repeating: "2", count: 40), lastAttemptAt: Date()))
            return (first, second)
        }

        @Test("targets: list, one, unknown, reconcile now is idempotent while queued", arguments: Backend.allCases)
        func targets(backend: Backend) async throws {
            try await withServer(backend) { server in
                _ = try await Self.seed(server.store)
                let list = try await server.request(.get, "/api/v1/targets", role: .viewer)
                #expect(list.status == 200)
                let targets = try #require(list.json["targets"] as? [[String: Any]])
                #expect(targets.map { $0["name"] as? String } == ["infra", "apps"])
                #expect(targets.first?["ready"] as? String == "True")
                #expect(targets.last?["reason"] as? String == "Pending")
                let one = try await server.request(.get, "/api/v1/targets/infra", role: .viewer)
                #expect(one.json["revision"] as? String == "main@sha1:" + String(repeating: "2", count: 40))
                let missing = try await server.request(.get, "/api/v1/targets/nope", role: .viewer)
                #expect(missing.status == 404 && missing.errorCode == "not_found")
                #expect(missing.json["request_id"] is String)

                let first = try await server.request(.post, "/api/v1/targets/infra/reconcile", role: .operator)
                #expect(first.status == 202 && first.json["queued"] as? Bool == true)
                let again = try await server.request(.post, "/api/v1/targets/infra/reconcile", role: .operator)
                #expect(again.status == 202 && again.json["queued"] as? Bool == false)
                #expect(again.json["cycle_id"] as? String == first.json["cycle_id"] as? String)
                #expect(server.cycles.pending("infra") == first.json["cycle_id"] as? String)
                let audit = try await server.store.apiAuditEvents(limit: 10)
                #expect(audit.map(\.actor) == ["operator"] && audit.first?.subject == "infra")
            }
        }

        @Test("scans: a target's pages, one scan with tallies, unknown ids", arguments: Backend.allCases)
        func scans(backend: Backend) async throws {
            try await withServer(backend) { server in
                let (first, second) = try await Self.seed(server.store)
                let page = try await server.request(.get, "/api/v1/targets/infra/scans?limit=1", role: .viewer)
                #expect((page.json["scans"] as? [[String: Any]])?.first?["id"] as? Int == Int(second))
                let cursor = try #require(page.json["next_cursor"] as? String)
                let rest = try await server.request(.get, "/api/v1/targets/infra/scans?limit=1&cursor=\(cursor)", role: .viewer)
                #expect((rest.json["scans"] as? [[String: Any]])?.first?["id"] as? Int == Int(first))
                #expect(rest.json["next_cursor"] == nil)

                let detail = try await server.request(.get, "/api/v1/scans/\(second)", role: .viewer)
                #expect((detail.json["verdicts"] as? [String: Int])?["failed"] == 2)
                #expect((detail.json["failed_by_severity"] as? [String: Int])?["critical"] == 1)
                #expect(detail.json["frameworks"] as? [String] == ["cis-aws"])
                #expect(try await server.request(.get, "/api/v1/scans/999999", role: .viewer).status == 404)
                #expect(try await server.request(.get, "/api/v1/scans/abc", role: .viewer).status == 404)
                let bad = try await server.request(.get, "/api/v1/targets/infra/scans?limit=0", role: .viewer)
                #expect(bad.status == 400 && bad.errorCode == "bad_request" && bad.body.contains("limit"))
            }
        }

        @Test("findings: filters, cursor and page pagination, new since a commit, bad parameters", arguments: Backend.allCases)
        func findings(backend: Backend) async throws {
            try await withServer(backend) { server in
                let (_, second) = try await Self.seed(server.store)
                let base = "/api/v1/scans/\(second)/findings"
                let failed = try await server.request(.get, base + "?verdict=failed", role: .viewer)
                #expect(failed.json["total"] as? Int == 2)
                let critical = try await server.request(.get, base + "?severity=critical,high", role: .viewer)
                #expect((critical.json["findings"] as? [[String: Any]])?.map { $0["check_id"] as? String } == ["C"])
                let first = try await server.request(.get, base + "?limit=2", role: .viewer)
                let cursor = try #require(first.json["next_cursor"] as? String)
                let next = try await server.request(.get, base + "?limit=2&cursor=\(cursor)", role: .viewer)
                #expect((next.json["findings"] as? [[String: Any]])?.map { $0["check_id"] as? String } == ["D"])
                #expect(next.json["next_cursor"] == nil)
                let page2 = try await server.request(.get, base + "?limit=2&page=2", role: .viewer)
                #expect((page2.json["findings"] as? [[String: Any]])?.count == 1 && page2.json["page"] as? Int == 2)
                let beyond = try await server.request(.get, base + "?limit=2&page=9", role: .viewer)
                #expect((beyond.json["findings"] as? [[String: Any]])?.isEmpty == true)
                let new = try await server.request(.get, base + "?since=1111111&change=new", role: .viewer)
                #expect((new.json["findings"] as? [[String: Any]])?.map { $0["check_id"] as? String } == ["C"])
                let resolved = try await server.request(.get, base + "?since=1111111&change=resolved", role: .viewer)
                #expect((resolved.json["findings"] as? [[String: Any]])?.map { $0["check_id"] as? String } == ["A"])

                let badSeverity = try await server.request(.get, base + "?severity=urgent", role: .viewer)
                #expect(badSeverity.status == 400 && (badSeverity.json["error"] as? [String: Any])?["field"] as? String == "severity")
                #expect(try await server.request(.get, base + "?cursor=x", role: .viewer).status == 400)
                #expect(try await server.request(.get, base + "?cursor=1&page=1", role: .viewer).status == 400)
                #expect(try await server.request(.get, base + "?change=new", role: .viewer).status == 400)
                #expect(try await server.request(.get, base + "?since=9999999", role: .viewer).status == 404)
            }
        }

        @Test("compliance, history, diff, drift, reports and SARIF", arguments: Backend.allCases)
        func compliance(backend: Backend) async throws {
            try await withServer(backend) { server in
                let (_, second) = try await Self.seed(server.store)
                let compliance = try await server.request(.get, "/api/v1/targets/infra/compliance/cis-aws", role: .viewer)
                let control = try #require((compliance.json["controls"] as? [[String: Any]])?.first)
                #expect(control["status"] as? String == "failed")
                #expect((control["evidence"] as? [[String: Any]])?.compactMap { $0["check_id"] as? String }.sorted() == ["B", "C", "D"])
                let older = try await server.request(
                    .get, "/api/v1/targets/infra/compliance/cis-aws?commit=1111111", role: .viewer)
                #expect(older.json["commit"] as? String == String(repeating: "1", count: 40))
                #expect(try await server.request(.get, "/api/v1/targets/infra/compliance/nist", role: .viewer).status == 404)
                #expect(try await server.request(.get, "/api/v1/targets/apps/compliance/cis-aws", role: .viewer).status == 404)

                let history = try await server.request(.get, "/api/v1/targets/infra/history?framework=cis-aws", role: .viewer)
                #expect((history.json["points"] as? [[String: Any]])?.count == 2)
                #expect(try await server.request(.get, "/api/v1/targets/infra/history", role: .viewer).status == 400)
                let diff = try await server.request(.get, "/api/v1/targets/infra/diff?from=1111111", role: .viewer)
                #expect((diff.json["new"] as? [[String: Any]])?.map { $0["check_id"] as? String } == ["C"])
                #expect((diff.json["resolved"] as? [[String: Any]])?.map { $0["check_id"] as? String } == ["A"])
                let drift = try await server.request(.get, "/api/v1/targets/infra/drift", role: .viewer)
                #expect(drift.status == 200 && (drift.json["items"] as? [Any])?.isEmpty == true)

                for (format, type) in [
                    ("html", "text/html"), ("json", "application/json"), ("csv", "text/csv"), ("markdown", "text/markdown"),
                ] {
                    let report = try await server.request(.get, "/api/v1/targets/infra/reports/cis-aws?format=\(format)", role: .viewer)
                    #expect(report.status == 200 && report.headers[.contentType]?.hasPrefix(type) == true, "\(format)")
                    #expect(report.headers[.contentDisposition]?.contains("attachment") == true)
                }
                #expect(try await server.request(.get, "/api/v1/targets/infra/reports/cis-aws?format=pdf", role: .viewer).status == 400)
                let sarif = try await server.request(.get, "/api/v1/scans/\(second)/sarif", role: .viewer)
                #expect(sarif.status == 200 && sarif.body.contains("\"version\"") && sarif.body.contains("\"C\""))
            }
        }
    }
}
