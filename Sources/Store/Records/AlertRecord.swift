import Foundation
import Model

/// An alert raised by a rule or a model; `dedupeKey` makes raising the same alert twice a no-op.
public struct AlertRecord: Sendable, Hashable, Codable {
    /// Set by the store once recorded.
    public var id: Int64?
    public var dedupeKey: String
    public var createdAt: Date
    public var severity: Severity
    public var principal: String
    public var title: String
    /// JSON text.
    public var detail: String
    /// "rule" or "model".
    public var source: String
    public var score: Double?

    /// Memberwise.
    public init(
        id: Int64? = nil, dedupeKey: String, createdAt: Date, severity: Severity, principal: String,
        title: String, detail: String, source: String, score: Double? = nil
    ) {
        self.id = id
        self.dedupeKey = dedupeKey
        self.createdAt = createdAt
        self.severity = severity
        self.principal = principal
        self.title = title
        self.detail = detail
        self.source = source
        self.score = score
    }
}
