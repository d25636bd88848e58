/// A compliance control's status over a set of check results. The raw values are what reports print and the
/// store keeps.
public enum ControlStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// Every mapped result passed.
    case passed
    /// At least one mapped result failed.
    case failed
    /// None failed, but at least one could not be decided before apply.
    case unknown
    /// The benchmark marks the control Manual: it needs human review and is never scored.
    case notAutomated = "manual"
    /// Automated, but no check result maps to it (no mapped check, no matching resource, or all skipped).
    case notApplicable = "not_applicable"
}
