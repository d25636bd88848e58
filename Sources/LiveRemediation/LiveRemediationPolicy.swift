/// How a target treats live fixes: the target's remediation mode, admin CIDR and the baseline's auto-remediable
/// checks. The reconcile stage builds it from `TargetConfig` and the target's `SecurityBaseline`.
public struct LiveRemediationPolicy: Sendable, Hashable {
    /// The target's remediation mode (same names as `TargetConfig.RemediationMode`).
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// Nothing is proposed.
        case off
        /// Live fixes are recorded as proposals for a person to approve (IaC fixes go through pull requests).
        case propose
        /// Live fixes wait for approval.
        case approve
        /// Fixes for checks in `autoRemediate` are approved and applied at once; the rest wait for approval.
        case auto
    }

    public var target: String
    public var mode: Mode
    public var adminCIDR: String?
    /// Check IDs the baseline lists as safe to fix without a person (`autoRemediate:`).
    public var autoRemediate: Set<String>

    /// Memberwise.
    public init(target: String, mode: Mode, adminCIDR: String? = nil, autoRemediate: Set<String> = []) {
        self.target = target
        self.mode = mode
        self.adminCIDR = adminCIDR
        self.autoRemediate = autoRemediate
    }

    /// Whether a fix for `checkID` may be applied without a person's approval.
    public func appliesAutomatically(_ checkID: String) -> Bool { mode == .auto && autoRemediate.contains(checkID) }
}
