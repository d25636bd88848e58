import Foundation

/// The states of a remediation request.
public enum RemediationStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case proposed, approved, rejected, applying, applied, failed, verified
}

/// A proposed fix for a finding, and where it stands.
public struct RemediationRecord: Sendable, Hashable, Codable {
    /// Set by the store once created.
    public var id: Int64?
    /// Unique: creating the same key twice returns the first record.
    public var idempotencyKey: String
    public var target: String
    public var checkID: String
    public var resourceAddress: String
    public var liveID: String?
    /// "iac" or "live".
    public var kind: String
    public var status: RemediationStatus
    /// JSON text.
    public var plan: String
    public var error: String?
    public var detectedAt: Date
    public var createdAt: Date
    public var updatedAt: Date
    public var verifiedAt: Date?

    /// Memberwise.
    public init(
        id: Int64? = nil, idempotencyKey: String, target: String, checkID: String, resourceAddress: String,
        liveID: String? = nil, kind: String, status: RemediationStatus = .proposed, plan: String,
        error: String? = nil, detectedAt: Date, createdAt: Date, updatedAt: Date, verifiedAt: Date? = nil
    ) {
        self.id = id
        self.idempotencyKey = idempotencyKey
        self.target = target
        self.checkID = checkID
        self.resourceAddress = resourceAddress
        self.liveID = liveID
        self.kind = kind
        self.status = status
        self.plan = plan
        self.error = error
        self.detectedAt = detectedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.verifiedAt = verifiedAt
    }
}

/// One recorded change of a remediation's status (creation has no `fromStatus`).
public struct AuditEvent: Sendable, Hashable, Codable {
    public var remediationID: Int64
    public var at: Date
    public var actor: String
    public var fromStatus: RemediationStatus?
    public var toStatus: RemediationStatus
    public var detail: String

    /// Memberwise.
    public init(
        remediationID: Int64, at: Date, actor: String, fromStatus: RemediationStatus?,
        toStatus: RemediationStatus, detail: String
    ) {
        self.remediationID = remediationID
        self.at = at
        self.actor = actor
        self.fromStatus = fromStatus
        self.toStatus = toStatus
        self.detail = detail
    }
}
