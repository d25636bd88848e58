import Foundation

/// Why a failed result is accepted, and until when.
public struct Suppression: Sendable, Hashable, Codable {
    public var reason: String
    public var expires: Date?

    /// Memberwise.
    public init(reason: String, expires: Date? = nil) {
        self.reason = reason
        self.expires = expires
    }
}

/// One check result of a scan; failed ones are the findings whose lifecycle the store tracks.
public struct FindingRecord: Sendable, Hashable, Codable {
    /// Stable across scans for the same check on the same resource.
    public var fingerprint: String
    public var checkID: String
    public var title: String
    public var severity: String
    /// "passed", "failed", "unknown" or "skipped".
    public var verdict: String
    public var resourceAddress: String
    public var resourceType: String
    public var file: String?
    public var line: Int?
    public var message: String?
    /// Controls this result evidences, as "framework:control" ("cis-aws:2.1.1").
    public var controls: [String]
    public var suppression: Suppression?

    /// Memberwise.
    public init(fingerprint: String, checkID: String, title: String, severity: String, verdict: String,
                resourceAddress: String, resourceType: String, file: String? = nil, line: Int? = nil,
                message: String? = nil, controls: [String] = [], suppression: Suppression? = nil) {
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
