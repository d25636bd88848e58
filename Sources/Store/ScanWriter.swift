import Model

/// Writes one scan and updates the finding lifecycle of its target, inside one transaction.
///
/// Lifecycle per (target, fingerprint), for FAILED results: first failure → new (first-seen commit recorded);
/// failing again → open; absent or not failing in a later *succeeded* scan → resolved (resolved-in commit);
/// failing after that → new again (reopened, first-seen kept, reopen count +1). A suppressed failure is suppressed.
/// Failed or partial scans never resolve anything: what they did not see may still be there.
///
/// Only rows that change are written: a finding failing again with the same state and details is left alone,
/// so re-scanning a target with 100k open findings costs a join, not 100k row updates. Its last-seen scan is
/// then implied: every unresolved finding failed in the target's last succeeded ("full") scan, which
/// `targets.last_full_scan_id` records. Likewise "new" is stored as open with `opened_scan` (the scan where it
/// first failed or reopened): it reads as new while that is the target's latest scan (see `ScanRows`), so the
/// second sighting of 100k new findings does not rewrite them all either.
struct ScanWriter {
    let scan: ScanRecord
    let options: RecordScanOptions

    private struct Prior {
        var state: LifecycleState
        var firstSeenCommit: String
    }

    private struct Plan {
        var lifecycle: [LifecycleState?]
        var firstSeen: [String?]
        /// 0: not a lifecycle row; 1: updates an existing finding; 2: a fingerprint the target never had.
        var tracked: [Int]
        var newCount = 0
        var resolvedCount = 0
        var openCount = 0
    }

    static let resultColumns = [
        "scan_id", "fingerprint", "check_id", "title", "severity", "verdict", "resource_address", "resource_type",
        "file", "line", "message", "controls", "suppression_reason", "suppression_expires", "lifecycle", "tracked",
        "first_seen_commit", "position",
    ]

    func write(_ connection: any DatabaseConnection) throws -> RecordedScan {
        let now = Timestamp.now
        let finishedAt = Timestamp.micros(scan.finishedAt)
        if let owner = options.leaseOwner {
            // Fencing: the lease row stays locked until commit, so a takeover waits for this write to finish.
            let holder = try connection.queryOne(
                "SELECT owner FROM leases WHERE target = $1" + connection.forUpdate, [.text(scan.target)])?.string("owner")
            guard holder == owner else {
                throw StoreError(
                    .leaseLost, "the target's lease is held by \(holder ?? "nobody"), not \(owner)",
                    backend: connection.dialect.rawValue, operation: "record scan of \(scan.target)")
            }
        }
        try connection.execute(
            "INSERT INTO targets (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
            [.text(scan.target), .integer(now)])
        // Writers of the same target queue here (PostgreSQL row lock; SQLite's BEGIN IMMEDIATE already did).
        guard
            let target = try connection.queryOne(
                "SELECT id, last_full_scan_id, last_full_commit FROM targets WHERE name = $1" + connection.forUpdate,
                [.text(scan.target)]), let targetID = target[0].int64
        else {
            throw StoreError(
                .invalidData, "target row vanished", backend: connection.dialect.rawValue,
                operation: "record scan of \(scan.target)")
        }
        var prior: [String: Prior] = [:]
        for row in try connection.query(
            "SELECT fingerprint, state, first_seen_commit FROM findings WHERE target_id = $1", [.integer(targetID)])
        {
            guard let fingerprint = row[0].string, let state = row[1].string.flatMap(LifecycleState.init),
                let first = row[2].string
            else { continue }
            prior[fingerprint] = Prior(state: state, firstSeenCommit: first)
        }
        let plan = plan(prior: prior)
        guard
            let scanID = try connection.queryOne(
                """
                INSERT INTO scans (target_id, repo, branch, commit_sha, scan_trigger, started_at, finished_at, status,
                  error, resource_count, finding_count, new_findings, resolved_findings, open_findings)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id
                """,
                [
                    .integer(targetID), .text(scan.repo), .text(scan.branch), .text(scan.commit), .text(scan.trigger),
                    .integer(Timestamp.micros(scan.startedAt)), .integer(finishedAt), .text(scan.status.rawValue),
                    .optional(scan.error), .int(scan.resources.count), .int(scan.findings.count), .int(plan.newCount),
                    .int(plan.resolvedCount), .int(plan.openCount),
                ])?[0].int64
        else {
            throw StoreError(
                .invalidData, "INSERT … RETURNING gave no id", backend: connection.dialect.rawValue,
                operation: "record scan of \(scan.target)")
        }
        try writeResources(connection, scanID)
        try writeResults(connection, scanID, plan)
        try writeCompliance(connection, scanID)
        try updateLifecycle(
            connection, scanID: scanID, targetID: targetID, finishedAt: finishedAt,
            previousFull: (target[1], target[2]))
        return RecordedScan(
            scanID: scanID, newFindings: plan.newCount, resolvedFindings: plan.resolvedCount,
            openFindings: plan.openCount)
    }

