import Foundation
import Model

extension Store {
    /// Writes a scan — resources, results, compliance — and updates its target's finding lifecycle, in ONE transaction.
    public func recordScan(_ scan: ScanRecord) async throws -> RecordedScan {
        try await recordScan(scan, options: RecordScanOptions())
    }

    /// `recordScan` with write options (row-by-row baseline, progress hook for tools).
    public func recordScan(_ scan: ScanRecord, options: RecordScanOptions) async throws -> RecordedScan {
        let writer = ScanWriter(scan: scan, options: options)
        return try await database.transaction { connection in try writer.write(connection) }
    }

    /// The most recently recorded scan (of `target`, or of any target when nil).
    public func latestScan(target: String?) async throws -> StoredScan? {
        try await scans(target: target, limit: 1).first
    }

    /// Recorded scans, newest first.
    public func scans(target: String?, limit: Int) async throws -> [StoredScan] {
        try await database.read { connection in
            var params: [SQLValue] = [.int(max(0, limit))]
            var filter = ""
            if let target {
                params.append(.text(target))
                filter = "WHERE t.name = $2"
            }
            return try connection.query(ScanRows.select + " \(filter) ORDER BY s.id DESC LIMIT $1", params)
                .map(ScanRows.scan)
        }
    }

    /// The latest scan of `commit` (full SHA, or a unique prefix of at least 7 characters).
    public func scan(target: String?, commit: String) async throws -> StoredScan? {
        try await database.read { connection in try ScanRows.scan(connection, target: target, commit: commit) }
    }

    /// Every result row of a scan, in the order the scan reported them, with lifecycle information.
    public func results(scanID: Int64) async throws -> [StoredFinding] {
        try await database.read { connection in try ScanRows.results(connection, scanID: scanID) }
    }

    /// The compliance rows of a scan (of one framework, or all), in recorded order.
    public func compliance(scanID: Int64, framework: String?) async throws -> [ComplianceRecord] {
        try await database.read { connection in
            var params: [SQLValue] = [.integer(scanID)]
            var filter = ""
            if let framework {
                params.append(.text(framework))
                filter = " AND framework = $2"
            }
            return try connection.query(
                """
                SELECT framework, framework_version, control_id, title, automated, status, passed_count,
                  failed_count, unknown_count FROM scan_compliance WHERE scan_id = $1\(filter)
                ORDER BY framework, position
                """, params
            ).map { row in
                let control = ComplianceControl(
                    id: row.string("control_id") ?? "", title: row.string("title") ?? "",
                    automated: row.int64("automated") == 1)
                let status = try StoredVocabulary.decode(
                    row.string("status"), as: ControlStatus.self, column: "status",
                    dialect: connection.dialect)
                return ComplianceRecord(
                    framework: row.string("framework") ?? "", frameworkVersion: row.string("framework_version") ?? "",
                    result: ControlResult(
                        control: control, status: status, passed: row.int("passed_count") ?? 0,
                        failed: row.int("failed_count") ?? 0, unknown: row.int("unknown_count") ?? 0))
            }
        }
    }

    /// The target's findings that are not resolved (new, open or suppressed), oldest first.
    public func openFindings(target: String) async throws -> [LifecycleFinding] {
        try await database.read { connection in
            try connection.query(
                ScanRows.findingSelect + " WHERE t.name = $1 AND f.state <> 'resolved' ORDER BY f.id",
                [.text(target)]
            ).map { try ScanRows.lifecycleFinding($0, dialect: connection.dialect) }
        }
    }

    /// Every finding the target ever had, resolved ones included, oldest first.
    public func allFindings(target: String) async throws -> [LifecycleFinding] {
        try await database.read { connection in
            try connection.query(ScanRows.findingSelect + " WHERE t.name = $1 ORDER BY f.id", [.text(target)])
                .map { try ScanRows.lifecycleFinding($0, dialect: connection.dialect) }
        }
    }

    /// Score and finding counts of the last `limit` scans, oldest → newest.
    public func history(target: String?, framework: String, limit: Int) async throws -> [HistoryPoint] {
        try await database.read { connection in
            var params: [SQLValue] = [.text(framework), .int(max(0, limit))]
            var filter = ""
            if let target {
                params.append(.text(target))
                filter = "WHERE t.name = $3"
            }
            let rows = try connection.query(
                """
                SELECT s.id, s.commit_sha, s.finished_at, s.open_findings, s.new_findings, s.resolved_findings,
                  (SELECT COUNT(*) FROM scan_compliance c
                     WHERE c.scan_id = s.id AND c.framework = $1 AND c.status = 'passed') AS passed,
                  (SELECT COUNT(*) FROM scan_compliance c
                     WHERE c.scan_id = s.id AND c.framework = $1 AND c.status = 'failed') AS failed
                FROM scans s JOIN targets t ON t.id = s.target_id \(filter) ORDER BY s.id DESC LIMIT $2
                """, params)
            return rows.reversed().map { row in
                let passed = row.int("passed") ?? 0
                let failed = row.int("failed") ?? 0
                return HistoryPoint(
                    scanID: row.int64("id") ?? 0, commit: row.string("commit_sha") ?? "",
                    finishedAt: row.date("finished_at") ?? Date(timeIntervalSince1970: 0),
                    score: passed + failed > 0 ? Double(passed) / Double(passed + failed) : nil,
                    passedControls: passed, failedControls: failed, openFindings: row.int("open_findings") ?? 0,
                    newFindings: row.int("new_findings") ?? 0, resolvedFindings: row.int("resolved_findings") ?? 0)
            }
        }
    }

    /// Failed, unsuppressed findings of the latest scans of two commits, compared by fingerprint.
    public func findingsDiff(target: String?, fromCommit: String, toCommit: String) async throws -> FindingsDiff {
        let backend = backendName
        return try await database.read { connection in
            guard let from = try ScanRows.scan(connection, target: target, commit: fromCommit) else {
                throw StoreError(.notFound, "no scan of commit \(fromCommit)", backend: backend, operation: "findings diff")
            }
            guard let to = try ScanRows.scan(connection, target: target, commit: toCommit) else {
                throw StoreError(.notFound, "no scan of commit \(toCommit)", backend: backend, operation: "findings diff")
            }
            let failing: ([StoredFinding]) -> [StoredFinding] = { rows in
                var seen: Set<Fingerprint> = []
                return rows.filter { $0.verdict == .failed && $0.suppression == nil && seen.insert($0.fingerprint).inserted }
            }
            let before = failing(try ScanRows.results(connection, scanID: from.id))
            let after = failing(try ScanRows.results(connection, scanID: to.id))
            let beforeKeys = Set(before.map(\.fingerprint))
            let afterKeys = Set(after.map(\.fingerprint))
            return FindingsDiff(
                fromCommit: from.commit, toCommit: to.commit,
                new: after.filter { !beforeKeys.contains($0.fingerprint) },
                resolved: before.filter { !afterKeys.contains($0.fingerprint) },
                unchanged: after.filter { beforeKeys.contains($0.fingerprint) })
        }
    }
}

extension Store {
    /// The frameworks a scan recorded compliance for, sorted.
    public func complianceFrameworks(scanID: Int64) async throws -> [String] {
        try await database.read { connection in
            try connection.query(
                "SELECT DISTINCT framework FROM scan_compliance WHERE scan_id = $1 ORDER BY framework", [.integer(scanID)]
            ).compactMap { $0.string("framework") }
        }
    }
}
