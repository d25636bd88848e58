import Foundation
import LiveRemediation
import Store

/// A remediation request as the API shows it; with its audit trail when shown alone.
struct RemediationView: Encodable, Sendable {
    struct Event: Encodable, Sendable {
        var at: Date
        var actor: String
        var from: String?
        var to: String
        var detail: String
    }

    var id: Int64
    var target: String
    var checkID: String
    var resourceAddress: String
    var liveID: String?
    var kind: String
    var status: String
    var error: String?
    var detectedAt: Date
    var createdAt: Date
    var updatedAt: Date
    var verifiedAt: Date?
    var audit: [Event]?

    init(_ record: RemediationRecord, audit: [AuditEvent]? = nil) {
        id = record.id ?? 0
        target = record.target
        checkID = record.checkID
        resourceAddress = record.resourceAddress
        liveID = record.liveID
        kind = record.kind
        status = record.status.rawValue
        error = record.error
        detectedAt = record.detectedAt
        createdAt = record.createdAt
        updatedAt = record.updatedAt
        verifiedAt = record.verifiedAt
        self.audit = audit?.map {
            Event(at: $0.at, actor: $0.actor, from: $0.fromStatus?.rawValue, to: $0.toStatus.rawValue, detail: $0.detail)
        }
    }
}

/// What an apply did (or, for a dry run, would do).
struct ApplyView: Encodable, Sendable {
    var remediation: RemediationView
    var dryRun: Bool
    /// verified, applied, failed, not_applied or planned (dry run).
    var result: String
    var detail: String?
    /// The calls sent (or that would be sent).
    var calls: [LiveAPICall]
}
