/// One control's outcome over a set of check results: its status and the tallies behind it.
public struct ControlResult: Sendable, Hashable, Codable {
    public var control: ComplianceControl
    public var status: ControlStatus
    public var passed: Int
    public var failed: Int
    public var unknown: Int

    /// Memberwise.
    public init(control: ComplianceControl, status: ControlStatus, passed: Int, failed: Int, unknown: Int) {
        self.control = control
        self.status = status
        self.passed = passed
        self.failed = failed
        self.unknown = unknown
    }
}
