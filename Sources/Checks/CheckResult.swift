import Model

/// One check evaluated on one resource.
public struct CheckResult: Sendable {
    /// The check, shared by reference: a scan holds hundreds of thousands of results of a hundred checks,
    /// and copying a result should not copy its check's strings and condition tree.
    private var checkBox: CheckBox
    public var check: CheckDefinition {
        get { checkBox.definition }
        set { checkBox = CheckBox(newValue) }
    }
    public var resourceAddress: String
    public var resourceType: String
    /// The resource's source range, when it came from configuration.
    public var range: SourceRange?
    public var verdict: Verdict
    /// Which attribute and value decided the verdict.
    public var evidence: String

    /// Builds a result.
    public init(
        check: CheckDefinition, resourceAddress: String, resourceType: String, range: SourceRange?,
        verdict: Verdict, evidence: String
    ) {
        self.init(
            checkBox: CheckBox(check), resourceAddress: resourceAddress, resourceType: resourceType, range: range,
            verdict: verdict, evidence: evidence)
    }

    init(
        checkBox: CheckBox, resourceAddress: String, resourceType: String, range: SourceRange?, verdict: Verdict,
        evidence: String
    ) {
        self.checkBox = checkBox
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

/// An immutable reference to a check definition, shared by the results of that check.
final class CheckBox: Sendable {
    let definition: CheckDefinition
    init(_ definition: CheckDefinition) { self.definition = definition }
}
