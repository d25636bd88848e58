import Foundation

extension Store {
    /// Creates a remediation request, or returns the existing one with the same idempotency key (`created` false).
    public func createRemediation(_ r: RemediationRecord) async throws -> (record: RemediationRecord, created: Bool) {
        let backend = backendName
        return try await database.transaction { connection in
            let id = try connection.queryOne(
                """
                INSERT INTO remediations (idempotency_key, target, check_id, resource_address, live_id, kind, status,
                  plan, error, detected_at, created_at, updated_at, verified_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                ON CONFLICT (idempotency_key) DO NOTHING RETURNING id
                """,
                [
                    .text(r.idempotencyKey), .text(r.target), .text(r.checkID), .text(r.resourceAddress),
                    .optional(r.liveID), .text(r.kind), .text(r.status.rawValue), .text(r.plan), .optional(r.error),
                    .integer(Timestamp.micros(r.detectedAt)), .integer(Timestamp.micros(r.createdAt)),
                    .integer(Timestamp.micros(r.updatedAt)), Timestamp.value(r.verifiedAt),
                ])?[0].int64
            if let id {
                try Self.audit(
                    connection, id: id, at: r.createdAt, actor: "bulwark", from: nil, to: r.status,
                    detail: "created")
            }
            guard
                let row = try connection.queryOne(
                    "SELECT * FROM remediations WHERE idempotency_key = $1", [.text(r.idempotencyKey)])
            else {
                throw StoreError(
                    .invalidData, "remediation \(r.idempotencyKey) vanished", backend: backend,
                    operation: "create remediation")
            }
            return (Self.remediation(row), id != nil)
        }
    }

    /// One remediation by id.
    public func remediation(id: Int64) async throws -> RemediationRecord? {
        try await database.read { connection in
            try connection.queryOne("SELECT * FROM remediations WHERE id = $1", [.integer(id)]).map(Self.remediation)
        }
    }

    /// Remediations filtered by status and target (nil: any), oldest first.
    public func remediations(status: RemediationStatus?, target: String?) async throws -> [RemediationRecord] {
        try await database.read { connection in
            var conditions: [String] = []
            var params: [SQLValue] = []
            if let status {
                params.append(.text(status.rawValue))
                conditions.append("status = $\(params.count)")
            }
            if let target {
                params.append(.text(target))
                conditions.append("target = $\(params.count)")
            }
            let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            return try connection.query("SELECT * FROM remediations\(filter) ORDER BY id", params).map(Self.remediation)
        }
    }

    /// Atomic compare-and-set: succeeds only if the current status is in `from`; writes an audit event in the same
    /// transaction. nil = status not in `from`; a missing id throws `.notFound`.
    public func transitionRemediation(
        id: Int64, from: Set<RemediationStatus>, to: RemediationStatus, actor: String,
        detail: String, at: Date
    ) async throws -> RemediationRecord? {
        let backend = backendName
        return try await database.transaction { connection in
            guard
                let current = try connection.queryOne(
                    "SELECT status FROM remediations WHERE id = $1" + connection.forUpdate, [.integer(id)])
            else {
                throw StoreError(.notFound, "no remediation \(id)", backend: backend, operation: "transition remediation")
            }
            guard let status = current[0].string.flatMap(RemediationStatus.init), from.contains(status) else {
                return nil
            }
            let when = Timestamp.micros(at)
            // The status test repeats in the UPDATE, so the compare-and-set holds even without the row lock.
            let changed = try connection.execute(
                """
                UPDATE remediations SET status = $1, updated_at = $2,
                  verified_at = CASE WHEN $1 = 'verified' THEN $2 ELSE verified_at END,
                  error = CASE WHEN $1 = 'failed' THEN $3 ELSE error END
                WHERE id = $4 AND status = $5
                """, [.text(to.rawValue), .integer(when), .text(detail), .integer(id), .text(status.rawValue)])
            guard changed == 1 else { return nil }
            try Self.audit(connection, id: id, at: at, actor: actor, from: status, to: to, detail: detail)
            return try connection.queryOne("SELECT * FROM remediations WHERE id = $1", [.integer(id)])
                .map(Self.remediation)
        }
    }

    /// The audit trail of a remediation, oldest first.
    public func auditEvents(remediationID: Int64) async throws -> [AuditEvent] {
        try await database.read { connection in
            try connection.query(
                """
                SELECT remediation_id, occurred_at, actor, from_status, to_status, detail FROM audit_events
                WHERE remediation_id = $1 ORDER BY id
                """, [.integer(remediationID)]
            ).map { row in
                AuditEvent(
                    remediationID: row[0].int64 ?? remediationID,
                    at: row[1].int64.map(Timestamp.date) ?? .distantPast, actor: row[2].string ?? "",
                    fromStatus: row[3].string.flatMap(RemediationStatus.init),
                    toStatus: row[4].string.flatMap(RemediationStatus.init) ?? .proposed,
                    detail: row[5].string ?? "")
            }
        }
    }

    private static func audit(
        _ connection: any DatabaseConnection, id: Int64, at: Date, actor: String,
        from: RemediationStatus?, to: RemediationStatus, detail: String
    ) throws {
        try connection.execute(
            """
            INSERT INTO audit_events (remediation_id, occurred_at, actor, from_status, to_status, detail)
            VALUES ($1, $2, $3, $4, $5, $6)
            """,
            [
                .integer(id), .integer(Timestamp.micros(at)), .text(actor), .optional(from?.rawValue),
                .text(to.rawValue), .text(detail),
            ])
    }

    private static func remediation(_ row: SQLRow) -> RemediationRecord {
        RemediationRecord(
            id: row.int64("id"), idempotencyKey: row.string("idempotency_key") ?? "", target: row.string("target") ?? "",
            checkID: row.string("check_id") ?? "", resourceAddress: row.string("resource_address") ?? "",
            liveID: row.string("live_id"), kind: row.string("kind") ?? "",
            status: row.string("status").flatMap(RemediationStatus.init) ?? .proposed, plan: row.string("plan") ?? "",
            error: row.string("error"), detectedAt: row.date("detected_at") ?? .distantPast,
            createdAt: row.date("created_at") ?? .distantPast, updatedAt: row.date("updated_at") ?? .distantPast,
            verifiedAt: row.date("verified_at"))
    }
}
