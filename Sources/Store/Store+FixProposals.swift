import Foundation

extension Store {
    /// Inserts a fix proposal or updates the one for the same request (target, group, host, repository, number);
    /// returns the stored row.
    @discardableResult
    public func saveFixProposal(_ p: FixProposalRecord) async throws -> FixProposalRecord {
        let backend = backendName
        return try await database.transaction { connection in
            try connection.execute(
                """
                INSERT INTO fix_proposals (target, group_key, provider, repository, number, url, branch, state,
                  fingerprints, base_commit, fix_commit, created_at, updated_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                ON CONFLICT (target, group_key, provider, repository, number) DO UPDATE SET url = excluded.url,
                  branch = excluded.branch, state = excluded.state, fingerprints = excluded.fingerprints,
                  base_commit = excluded.base_commit, fix_commit = excluded.fix_commit, updated_at = excluded.updated_at
                """,
                [
                    .text(p.target), .text(p.groupKey), .text(p.provider), .text(p.repository), .int(p.number),
                    .text(p.url), .text(p.branch), .text(p.state), .text(p.fingerprints.sorted().joined(separator: "\n")),
                    .text(p.baseCommit), .text(p.fixCommit), .integer(Timestamp.micros(p.createdAt)),
                    .integer(Timestamp.micros(p.updatedAt)),
                ])
            guard
                let row = try connection.queryOne(
                    """
                    SELECT * FROM fix_proposals WHERE target = $1 AND group_key = $2 AND provider = $3 AND repository = $4
                      AND number = $5
                    """, [.text(p.target), .text(p.groupKey), .text(p.provider), .text(p.repository), .int(p.number)])
            else {
                throw StoreError(
                    .invalidData, "fix proposal \(p.target)/\(p.groupKey) #\(p.number) vanished",
                    backend: backend, operation: "save fix proposal")
            }
            return Self.fixProposal(row)
        }
    }

    /// The fix proposals of `target` (of one group when `group` is given), newest first.
    public func fixProposals(target: String, group: String? = nil) async throws -> [FixProposalRecord] {
        try await database.read { connection in
            var params: [SQLValue] = [.text(target)]
            var sql = "SELECT * FROM fix_proposals WHERE target = $1"
            if let group {
                params.append(.text(group))
                sql += " AND group_key = $2"
            }
            return try connection.query(sql + " ORDER BY id DESC", params).map(Self.fixProposal)
        }
    }

    private static func fixProposal(_ row: SQLRow) -> FixProposalRecord {
        FixProposalRecord(
            id: row.int64("id"), target: row.string("target") ?? "", groupKey: row.string("group_key") ?? "",
            provider: row.string("provider") ?? "", repository: row.string("repository") ?? "",
            number: row.int("number") ?? 0, url: row.string("url") ?? "", branch: row.string("branch") ?? "",
            state: row.string("state") ?? "", fingerprints: (row.string("fingerprints") ?? "").split(separator: "\n").map(String.init),
            baseCommit: row.string("base_commit") ?? "", fixCommit: row.string("fix_commit") ?? "",
            createdAt: row.date("created_at") ?? .distantPast, updatedAt: row.date("updated_at") ?? .distantPast)
    }
}
