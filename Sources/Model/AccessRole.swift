/// What an API token or dashboard viewer may do; each role includes every power of the roles below it.
public enum AccessRole: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    /// Reads targets, scans, findings, compliance, drift, alerts and remediations.
    case viewer
    /// Also approves and rejects remediations.
    case approver
    /// Also applies remediations and requests immediate reconcile cycles.
    case `operator`
    /// Also manages tokens.
    case admin

    private var rank: Int {
        switch self {
        case .viewer: return 0
        case .approver: return 1
        case .operator: return 2
        case .admin: return 3
        }
    }

    public static func < (lhs: AccessRole, rhs: AccessRole) -> Bool { lhs.rank < rhs.rank }
}
