import Model

/// The answer of one check for one resource.
public enum Verdict: Sendable, Hashable, CustomStringConvertible {
    case passed
    case failed
    /// The answer depends on values known only after apply.
    case unknown(reason: String)
    /// A suppression applied; the condition was not evaluated.
    case skipped(reason: String)

    public var description: String {
        switch self {
        case .passed: return "PASSED"
        case .failed: return "FAILED"
        case .unknown: return "UNKNOWN"
        case .skipped: return "SKIPPED"
        }
    }
}

/// One check evaluated on one resource.
public struct CheckResult: Sendable {
    public var check: CheckDefinition
    public var resourceAddress: String
    public var resourceType: String
    /// The resource's source range, when it came from configuration.
    public var range: SourceRange?
    public var verdict: Verdict
    /// Which attribute and value decided the verdict.
    public var evidence: String

    /// Builds a result.
    public init(check: CheckDefinition, resourceAddress: String, resourceType: String, range: SourceRange?,
                verdict: Verdict, evidence: String) {
        self.check = check
        self.resourceAddress = resourceAddress
        self.resourceType = resourceType
        self.range = range
        self.verdict = verdict
        self.evidence = evidence
    }

    public var checkID: String { check.id }

    /// The baseline identity of this finding (check ID and resource address, never line numbers).
    public var fingerprint: Fingerprint { Fingerprint(checkID: check.id, resource: resourceAddress) }
}
