import Foundation
import Model

extension Store {
    /// One scan by id, nil if there is none.
    public func scan(id: Int64) async throws -> StoredScan? {
        try await database.read { connection in
            try connection.queryOne(ScanRows.select + " WHERE s.id = $1", [.integer(id)]).map(ScanRows.scan)
        }
    }

    /// A page of a target's scans, newest first, older than `beforeID` when given.
    public func scans(target: String, beforeID: Int64?, limit: Int) async throws -> [StoredScan] {
        try await database.read { connection in
            try connection.query(
                ScanRows.select + " WHERE t.name = $1 AND s.id < $2 ORDER BY s.id DESC LIMIT $3",
                [.text(target), .integer(beforeID ?? Int64.max), .int(max(0, limit))]
            ).map(ScanRows.scan)
        }
    }

    /// Alerts matching `query`, newest first.
    public func alerts(_ query: AlertQuery) async throws -> [StoredAlert] {
        try await database.read { connection in
            var params: [SQLValue] = []
            func bind(_ value: SQLValue) -> String {
                params.append(value)
                return "$\(params.count)"
            }
            var conditions = ["id < \(bind(.integer(query.beforeID ?? Int64.max)))"]
            if !query.severities.isEmpty {
                conditions.append(
                    "severity IN (\(query.severities.map(\.rawValue).sorted().map { bind(.text($0)) }.joined(separator: ", ")))")
            }
            if let principal = query.principal { conditions.append("principal = \(bind(.text(principal)))") }
            if let source = query.source { conditions.append("source = \(bind(.text(source)))") }
            if let since = query.since { conditions.append("created_at >= \(bind(.integer(Timestamp.micros(since))))") }
            if let until = query.until { conditions.append("created_at < \(bind(.integer(Timestamp.micros(until))))") }
            return try connection.query(
                """
                SELECT id, dedupe_key, created_at, severity, principal, title, detail, source, score, acknowledged_at,
                  acknowledged_by FROM alerts WHERE \(conditions.joined(separator: " AND ")) ORDER BY id DESC
                LIMIT \(bind(.int(max(0, query.limit))))
                """, params
            ).map { try Self.storedAlert($0, dialect: connection.dialect) }
        }
    }

    /// Marks an alert acknowledged by `actor` (the first acknowledgement stands); nil when there is no such alert.
    public func acknowledgeAlert(id: Int64, by actor: String, at: Date) async throws -> StoredAlert? {
        try await database.transaction { connection in
            try connection.execute(
                "UPDATE alerts SET acknowledged_at = $1, acknowledged_by = $2 WHERE id = $3 AND acknowledged_at IS NULL",
                [.integer(Timestamp.micros(at)), .text(actor), .integer(id)])
            return try connection.queryOne(
                """
                SELECT id, dedupe_key, created_at, severity, principal, title, detail, source, score, acknowledged_at,
                  acknowledged_by FROM alerts WHERE id = $1
                """, [.integer(id)]
            ).map { try Self.storedAlert($0, dialect: connection.dialect) }
        }
    }

    private static func storedAlert(_ row: SQLRow, dialect: SQLDialect) throws -> StoredAlert {
        StoredAlert(
            alert: AlertRecord(
                id: row[0].int64, dedupeKey: row[1].string ?? "", createdAt: row[2].int64.map(Timestamp.date) ?? .distantPast,
                severity: try StoredVocabulary.decode(row[3].string, as: Severity.self, column: "severity", dialect: dialect),
                principal: row[4].string ?? "", title: row[5].string ?? "", detail: row[6].string ?? "",
                source: row[7].string ?? "", score: row[8].double),
            acknowledgedAt: row[9].int64.map(Timestamp.date), acknowledgedBy: row[10].string)
    }
}

extension Store {
    /// How many result rows a scan has per verdict and severity.
    public func resultCounts(scanID: Int64) async throws -> [(verdict: Verdict.Kind, severity: Severity, count: Int)] {
        try await database.read { connection in
            try connection.query(
                "SELECT verdict, severity, COUNT(*) FROM scan_results WHERE scan_id = $1 GROUP BY verdict, severity",
                [.integer(scanID)]
            ).map { row in
                (
                    try StoredVocabulary.decode(row[0].string, as: Verdict.Kind.self, column: "verdict", dialect: connection.dialect),
                    try StoredVocabulary.decode(row[1].string, as: Severity.self, column: "severity", dialect: connection.dialect),
                    Int(row[2].int64 ?? 0)
                )
            }
        }
    }
}
