/// How bad a failed check is. The raw values are the strings reports print and the store keeps.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case critical, high, medium, low

    private var rank: Int {
        switch self {
        case .critical: return 3
        case .high: return 2
        case .medium: return 1
        case .low: return 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// The upper-case form reports and alerts print (`CRITICAL`).
    public var displayName: String { rawValue.uppercased() }
}
