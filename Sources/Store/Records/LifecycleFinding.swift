import Foundation
import Model

/// A finding of a target as the lifecycle table holds it: when it appeared, when it was last seen or fixed.
public struct LifecycleFinding: Sendable, Hashable, Codable {
    public var fingerprint: Fingerprint
    public var checkID: String
    public var title: String
    public var severity: Severity
    public var resourceAddress: String
    public var file: String?
    public var line: Int?
    public var state: LifecycleState
    public var firstSeenCommit: String
    public var firstSeenAt: Date
    public var lastSeenCommit: String
    public var resolvedInCommit: String?
    public var resolvedAt: Date?
    public var suppression: FindingSuppression?
    /// How often it failed again after being resolved.
    public var reopenCount: Int

    /// Memberwise.
    public init(
        fingerprint: Fingerprint, checkID: String, title: String, severity: Severity, resourceAddress: String,
        file: String?, line: Int?, state: LifecycleState, firstSeenCommit: String, firstSeenAt: Date,
        lastSeenCommit: String, resolvedInCommit: String?, resolvedAt: Date?,
        suppression: FindingSuppression?, reopenCount: Int = 0
    ) {
        self.fingerprint = fingerprint
        self.checkID = checkID
        self.title = title
        self.severity = severity
        self.resourceAddress = resourceAddress
        self.file = file
        self.line = line
        self.state = state
        self.firstSeenCommit = firstSeenCommit
        self.firstSeenAt = firstSeenAt
        self.lastSeenCommit = lastSeenCommit
        self.resolvedInCommit = resolvedInCommit
        self.resolvedAt = resolvedAt
        self.suppression = suppression
        self.reopenCount = reopenCount
    }
}
