import Foundation
import Model

/// Reading scans, results and findings back from rows (shared by the query methods of `Store`).
enum ScanRows {
    static let select = """
        SELECT s.id, t.name AS target, s.repo, s.branch, s.commit_sha, s.scan_trigger, s.started_at, s.finished_at,
          s.status, s.error, s.resource_count, s.finding_count, s.new_findings, s.resolved_findings, s.open_findings
        FROM scans s JOIN targets t ON t.id = s.target_id
        """

    static func scan(_ row: SQLRow) -> StoredScan {
        StoredScan(
            id: row.int64("id") ?? 0, target: row.string("target") ?? "", repo: row.string("repo") ?? "",
            branch: row.string("branch") ?? "", commit: row.string("commit_sha") ?? "",
            trigger: row.string("scan_trigger") ?? "", startedAt: row.date("started_at") ?? .distantPast,
            finishedAt: row.date("finished_at") ?? .distantPast,
            status: row.string("status").flatMap(ScanStatus.init) ?? .failed, error: row.string("error"),
            resourceCount: row.int("resource_count") ?? 0, findingCount: row.int("finding_count") ?? 0,
            newFindings: row.int("new_findings") ?? 0, resolvedFindings: row.int("resolved_findings") ?? 0,
            openFindings: row.int("open_findings") ?? 0)
    }

    /// The latest scan of an exact commit or, for 7+ characters, of the one commit the prefix names.
    static func scan(_ connection: any DatabaseConnection, target: String?, commit: String) throws -> StoredScan? {
        var params: [SQLValue] = [.text(commit)]
        var condition = "s.commit_sha = $1"
        if commit.count >= 7 {
            let escaped = commit.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            params.append(.text(escaped + "%"))
            condition = "(s.commit_sha = $1 OR s.commit_sha LIKE $2 ESCAPE '\\')"
        }
        if let target {
            params.append(.text(target))
            condition += " AND t.name = $\(params.count)"
        }
        let scans = try connection.query(select + " WHERE \(condition) ORDER BY s.id DESC", params).map(scan)
        if let exact = scans.first(where: { $0.commit == commit }) { return exact }
        let commits = Set(scans.map(\.commit))
        if commits.count > 1 {
            throw StoreError(
                .ambiguousCommit,
                "commit prefix \(commit) matches \(commits.count) commits: \(commits.sorted().prefix(5).joined(separator: ", "))",
                backend: connection.dialect.rawValue, operation: "find scan")
        }
        return scans.first
    }

    /// The columns `result` reads, in its order, from `scan_results`.
    static let resultColumns = """
        fingerprint, check_id, title, severity, verdict, resource_address, resource_type, file, line,
          message, controls, suppression_reason, suppression_expires, lifecycle, first_seen_commit, position
        """

    static func results(_ connection: any DatabaseConnection, scanID: Int64) throws -> [StoredFinding] {
        try connection.query(
            "SELECT \(resultColumns) FROM scan_results WHERE scan_id = $1 ORDER BY position", [.integer(scanID)]
        ).map { try result($0, dialect: connection.dialect) }
    }

    /// A `scan_results` row selected with `resultColumns`.
    static func result(_ row: SQLRow, dialect: SQLDialect) throws -> StoredFinding {
        let controls = row[10].string ?? ""
        let finding = FindingRecord(
            fingerprint: Fingerprint(hex: row[0].string ?? ""), checkID: row[1].string ?? "", title: row[2].string ?? "",
            severity: try StoredVocabulary.decode(row[3].string, as: Severity.self, column: "severity", dialect: dialect),
            verdict: try StoredVocabulary.decode(row[4].string, as: Verdict.Kind.self, column: "verdict", dialect: dialect),
            resourceAddress: row[5].string ?? "",
            resourceType: row[6].string ?? "", file: row[7].string, line: row[8].int64.map { Int($0) },
            message: row[9].string,
            controls: controls.isEmpty ? [] : controls.split(separator: "\n").map(String.init),
            suppression: row[11].string.map { FindingSuppression(reason: $0, expires: row[12].int64.map(Timestamp.date)) })
        return StoredFinding(
            finding: finding, lifecycle: row[13].string.flatMap(LifecycleState.init), firstSeenCommit: row[14].string)
    }

    /// Columns for `lifecycleFinding`: the finding and its target's last full scan.
    static let findingSelect = """
        SELECT f.*, t.last_scan_id AS target_last_scan, t.last_full_scan_id AS target_full_scan,
          t.last_full_commit AS target_full_commit
        FROM findings f JOIN targets t ON t.id = f.target_id
        """

    /// A findings row (selected with `findingSelect`); an unresolved finding was last seen in the target's last
    /// full scan when its own row is older (rows are only rewritten when something changes), and an open one is
    /// new while the scan that opened it is the target's latest.
    static func lifecycleFinding(_ row: SQLRow, dialect: SQLDialect) throws -> LifecycleFinding {
        var state = row.string("state").flatMap(LifecycleState.init) ?? .open
        if state == .open, let opened = row.int64("opened_scan"), opened == row.int64("target_last_scan") {
            state = .new
        }
        var lastSeen = row.string("last_seen_commit") ?? ""
        if state != .resolved, let full = row.int64("target_full_scan"), full > (row.int64("last_seen_scan") ?? 0) {
            lastSeen = row.string("target_full_commit") ?? lastSeen
        }
        return LifecycleFinding(
            fingerprint: Fingerprint(hex: row.string("fingerprint") ?? ""), checkID: row.string("check_id") ?? "",
            title: row.string("title") ?? "",
            severity: try StoredVocabulary.decode(
                row.string("severity"), as: Severity.self, column: "severity",
                dialect: dialect),
            resourceAddress: row.string("resource_address") ?? "", file: row.string("file"), line: row.int("line"),
            state: state, firstSeenCommit: row.string("first_seen_commit") ?? "",
            firstSeenAt: row.date("first_seen_at") ?? .distantPast, lastSeenCommit: lastSeen,
            resolvedInCommit: row.string("resolved_in_commit"), resolvedAt: row.date("resolved_at"),
            suppression: row.string("suppression_reason").map {
                FindingSuppression(reason: $0, expires: row.date("suppression_expires"))
            },
            reopenCount: row.int("reopen_count") ?? 0)
    }
}
