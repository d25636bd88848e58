import Model

extension Store {
    /// A page of a scan's result rows, in the order the scan reported them, filtered by `query`.
    public func findings(scanID: Int64, query: FindingQuery) async throws -> FindingPage {
        try await database.read { connection in
            var params: [SQLValue] = []
            func bind(_ value: SQLValue) -> String {
                params.append(value)
                return "$\(params.count)"
            }
            var scan = scanID
            var conditions: [String] = []
            if let change = query.change, let since = query.sinceScanID {
                let failing = "verdict = 'failed' AND suppression_reason IS NULL"
                // "resolved" rows come from the earlier scan: failing there, not failing here.
                let (rowsOf, other) = change == .new ? (scanID, since) : (since, scanID)
                scan = rowsOf
                conditions.append(failing)
                conditions.append(
                    "fingerprint NOT IN (SELECT fingerprint FROM scan_results WHERE scan_id = \(bind(.integer(other))) AND \(failing))"
                )
            }
            conditions.insert("scan_id = \(bind(.integer(scan)))", at: 0)
            if !query.severities.isEmpty {
                conditions.append(
                    "severity IN (\(query.severities.map(\.rawValue).sorted().map { bind(.text($0)) }.joined(separator: ", ")))")
            }
            if !query.verdicts.isEmpty {
                conditions.append("verdict IN (\(query.verdicts.map(\.rawValue).sorted().map { bind(.text($0)) }.joined(separator: ", ")))")
            }
            if let check = query.checkID { conditions.append("check_id = \(bind(.text(check)))") }
            if let resource = query.resource { conditions.append("resource_address = \(bind(.text(resource)))") }
            if let file = query.file { conditions.append("file = \(bind(.text(file)))") }
            let filter = conditions.joined(separator: " AND ")
            let total = try connection.queryOne("SELECT COUNT(*) FROM scan_results WHERE \(filter)", params)?[0].int64 ?? 0
            var pageFilter = filter
            if let cursor = query.cursor { pageFilter += " AND position > \(bind(.integer(cursor)))" }
            let limit = max(0, query.limit)
            let offset = query.cursor == nil ? max(0, query.offset) : 0
            // One row past the page tells whether there is a next page.
            let rows = try connection.query(
                """
                SELECT \(ScanRows.resultColumns) FROM scan_results WHERE \(pageFilter) ORDER BY position
                LIMIT \(bind(.int(limit + 1))) OFFSET \(bind(.int(offset)))
                """, params)
            let page = rows.prefix(limit)
            let findings = try page.map { try ScanRows.result($0, dialect: connection.dialect) }
            let next = rows.count > limit ? page.last?[15].int64 : nil
            return FindingPage(findings: findings, total: Int(total), nextCursor: next)
        }
    }
}
