/// What an API token or dashboard session may do; each role includes the ones below it.
public enum AccessRole: String, Sendable, Codable, CaseIterable, Comparable {
    case viewer, approver, `operator`, admin
    public static func < (lhs: AccessRole, rhs: AccessRole) -> Bool { lhs.rank < rhs.rank }
    private var rank: Int { AccessRole.allCases.firstIndex(of: self) ?? 0 }
}