    /// Each result's lifecycle, decided from the target's findings before this scan.
    private func plan(prior: [String: Prior]) -> Plan {
        let count = scan.findings.count
        var plan = Plan(
            lifecycle: Array(repeating: nil, count: count), firstSeen: Array(repeating: nil, count: count),
            tracked: Array(repeating: 0, count: count))
        var failing: [String: Int] = [:]  // fingerprint → index of its tracked row
        for (i, finding) in scan.findings.enumerated() where finding.verdict == .failed {
            let fingerprint = finding.fingerprint.hex
            if let first = failing[fingerprint] {
                // The same fingerprint twice in one scan: one lifecycle row, both results share its state.
                plan.lifecycle[i] = plan.lifecycle[first]
                plan.firstSeen[i] = plan.firstSeen[first]
                continue
            }
            failing[fingerprint] = i
            let before = prior[fingerprint]
            plan.tracked[i] = before == nil ? 2 : 1
            let state: LifecycleState
            if finding.suppression != nil {
                state = .suppressed
            } else if let before, before.state != .resolved {
                state = .open
            } else {
                state = .new
                plan.newCount += 1
            }
            plan.lifecycle[i] = state
            plan.firstSeen[i] = before?.firstSeenCommit ?? scan.commit
        }
        let resolving = scan.status == .succeeded
        var resolved: Set<String> = []
        if resolving {
            for (fingerprint, before) in prior where before.state != .resolved && failing[fingerprint] == nil {
                resolved.insert(fingerprint)
            }
        }
        plan.resolvedCount = resolved.count
        for (i, finding) in scan.findings.enumerated() where plan.lifecycle[i] == nil {
            if resolved.contains(finding.fingerprint.hex) {
                plan.lifecycle[i] = .resolved
                plan.firstSeen[i] = prior[finding.fingerprint.hex]?.firstSeenCommit
            }
        }
        // Open after this scan: failing now and unsuppressed, plus earlier open ones this scan could not resolve.
        plan.openCount = failing.values.filter { plan.lifecycle[$0] == .new || plan.lifecycle[$0] == .open }.count
        if !resolving {
            plan.openCount +=
                prior.filter { $0.value.state == .new || $0.value.state == .open }
                .filter { failing[$0.key] == nil }.count
        }
        return plan
    }

    private func writeResources(_ connection: any DatabaseConnection, _ scanID: Int64) throws {
        let resources = scan.resources
        try connection.bulkInsert(
            into: "scan_resources",
            columns: ["scan_id", "address", "type", "provider", "origin", "file", "line", "live_id", "region"],
            rowCount: resources.count
        ) { i, row in
            let r = resources[i]
            row = [
                .integer(scanID), .text(r.address), .text(r.type), .text(r.provider), .text(r.origin.rawValue),
                .optional(r.file), .optional(r.line), .optional(r.liveID), .optional(r.region),
            ]
        }
    }

    private func writeResults(_ connection: any DatabaseConnection, _ scanID: Int64, _ plan: Plan) throws {
        let findings = scan.findings
        let fill: (Int, inout [SQLValue]) -> Void = { i, row in
            let f = findings[i]
            row[0] = .integer(scanID)
            row[1] = .text(f.fingerprint.hex)
            row[2] = .text(f.checkID)
            row[3] = .text(f.title)
            row[4] = .text(f.severity.rawValue)
            row[5] = .text(f.verdict.rawValue)
            row[6] = .text(f.resourceAddress)
            row[7] = .text(f.resourceType)
            row[8] = .optional(f.file)
            row[9] = .optional(f.line)
            row[10] = .optional(f.message)
            row[11] = .text(f.controls.joined(separator: "\n"))
            row[12] = .optional(f.suppression?.reason)
            row[13] = Timestamp.value(f.suppression?.expires)
            row[14] = .optional(plan.lifecycle[i]?.rawValue)
            row[15] = .int(plan.tracked[i])
            row[16] = .optional(plan.firstSeen[i])
            row[17] = .int(i)
        }
        let columns = Self.resultColumns
        if options.rowByRow {
            let sql =
                "INSERT INTO scan_results (\(columns.joined(separator: ", "))) VALUES ("
                + (1...columns.count).map { "$\($0)" }.joined(separator: ", ") + ")"
            var row = [SQLValue](repeating: .null, count: columns.count)
            for i in findings.indices {
                fill(i, &row)
                try connection.execute(sql, row)
                reportProgress(i + 1)
            }
        } else {
            try connection.bulkInsert(into: "scan_results", columns: columns, rowCount: findings.count) { i, row in
                fill(i, &row)
                reportProgress(i + 1)
            }
        }
    }

    private func reportProgress(_ rows: Int) {
        if let onProgress = options.onProgress, rows % options.progressInterval == 0 { onProgress(rows) }
    }

