import Foundation
import Model

extension Store {
    /// Appends drift items to a scan.
    public func recordDrift(scanID: Int64, items: [DriftRecord]) async throws {
        try await database.transaction { connection in
            try connection.bulkInsert(
                into: "drift_items",
                columns: [
                    "scan_id", "kind", "resource_type", "address", "live_id", "attribute", "desired_value",
                    "live_value",
                ],
                rowCount: items.count
            ) { i, row in
                let d = items[i]
                row = [
                    .integer(scanID), .text(d.kind), .text(d.resourceType), .text(d.address), .optional(d.liveID),
                    .optional(d.attribute), .optional(d.desired), .optional(d.live),
                ]
            }
        }
    }

    /// The drift items of a scan, in recorded order.
    public func drift(scanID: Int64) async throws -> [DriftRecord] {
        try await database.read { connection in
            try connection.query(
                """
                SELECT kind, resource_type, address, live_id, attribute, desired_value, live_value
                FROM drift_items WHERE scan_id = $1 ORDER BY id
                """, [.integer(scanID)]
            ).map { row in
                DriftRecord(
                    kind: row[0].string ?? "", resourceType: row[1].string ?? "", address: row[2].string ?? "",
                    liveID: row[3].string, attribute: row[4].string, desired: row[5].string,
                    live: row[6].string)
            }
        }
    }

    /// Records alerts; one whose `dedupeKey` is already stored is skipped. Returns how many were inserted.
    public func recordAlerts(_ alerts: [AlertRecord]) async throws -> Int {
        try await recordNewAlerts(alerts).count
    }

    /// Records alerts in one transaction, skipping stored `dedupeKey`s; returns the keys actually inserted, in order,
    /// so a caller can notify about new alerts only.
    public func recordNewAlerts(_ alerts: [AlertRecord]) async throws -> [String] {
        try await database.transaction { connection in
            var inserted: [String] = []
            for a in alerts {
                let rows = try connection.execute(
                    """
                    INSERT INTO alerts (dedupe_key, created_at, severity, principal, title, detail, source, score)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (dedupe_key) DO NOTHING
                    """,
                    [
                        .text(a.dedupeKey), .integer(Timestamp.micros(a.createdAt)), .text(a.severity.rawValue),
                        .text(a.principal), .text(a.title), .text(a.detail), .text(a.source), .optional(a.score),
                    ])
                if rows > 0 { inserted.append(a.dedupeKey) }
            }
            return inserted
        }
    }

    /// Alerts created at or after `since` (all when nil), newest first, at most `limit`.
    public func alerts(since: Date?, limit: Int) async throws -> [AlertRecord] {
        try await database.read { connection in
            try connection.query(
                """
                SELECT id, dedupe_key, created_at, severity, principal, title, detail, source, score FROM alerts
                WHERE created_at >= $1 ORDER BY created_at DESC, id DESC LIMIT $2
                """, [.integer(since.map(Timestamp.micros) ?? Int64.min), .int(max(0, limit))]
            ).map { row in
                AlertRecord(
                    id: row[0].int64, dedupeKey: row[1].string ?? "",
                    createdAt: row[2].int64.map(Timestamp.date) ?? .distantPast,
                    severity: try StoredVocabulary.decode(
                        row[3].string, as: Severity.self, column: "severity",
                        dialect: connection.dialect),
                    principal: row[4].string ?? "", title: row[5].string ?? "", detail: row[6].string ?? "",
                    source: row[7].string ?? "", score: row[8].double)
            }
        }
    }

    /// A named position (e.g. the last CloudTrail event read), nil when never set.
    public func cursor(_ name: String) async throws -> String? {
        try await database.read { connection in
            try connection.queryOne("SELECT value FROM cursors WHERE name = $1", [.text(name)])?[0].string
        }
    }

    /// Sets a named position.
    public func setCursor(_ name: String, _ value: String) async throws {
        _ = try await database.transaction { connection in
            try connection.execute(
                """
                INSERT INTO cursors (name, value, updated_at) VALUES ($1, $2, $3)
                ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """, [.text(name), .text(value), .integer(Timestamp.now)])
        }
    }
}
