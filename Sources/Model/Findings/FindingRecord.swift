/// One check result of a scan as the layers above the engine exchange it: what reports render from the store
/// and what the store keeps; failed ones are the findings whose lifecycle the store tracks.
public struct FindingRecord: Sendable, Hashable, Codable {
    /// Stable across scans for the same check on the same resource.
    public var fingerprint: Fingerprint
    public var checkID: String
    public var title: String
    public var severity: Severity
    public var verdict: Verdict.Kind
    public var resourceAddress: String
    public var resourceType: String
    public var file: String?
    public var line: Int?
    public var message: String?
    /// Controls this result evidences, as "framework:control" ("cis-aws:2.1.1").
    public var controls: [String]
    public var suppression: FindingSuppression?

    /// Memberwise.
    public init(
        fingerprint: Fingerprint, checkID: String, title: String, severity: Severity, verdict: Verdict.Kind,
        resourceAddress: String, resourceType: String, file: String? = nil, line: Int? = nil,
        message: String? = nil, controls: [String] = [], suppression: FindingSuppression? = nil
    ) {
        self.fingerprint = fingerprint
        self.checkID = checkID
        self.title = title
        self.severity = severity
        self.verdict = verdict
        self.resourceAddress = resourceAddress
        self.resourceType = resourceType
        self.file = file
        self.line = line
        self.message = message
        self.controls = controls
        self.suppression = suppression
    }
}
