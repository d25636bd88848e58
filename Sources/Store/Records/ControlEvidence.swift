import Model

/// One result of a scan that evidences one control: only what the compliance view shows of it.
public struct ControlEvidence: Sendable, Hashable {
    /// The control's id within its framework (`2.1.1` of `cis-aws:2.1.1`).
    public var controlID: String
    public var checkID: String
    public var resourceAddress: String
    public var verdict: Verdict.Kind
    public var file: String?
    public var line: Int?

    /// Memberwise.
    public init(controlID: String, checkID: String, resourceAddress: String, verdict: Verdict.Kind, file: String?, line: Int?) {
        self.controlID = controlID
        self.checkID = checkID
        self.resourceAddress = resourceAddress
        self.verdict = verdict
        self.file = file
        self.line = line
    }
}
