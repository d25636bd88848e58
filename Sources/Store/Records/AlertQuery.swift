import Foundation
import Model

/// Which alerts to list: filters combined with AND, newest first, a page before a cursor.
public struct AlertQuery: Sendable, Hashable {
    public var severities: Set<Severity> = []
    public var principal: String?
    /// "rule" or "model".
    public var source: String?
    /// Created at or after.
    public var since: Date?
    /// Created before.
    public var until: Date?
    /// Alerts with a smaller id than this (the `nextCursor` of the previous page).
    public var beforeID: Int64?
    public var limit: Int = 100

    /// Every alert, the newest `limit`.
    public init(limit: Int = 100) { self.limit = limit }
}

/// A stored alert with who acknowledged it.
public struct StoredAlert: Sendable, Hashable {
    public var alert: AlertRecord
    public var acknowledgedAt: Date?
    public var acknowledgedBy: String?

    /// Memberwise.
    public init(alert: AlertRecord, acknowledgedAt: Date?, acknowledgedBy: String?) {
        self.alert = alert
        self.acknowledgedAt = acknowledgedAt
        self.acknowledgedBy = acknowledgedBy
    }
}
