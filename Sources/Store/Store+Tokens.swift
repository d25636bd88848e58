import Foundation
import Model

extension Store {
    /// Stores a new token; a name already in use (revoked or not) throws `.constraint`.
    public func createToken(_ token: TokenRecord) async throws {
        let backend = backendName
        try await database.transaction { connection in
            let inserted = try connection.execute(
                """
                INSERT INTO api_tokens (name, role, hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT DO NOTHING
                """,
                [
                    .text(token.name), .text(token.role.rawValue), .text(token.hash),
                    .integer(Timestamp.micros(token.createdAt)), Timestamp.value(token.revokedAt),
                ])
            guard inserted == 1 else {
                throw StoreError(
                    .constraint, "a token named \(token.name) already exists", backend: backend,
                    operation: "create token")
            }
        }
    }

    /// The token whose hash is `hash` (revoked ones included: the caller tells them apart), nil if none.
    public func token(hash: String) async throws -> TokenRecord? {
        try await database.read { connection in
            try connection.queryOne("SELECT * FROM api_tokens WHERE hash = $1", [.text(hash)]).map {
                try Self.token($0, dialect: connection.dialect)
            }
        }
    }

    /// Every token, revoked ones included, by name.
    public func tokens() async throws -> [TokenRecord] {
        try await database.read { connection in
            try connection.query("SELECT * FROM api_tokens ORDER BY name", []).map {
                try Self.token($0, dialect: connection.dialect)
            }
        }
    }

    /// Revokes the named token; false when there is no such token or it was revoked already.
    public func revokeToken(name: String, at: Date) async throws -> Bool {
        try await database.transaction { connection in
            try connection.execute(
                "UPDATE api_tokens SET revoked_at = $1 WHERE name = $2 AND revoked_at IS NULL",
                [.integer(Timestamp.micros(at)), .text(name)]) == 1
        }
    }

    /// Records a change made through the API.
    public func recordAPIAudit(_ event: APIAuditEvent) async throws {
        _ = try await database.transaction { connection in
            try connection.execute(
                "INSERT INTO api_audit (occurred_at, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5)",
                [
                    .integer(Timestamp.micros(event.at)), .text(event.actor), .text(event.action),
                    .text(event.subject), .text(event.detail),
                ])
        }
    }

    /// The latest `limit` API audit events, oldest first.
    public func apiAuditEvents(limit: Int) async throws -> [APIAuditEvent] {
        try await database.read { connection in
            try connection.query(
                """
                SELECT occurred_at, actor, action, subject, detail FROM api_audit ORDER BY occurred_at DESC, id DESC
                LIMIT $1
                """, [.int(max(0, limit))]
            ).reversed().map { row in
                APIAuditEvent(
                    at: row.date("occurred_at") ?? .distantPast, actor: row.string("actor") ?? "",
                    action: row.string("action") ?? "", subject: row.string("subject") ?? "",
                    detail: row.string("detail") ?? "")
            }
        }
    }

    private static func token(_ row: SQLRow, dialect: SQLDialect) throws -> TokenRecord {
        TokenRecord(
            name: row.string("name") ?? "",
            role: try StoredVocabulary.decode(row.string("role"), as: AccessRole.self, column: "role", dialect: dialect),
            hash: row.string("hash") ?? "", createdAt: row.date("created_at") ?? .distantPast,
            revokedAt: row.date("revoked_at"))
    }
}
