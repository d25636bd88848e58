/// One control's status in one scan.
public struct ComplianceRecord: Sendable, Hashable, Codable {
    public var framework: String
    public var frameworkVersion: String
    public var controlID: String
    public var title: String
    public var automated: Bool
    /// "passed", "failed", "unknown", "not_applicable" or "manual".
    public var status: String
    public var passed: Int
    public var failed: Int
    public var unknown: Int

    /// Memberwise.
    public init(framework: String, frameworkVersion: String, controlID: String, title: String, automated: Bool,
                status: String, passed: Int, failed: Int, unknown: Int) {
        self.framework = framework
        self.frameworkVersion = frameworkVersion
        self.controlID = controlID
        self.title = title
        self.automated = automated
        self.status = status
        self.passed = passed
        self.failed = failed
        self.unknown = unknown
    }
}
