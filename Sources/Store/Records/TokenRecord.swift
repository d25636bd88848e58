import Foundation
import Model

/// An API token as stored: its name, role and the hash of its secret (the secret itself is never kept).
public struct TokenRecord: Sendable, Hashable, Codable {
    public var name: String
    public var role: AccessRole
    /// SHA-256 of the token, base64url without padding.
    public var hash: String
    public var createdAt: Date
    /// Set once the token is revoked; a revoked token authenticates nothing.
    public var revokedAt: Date?

    /// Memberwise.
    public init(name: String, role: AccessRole, hash: String, createdAt: Date, revokedAt: Date? = nil) {
        self.name = name
        self.role = role
        self.hash = hash
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}

/// One change made through the API, other than a remediation's (those are `AuditEvent`s).
public struct APIAuditEvent: Sendable, Hashable, Codable {
    public var at: Date
    /// The token name that made the change.
    public var actor: String
    /// What was done ("reconcile", "token.create", …).
    public var action: String
    /// What it was done to (a target, a token name, …).
    public var subject: String
    public var detail: String

    /// Memberwise.
    public init(at: Date, actor: String, action: String, subject: String, detail: String) {
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
    }
}
