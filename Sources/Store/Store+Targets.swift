import Foundation

extension Store {
    /// Saves (replaces) the reconcile status of a target.
    public func saveTargetStatus(_ s: TargetStatusRecord) async throws {
        _ = try await database.transaction { connection in
            try connection.execute(
                """
                INSERT INTO target_status (target, ready, reason, message, last_observed_commit, last_error,
                  last_attempt_at, next_run_at, failures, owner)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                ON CONFLICT (target) DO UPDATE SET ready = excluded.ready, reason = excluded.reason,
                  message = excluded.message, last_observed_commit = excluded.last_observed_commit,
                  last_error = excluded.last_error, last_attempt_at = excluded.last_attempt_at,
                  next_run_at = excluded.next_run_at, failures = excluded.failures, owner = excluded.owner
                """,
                [
                    .text(s.target), .text(s.ready), .text(s.reason), .text(s.message),
                    .optional(s.lastObservedCommit), .optional(s.lastError),
                    .integer(Timestamp.micros(s.lastAttemptAt)), Timestamp.value(s.nextRunAt), .int(s.failures),
                    .optional(s.owner),
                ])
        }
    }

    /// Every target's reconcile status, by target name.
    public func targetStatuses() async throws -> [TargetStatusRecord] {
        try await database.read { connection in
            try connection.query("SELECT * FROM target_status ORDER BY target", []).map(Self.targetStatus)
        }
    }

    /// One target's reconcile status, nil if none was saved yet.
    public func targetStatus(_ target: String) async throws -> TargetStatusRecord? {
        try await database.read { connection in
            try connection.queryOne("SELECT * FROM target_status WHERE target = $1", [.text(target)]).map(Self.targetStatus)
        }
    }

    private static func targetStatus(_ row: SQLRow) -> TargetStatusRecord {
        TargetStatusRecord(
            target: row.string("target") ?? "", ready: row.string("ready") ?? "Unknown",
            reason: row.string("reason") ?? "", message: row.string("message") ?? "",
            lastObservedCommit: row.string("last_observed_commit"), lastError: row.string("last_error"),
            lastAttemptAt: row.date("last_attempt_at") ?? .distantPast, nextRunAt: row.date("next_run_at"),
            failures: row.int("failures") ?? 0, owner: row.string("owner"))
    }

    /// Row lease with expiry: true if `owner` now holds the lease (new, expired, or already its own — then renewed).
    public func acquireLease(target: String, owner: String, ttl: Duration, now: Date) async throws -> Bool {
        try await claimLease(target: target, owner: owner, ttl: ttl, now: now) != .busy
    }

    /// Row lease with expiry that also tells a renewal from a takeover (see `LeaseClaim`), so a replica knows
    /// when to re-read a target's state that another replica may have changed. The lease records this process's
    /// host and id; a lease whose process died on this host is taken over at once, whatever its expiry.
    public func claimLease(target: String, owner: String, ttl: Duration, now: Date) async throws -> LeaseClaim {
        let nowMicros = Timestamp.micros(now)
        let (seconds, attoseconds) = ttl.components
        let ttlMicros = seconds.multipliedReportingOverflow(by: 1_000_000).partialValue + attoseconds / 1_000_000_000_000
        let host = LeaseHolder.currentHost
        let pid = Int64(LeaseHolder.currentPID)
        return try await database.transaction { connection in
            // Locking the row orders this claim after a scan being written under the current lease (ScanWriter
            // locks it too); SQLite's BEGIN IMMEDIATE already serialises.
            let current = try connection.queryOne(
                "SELECT owner, host, pid, expires_at FROM leases WHERE target = $1" + connection.forUpdate, [.text(target)]
            ).map(Self.leaseHolderRow)
            if let current, current.owner != owner, current.isDeadProcessOnThisHost {
                try connection.execute(
                    "DELETE FROM leases WHERE target = $1 AND owner = $2", [.text(target), .text(current.owner)])
            }
            // One statement: the conflict branch only takes over a lease that is ours or expired.
            let claimed =
                try connection.execute(
                    """
                    INSERT INTO leases (target, owner, expires_at, host, pid) VALUES ($1, $2, $3, $5, $6)
                    ON CONFLICT (target) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at,
                      host = excluded.host, pid = excluded.pid
                    WHERE leases.owner = excluded.owner OR leases.expires_at <= $4
                    """,
                    [
                        .text(target), .text(owner), .integer(nowMicros &+ ttlMicros), .integer(nowMicros), .text(host),
                        .integer(pid),
                    ]) == 1
            guard claimed else { return LeaseClaim.busy }
            return current?.owner == owner ? LeaseClaim.renewed : LeaseClaim.taken
        }
    }

    /// Who holds `target`'s lease (expired or not), nil when nobody does.
    public func leaseHolder(target: String) async throws -> LeaseHolder? {
        try await database.read { connection in
            try connection.queryOne("SELECT owner, host, pid, expires_at FROM leases WHERE target = $1", [.text(target)])
                .map(Self.leaseHolderRow)
        }
    }

    private static func leaseHolderRow(_ row: SQLRow) -> LeaseHolder {
        LeaseHolder(
            owner: row.string("owner") ?? "", host: row.string("host"),
            pid: row.int64("pid").flatMap { Int32(exactly: $0) }, expiresAt: row.date("expires_at") ?? .distantPast)
    }

    /// Gives up a lease if `owner` holds it.
    public func releaseLease(target: String, owner: String) async throws {
        _ = try await database.transaction { connection in
            try connection.execute("DELETE FROM leases WHERE target = $1 AND owner = $2", [.text(target), .text(owner)])
        }
    }
}