    private func writeCompliance(_ connection: any DatabaseConnection, _ scanID: Int64) throws {
        let records = scan.compliance
        try connection.bulkInsert(
            into: "scan_compliance",
            columns: [
                "scan_id", "framework", "framework_version", "control_id", "title", "automated", "status",
                "passed_count", "failed_count", "unknown_count", "position",
            ],
            rowCount: records.count
        ) { i, row in
            let c = records[i]
            row = [
                .integer(scanID), .text(c.framework), .text(c.frameworkVersion), .text(c.control.id),
                .text(c.control.title), .bool(c.control.automated), .text(c.status.rawValue), .int(c.passed), .int(c.failed),
                .int(c.unknown), .int(i),
            ]
        }
    }

    /// Set-based: one plain insert for fingerprints the target never had, one update of the findings whose state
    /// or details changed (every seen one after a partial scan), one update for what this scan resolved.
    private func updateLifecycle(
        _ connection: any DatabaseConnection, scanID: Int64, targetID: Int64,
        finishedAt: Int64, previousFull: (scan: SQLValue, commit: SQLValue)
    ) throws {
        try connection.execute(
            """
            INSERT INTO findings (target_id, fingerprint, check_id, title, severity, resource_address, file, line,
              state, first_seen_scan, first_seen_commit, first_seen_at, last_seen_scan, last_seen_commit,
              suppression_reason, suppression_expires, opened_scan)
            SELECT $1, fingerprint, check_id, title, severity, resource_address, file, line,
              CASE lifecycle WHEN 'new' THEN 'open' ELSE lifecycle END, scan_id, first_seen_commit, $2, scan_id, $3,
              suppression_reason, suppression_expires, scan_id
            FROM scan_results WHERE scan_id = $4 AND tracked = 2
            """, [.integer(targetID), .integer(finishedAt), .text(scan.commit), .integer(scanID)])
        let full = scan.status == .succeeded
        try connection.execute("UPDATE targets SET last_scan_id = $1 WHERE id = $2", [.integer(scanID), .integer(targetID)])
        try connection.execute(
            """
            UPDATE findings SET check_id = r.check_id, title = r.title, severity = r.severity,
              resource_address = r.resource_address, file = r.file, line = r.line,
              reopen_count = findings.reopen_count + CASE WHEN findings.state = 'resolved' THEN 1 ELSE 0 END,
              state = CASE r.lifecycle WHEN 'new' THEN 'open' ELSE r.lifecycle END,
              opened_scan = CASE r.lifecycle WHEN 'new' THEN r.scan_id ELSE findings.opened_scan END,
              last_seen_scan = r.scan_id, last_seen_commit = $1, resolved_in_scan = NULL,
              resolved_in_commit = NULL, resolved_at = NULL, suppression_reason = r.suppression_reason,
              suppression_expires = r.suppression_expires
            FROM scan_results r
            WHERE r.scan_id = $2 AND r.tracked = 1 AND findings.target_id = $3 AND findings.fingerprint = r.fingerprint
              AND ($4 = 0 OR findings.state <> CASE r.lifecycle WHEN 'new' THEN 'open' ELSE r.lifecycle END
                OR findings.check_id <> r.check_id
                OR findings.title <> r.title OR findings.severity <> r.severity
                OR findings.resource_address <> r.resource_address OR findings.file IS DISTINCT FROM r.file
                OR findings.line IS DISTINCT FROM r.line
                OR findings.suppression_reason IS DISTINCT FROM r.suppression_reason
                OR findings.suppression_expires IS DISTINCT FROM r.suppression_expires)
            """, [.text(scan.commit), .integer(scanID), .integer(targetID), .bool(full)])
        guard full else { return }
        // Resolved: unresolved before, not failing now. Such a finding failed in the previous full scan at the
        // latest, which is when it was last seen unless a later row update says otherwise.
        let notFailingNow =
            connection.dialect == .postgresql
            ? "NOT EXISTS (SELECT 1 FROM scan_results r WHERE r.scan_id = $1 AND r.tracked > 0 AND r.fingerprint = findings.fingerprint)"
            : "fingerprint NOT IN (SELECT fingerprint FROM scan_results WHERE scan_id = $1 AND tracked > 0)"
        try connection.execute(
            """
            UPDATE findings SET state = 'resolved', resolved_in_scan = $1, resolved_in_commit = $2, resolved_at = $3,
              last_seen_commit = CASE WHEN $5 > last_seen_scan THEN $6 ELSE last_seen_commit END,
              last_seen_scan = CASE WHEN $5 > last_seen_scan THEN $5 ELSE last_seen_scan END
            WHERE target_id = $4 AND state <> 'resolved' AND \(notFailingNow)
            """,
            [
                .integer(scanID), .text(scan.commit), .integer(finishedAt), .integer(targetID),
                previousFull.scan.isNull ? .integer(0) : previousFull.scan,
                previousFull.commit.isNull ? .text("") : previousFull.commit,
            ])
        try connection.execute(
            "UPDATE targets SET last_full_scan_id = $1, last_full_commit = $2 WHERE id = $3",
            [.integer(scanID), .text(scan.commit), .integer(targetID)])
    }
}
