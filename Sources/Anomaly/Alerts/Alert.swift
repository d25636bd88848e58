import Model

/// One alert: who, which window, how bad, and why — always with reasons a person can check.
public struct Alert: Sendable, Hashable, Codable {
    /// What raised the alert; encoded as `{"kind":"rule","id":"…"}` or `{"kind":"model"}`.
    public enum Source: Sendable, Hashable, Codable, CustomStringConvertible {
        case rule(String)
        case model
        public var description: String {
            switch self {
            case .rule(let id): return "rule \(id)"
            case .model: return "model"
            }
        }

        enum CodingKeys: String, CodingKey { case kind, id }

        /// Reads `{"kind":"rule","id":…}` or `{"kind":"model"}`.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            switch try container.decode(String.self, forKey: .kind) {
            case "rule": self = .rule(try container.decode(String.self, forKey: .id))
            case "model": self = .model
            case let other:
                throw DecodingError.dataCorruptedError(
                    forKey: .kind, in: container, debugDescription: "unknown alert source kind \"\(other)\"")
            }
        }

        /// Writes the kind, and the rule id for rule alerts.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .rule(let id):
                try container.encode("rule", forKey: .kind)
                try container.encode(id, forKey: .id)
            case .model:
                try container.encode("model", forKey: .kind)
            }
        }
    }

    /// The same condition in the same window gives the same key, so stores and sinks can drop repeats.
    public var dedupeKey: String
    public var severity: Severity
    public var principal: String
    public var account: String
    public var windowStart: Double
    public var windowEnd: Double
    public var title: String
    /// Why: features against the principal's normal, or the event that matched a rule.
    public var reasons: [String]
    /// The window's anomaly score (model alerts; rules carry the window score when known).
    public var score: Double?
    public var source: Source

    /// An alert from its parts.
    public init(
        dedupeKey: String, severity: Severity, principal: String, account: String, windowStart: Double,
        windowEnd: Double, title: String, reasons: [String], score: Double?, source: Source
    ) {
        self.dedupeKey = dedupeKey
        self.severity = severity
        self.principal = principal
        self.account = account
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.title = title
        self.reasons = reasons
        self.score = score
        self.source = source
    }

    /// Several lines for a terminal: severity, title, principal and window, then one reason per line.
    public var text: String {
        var s = "[\(severity.displayName)] \(title)\n  principal: \(principal)"
        if !account.isEmpty { s += " (account \(account))" }
        s += "\n  window: \(Timestamp.format(windowStart)) – \(Timestamp.format(windowEnd))"
        s += "\n  source: \(source)"
        if let score { s += String(format: "  score: %.3f", score) }
        for r in reasons { s += "\n  - \(r)" }
        return s
    }
}
