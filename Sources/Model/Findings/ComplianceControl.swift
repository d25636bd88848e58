/// One control of a compliance framework (a CIS recommendation).
public struct ComplianceControl: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    /// False for controls that need a human (process, console-only settings): never scored.
    public var automated: Bool

    /// Builds a control.
    public init(id: String, title: String, automated: Bool) {
        self.id = id
        self.title = title
        self.automated = automated
    }
}
