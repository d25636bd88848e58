import Model

/// Who is looking at the dashboard: the name recorded in audit trails and the role that bounds what is shown.
public struct DashboardViewer: Sendable {
    public let name: String
    public let role: AccessRole

    /// A viewer with a name and a role.
    public init(name: String, role: AccessRole) {
        self.name = name
        self.role = role
    }

    /// Whether this viewer may approve or reject remediation requests.
    var mayDecide: Bool { role >= .approver }
}
